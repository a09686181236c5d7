import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import type { FoundTarget } from '../../messages';
import { MarkRegistry } from '../mark-registry';

const trump: FoundTarget = { type: 'entity', id: 'donald-trump', kind: 'person', disputed: true, telling: true };
const nato: FoundTarget = { type: 'entity', id: 'nato', kind: 'organization', disputed: false, telling: true };
const claim: FoundTarget = {
  type: 'claim',
  aspect: 'trump-air-support',
  value: 'offered',
  subject: 'donald-trump',
  disputed: true,
  telling: true,
};

function mark(parent: HTMLElement = document.body): HTMLElement {
  const m = document.createElement('mark');
  m.className = 'cc-mark';
  parent.append(m);
  return m;
}

describe('MarkRegistry', () => {
  beforeEach(() => document.body.replaceChildren());

  it('is the record of what each mark is, with its data attributes', () => {
    const r = new MarkRegistry();
    const [a, b, c] = [mark(), mark(), mark()];
    r.register(a, trump, 0);
    r.register(b, nato, 10);
    r.register(c, claim, 20);
    expect(r.targetOf(a)).toBe(trump);
    expect(r.targetOf(c)).toBe(claim);
    expect(r.targetOf(mark())).toBeUndefined();
    expect({ ...a.dataset }).toEqual({ crosscheckId: 'donald-trump', crosscheckKind: 'person' });
    expect({ ...c.dataset }).toEqual({
      crosscheckId: 'trump-air-support',
      crosscheckKind: 'claim',
      crosscheckValue: 'offered',
    });
  });

  it('puts the first mark of every item in the tab order, every disputed sentence, none inside links', () => {
    const r = new MarkRegistry();
    const first = mark();
    const second = mark();
    const link = document.createElement('a');
    link.href = '#';
    document.body.append(link);
    const inLink = mark(link);
    r.register(inLink, nato, 0);
    r.register(first, trump, 5);
    r.register(second, trump, 50);
    const c1 = mark();
    const c2 = mark();
    r.register(c1, claim, 100);
    r.register(c2, claim, 200);
    expect([first.tabIndex, second.tabIndex, c1.tabIndex, c2.tabIndex]).toEqual([0, -1, 0, 0]);
    expect(first.getAttribute('role')).toBe('button');
    expect(first.getAttribute('aria-haspopup')).toBe('dialog');
    expect(first.getAttribute('aria-expanded')).toBe('false');
    expect(inLink.tabIndex).toBe(-1);
    expect(inLink.hasAttribute('role')).toBe(false);
  });

  it('styles from the target and the settings', () => {
    const r = new MarkRegistry();
    const [a, b, c] = [mark(), mark(), mark()];
    r.register(a, trump, 0);
    r.register(b, nato, 1);
    r.register(c, claim, 2);
    for (const m of [a, b, c]) r.style(m, DEFAULT_SETTINGS);
    expect([...a.classList]).toEqual(['cc-mark', 'cc-disputed']);
    expect([...b.classList]).toEqual(['cc-mark']);
    expect([...c.classList]).toEqual(['cc-mark', 'cc-claim']);
    r.style(a, { ...DEFAULT_SETTINGS, highlightStyle: 'underline', highContrast: true });
    expect([...a.classList]).toEqual(['cc-mark', 'cc-disputed', 'cc-s-underline', 'cc-hc']);
  });

  it('forgets everything on clear: the next first mark is tabbable again', () => {
    const r = new MarkRegistry();
    const a = mark();
    r.register(a, trump, 0);
    r.clear();
    expect(r.targetOf(a)).toBeUndefined();
    const b = mark();
    r.register(b, trump, 0);
    expect(b.tabIndex).toBe(0);
  });
});

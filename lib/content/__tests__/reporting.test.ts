import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import type { ScanReply } from '../../messages';
import { PageFindings, reportSummary } from '../reporting';

const page = { url: 'https://example.org/a', host: 'example.org', active: true };

const reply = (over: Partial<ScanReply> = {}): ScanReply => ({
  relevant: true,
  stories: ['nato'],
  source: null,
  quiet: false,
  targets: [
    { type: 'entity', id: 'donald-trump', kind: 'person', disputed: true, telling: true },
    { type: 'entity', id: 'nato', kind: 'organization', disputed: false, telling: true },
    {
      type: 'claim',
      aspect: 'trump-air-support',
      value: 'offered',
      subject: 'donald-trump',
      disputed: true,
      telling: true,
    },
  ],
  ranges: [0, 5, 1, 10, 40, 2, 12, 17, 0, 50, 54, 1, 60, 64, 1],
  events: [
    ['summit', 1],
    ['call', 3],
  ],
  ...over,
});

describe('PageFindings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('counts the items shown, strongest first, with events, disputed sentences and the disagreement flag', () => {
    const f = new PageFindings();
    f.relevant = true;
    f.add(reply(), DEFAULT_SETTINGS.kinds);
    f.add(reply({ events: [['summit', 5]], ranges: [0, 5, 0], stories: ['arctic', 'nato'] }), DEFAULT_SETTINGS.kinds);
    expect(f.summary(page)).toEqual({
      ...page,
      relevant: true,
      stories: ['nato', 'arctic'],
      source: null,
      items: [
        { id: 'nato', kind: 'organization', count: 3 },
        { id: 'donald-trump', kind: 'person', count: 2 },
      ],
      events: ['summit', 'call'],
      claims: ['trump-air-support'],
      assertions: [{ aspect: 'trump-air-support', value: 'offered' }],
      disputed: true,
    });
  });

  it('leaves out the kinds not shown; without them and without sentences nothing is disputed', () => {
    const f = new PageFindings();
    const kinds = { ...DEFAULT_SETTINGS.kinds, person: false };
    f.add(reply({ ranges: [0, 5, 0, 50, 54, 1] }), kinds);
    const s = f.summary(page);
    expect(s.items).toEqual([{ id: 'nato', kind: 'organization', count: 1 }]);
    expect(s.disputed).toBe(false);
  });

  it('ignores answers that are not about the story, and forgets on clear', () => {
    const f = new PageFindings();
    f.add(reply({ relevant: false }), DEFAULT_SETTINGS.kinds);
    expect(f.summary(page).items).toEqual([]);
    f.add(reply(), DEFAULT_SETTINGS.kinds);
    f.source = 'r001';
    f.clear();
    expect(f.summary(page)).toMatchObject({ relevant: false, source: null, items: [], events: [], claims: [] });
  });
});

describe('reportSummary', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sends the summary to the background', async () => {
    const got: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => {
      got.push(m);
    });
    const summary = new PageFindings().summary(page);
    await reportSummary(summary);
    expect(got).toEqual([{ type: 'page-summary', summary }]);
  });

  it('never throws when nothing listens (a background restarting)', async () => {
    await expect(reportSummary(new PageFindings().summary(page))).resolves.toBeUndefined();
  });
});

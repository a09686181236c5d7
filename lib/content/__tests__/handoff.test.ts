import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { bundledPack } from '../../../data/bundled-pack';
import { RecognitionService } from '../../background/recognition';
import type { ScanReply } from '../../messages';
import { firstScreenAnswer, takeHandoff } from '../handoff';
import { HANDOFF_KEY } from '../handoff-key';
import { PageTextReader } from '../page-text';
import { readQuickText } from '../quick-text';
import { entity, scanReply } from './scan-reply';

const service = new RecognitionService(async () => [bundledPack()]);
const page = { url: 'https://example.org/', title: 'Example' };

function firstScreen(chars: number) {
  const reader = new PageTextReader(document.body);
  reader.read(() => true, chars);
  return reader.result();
}

const spans = (text: string, reply: ScanReply) => {
  const out: string[] = [];
  for (let i = 0; i < reply.ranges.length; i += 3)
    out.push(`${reply.ranges[i]}:${text.slice(reply.ranges[i], reply.ranges[i + 1])}`);
  return out;
};

describe('the background’s handoff to the full stage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    const doc = new DOMParser().parseFromString(readFileSync('demo/de.html', 'utf8'), 'text/html');
    document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
  });

  it('moves the head’s answer onto the full reader’s first screen: what a scan of that screen finds there', async () => {
    const { text, complete } = readQuickText(document.body, 200_000);
    const { load, head } = await service.checkWithHead(text, page, complete);
    expect(load).toBe(true);
    expect(head).not.toBeNull();
    const screen = firstScreen(6000);
    const moved = firstScreenAnswer(document.body, screen, head!);
    const direct = (await service.scan({ text: screen.text, page })) as ScanReply;
    const got = new Set(spans(screen.text, moved));
    const want = spans(screen.text, direct).filter((s) => Number(s.split(':')[0]) < screen.text.length - 200);
    expect(want.length).toBeGreaterThan(10);
    // Most of what a scan of the screen itself finds (the head's context differs a little: hidden text, separators).
    expect(want.filter((s) => got.has(s)).length).toBeGreaterThan(want.length * 0.8);
    // Every range moved lies on the same text as in the head.
    for (let i = 0; i < moved.ranges.length; i += 3)
      expect(moved.ranges[i + 1]!).toBeLessThanOrEqual(screen.text.length);
  });

  it('drops ranges on text the full reader does not read (a button)', async () => {
    document.body.innerHTML = `<p><button>Donald Trump</button> und Wladimir Putin trafen sich in Alaska.</p>`;
    const { text } = readQuickText(document.body, 200_000);
    const trump = text.indexOf('Donald Trump');
    const putin = text.indexOf('Wladimir Putin');
    const reply: ScanReply = scanReply(
      [entity('trump', 'person'), entity('putin', 'person')],
      [trump, trump + 12, 0, putin, putin + 14, 1],
    );
    const screen = firstScreen(10_000);
    const moved = firstScreenAnswer(document.body, screen, { chars: text.length, reply });
    expect(spans(screen.text, moved).map((s) => s.split(':')[1])).toEqual(['Wladimir Putin']);
  });

  it('is taken once, and only while fresh', () => {
    const scope: Record<string, unknown> = {};
    scope[HANDOFF_KEY] = { settings: { ...DEFAULT_SETTINGS, hoverDelayMs: 400 }, head: null, at: Date.now() };
    expect(takeHandoff(scope)?.settings.hoverDelayMs).toBe(400);
    expect(takeHandoff(scope)).toBeNull();
    scope[HANDOFF_KEY] = { settings: DEFAULT_SETTINGS, head: null, at: Date.now() - 60_000 };
    expect(takeHandoff(scope)).toBeNull();
    expect(HANDOFF_KEY in scope).toBe(false);
  });
});

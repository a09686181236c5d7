import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { bundledPack } from '../../../data/bundled-pack';
import { RecognitionService } from '../../background/recognition';
import type { ScanReply, ToBackground } from '../../messages';
import type { Ask } from '../background-client';
import { Highlighter } from '../highlighter';
import { PageTextReader, readPageText } from '../page-text';
import { ScanSession, type ScanOutcome, type ScanSessionOptions } from '../scan-session';

const service = new RecognitionService(async () => [bundledPack()]);
const page = { url: 'https://example.org/', title: 'Example' };

/** The background, through a JSON round trip as in Chrome; records what is sent. */
function background(fail?: (m: ToBackground, n: number) => boolean) {
  const sent: ToBackground[] = [];
  const ask: Ask = async <T>(m: ToBackground) => {
    sent.push(m);
    if (fail?.(m, sent.length)) throw new Error('the service worker was stopped');
    const copy = JSON.parse(JSON.stringify(m)) as ToBackground;
    if (copy.type !== 'scan') throw new Error(`unexpected ${copy.type}`);
    return JSON.parse(JSON.stringify(await service.scan(copy))) as T;
  };
  return { ask, sent };
}

function loadDemo(file: string, times = 1) {
  const doc = new DOMParser().parseFromString(readFileSync(`demo/${file}`, 'utf8'), 'text/html');
  const parts: Node[] = [];
  for (let i = 0; i < times; i++) for (const n of doc.body.childNodes) parts.push(document.importNode(n, true));
  document.body.replaceChildren(...parts);
}

async function run(opts: Partial<ScanSessionOptions> & { ask: Ask }, h = new Highlighter()) {
  const controller = new AbortController();
  const session = new ScanSession({
    root: document.body,
    signal: controller.signal,
    page: () => page,
    kinds: () => DEFAULT_SETTINGS.kinds,
    painter: {
      warm: (pt, r) => h.warmVisibility(pt, r),
      paint: (pt, r) => void h.apply(pt, r, () => {}),
      undo: () => h.undoAll(),
      undoWithin: (root) => h.undoWithin(root),
    },
    ...opts,
  });
  const outcome: ScanOutcome = await session.run();
  return { outcome, h, controller };
}

const marks = () => [...document.querySelectorAll('mark.cc-mark')].map((m) => m.textContent);

describe('ScanSession', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    document.body.replaceChildren();
  });

  it('sends a short page whole and highlights the answer, the text unchanged', async () => {
    loadDemo('en.html');
    const text = document.body.textContent;
    const bg = background();
    const { outcome } = await run({ ask: bg.ask, firstScreenChars: 50_000 });
    expect(outcome.status).toBe('done');
    expect(bg.sent).toHaveLength(1);
    expect(bg.sent[0]).not.toHaveProperty('piece');
    expect(marks().length).toBeGreaterThan(20);
    expect(marks()).toContain('Trump');
    expect(document.body.textContent).toBe(text);
  });

  it('does nothing at all on a page with too little text', async () => {
    const p = document.createElement('p');
    p.textContent = 'Trump und Putin.';
    document.body.append(p);
    const bg = background();
    expect((await run({ ask: bg.ask })).outcome.status).toBe('too-little');
    expect(bg.sent).toEqual([]);
  });

  it('reads no further than the first screen when it holds nothing of the dataset', async () => {
    loadDemo('de.html'); // the story sits after a quiet first screen
    const story = [...document.body.childNodes];
    document.body.replaceChildren();
    for (let i = 0; i < 200; i++) {
      const p = document.createElement('p');
      p.textContent = `Absatz ${i}: Der Gemeinderat beschließt den Haushalt für das kommende Jahr.`;
      document.body.append(p);
    }
    document.body.append(...story);
    const bg = background();
    const { outcome } = await run({ ask: bg.ask, firstScreenChars: 4000 });
    expect(outcome.status).toBe('quiet');
    expect(bg.sent).toHaveLength(1);
    expect((bg.sent[0] as { text: string }).text.length).toBeLessThan(6000);
    expect(marks()).toEqual([]);
  });

  it('highlights the first screen first, then the rest from pieces: the same marks as one whole scan', async () => {
    loadDemo('de.html', 3);
    const whole = await run({ ask: background().ask });
    expect(whole.outcome.status).toBe('done');
    const expected = document.body.innerHTML;
    whole.h.undoAll();

    const bg = background();
    const { outcome } = await run({ ask: bg.ask, firstScreenChars: 3000, pieceChars: 8000 });
    expect(outcome.status).toBe('done');
    const pieces = bg.sent.map((m) => (m as { piece?: { index: number; last: boolean } }).piece);
    expect(pieces[0]).toMatchObject({ index: 0, last: false });
    expect(pieces.at(-1)).toMatchObject({ last: true });
    expect(pieces.length).toBeGreaterThan(3);
    expect(document.body.innerHTML).toBe(expected);
  });

  it('reads every node once although the first screen is highlighted before the rest is read', async () => {
    // demo/de.html's paragraphs hold line breaks in their text nodes' data.
    loadDemo('de.html', 3);
    const text = readPageText(document.body).text;
    const bg = background();
    const { outcome } = await run({ ask: bg.ask, firstScreenChars: 3000, pieceChars: 8000 });
    expect(outcome.status).toBe('done');
    expect(bg.sent.map((m) => (m as { text: string }).text).join('')).toBe(text);
  });

  it('mends only the blocks where the first screen’s answer differs from the whole text’s', async () => {
    loadDemo('de.html', 3);
    const whole = await run({ ask: background().ask });
    const expected = document.body.innerHTML;
    whole.h.undoAll();

    const bg = background();
    // The first screen's answer misses its first range (the whole text adds evidence for it).
    let firstScreen = true;
    const ask: Ask = async <T>(m: ToBackground) => {
      if (m.type === 'scan' && m.piece && m.piece.index > 0) firstScreen = false;
      const answer = await bg.ask<ScanReply>(m);
      if (m.type === 'scan' && m.piece?.index === 0) answer.ranges = answer.ranges.slice(3);
      return answer as T;
    };
    const h = new Highlighter();
    const early: HTMLElement[] = [];
    const { outcome } = await run(
      {
        ask,
        firstScreenChars: 3000,
        painter: {
          warm: (pt, r) => h.warmVisibility(pt, r),
          paint: (pt, r) => void early.push(...h.apply(pt, r, () => {}).filter(() => firstScreen)),
          undo: () => h.undoAll(),
          undoWithin: (root) => h.undoWithin(root),
        },
      },
      h,
    );
    expect(outcome.status).toBe('done');
    expect(document.body.innerHTML).toBe(expected);
    // Marks of the first screen outside the mended block are the same elements as before.
    expect(early.length).toBeGreaterThan(5);
    const kept = early.filter((m) => m.isConnected).length;
    expect(kept).toBeGreaterThan(early.length / 2);
  });

  it('with the first screen answered by the handoff: not sent alone, the whole text in pieces, as one whole scan', async () => {
    loadDemo('de.html', 3);
    const reader = new PageTextReader(document.body);
    reader.read(() => true, 3000);
    const handed = (await service.scan({ text: reader.result().text, page })) as ScanReply;
    await run({ ask: background().ask });
    const expected = document.body.innerHTML;
    loadDemo('de.html', 3);
    const text = readPageText(document.body).text;
    const bg = background();
    const { outcome } = await run({ ask: bg.ask, firstScreenChars: 3000, pieceChars: 8000, firstAnswer: () => handed });
    expect(outcome.status).toBe('done');
    const pieces = bg.sent.map((m) => (m as { piece?: { index: number; keep?: boolean } }).piece);
    expect(pieces[0]).toMatchObject({ index: 0, keep: true });
    expect(pieces.slice(1).every((p) => p && p.index > 0 && !p.keep)).toBe(true);
    // From the top of the page (the first screen was not sent on its own).
    expect((bg.sent[0] as { text: string }).text).toBe(text.slice(0, 8000));
    expect(document.body.innerHTML).toBe(expected);
  });

  it('asks about the first screen before its settings are in, and paints nothing until they are', async () => {
    loadDemo('de.html', 3);
    let go!: (on: boolean) => void;
    const ready = new Promise<boolean>((resolve) => (go = resolve));
    const bg = background();
    const running = run({ ask: bg.ask, firstScreenChars: 3000, ready });
    await vi.waitFor(() => expect(bg.sent.length).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 20));
    expect(marks()).toEqual([]);
    go(true);
    expect((await running).outcome.status).toBe('done');
    expect(marks().length).toBeGreaterThan(20);
  });

  it('ends untouched when the settings say off after all', async () => {
    loadDemo('de.html', 3);
    const before = document.body.innerHTML;
    const { outcome } = await run({ ask: background().ask, firstScreenChars: 3000, ready: Promise.resolve(false) });
    expect(outcome.status).toBe('aborted');
    expect(document.body.innerHTML).toBe(before);
  });

  it('sends the whole text again when the background lost the pieces', async () => {
    loadDemo('de.html', 2);
    const bg = background();
    // The second piece "arrives" at a background that was stopped: it never kept it.
    const ask: Ask = async <T>(m: ToBackground) => {
      if (m.type === 'scan' && m.piece?.index === 1) {
        bg.sent.push(m);
        return { kept: true } as T;
      }
      return bg.ask<T>(m);
    };
    const { outcome } = await run({ ask, firstScreenChars: 3000, pieceChars: 6000 });
    expect(outcome.status).toBe('done');
    const last = bg.sent.at(-1) as { piece?: unknown; text: string };
    expect(last.piece).toBeUndefined();
    expect(last.text.length).toBeGreaterThan(20_000);
    expect(marks().length).toBeGreaterThan(40);
  });

  it('leaves the page untouched when the background cannot answer for the whole text', async () => {
    loadDemo('de.html', 3);
    const before = document.body.innerHTML;
    let painted = 0;
    const bg = background((m) => m.type === 'scan' && !!m.piece && m.piece.index > 0);
    const h = new Highlighter();
    const { outcome } = await run(
      {
        ask: bg.ask,
        firstScreenChars: 3000,
        painter: {
          warm: (pt, r) => h.warmVisibility(pt, r),
          paint: (pt, r) => void (painted += h.apply(pt, r, () => {}).length),
          undo: () => h.undoAll(),
          undoWithin: (root) => h.undoWithin(root),
        },
      },
      h,
    );
    expect(outcome.status).toBe('failed');
    expect(painted).toBeGreaterThan(0); // the first screen was highlighted…
    expect(document.body.innerHTML).toBe(before); // …and undone
  });

  it('stops when its signal is aborted, and says so', async () => {
    loadDemo('de.html', 3);
    const controller = new AbortController();
    const bg = background();
    const ask: Ask = async <T>(m: ToBackground) => {
      const answer = await bg.ask<T>(m);
      controller.abort();
      return answer;
    };
    const { outcome } = await run({ ask, signal: controller.signal, firstScreenChars: 3000 });
    expect(outcome.status).toBe('aborted');
    expect(bg.sent).toHaveLength(1);
  });
});

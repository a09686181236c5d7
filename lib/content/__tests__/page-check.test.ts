import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledPack } from '../../../data/bundled-pack';
import { RecognitionService } from '../../background/recognition';
import type { CheckAnswer, CheckRequest, ToBackground } from '../../messages';
import { ExtensionGone, type Ask } from '../background-client';
import { PageCheck, type PageCheckOptions } from '../page-check';

const service = new RecognitionService(async () => [bundledPack()]);
const page = { url: 'https://example.org/', title: 'Example' };
const demoBody = () =>
  new DOMParser().parseFromString(readFileSync('demo/en.html', 'utf8'), 'text/html').body.innerHTML;
const offTopic = Array.from(
  { length: 30 },
  (_, i) => `<p>The town council met on Tuesday evening to discuss the new bus timetable, item ${i}.</p>`,
).join('');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The background's side of `check`, with the real recognition service; `off` as the settings say. */
function background(opts: { off?: () => boolean; fail?: unknown } = {}) {
  const sent: CheckRequest[] = [];
  const ask: Ask = async <T>(m: ToBackground) => {
    if (m.type !== 'check') throw new Error(`unexpected ${m.type}`);
    sent.push(JSON.parse(JSON.stringify(m)) as CheckRequest);
    if (opts.fail) throw opts.fail;
    if (opts.off?.()) return { load: false, off: true } as T;
    const answer: CheckAnswer = { load: await service.check(m.text, m.page, m.complete) };
    return answer as T;
  };
  return { ask, sent };
}

function newCheck(ask: Ask, extra: Partial<PageCheckOptions> = {}) {
  let settingsChanged: () => void = () => {};
  let orphaned = 0;
  const check = new PageCheck({
    root: document.body,
    ask,
    page: () => page,
    onSettingsChange: (cb) => {
      settingsChanged = cb;
      return () => (settingsChanged = () => {});
    },
    orphaned: () => orphaned++,
    intervalMs: 10,
    ...extra,
  });
  return { check, changeSettings: () => settingsChanged(), orphaned: () => orphaned };
}

describe('PageCheck (the first stage)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    document.body.innerHTML = '';
  });

  it('a page about the story: one check, the full stage is loaded, and the first stage stops', async () => {
    document.body.innerHTML = demoBody();
    const bg = background();
    const { check } = newCheck(bg.ask);
    await check.start();
    expect(check.current).toBe('loaded');
    expect(bg.sent).toHaveLength(1);
    expect(bg.sent[0]!.complete).toBe(true);
    document.body.insertAdjacentHTML('beforeend', offTopic);
    await sleep(600);
    expect(bg.sent).toHaveLength(1);
  });

  it('a page about nothing: one check, no full stage, the page is watched', async () => {
    document.body.innerHTML = offTopic;
    const bg = background();
    const { check } = newCheck(bg.ask);
    await check.start();
    expect(check.current).toBe('watching');
    expect(bg.sent).toHaveLength(1);
  });

  it('a page with too little text is not sent; when the story arrives later, it is checked again and loaded', async () => {
    document.body.innerHTML = '<div id="app">Loading…</div>';
    const bg = background();
    const { check } = newCheck(bg.ask);
    await check.start();
    expect(bg.sent).toHaveLength(0);
    expect(check.current).toBe('watching');
    document.body.insertAdjacentHTML('beforeend', '<p>A little more.</p>'); // not enough to check again
    await sleep(700);
    expect(bg.sent).toHaveLength(0);
    document.body.insertAdjacentHTML('beforeend', demoBody());
    await sleep(700);
    expect(bg.sent).toHaveLength(1);
    expect(check.current).toBe('loaded');
  });

  it('a growing page about nothing is checked again less and less often', async () => {
    document.body.innerHTML = offTopic;
    const bg = background();
    const { check } = newCheck(bg.ask, { intervalMs: 100, maxIntervalMs: 10_000, recheckChars: 100 });
    await check.start();
    const until = performance.now() + 2500;
    while (performance.now() < until) {
      document.body.insertAdjacentHTML('beforeend', offTopic.slice(0, 400));
      await sleep(50);
    }
    // 50 additions, each enough for a check; the interval doubles: 200, 400, 800, 1600 ms …
    expect(bg.sent.length).toBeGreaterThanOrEqual(2);
    expect(bg.sent.length).toBeLessThanOrEqual(5);
    check.stop();
  });

  it('turned off on the site: no watching; turned on again, it checks at once', async () => {
    document.body.innerHTML = demoBody();
    let off = true;
    const bg = background({ off: () => off });
    const { check, changeSettings } = newCheck(bg.ask);
    await check.start();
    expect(check.current).toBe('off');
    document.body.insertAdjacentHTML('beforeend', demoBody());
    await sleep(600);
    expect(bg.sent).toHaveLength(1);
    off = false;
    changeSettings();
    await sleep(50);
    expect(bg.sent).toHaveLength(2);
    expect(check.current).toBe('loaded');
  });

  it('an orphan (the extension was reloaded) stops and says so; a background that does not answer leaves it quiet', async () => {
    document.body.innerHTML = demoBody();
    const gone = newCheck(background({ fail: new ExtensionGone() }).ask);
    await gone.check.start();
    expect(gone.check.current).toBe('stopped');
    expect(gone.orphaned()).toBe(1);

    const mute = newCheck(background({ fail: new Error('no answer') }).ask);
    await mute.check.start();
    expect(mute.check.current).toBe('watching');
    expect(mute.orphaned()).toBe(0);
    mute.check.stop();
  });

  it('a background that did not answer is asked again, without any change to the page, and then the story loads', async () => {
    document.body.innerHTML = demoBody();
    let down = true;
    const bg = background();
    const flaky: Ask = async <T>(m: ToBackground) => {
      if (down) {
        down = false;
        throw new Error('the service worker stopped');
      }
      return bg.ask<T>(m);
    };
    const { check } = newCheck(flaky);
    await check.start();
    expect(check.current).toBe('watching');
    for (let i = 0; i < 40 && check.current !== 'loaded'; i++) await sleep(50);
    expect(check.current).toBe('loaded');
    expect(bg.sent).toHaveLength(1);
  });

  it('a background that never answers is asked a few more times, soon, and then the page stays quiet', async () => {
    document.body.innerHTML = demoBody();
    const bg = background({ fail: new Error('the service worker stopped') });
    // The waits double (10, 20, 40 … ms here) but stay short for a background that did not answer.
    const { check } = newCheck(bg.ask, { maxIntervalMs: 60_000 });
    await check.start();
    for (let i = 0; i < 80 && check.current !== 'stopped'; i++) await sleep(50);
    expect(check.current).toBe('stopped');
    expect(bg.sent).toHaveLength(7); // the first check and six more
    await sleep(300);
    expect(bg.sent).toHaveLength(7);
  });
});

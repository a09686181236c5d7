import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_EVENT } from '../../messages';
import { FIRST_STAGE_EVENT, startFirstStage } from '../first-stage';
import { PageCheck } from '../page-check';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const offTopic = Array.from(
  { length: 30 },
  (_, i) => `<p>The town council met on Tuesday evening to discuss the new bus timetable, item ${i}.</p>`,
).join('');

describe('startFirstStage', () => {
  const stops: (() => void)[] = [];
  let starts: ReturnType<typeof vi.spyOn>;
  let ended: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    fakeBrowser.reset();
    document.body.innerHTML = offTopic;
    // The check itself is PageCheck's (page-check.test.ts): here, only whether and when it starts and stops.
    starts = vi.spyOn(PageCheck.prototype, 'start').mockResolvedValue(undefined);
    ended = vi.spyOn(PageCheck.prototype, 'stop');
  });
  afterEach(() => {
    stops.splice(0).forEach((stop) => stop());
    vi.restoreAllMocks();
  });
  const start = (doc: Document = document) => {
    const stop = startFirstStage(doc);
    stops.push(stop);
    return stop;
  };

  it('checks a loaded page in the next task, not before', async () => {
    expect(document.readyState).toBe('complete');
    start();
    expect(starts).not.toHaveBeenCalled();
    await sleep(20);
    expect(starts).toHaveBeenCalledTimes(1);
  });

  it('checks a page still loading after its load event (or its first idle period), once', async () => {
    const state = vi.spyOn(document, 'readyState', 'get').mockReturnValue('interactive');
    const idle = vi.fn((_cb: IdleRequestCallback) => 1);
    Object.assign(window, { requestIdleCallback: idle, cancelIdleCallback: vi.fn() });
    stops.push(() => {
      delete (window as Partial<Window>).requestIdleCallback;
      delete (window as Partial<Window>).cancelIdleCallback;
    });
    start();
    await sleep(20);
    expect(starts).not.toHaveBeenCalled();
    state.mockReturnValue('complete');
    window.dispatchEvent(new Event('load'));
    window.dispatchEvent(new Event('load'));
    await sleep(20);
    expect(starts).toHaveBeenCalledTimes(1);
    idle.mock.calls[0]![0]({ didTimeout: false, timeRemaining: () => 10 });
    await sleep(20);
    expect(starts).toHaveBeenCalledTimes(1);
  });

  it('steps aside for a newer first stage (an update injected one): only the newer one checks', async () => {
    start();
    start();
    await sleep(120);
    expect(starts).toHaveBeenCalledTimes(1);
    // A later one stops the newer in turn, its check included.
    document.dispatchEvent(new Event(FIRST_STAGE_EVENT));
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('does nothing once stopped, or in a document that is not HTML', async () => {
    start()();
    start(new DOMParser().parseFromString('<feed><entry>x</entry></feed>', 'application/xml'));
    await sleep(120);
    expect(starts).not.toHaveBeenCalled();
  });

  it('stays quiet when the extension is gone (reloaded or removed) by the time the page is idle', async () => {
    start();
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    await sleep(120);
    expect(starts).not.toHaveBeenCalled();
  });
});

describe('startFirstStage and the settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    (fakeBrowser.runtime as { id?: string }).id = 'test-extension-id'; // a test above took it away
    document.body.innerHTML = offTopic;
  });
  /** The background, answering every check with `answer()`. */
  const background = (answer: () => object) => {
    const checks: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      checks.push(message);
      sendResponse(answer());
      return true;
    });
    return checks;
  };

  it('checks again when the background says the settings changed, and keeps no storage listener', async () => {
    let off = true;
    const checks = background(() => (off ? { load: false, off: true } : { load: true }));
    const storageListener = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
    const stop = startFirstStage(document);
    try {
      await vi.waitFor(() => expect(checks).toHaveLength(1), { timeout: 3000 });
      off = false;
      await sleep(600); // a nudge right after a check waits a moment (a page could send the event too)
      document.dispatchEvent(new Event(SETTINGS_EVENT));
      await vi.waitFor(() => expect(checks).toHaveLength(2), { timeout: 3000 });
      expect(storageListener).not.toHaveBeenCalled();
      // Loaded: further nudges do nothing.
      document.dispatchEvent(new Event(SETTINGS_EVENT));
      await sleep(700);
      expect(checks).toHaveLength(2);
    } finally {
      stop();
    }
  });

  it('a page that sends the event again and again gets no more than a check a moment', async () => {
    const checks = background(() => ({ load: false, off: true }));
    const stop = startFirstStage(document);
    try {
      await vi.waitFor(() => expect(checks).toHaveLength(1), { timeout: 3000 });
      const until = performance.now() + 1200;
      while (performance.now() < until) {
        document.dispatchEvent(new Event(SETTINGS_EVENT));
        await sleep(20);
      }
      await sleep(600);
      expect(checks.length).toBeGreaterThanOrEqual(2);
      expect(checks.length).toBeLessThanOrEqual(4);
    } finally {
      stop();
    }
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackgroundUnavailable, createAsk, ExtensionGone } from '../background-client';

const message = { type: 'get-summary', tabId: 1 } as const;

describe('asking the background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    performance.clearMeasures();
  });
  afterEach(() => vi.restoreAllMocks());

  it('answers, and measures the round trip', async () => {
    // The fake browser answers through sendResponse (a listener returning true), as Chrome's callback API does.
    fakeBrowser.runtime.onMessage.addListener((_m: unknown, _s: unknown, sendResponse: (r: unknown) => void) => {
      sendResponse({ ok: 1 });
      return true;
    });
    expect(await createAsk({ delays: [] })(message)).toEqual({ ok: 1 });
    const [m] = performance.getEntriesByName('crosscheck:roundtrip') as PerformanceMeasure[];
    expect(m?.detail).toEqual({ type: 'get-summary' });
  });

  it('retries while the background is asleep or restarting, then gets the answer', async () => {
    let calls = 0;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => {
      calls++;
      if (calls === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      if (calls === 2) return undefined; // no listener answered yet
      return 'answer';
    });
    expect(await createAsk({ delays: [1, 1, 1] })(message)).toBe('answer');
    expect(calls).toBe(3);
  });

  it('counts an attempt that is never answered as failed, and asks again', async () => {
    let calls = 0;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(() => {
      calls++;
      // The first request never settles (its service worker went away under it without a word).
      return calls === 1 ? new Promise(() => {}) : Promise.resolve('answer');
    });
    expect(await createAsk({ delays: [1], attemptTimeoutMs: 50 })(message)).toBe('answer');
    expect(calls).toBe(2);
  });

  it('gives up after its retries with BackgroundUnavailable', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('port closed'));
    await expect(createAsk({ delays: [1, 1] })(message)).rejects.toBeInstanceOf(BackgroundUnavailable);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('stops at once with ExtensionGone in an orphaned content script', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await expect(createAsk({ delays: [1], alive: () => false })(message)).rejects.toBeInstanceOf(ExtensionGone);
    expect(send).not.toHaveBeenCalled();
  });

  it('stops retrying when its signal is aborted', async () => {
    const controller = new AbortController();
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => {
      controller.abort();
      throw new Error('port closed');
    });
    await expect(createAsk({ delays: [1, 1] })(message, controller.signal)).rejects.toThrow();
    expect(send).toHaveBeenCalledTimes(1);
  });
});

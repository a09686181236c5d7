/**
 * Asks the background, and copes with a background that is asleep, restarting
 * or updated: a request that fails (no receiver yet, the service worker
 * stopped before answering) is retried after a short wait, a few times; then
 * the caller gets `BackgroundUnavailable` and stays quiet. An attempt that is
 * never answered at all counts as failed after a while. When the extension
 * itself was reloaded or removed, this content script is an orphan: the
 * caller gets `ExtensionGone` at once and cleans up.
 * Every answered request is measured (`crosscheck:roundtrip`, detail: type),
 * unless `measure` is false (the first stage, whose check has its own measure).
 */
import { browser } from 'wxt/browser';
import type { ToBackground } from '../messages';
import { later } from '../timers';
import { timingSpan } from '../timing';

export class BackgroundUnavailable extends Error {
  constructor(cause: unknown) {
    super('Crosscheck: the background did not answer', { cause });
  }
}

export class ExtensionGone extends Error {
  constructor() {
    super('Crosscheck: the extension was reloaded or removed');
  }
}

/** Waits before the 2nd, 3rd and 4th attempt, ms. */
const RETRY_DELAYS_MS = [100, 400, 1500];

export type Ask = <T>(message: ToBackground, signal?: AbortSignal) => Promise<T>;

/** True while this content script's extension is still there (false in an orphan after a reload). */
export function extensionAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}

const wait = (ms: number) => new Promise<void>((resolve) => later(resolve, ms));

/**
 * An attempt not answered within this time counts as failed, ms. A request whose service worker was stopped
 * under it is normally rejected at once; this is for one that never settles, which would leave the page
 * waiting for good. Far above a busy background's slowest answer (a cold compile of many stories is restored
 * from its snapshot in about a second).
 */
const ATTEMPT_TIMEOUT_MS = 20_000;

/** Sends `message` and resolves with the answer; see the module comment for failures. */
export function createAsk(
  opts: { delays?: number[]; alive?: () => boolean; measure?: boolean; attemptTimeoutMs?: number } = {},
): Ask {
  const delays = opts.delays ?? RETRY_DELAYS_MS;
  const alive = opts.alive ?? extensionAlive;
  const measure = opts.measure ?? true;
  const timeout = opts.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS;
  const send = (message: ToBackground) =>
    new Promise<unknown>((resolve, reject) => {
      const cancel = later(() => reject(new Error('no answer in time')), timeout);
      browser.runtime.sendMessage(message).then(
        (answer) => {
          cancel();
          resolve(answer);
        },
        (error: unknown) => {
          cancel();
          reject(error);
        },
      );
    });
  return async <T>(message: ToBackground, signal?: AbortSignal): Promise<T> => {
    let lastError: unknown = null;
    for (let attempt = 0; attempt <= delays.length; attempt++) {
      if (attempt > 0) await wait(delays[attempt - 1]!);
      signal?.throwIfAborted();
      if (!alive()) throw new ExtensionGone();
      const start = performance.now();
      try {
        const answer = (await send(message)) as T | undefined;
        // `undefined`: no listener answered (a background still starting).
        if (answer !== undefined) {
          if (measure) timingSpan('roundtrip', start, { type: message.type });
          return answer;
        }
        lastError = new Error('no answer');
      } catch (e) {
        lastError = e;
      }
      signal?.throwIfAborted();
    }
    if (!alive()) throw new ExtensionGone();
    throw new BackgroundUnavailable(lastError);
  };
}

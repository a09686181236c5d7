/**
 * Timers for the content script that keep working on sites whose JavaScript
 * the user blocked. Chrome then still runs the content script, but never runs
 * its `setTimeout` callbacks; `scheduler.postTask`, `scheduler.yield` and
 * `MessageChannel` still run (checked in Chromium 156: e2e/robustness covers
 * pages with scripts off). `setTimeout` stays the fallback where the
 * scheduler API is missing (unit tests, older engines), so fake timers work.
 */

interface PostTaskScheduler {
  postTask(callback: () => void, options?: { delay?: number; signal?: AbortSignal }): Promise<unknown>;
  yield?: () => Promise<void>;
}

function scheduler(): PostTaskScheduler | null {
  const s = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
  return s && typeof s.postTask === 'function' ? s : null;
}

/** Runs `fn` after `ms`; returns a function that cancels it (safe to call twice, or after it ran). */
export function later(fn: () => void, ms: number): () => void {
  const s = scheduler();
  if (s) {
    const abort = new AbortController();
    try {
      s.postTask(fn, { delay: Math.max(0, ms), signal: abort.signal }).catch(() => {});
      return () => abort.abort();
    } catch {
      // A page that broke the scheduler for us: fall back to a plain timer.
    }
  }
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
}

/** A timer slot: `set` replaces whatever was pending, `clear` cancels it. */
export class Timer {
  private cancel: (() => void) | null = null;

  get pending(): boolean {
    return this.cancel !== null;
  }

  set(fn: () => void, ms: number): void {
    this.clear();
    const cancel = later(() => {
      if (this.cancel === cancel) this.cancel = null;
      fn();
    }, ms);
    this.cancel = cancel;
  }

  clear(): void {
    this.cancel?.();
    this.cancel = null;
  }
}

/**
 * Lets the page handle input and render, then resumes: `scheduler.yield()`
 * (resumes ahead of other queued tasks), else a `MessageChannel` message
 * (unlike `setTimeout(0)`, never clamped to 4 ms when nested).
 */
export function yieldToPage(): Promise<void> {
  const s = scheduler();
  if (s && typeof s.yield === 'function') {
    try {
      return s.yield.call(s).catch(() => undefined);
    } catch {
      // fall through
    }
  }
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { later, Timer, yieldToPage } from '../timers';

type Task = { fn: () => void; delay: number; signal?: AbortSignal };

/** A stand-in for `scheduler.postTask`/`yield` that records what is asked of it. */
function fakeScheduler() {
  const tasks: Task[] = [];
  let yields = 0;
  const scheduler = {
    postTask(fn: () => void, o: { delay?: number; signal?: AbortSignal } = {}) {
      tasks.push({ fn, delay: o.delay ?? 0, signal: o.signal });
      return Promise.resolve();
    },
    yield() {
      yields++;
      return Promise.resolve();
    },
  };
  vi.stubGlobal('scheduler', scheduler);
  return {
    tasks,
    yields: () => yields,
    /** Runs the tasks that were not aborted. */
    run() {
      for (const t of tasks.splice(0)) if (!t.signal?.aborted) t.fn();
    },
  };
}

describe('timers that work when the site blocks JavaScript', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('uses scheduler.postTask with the delay, and cancels through its signal', () => {
    const s = fakeScheduler();
    const ran: string[] = [];
    later(() => ran.push('a'), 120);
    const cancel = later(() => ran.push('b'), 5);
    expect(s.tasks.map((t) => t.delay)).toEqual([120, 5]);
    cancel();
    s.run();
    expect(ran).toEqual(['a']);
  });

  it('falls back to setTimeout without the scheduler API', () => {
    vi.stubGlobal('scheduler', undefined);
    vi.useFakeTimers();
    const fn = vi.fn();
    const cancel = later(fn, 100);
    vi.advanceTimersByTime(99);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    const fn2 = vi.fn();
    later(fn2, 10);
    cancel();
    vi.advanceTimersByTime(10);
    expect(fn2).toHaveBeenCalledTimes(1);
  });

  it('a Timer holds one pending task: set replaces, clear cancels', () => {
    const s = fakeScheduler();
    const t = new Timer();
    const ran: number[] = [];
    t.set(() => ran.push(1), 10);
    t.set(() => ran.push(2), 10);
    expect(t.pending).toBe(true);
    s.run();
    expect(ran).toEqual([2]);
    expect(t.pending).toBe(false);
    t.set(() => ran.push(3), 10);
    t.clear();
    s.run();
    expect(ran).toEqual([2]);
  });

  it('yields with scheduler.yield when there is one, else through a MessageChannel', async () => {
    const s = fakeScheduler();
    await yieldToPage();
    expect(s.yields()).toBe(1);
    vi.stubGlobal('scheduler', undefined);
    const order: string[] = [];
    const p = yieldToPage().then(() => order.push('yielded'));
    order.push('sync');
    await p;
    expect(order).toEqual(['sync', 'yielded']);
  });
});

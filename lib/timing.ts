/**
 * User Timing marks for the benchmark harness, which reads them from the page
 * (`performance` is shared between the page and the content script's isolated
 * world) and from the background. Names start with "crosscheck:"; they cost
 * next to nothing.
 */
export function timingMark(name: string): void {
  try {
    performance.mark(`crosscheck:${name}`);
  } catch {
    // performance may be locked down on odd pages: timing is optional
  }
}

/** Measures from mark `start` to mark `end`, or to now when `end` is left out. */
export function timingMeasure(name: string, start: string, end?: string): void {
  try {
    if (end === undefined) performance.measure(`crosscheck:${name}`, `crosscheck:${start}`);
    else performance.measure(`crosscheck:${name}`, `crosscheck:${start}`, `crosscheck:${end}`);
  } catch {
    // a missing start mark (e.g. the scan was cancelled) is fine
  }
}

/** Measures from `start` (a `performance.now()` time) to now, with `detail`; no marks needed. */
export function timingSpan(name: string, start: number, detail?: unknown): void {
  try {
    performance.measure(`crosscheck:${name}`, { start, end: performance.now(), detail });
  } catch {
    // timing is optional
  }
}

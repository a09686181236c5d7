// What the JavaScript harness (tsconfig.mjs.json) may name that no library declares: the
// extension APIs in functions Playwright runs inside the service worker or an extension page
// (`chrome`), and the globals the harness and test pages put on `window`. Not part of the
// extension's own type-check (tsconfig.json leaves this file out).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const chrome: any;

interface Window {
  /** The bench bundle (bench/page-bench.ts), evaluated in the page. */
  __bench: any;
  /** Long tasks and long animation frames, recorded by the bench's init script. */
  __ccTasks?: { tasks: [number, number][]; frames: any[] };
  /** When the first mark appeared (the bench's init script). */
  __ccMarks?: any;
  /** Test pages: the React live blog's state. */
  __reactDone?: boolean;
  __state?: any;
  __pageErrors?: string[];
  /** The hostile-data test: set if injected markup ever ran. */
  __pwned?: unknown;
}

interface PerformanceEntry {
  // Long animation frames (LoAF) and navigation timing, read through the generic entry type.
  renderStart?: number;
  blockingDuration?: number;
  scripts?: any[];
  domContentLoadedEventEnd?: number;
  loadEventEnd?: number;
}

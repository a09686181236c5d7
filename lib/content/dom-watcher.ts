/**
 * Watches the page for new or rewritten content on a budget, in the manner of
 * uBlock Origin's content script: the MutationObserver callback only queues,
 * the queue is drained in animation frames within a small time slice, our own
 * nodes are skipped, total work is bounded, and a page that keeps rewriting
 * itself is watched less often (exponential back-off).
 *
 * One thing cannot wait for a frame: when the page rewrites a text node that
 * the highlighter split (a framework updating `nodeValue`), the old tail would
 * show next to the new text. That is repaired in the callback itself, before
 * the next paint.
 */

import { Timer } from '../timers';

export interface DomWatcherOptions {
  /** True for nodes Crosscheck created (marks, split tails, the popover host). */
  isOwn(node: Node): boolean;
  /** True for page text nodes the highlighter split. */
  isSplitText(node: Node): boolean;
  /** Undo the split of `text` at once (the page rewrote it). */
  repairSplitText(text: Text): void;
  /** New or changed page content to scan; roots are connected, deduplicated and not our own. */
  onContent(roots: Node[]): void;
  /** Time slice per frame, ms. */
  sliceMs?: number;
  /** Upper bound on drains per minute before backing off. */
  maxDrainsPerMinute?: number;
}

export class DomWatcher {
  private observer: MutationObserver;
  private queue: Node[] = [];
  private scheduled = false;
  private stopped = true;
  private drainTimes: number[] = [];
  private backoffMs = 0;
  private timer = new Timer();
  /** Counts for tests and diagnostics. */
  readonly stats = { records: 0, drains: 0, repaired: 0, skippedOwn: 0, backoffs: 0 };

  constructor(
    private root: Node,
    private opts: DomWatcherOptions,
  ) {
    this.observer = new MutationObserver((records) => this.enqueue(records));
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.observer.observe(this.root, { childList: true, subtree: true, characterData: true });
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    this.queue = [];
    this.timer.clear();
    this.scheduled = false;
  }

  /**
   * Runs `fn` (our own DOM changes) without seeing its mutations: pending page
   * records are queued first, ours are dropped afterwards.
   */
  withoutObserving<T>(fn: () => T): T {
    if (this.stopped) return fn();
    this.enqueue(this.observer.takeRecords());
    try {
      return fn();
    } finally {
      this.observer.takeRecords();
    }
  }

  private enqueue(records: MutationRecord[]) {
    if (this.stopped) return;
    for (const r of records) {
      this.stats.records++;
      if (r.type === 'characterData') {
        const target = r.target;
        if (this.opts.isOwn(target)) {
          this.stats.skippedOwn++;
          continue;
        }
        if (this.opts.isSplitText(target)) {
          this.opts.repairSplitText(target as Text);
          this.stats.repaired++;
        }
        if (target.parentNode) this.queue.push(target.parentNode);
        continue;
      }
      if (this.opts.isOwn(r.target)) {
        this.stats.skippedOwn++;
        continue;
      }
      for (const n of r.addedNodes) {
        if (this.opts.isOwn(n)) this.stats.skippedOwn++;
        else if (n.nodeType === 1 || n.nodeType === 3) this.queue.push(n);
      }
    }
    if (this.queue.length > 0) this.schedule();
  }

  private schedule() {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    const run = () => {
      if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') {
        requestAnimationFrame(() => this.drain());
      } else {
        this.drain();
      }
    };
    this.timer.set(run, this.backoffMs);
  }

  private drain() {
    this.scheduled = false;
    if (this.stopped) return;
    const now = performance.now();
    this.drainTimes = this.drainTimes.filter((t) => now - t < 60_000);
    this.drainTimes.push(now);
    this.stats.drains++;
    const limit = this.opts.maxDrainsPerMinute ?? 120;
    if (this.drainTimes.length > limit) {
      // The page keeps rewriting itself: look less often, up to every 5 s.
      this.backoffMs = Math.min(5000, Math.max(250, this.backoffMs * 2));
      this.stats.backoffs++;
    } else if (this.drainTimes.length < limit / 4) {
      this.backoffMs = 0;
    }

    const slice = this.opts.sliceMs ?? 6;
    const deadline = now + slice;
    const roots: Node[] = [];
    const seen = new Set<Node>();
    while (this.queue.length > 0 && performance.now() < deadline) {
      const batch = this.queue.splice(0, 64);
      for (const n of batch) {
        if (seen.has(n) || !n.isConnected) continue;
        seen.add(n);
        roots.push(n);
      }
    }
    // Document order, then drop roots inside an earlier kept one: O(n log n).
    roots.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const outermost: Node[] = [];
    for (const n of roots) {
      const last = outermost[outermost.length - 1];
      if (!last || !last.contains(n)) outermost.push(n);
    }
    if (outermost.length > 0) this.opts.onContent(outermost);
    if (this.queue.length > 0) this.schedule();
  }
}

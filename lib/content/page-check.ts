/**
 * The first stage on every page: is this page about a story? It reads the
 * page's text without any layout read (`readQuickText`), asks the background
 * (`check`), and stops when the answer is no. When it is yes, the background
 * has injected the full stage (reader, highlighter, popover) into this frame,
 * which takes over: this stage stops for good.
 *
 * A page that grows (a single-page app, a live page) is checked again once
 * enough text was added, at most every `interval` (which doubles after every
 * check that finds nothing); a change of the settings (the site turned on)
 * checks at once. Nothing here touches the page: one MutationObserver, one
 * event listener, one timer.
 */
import type { CheckAnswer, PageContext } from '../messages';
import { Timer } from '../timers';
import { timingMark, timingSpan } from '../timing';
import { ExtensionGone, type Ask } from './background-client';
import { hasEnoughText, readQuickText, SKIP_PARENTS } from './quick-text';

export interface PageCheckOptions {
  root: Element;
  ask: Ask;
  /** What the page says about itself (date, address, title); read only when there is text to send. */
  page(): PageContext;
  /** Subscribes to settings changes; returns the unsubscribe function. */
  onSettingsChange(cb: () => void): () => void;
  /** The extension was reloaded or removed: this script must go. */
  orphaned(): void;
  /** Characters sent at most. */
  capChars?: number;
  /** Below this many non-blank characters a page is not sent. */
  minChars?: number;
  /** Characters added to the page that make it worth another check. */
  recheckChars?: number;
  /** First wait between two checks, ms; it doubles after every check that found nothing, up to `maxIntervalMs`. */
  intervalMs?: number;
  maxIntervalMs?: number;
}

export type CheckState = 'idle' | 'checking' | 'watching' | 'off' | 'loaded' | 'stopped';

const CAP_CHARS = 200_000;
const MIN_CHARS = 60;
const RECHECK_CHARS = 1_500;
const INTERVAL_MS = 2_000;
const MAX_INTERVAL_MS = 60_000;
/** Longest wait before asking again a background that did not answer, ms; and how many times in a row. */
const UNANSWERED_MAX_INTERVAL_MS = 8_000;
const UNANSWERED_CHECKS = 6;
/** Wait after the addition that makes a check worth it, ms (the rest of a burst comes with it). */
const SETTLE_MS = 500;

export class PageCheck {
  private state: CheckState = 'idle';
  private observer: MutationObserver | null = null;
  private unsubscribe: (() => void) | null = null;
  private timer = new Timer();
  private added = 0;
  private lastCheck = -Infinity;
  private interval: number;
  private again = false;
  /** Checks in a row that the background did not answer. */
  private unanswered = 0;
  private readonly cap: number;

  constructor(private opts: PageCheckOptions) {
    this.interval = opts.intervalMs ?? INTERVAL_MS;
    this.cap = opts.capChars ?? CAP_CHARS;
  }

  get current(): CheckState {
    return this.state;
  }

  start(): Promise<void> {
    this.unsubscribe = this.opts.onSettingsChange(() => {
      if (this.state === 'loaded' || this.state === 'stopped') return;
      this.interval = this.opts.intervalMs ?? INTERVAL_MS;
      // At once, unless a check has just run (the page itself could send the event again and again).
      if (performance.now() - this.lastCheck < SETTLE_MS) this.schedule();
      else void this.check();
    });
    return this.check();
  }

  stop(): void {
    this.state = 'stopped';
    this.unwatch();
    this.timer.clear();
    try {
      this.unsubscribe?.();
    } catch {
      // a listener that cannot be removed any more (its document is gone): nothing to undo
    }
    this.unsubscribe = null;
  }

  /** Reads the page and asks the background; one check at a time. */
  async check(): Promise<void> {
    if (this.state === 'loaded' || this.state === 'stopped') return;
    if (this.state === 'checking') {
      this.again = true;
      return;
    }
    this.state = 'checking';
    this.timer.clear();
    this.added = 0;
    this.lastCheck = performance.now();
    const start = performance.now();
    timingMark('check-start');
    const { text, complete } = readQuickText(this.opts.root, this.cap);
    const read = performance.now() - start;
    let answer: CheckAnswer = { load: false };
    let unanswered = false;
    if (hasEnoughText(text, this.opts.minChars ?? MIN_CHARS)) {
      try {
        answer = await this.opts.ask<CheckAnswer>({ type: 'check', text, complete, page: this.opts.page() });
      } catch (e) {
        if (e instanceof ExtensionGone) {
          this.stop();
          this.opts.orphaned();
          return;
        }
        // The background did not answer (a service worker stopped again and again): stay quiet and
        // ask again after the interval, even if the page does not change — a static page about the
        // story must still get its highlights once the background is back.
        unanswered = true;
      }
    }
    if (this.state !== 'checking') return; // stopped meanwhile
    // One measure for the whole check (its read in the detail): every timing entry costs the page a little.
    timingSpan('check', start, { chars: text.length, read, load: answer.load });
    if (answer.load) {
      timingMark('check-load');
      this.stop();
      this.state = 'loaded';
      return;
    }
    timingMark('check-end');
    // A background that did not answer is asked again soon (it was stopped under the check, and is back in a
    // moment), but not for ever: after a few unanswered checks in a row the page stays quiet.
    this.unanswered = unanswered ? this.unanswered + 1 : 0;
    if (this.unanswered > UNANSWERED_CHECKS) return this.stop();
    const max = unanswered ? UNANSWERED_MAX_INTERVAL_MS : (this.opts.maxIntervalMs ?? MAX_INTERVAL_MS);
    this.interval = Math.min(this.interval * 2, max);
    if (answer.off) {
      this.state = 'off';
      this.unwatch(); // turned on again: the settings listener checks
      return;
    }
    this.state = 'watching';
    this.watch();
    if (this.again || unanswered) {
      this.again = false;
      this.schedule();
    }
  }

  private watch() {
    if (this.observer) return;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.opts.root, { childList: true, subtree: true });
  }

  private unwatch() {
    this.observer?.disconnect();
    this.observer = null;
  }

  private onMutations(records: MutationRecord[]) {
    if (this.state !== 'watching' && this.state !== 'checking') return;
    // A recheck is already on its way: nothing to count (busy pages mutate all the time; this runs per batch).
    if (this.again || this.timer.pending) return;
    const need = this.opts.recheckChars ?? RECHECK_CHARS;
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (node.nodeType === 3) this.added += (node as Text).data.length;
        else if (node.nodeType === 1 && !SKIP_PARENTS.has(node.nodeName.toUpperCase()))
          this.added += node.textContent?.length ?? 0;
        if (this.added >= need) break;
      }
      if (this.added >= need) break;
    }
    if (this.added < need) return;
    if (this.state === 'checking') this.again = true;
    else if (!this.timer.pending) this.schedule();
  }

  /** A check a moment after the addition, and not before the interval since the last check is over. */
  private schedule() {
    const wait = Math.max(SETTLE_MS, this.lastCheck + this.interval - performance.now());
    this.timer.set(() => void this.check(), wait);
  }
}

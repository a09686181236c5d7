/**
 * The content script's logic, wired by entrypoints/content: read the page's
 * text, run the recognition core once, highlight through the Highlighter, keep
 * up with new content through the DomWatcher, and report to the background.
 * Settings changes apply live; turning Crosscheck off undoes everything.
 */
import { browser } from 'wxt/browser';
import type { Dataset } from '../core/dataset/schema';
import { computeStandings } from '../core/dataset/conflicts';
import { compileMatcher } from '../core/recognize/index';
import type { ClaimMatch, Matcher, Mention, ScanResult } from '../core/recognize/index';
import { DomWatcher } from './dom-watcher';
import { Highlighter, type HighlightRequest } from './highlighter';
import { isMessage, type PageSummary, type RecognizedItem, type ToBackground, type ToContent } from './messages';
import { readPageMeta } from './page-meta';
import { MARK_CLASS, nodeIndexAt, PageTextReader, readPageText } from './page-text';
import { getSettings, isEnabledOn, watchSettings, type Settings } from './settings';
import { later, yieldToPage } from './timers';
import { timingMark, timingMeasure } from './timing';

export type MarkTarget =
  | { type: 'entity' | 'event'; id: string; kind: Mention['kind'] }
  | { type: 'claim'; aspect: string; value: string; subject: string };

export interface ContentHooks {
  /** Settings changed (the popover re-renders). */
  settingsChanged(settings: Settings): void;
  /** All marks are about to go (turned off). */
  cleared(): void;
  /** Open the popover of a mark, e.g. from the "next highlight" shortcut. */
  openFor(mark: HTMLElement): void;
  /** Marks were added to the page. */
  highlighted(): void;
}

/** Maximum characters scanned incrementally per minute before the watcher backs off further. */
const INCREMENTAL_BUDGET_CHARS = 2_000_000;
/** Containers highlighted per batch; batches run until the slice's time is used up. */
const CONTAINERS_PER_BATCH = 8;
/** Requests per batch, beyond which a batch ends at the next container. */
const MAX_BATCH_REQUESTS = 40;
/**
 * Main-thread time per slice of the full scan before yielding to the page, ms:
 * one more step (a few ms) may follow, so tasks stay well under the 50 ms of
 * a long task, and the page renders (and answers input) between slices.
 */
const SLICE_MS = 25;

export class ContentApp {
  readonly highlighter = new Highlighter();
  private matcher: Matcher | null = null;
  private watcher: DomWatcher;
  private settings!: Settings;
  private relevant = false;
  private pageSource: string | null = null;
  private targets = new WeakMap<HTMLElement, MarkTarget>();
  private counts = new Map<string, RecognizedItem>();
  private events = new Map<string, number>();
  private claims = new Set<string>();
  private disputedSubjects: Set<string>;
  private tabbable = new Set<string>();
  private active = false;
  private generation = 0;
  private incrementalChars: { at: number; chars: number }[] = [];
  private unwatch: (() => void) | null = null;

  constructor(
    private dataset: Dataset,
    private doc: Document,
    private hooks: ContentHooks,
  ) {
    this.disputedSubjects = new Set(
      computeStandings(dataset)
        .filter((s) => s.disputed)
        .map((s) => s.subject),
    );
    this.watcher = new DomWatcher(doc.body ?? doc.documentElement, {
      isOwn: (n) => this.highlighter.isOwn(n) || isInsideOwnUi(n),
      isSplitText: (n) => this.highlighter.isSplitText(n),
      repairSplitText: (t) => this.highlighter.restoreText(t),
      onContent: (roots) => this.scanIncrement(roots),
    });
  }

  get pageSourceId(): string | null {
    return this.pageSource;
  }

  get currentSettings(): Settings {
    return this.settings;
  }

  targetOf(mark: HTMLElement): MarkTarget | undefined {
    return this.targets.get(mark);
  }

  async start(): Promise<void> {
    this.settings = await getSettings();
    this.unwatch = watchSettings((s) => this.applySettings(s));
    if (this.isOn()) await this.fullScan();
    else this.report();
  }

  stop(): void {
    this.unwatch?.();
    this.clear();
  }

  private isOn(): boolean {
    return isEnabledOn(this.settings, location.hostname);
  }

  private applySettings(next: Settings) {
    const prev = this.settings;
    this.settings = next;
    const wasOn = isEnabledOn(prev, location.hostname);
    const on = this.isOn();
    if (wasOn && !on) {
      this.clear();
      this.report();
    } else if (!wasOn && on) {
      void this.fullScan();
    } else if (on && JSON.stringify(prev.kinds) !== JSON.stringify(next.kinds)) {
      // Which kinds are shown changed: re-highlight from a fresh scan.
      this.clear();
      void this.fullScan();
    } else if (on) {
      for (const mark of this.highlighter.marks) this.styleMark(mark);
    }
    this.hooks.settingsChanged(next);
  }

  /** Removes every highlight; the page's DOM is as before. */
  clear(): void {
    this.generation++;
    this.hooks.cleared();
    this.watcher.stop();
    timingMark('undo-start');
    this.watcher.withoutObserving(() => this.highlighter.undoAll());
    timingMark('undo-end');
    timingMeasure('undo', 'undo-start', 'undo-end');
    this.counts.clear();
    this.events.clear();
    this.claims.clear();
    this.tabbable.clear();
    this.relevant = false;
    this.pageSource = null;
    this.active = false;
  }

  private getMatcher(): Matcher {
    this.matcher ??= compileMatcher(this.dataset);
    return this.matcher;
  }

  /**
   * Reads, scans and highlights the whole body in time slices of `SLICE_MS`,
   * yielding to the page in between, so that even a 1 MB page never holds the
   * main thread for long; highlights come top of the page first.
   */
  async fullScan(): Promise<void> {
    const body = this.doc.body;
    if (!body) return;
    const gen = ++this.generation;
    this.active = true;
    let sliceStart = performance.now();
    const more = () => performance.now() - sliceStart < SLICE_MS;
    let slices = 1;
    /** Yields to the page; false when this scan was cancelled meanwhile. */
    const pause = async () => {
      // The first slice runs in the task that resumed after the settings read, which the
      // Long Tasks API does not report: measured here, for the benchmarks.
      if (slices++ === 1) timingMeasure('first-slice', 'scan-start');
      await yieldToPage();
      sliceStart = performance.now();
      return gen === this.generation;
    };
    timingMark('scan-start');
    const reader = new PageTextReader(body);
    while (!reader.read(more)) if (!(await pause())) return;
    const pt = reader.result();
    timingMark('text-read');
    if (!more() && !(await pause())) return;
    const steps = this.getMatcher().scanSteps(pt.text, { page: readPageMeta(document, location.href) });
    let result: ScanResult;
    for (;;) {
      if (!more() && !(await pause())) return;
      const step = steps.next();
      if (step.done) {
        result = step.value;
        break;
      }
    }
    timingMark('matched');
    this.relevant = result.relevant;
    this.pageSource = result.source;
    if (result.relevant) {
      const requests = this.requestsFor(result);
      // Look up visibility (style reads) before any mark is written, then only write.
      for (let i = 0; i < requests.length; i += 512) {
        if (!more() && !(await pause())) return;
        this.highlighter.warmVisibility(pt, requests.slice(i, i + 512));
      }
      // A few containers per batch, batches until the slice is used up; the top of the page comes first.
      let i = 0;
      while (i < requests.length) {
        if (i > 0 && !more() && !(await pause())) return;
        const end = sliceEnd(requests, i, pt, CONTAINERS_PER_BATCH);
        const batch = requests.slice(i, end);
        this.watcher.withoutObserving(() => this.highlight(pt, batch));
        if (i === 0) timingMark('first-highlight');
        i = end;
      }
      this.collect(result);
    }
    if (gen !== this.generation) return;
    timingMark('scan-end');
    timingMeasure('read', 'scan-start', 'text-read');
    timingMeasure('match', 'text-read', 'matched');
    timingMeasure('full-scan', 'scan-start', 'scan-end');
    if (result.relevant) timingMeasure('first-highlight', 'scan-start', 'first-highlight');
    this.report();
    this.watcher.start();
  }

  /** New or changed content: scan just those roots. */
  private scanIncrement(roots: Node[]) {
    if (!this.active) return;
    const now = performance.now();
    this.incrementalChars = this.incrementalChars.filter((x) => now - x.at < 60_000);
    const spent = this.incrementalChars.reduce((a, x) => a + x.chars, 0);
    if (spent > INCREMENTAL_BUDGET_CHARS) return;

    const results: { pt: ReturnType<typeof readPageText>; result: ScanResult }[] = [];
    let chars = 0;
    timingMark('incremental-start');
    this.watcher.withoutObserving(() => {
      for (const root of roots) {
        // A rewritten region: drop our old marks there before reading it again.
        if (root.nodeType === 1) this.highlighter.undoWithin(root);
        const pt = readPageText(root);
        chars += pt.text.length;
        if (pt.text.trim().length === 0) continue;
        results.push({ pt, result: this.getMatcher().scan(pt.text, this.relevant ? { relevant: true } : undefined) });
      }
    });
    this.incrementalChars.push({ at: now, chars });
    let changed = false;
    for (const { pt, result } of results) {
      if (!this.relevant && result.relevant) {
        // New content made the page relevant (single-page navigation): scan it all.
        this.clear();
        void this.fullScan();
        return;
      }
      if (!this.relevant) continue;
      this.watcher.withoutObserving(() => this.highlight(pt, this.requestsFor(result)));
      this.collect(result);
      changed = true;
    }
    timingMark('incremental-end');
    timingMeasure('incremental', 'incremental-start', 'incremental-end');
    if (changed) this.report();
  }

  private requestsFor(result: ScanResult): HighlightRequest[] {
    const kinds = this.settings.kinds;
    const requests: HighlightRequest[] = [];
    if (kinds.claim) {
      for (const c of result.claims) requests.push({ start: c.start, end: c.end, layer: 'claim', data: c });
    }
    for (const m of result.mentions) {
      if (kinds[m.kind]) requests.push({ start: m.start, end: m.end, layer: 'mention', data: m });
    }
    // Document order (sentences before the names they hold), so slices follow the page from the top.
    return requests.sort((a, b) => a.start - b.start || (a.layer === 'claim' ? -1 : 1));
  }

  private highlight(pt: ReturnType<typeof readPageText>, requests: HighlightRequest[]) {
    const created = this.highlighter.apply(pt, requests, (mark, req) => {
      if (req.layer === 'claim') {
        const c = req.data as ClaimMatch;
        this.targets.set(mark, { type: 'claim', aspect: c.aspect, value: c.value, subject: c.subject });
        mark.dataset.crosscheckId = c.aspect;
        mark.dataset.crosscheckKind = 'claim';
        mark.dataset.crosscheckValue = c.value;
        this.wireMark(mark, `claim:${c.aspect}:${c.start}`);
      } else {
        const m = req.data as Mention;
        this.targets.set(mark, { type: m.kind === 'event' ? 'event' : 'entity', id: m.id, kind: m.kind });
        mark.dataset.crosscheckId = m.id;
        mark.dataset.crosscheckKind = m.kind;
        this.wireMark(mark, m.id);
      }
      this.styleMark(mark);
    });
    if (created.length > 0) this.hooks.highlighted();
  }

  /** Keyboard access: the first mark of every item is in the tab order; the shortcut reaches all. */
  private wireMark(mark: HTMLElement, key: string) {
    const insideInteractive = mark.parentElement?.closest('a[href], button, [role="button"], label') !== null;
    mark.tabIndex = this.tabbable.has(key) || insideInteractive ? -1 : 0;
    this.tabbable.add(key);
    if (!insideInteractive) mark.setAttribute('role', 'button');
    mark.setAttribute('aria-haspopup', 'dialog');
    mark.setAttribute('aria-expanded', 'false');
  }

  private styleMark(mark: HTMLElement) {
    const target = this.targets.get(mark);
    const s = this.settings;
    mark.classList.toggle('cc-claim', target?.type === 'claim');
    mark.classList.toggle('cc-disputed', target?.type !== 'claim' && !!target && this.disputedSubjects.has(target.id));
    mark.classList.toggle('cc-s-underline', s.highlightStyle === 'underline');
    mark.classList.toggle('cc-hc', s.highContrast);
  }

  private collect(result: ScanResult) {
    for (const m of result.mentions) {
      if (!this.settings.kinds[m.kind]) continue;
      const item = this.counts.get(m.id) ?? { id: m.id, kind: m.kind, count: 0 };
      item.count++;
      this.counts.set(m.id, item);
    }
    result.events.forEach((e) => this.events.set(e.id, (this.events.get(e.id) ?? 0) + e.evidence.length));
    for (const c of result.claims) this.claims.add(c.aspect);
  }

  summary(): PageSummary {
    const items = [...this.counts.values()].sort((a, b) => b.count - a.count);
    return {
      url: location.href,
      host: location.hostname,
      active: this.isOn(),
      relevant: this.relevant,
      source: this.pageSource,
      items,
      events: [...this.events.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id),
      claims: [...this.claims],
      disputed: this.claims.size > 0 || items.some((i) => this.disputedSubjects.has(i.id)),
    };
  }

  private report() {
    if (window.top !== window) return; // frames highlight, the top page reports
    const msg: ToBackground = { type: 'page-summary', summary: this.summary() };
    browser.runtime.sendMessage(msg).catch(() => {});
  }

  /** Marks in document order. */
  orderedMarks(): HTMLElement[] {
    return [...this.doc.querySelectorAll<HTMLElement>(`mark.${MARK_CLASS}`)].filter((m) =>
      this.highlighter.marks.has(m),
    );
  }

  /** Messages from the popup and the background. */
  handleMessage(message: unknown): Promise<unknown> | undefined {
    if (!isMessage<ToContent>(message)) return undefined;
    switch (message.type) {
      case 'get-summary':
        return Promise.resolve(this.summary());
      case 'scroll-to': {
        const mark = this.orderedMarks().find((m) => m.dataset.crosscheckId === message.id);
        if (!mark) return Promise.resolve(false);
        const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
        mark.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
        mark.classList.add('cc-flash');
        later(() => mark.classList.remove('cc-flash'), 1600);
        return Promise.resolve(true);
      }
      case 'next-highlight': {
        const marks = this.orderedMarks();
        if (marks.length === 0) return Promise.resolve(false);
        const current = this.doc.activeElement;
        const at = marks.findIndex((m) => m === current || m.contains(current));
        const next = marks[(at + 1) % marks.length]!;
        next.focus({ preventScroll: true });
        next.scrollIntoView({ block: 'center' });
        this.hooks.openFor(next);
        return Promise.resolve(true);
      }
    }
    return undefined;
  }
}

function isInsideOwnUi(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el?.closest('crosscheck-popover');
}

/**
 * Index after the request that ends a batch: at most `containers` distinct
 * containers and `MAX_BATCH_REQUESTS` requests (a container's requests are
 * never split: mark.js marks a container in one call).
 */
function sliceEnd(requests: HighlightRequest[], from: number, pt: ReturnType<typeof readPageText>, containers: number) {
  let seen = 0;
  let last: Element | null | undefined;
  let i = from;
  for (; i < requests.length; i++) {
    const block = pt.blocks[nodeIndexAt(pt, requests[i]!.start)];
    if (block !== last) {
      if (++seen > containers || (seen > 1 && i - from >= MAX_BATCH_REQUESTS)) break;
      last = block;
    }
  }
  return i;
}

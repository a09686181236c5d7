/**
 * The full stage's logic, wired by entrypoints/full.content: full scans
 * (ScanSession) and scans of new content (DomWatcher), highlighted through the
 * Highlighter, recorded in the MarkRegistry, reported (PageFindings).
 * Recognition itself runs in the background. Settings changes apply live;
 * turning Crosscheck off undoes everything.
 */
import { isEnabledOn, type Settings } from '../../core/settings';
import type { FoundTarget, PageContext, ScanReply, ToContent } from '../messages';
import { isMessage } from '../messages';
import { getSettings, watchSettings } from './settings';
import { later } from '../timers';
import { timingMark, timingMeasure, timingSpan } from '../timing';
import { ExtensionGone, type Ask } from './background-client';
import { DomWatcher } from './dom-watcher';
import { Highlighter, type HighlightRequest } from './highlighter';
import { MarkRegistry } from './mark-registry';
import { isInsideOwnUi, MARK_CLASS } from './own';
import { readPageMeta } from './page-meta';
import { readPageText, type PageText } from './page-text';
import { planReply } from './plan';
import { PageFindings, reportSummary } from './reporting';
import { ScanSession, type ScanPainter } from './scan-session';
import { findMention, UnmarkedItems } from './unmarked';
import { firstScreenAnswer, type Handed } from './handoff';

export interface ContentHooks {
  /** Settings changed (the popover re-renders). */
  settingsChanged(settings: Settings): void;
  /** All marks are about to go (turned off). */
  cleared(): void;
  /** Open the popover of a mark, e.g. from the "next highlight" shortcut. */
  openFor(mark: HTMLElement): void;
  /** Marks were added to the page. */
  highlighted(): void;
  /** The extension was reloaded or removed: this content script must go. */
  orphaned(): void;
}

/** Maximum characters scanned incrementally per minute before the watcher backs off further. */
const INCREMENTAL_BUDGET_CHARS = 2_000_000;

export class ContentApp {
  readonly highlighter = new Highlighter();
  readonly registry = new MarkRegistry();
  private findings = new PageFindings();
  private unmarked = new UnmarkedItems();
  private watcher: DomWatcher;
  private settings!: Settings;
  private scan: AbortController | null = null;
  private active = false;
  private incrementalChars: { at: number; chars: number }[] = [];
  private unwatch: (() => void) | null = null;

  constructor(
    private doc: Document,
    private ask: Ask,
    private hooks: ContentHooks,
  ) {
    this.watcher = new DomWatcher(doc.body ?? doc.documentElement, {
      isOwn: (n) => this.highlighter.isOwn(n) || isInsideOwnUi(n),
      isSplitText: (n) => this.highlighter.isSplitText(n),
      repairSplitText: (t) => this.highlighter.restoreText(t),
      onContent: (roots) => void this.scanIncrement(roots),
    });
  }

  get pageSourceId(): string | null {
    return this.findings.source;
  }

  get currentSettings(): Settings {
    return this.settings;
  }

  targetOf(mark: HTMLElement): FoundTarget | undefined {
    return this.registry.targetOf(mark);
  }

  private stopped = false;
  /** The background's handoff, used by the first full scan only. */
  private handed: Handed | null = null;

  /**
   * The background injects this stage where it found the page about a story with Crosscheck on: the scan
   * reads the first screen and asks about it while the settings are read (they are needed from the
   * first highlight on). Should they say off after all (changed meanwhile), the scan is cancelled.
   */
  async start(handed: Handed | null = null): Promise<void> {
    this.handed = handed;
    const read = (handed ? Promise.resolve(handed.settings) : getSettings()).then((s) => {
      timingMark('settings');
      if (!this.stopped) this.settings = s;
      return s;
    });
    const scan = this.fullScan(read.then(() => !this.stopped && this.isOn()));
    await read;
    if (this.stopped) return;
    this.unwatch = watchSettings((s) => this.applySettings(s));
    await scan;
    if (!this.isOn()) this.report();
  }

  stop(): void {
    this.stopped = true;
    try {
      this.unwatch?.();
    } catch {
      // an orphan after an extension reload: its storage listener is gone with the extension
    }
    this.unwatch = null;
    this.clear();
  }

  private isOn(): boolean {
    return isEnabledOn(this.settings, location.hostname);
  }

  /** What the page says about itself (date, address, title): read once per full scan. */
  private pageContext: PageContext | null = null;

  private page(): PageContext {
    if (!this.pageContext) {
      const meta = readPageMeta(this.doc, location.href);
      this.pageContext = { published: meta.published, url: meta.url, title: meta.title };
    }
    return this.pageContext;
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
    } else if (
      on &&
      (JSON.stringify(prev.kinds) !== JSON.stringify(next.kinds) || prev.highlightMode !== next.highlightMode)
    ) {
      // Which kinds or mentions are shown changed: re-highlight from a fresh scan.
      this.clear();
      void this.fullScan();
    } else if (on) {
      for (const mark of this.highlighter.marks) this.registry.style(mark, next);
    }
    this.hooks.settingsChanged(next);
  }

  /** Removes every highlight; the page's DOM is as before. */
  clear(): void {
    this.scan?.abort();
    this.scan = null;
    this.hooks.cleared();
    this.watcher.stop();
    timingMark('undo-start');
    this.undoAll();
    timingMark('undo-end');
    timingMeasure('undo', 'undo-start', 'undo-end');
    this.findings.clear();
    this.unmarked.clear();
    this.active = false;
  }

  private undoAll() {
    this.watcher.withoutObserving(() => this.highlighter.undoAll());
    this.registry.clear();
  }

  /**
   * Reads, sends and highlights the whole body (ScanSession); any earlier scan is cancelled. With `ready`
   * (the settings still being read), nothing is planned or painted before it says go; false cancels.
   */
  async fullScan(ready?: Promise<boolean>): Promise<void> {
    const body = this.doc.body;
    if (!body) return;
    this.scan?.abort();
    const controller = new AbortController();
    this.scan = controller;
    this.active = true;
    this.pageContext = null; // a new page (single-page navigation) or new settings: read it again
    const painter: ScanPainter = {
      warm: (pt, requests) => this.highlighter.warmVisibility(pt, requests),
      paint: (pt, requests) => this.paint(pt, requests),
      undo: () => this.undoAll(),
      undoWithin: (root) => this.watcher.withoutObserving(() => this.highlighter.undoWithin(root)),
    };
    if (ready)
      void ready.then(
        (go) => go || controller.abort(),
        () => controller.abort(),
      );
    const head = this.handed?.head ?? null;
    this.handed = null;
    const outcome = await new ScanSession({
      root: body,
      signal: controller.signal,
      ready,
      page: () => this.page(),
      ask: this.ask,
      painter,
      kinds: () => this.settings.kinds,
      select: (pt, reply, starts) => this.plan(pt, reply, starts),
      firstAnswer: head ? (screen) => firstScreenAnswer(body, screen, head) : undefined,
    }).run();
    if (ready) await ready.catch(() => false);
    if (controller.signal.aborted) return;
    if (outcome.status === 'failed') {
      // Retried and still no answer: the page stays as it was, quietly.
      if (outcome.error instanceof ExtensionGone) this.hooks.orphaned();
      return;
    }
    if (outcome.status === 'done') {
      this.findings.relevant = outcome.reply.relevant;
      this.findings.source = outcome.reply.source;
      this.findings.add(outcome.reply, this.settings.kinds);
    }
    this.report();
    this.watcher.start();
  }

  /** New or changed content: send just those roots. */
  private async scanIncrement(roots: Node[]): Promise<void> {
    const controller = this.scan;
    if (!this.active || !controller) return;
    const now = performance.now();
    this.incrementalChars = this.incrementalChars.filter((x) => now - x.at < 60_000);
    const spent = this.incrementalChars.reduce((a, x) => a + x.chars, 0);
    if (spent > INCREMENTAL_BUDGET_CHARS) return;

    const texts: PageText[] = [];
    let chars = 0;
    timingMark('incremental-start');
    const readStart = performance.now();
    this.highlighter.forgetDetached();
    this.watcher.withoutObserving(() => {
      for (const root of roots) {
        // A rewritten region: drop our old marks there before reading it again.
        if (root.nodeType === 1) this.highlighter.undoWithin(root);
        const pt = readPageText(root);
        chars += pt.text.length;
        if (pt.text.trim().length > 0) texts.push(pt);
      }
    });
    this.incrementalChars.push({ at: now, chars });
    // The drain's main-thread work is its two synchronous parts (this read, and the paint below); the
    // `incremental` measure spans the wait for the background between them too.
    timingSpan('incremental-read', readStart);
    if (texts.length === 0) return;
    const relevant = this.findings.relevant;
    let replies: ScanReply[];
    try {
      replies = await this.ask<ScanReply[]>(
        {
          type: 'scan-batch',
          texts: texts.map((pt) => pt.text),
          page: this.page(),
          relevant,
          stories: this.findings.stories,
        },
        controller.signal,
      );
    } catch (e) {
      if (e instanceof ExtensionGone) this.hooks.orphaned();
      return; // the new content stays unhighlighted
    }
    if (controller.signal.aborted || this.scan !== controller) return;
    const paintStart = performance.now();
    let changed = false;
    for (const [i, reply] of replies.entries()) {
      const pt = texts[i];
      if (!pt) continue;
      if (!this.findings.relevant && reply.relevant) {
        // New content made the page relevant (single-page navigation): scan it all.
        this.clear();
        void this.fullScan();
        return;
      }
      if (!this.findings.relevant) continue;
      // New content (a live-blog entry, a teaser) is a section of its own.
      this.paint(pt, requestsOf(this.plan(pt, reply), this.settings));
      this.findings.add(reply, this.settings.kinds);
      changed = true;
    }
    timingSpan('incremental-paint', paintStart);
    timingMark('incremental-end');
    timingMeasure('incremental', 'incremental-start', 'incremental-end');
    if (changed) this.report();
  }

  /** The highlight plan for a scan answer; the names it leaves unmarked are kept for the popup's list. */
  private plan(pt: PageText, reply: ScanReply, sectionStarts?: readonly number[]): ScanReply {
    const planned = planReply(reply, pt, this.settings.highlightMode, sectionStarts);
    this.unmarked.note(reply, planned, pt);
    return planned;
  }

  private paint(pt: PageText, requests: HighlightRequest[]): HTMLElement[] {
    let created: HTMLElement[] = [];
    this.watcher.withoutObserving(() => {
      created = this.highlighter.apply(pt, requests, (mark, req) => {
        this.registry.register(mark, req.data as FoundTarget, req.start);
        this.registry.style(mark, this.settings);
      });
    });
    if (created.length > 0) this.hooks.highlighted();
    return created;
  }

  /**
   * The popup chose an item the plan left unmarked: mark its first mention now (outside our marks),
   * or, when it stands only inside a marked sentence, show that sentence.
   */
  private markOnDemand(id: string): HTMLElement | undefined {
    const item = this.unmarked.get(id);
    const body = this.doc.body;
    if (!item || !body) return undefined;
    const pt = readPageText(body);
    const at = findMention(pt.text, item.surface);
    if (at >= 0) {
      const request: HighlightRequest = {
        start: at,
        end: at + item.surface.length,
        layer: 'mention',
        data: item.target,
      };
      const [mark] = this.paint(pt, [request]);
      if (mark) {
        this.unmarked.delete(id);
        return mark;
      }
    }
    return this.orderedMarks().find((m) => findMention(m.textContent ?? '', item.surface) >= 0);
  }

  private report() {
    if (window.top !== window) return; // frames highlight, the top page reports
    void reportSummary(this.findings.summary({ url: location.href, host: location.hostname, active: this.isOn() }));
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
      case 'scroll-to': {
        const mark =
          this.orderedMarks().find((m) => m.dataset.crosscheckId === message.id) ?? this.markOnDemand(message.id);
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

/** The requests for an answer's ranges of the kinds shown. */
function requestsOf(reply: ScanReply, settings: Settings): HighlightRequest[] {
  const out: HighlightRequest[] = [];
  if (!reply.relevant) return out;
  for (let i = 0; i < reply.ranges.length; i += 3) {
    const target = reply.targets[reply.ranges[i + 2]!];
    if (!target || !settings.kinds[target.type === 'claim' ? 'claim' : target.kind]) continue;
    out.push({
      start: reply.ranges[i]!,
      end: reply.ranges[i + 1]!,
      layer: target.type === 'claim' ? 'claim' : 'mention',
      data: target,
    });
  }
  return out;
}

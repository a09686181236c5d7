/**
 * One full scan of a page, cancelled by an AbortSignal: read the page's text
 * in time slices, send it to the background (the first screen first, the rest
 * in pieces), and highlight the answer in time slices, top of the page first.
 *
 * - A page with too little text is not sent at all.
 * - The first screen of text goes alone: when it holds nothing of the dataset
 *   (`quiet`), the rest of the page is not even read. When it is about the
 *   story, it is highlighted at once, while the rest is read and scanned.
 * - The page ends fully highlighted (the answer for its whole text) or
 *   untouched: when the background cannot answer for the whole text, the
 *   first screen's highlights are undone (`undo`), and the session ends
 *   `failed`; the caller stays quiet.
 */
import type { HighlightKind } from '../../core/settings';
import type { FoundTarget, PageContext, ScanAnswer, ScanReply } from '../messages';
import { yieldToPage } from '../timers';
import { afterNextFrame } from './frame';
import { timingMark, timingMeasure } from '../timing';
import type { Ask } from './background-client';
import type { HighlightRequest } from './highlighter';
import { nodeIndexAt, PageTextReader, type PageText } from './page-text';
import { SectionFinder } from './sections';

/** What the session needs from the page's side: the highlighter, wrapped. */
export interface ScanPainter {
  /** Looks up, before any write, what `paint` will need (visibility). */
  warm(pt: PageText, requests: HighlightRequest[]): void;
  /** Highlights one batch of requests (`data` is the FoundTarget). */
  paint(pt: PageText, requests: HighlightRequest[]): void;
  /** Removes every highlight of this session. */
  undo(): void;
  /** Removes the highlights inside `root` (its text nodes get their text back). */
  undoWithin(root: Node): void;
}

export interface ScanSessionOptions {
  root: Node;
  signal: AbortSignal;
  /** What the page says about itself; read only when there is enough text to send. */
  page(): PageContext;
  ask: Ask;
  painter: ScanPainter;
  kinds(): Record<HighlightKind, boolean>;
  /**
   * Settles before anything is planned or painted (the settings, read while the first screen is read
   * and sent); false, or a failure, cancels the session.
   */
  ready?: Promise<boolean>;
  /** The ranges of an answer worth a mark (the highlight plan), given the page's section starts; all of them when left out. */
  select?(pt: PageText, reply: ScanReply, sectionStarts: readonly number[]): ScanReply;
  /**
   * The first screen's answer without asking (the background's handoff), or null: then the first screen
   * is sent on its own first.
   */
  firstAnswer?(screen: PageText): ScanReply | null;
  /** Main-thread time per slice before yielding to the page, ms. */
  sliceMs?: number;
  /** Characters of the first screen, sent on their own first. */
  firstScreenChars?: number;
  /** Below this many non-blank characters a page is not scanned. */
  minChars?: number;
  /** Characters per piece of a long page. */
  pieceChars?: number;
}

export type ScanOutcome =
  | { status: 'too-little' }
  | { status: 'quiet' }
  | { status: 'done'; reply: ScanReply }
  | { status: 'aborted' }
  | { status: 'failed'; error: unknown };

/**
 * Main-thread time per slice: one more step (a few ms) may follow, so tasks
 * stay well under the 50 ms of a long task, and the page renders (and answers
 * input) between slices.
 */
const SLICE_MS = 25;
/** About a screenful of article text, with the page's navigation before it. */
const FIRST_SCREEN_CHARS = 10_000;
const MIN_CHARS = 60;
const PIECE_CHARS = 512 * 1024;
/** Containers highlighted per batch; batches run until the slice's time is used up. */
const CONTAINERS_PER_BATCH = 8;
/** Requests per batch, beyond which a batch ends at the next container. */
const MAX_BATCH_REQUESTS = 40;

class Aborted extends Error {}

let sessions = 0;

export class ScanSession {
  private sliceStart = 0;
  private slices = 1;
  /** Key of every range painted, with its block container. */
  private painted = new Map<string, Element | null>();
  private highlighted = false;
  private readonly sliceMs: number;
  /** The page's section starts (for the highlight plan), found in slices as the text is read. */
  private sections = new SectionFinder();

  /** `ready` has settled (or there is none). */
  private settled: boolean;

  constructor(private opts: ScanSessionOptions) {
    this.sliceMs = opts.sliceMs ?? SLICE_MS;
    this.settled = !opts.ready;
    opts.ready?.then(
      () => (this.settled = true),
      () => (this.settled = true),
    );
  }

  async run(): Promise<ScanOutcome> {
    try {
      return await this.scan();
    } catch (error) {
      if (error instanceof Aborted || this.opts.signal.aborted) return { status: 'aborted' };
      this.opts.painter.undo();
      timingMark('scan-failed');
      return { status: 'failed', error };
    }
  }

  private more = () => performance.now() - this.sliceStart < this.sliceMs;

  /**
   * Yields to the page; throws when the session was cancelled meanwhile. With
   * `frame`, waits until the page rendered a frame (after a slice that wrote marks).
   */
  private async pause(frame = false): Promise<void> {
    this.sliceEnds();
    await (frame ? afterNextFrame() : yieldToPage());
    this.check();
    this.sliceStart = performance.now();
  }

  /** The first slice runs in the task that resumed after the settings read, which the
   * Long Tasks API does not report: measured here, for the benchmarks. */
  private sliceEnds() {
    if (this.slices++ === 1) timingMeasure('first-slice', 'scan-start');
  }

  private check() {
    if (this.opts.signal.aborted) throw new Aborted();
  }

  /** Waits for `ready`; throws when it says no. A wait ends in a task of its own: a new slice. */
  private async whenReady(): Promise<void> {
    const ready = this.opts.ready;
    if (!ready) return;
    const waited = !this.settled;
    if (waited) this.sliceEnds();
    const go = await ready.catch(() => false);
    this.check();
    if (!go) throw new Aborted();
    if (waited) this.sliceStart = performance.now();
  }

  private async ask(message: Parameters<Ask>[0]): Promise<ScanAnswer> {
    this.sliceEnds();
    try {
      return await this.opts.ask<ScanAnswer>(message, this.opts.signal);
    } finally {
      this.check();
      this.sliceStart = performance.now(); // waiting for the answer was no work of ours
    }
  }

  private async scan(): Promise<ScanOutcome> {
    const { root } = this.opts;
    const first = this.opts.firstScreenChars ?? FIRST_SCREEN_CHARS;
    this.sliceStart = performance.now();
    timingMark('scan-start');
    const reader = new PageTextReader(root);
    let done = false;
    while (!done && reader.textLength < first) {
      done = reader.read(this.more, first);
      if (!done && !this.more()) await this.pause();
    }
    const screen = reader.result();
    if (done && screen.text.replace(/\s+/g, '').length < (this.opts.minChars ?? MIN_CHARS)) {
      this.finish(false);
      return { status: 'too-little' };
    }

    const session = `${Date.now().toString(36)}-${++sessions}-${Math.random().toString(36).slice(2)}`;
    let full: ScanReply;
    if (done) {
      timingMark('text-read');
      full = await this.askWhole(screen.text);
      timingMark('matched');
    } else {
      const handed = this.opts.firstAnswer?.(screen) ?? null;
      // Handed: no round trip ends this task, which also evaluated the full stage's script; paint in the next.
      if (handed) await this.pause();
      const answer =
        handed ??
        (await this.ask({
          type: 'scan',
          text: screen.text,
          // The same page context as the whole text's, so that the first screen is judged alike.
          page: this.opts.page(),
          piece: { session, index: 0, last: false },
        }));
      if (!isReply(answer)) throw new Error('no answer for the first screen');
      if (answer.quiet) {
        this.finish(false);
        return { status: 'quiet' };
      }
      // The last block may go on below: its ranges wait for the whole text. (Not the text's last '\n': a text
      // node's own data can hold line breaks, and a mark in the node the reader stands on would make it read
      // that node's split-off rest again.)
      const safeEnd = lastBlockStart(screen) - 1;
      await this.whenReady();
      if (answer.relevant) {
        await this.findSections(screen);
        await this.paint(screen, this.select(screen, answer), safeEnd);
      }
      while (!reader.read(this.more)) await this.pause();
      const pt = reader.result();
      timingMark('text-read');
      // A first screen answered by the handoff was not sent: the whole text goes in pieces.
      const rest = this.askRest(pt.text, handed ? 0 : screen.text.length, session);
      rest.catch(() => {}); // awaited below
      // While the background scans: the sections of the rest, in slices of their own.
      await this.findSections(pt);
      full = await rest;
      timingMark('matched');
      // The task that brought the answer also parsed it: planning goes on in the next one if it must.
      if (!this.more()) await this.pause();
      const planned = this.select(pt, full);
      if (!this.more()) await this.pause();
      this.reconcile(pt, planned, safeEnd);
      await this.paint(pt, planned, Infinity);
      this.finish(full.relevant);
      return { status: 'done', reply: full };
    }
    await this.whenReady();
    await this.findSections(screen);
    await this.paint(screen, this.select(screen, full), Infinity);
    this.finish(full.relevant);
    return { status: 'done', reply: full };
  }

  private select(pt: PageText, reply: ScanReply): ScanReply {
    return this.opts.select ? this.opts.select(pt, reply, this.sections.starts) : reply;
  }

  /** Finds the section starts of `pt`'s nodes not looked at yet, in slices. */
  private async findSections(pt: PageText): Promise<void> {
    while (!this.sections.advance(pt, this.more)) await this.pause();
  }

  private finish(relevant: boolean) {
    timingMark('scan-end');
    timingMeasure('read', 'scan-start', 'text-read');
    timingMeasure('match', 'text-read', 'matched');
    timingMeasure('full-scan', 'scan-start', 'scan-end');
    if (relevant) timingMeasure('first-highlight', 'scan-start', 'first-highlight');
  }

  private async askWhole(text: string): Promise<ScanReply> {
    const answer = await this.ask({ type: 'scan', text, page: this.opts.page() });
    if (!isReply(answer)) throw new Error('no scan answer');
    return answer;
  }

  /** Sends the text from `from` (after the first screen, or 0) in pieces; the whole text again if the background lost them. */
  private async askRest(text: string, from: number, session: string): Promise<ScanReply> {
    const size = this.opts.pieceChars ?? PIECE_CHARS;
    let answer: ScanAnswer = { lost: true };
    const first = from === 0 ? 0 : 1;
    for (let at = from, index = first; at < text.length || index === first; at += size, index++) {
      const last = at + size >= text.length;
      answer = await this.ask({
        type: 'scan',
        text: text.slice(at, at + size),
        page: this.opts.page(),
        // From the top (the first screen was not sent on its own): the first piece is only kept.
        piece: { session, index, last, ...(index === 0 ? { keep: true } : {}) },
      });
      if (last) break;
    }
    return isReply(answer) ? answer : this.askWhole(text);
  }

  /**
   * Makes the first screen's highlights what the answer for the whole text has
   * there (the whole text can add evidence: an event recognized from a cue
   * further down). Only the block containers that differ are undone, so that
   * the rest (a highlight being hovered) stays as it is; they are painted
   * again with the rest of the answer.
   */
  private reconcile(pt: PageText, full: ScanReply, safeEnd: number): void {
    if (this.painted.size === 0) return;
    if (!full.relevant) {
      this.opts.painter.undo();
      this.painted.clear();
      return;
    }
    const kinds = this.opts.kinds();
    const wanted = new Map<string, Element | null>();
    for (let i = 0; i < full.ranges.length; i += 3) {
      const target = full.targets[full.ranges[i + 2]!];
      if (!target || full.ranges[i + 1]! > safeEnd) continue;
      if (!kinds[target.type === 'claim' ? 'claim' : target.kind]) continue;
      wanted.set(rangeKey(full, i), pt.blocks[nodeIndexAt(pt, full.ranges[i]!)] ?? null);
    }
    const stale = new Set<Element | null>();
    for (const [key, block] of this.painted) if (!wanted.has(key)) stale.add(block);
    for (const [key, block] of wanted) if (!this.painted.has(key)) stale.add(block);
    if (stale.size === 0) return;
    if (stale.has(null)) {
      this.opts.painter.undo();
      this.painted.clear();
      return;
    }
    const blocks = [...stale] as Element[];
    for (const block of blocks) this.opts.painter.undoWithin(block);
    for (const [key, block] of this.painted) {
      if (block && blocks.some((b) => b.contains(block))) this.painted.delete(key);
    }
  }

  /** Highlights the answer's ranges that end before `safeEnd` and were not painted yet, in time slices. */
  private async paint(pt: PageText, reply: ScanReply, safeEnd: number): Promise<void> {
    if (!reply.relevant) return;
    const kinds = this.opts.kinds();
    const requests: HighlightRequest[] = [];
    for (let i = 0; i < reply.ranges.length; i += 3) {
      if (i % 3072 === 3069 && !this.more()) await this.pause();
      const start = reply.ranges[i]!;
      const end = reply.ranges[i + 1]!;
      const target = reply.targets[reply.ranges[i + 2]!];
      if (!target || end > safeEnd) continue;
      if (!kinds[target.type === 'claim' ? 'claim' : target.kind]) continue;
      const key = rangeKey(reply, i);
      if (this.painted.has(key)) continue;
      this.painted.set(key, pt.blocks[nodeIndexAt(pt, start)] ?? null);
      requests.push({ start, end, layer: target.type === 'claim' ? 'claim' : 'mention', data: target });
    }
    // Look up visibility (style reads) before any mark is written, then only write.
    for (let i = 0; i < requests.length; i += 512) {
      if (!this.more()) await this.pause();
      this.opts.painter.warm(pt, requests.slice(i, i + 512));
    }
    // A few containers per batch, batches until the slice is used up; the top of the page comes first.
    let i = 0;
    while (i < requests.length) {
      // The page lays out each slice's marks before the next slice writes more.
      if (!this.more()) await this.pause(true);
      const end = sliceEnd(requests, i, pt, CONTAINERS_PER_BATCH);
      this.opts.painter.paint(pt, requests.slice(i, end));
      if (!this.highlighted) {
        this.highlighted = true;
        timingMark('first-highlight');
      }
      i = end;
    }
  }
}

/** Where the last block of `pt` begins in its text (its length when there is no node). */
function lastBlockStart(pt: PageText): number {
  const last = pt.nodes.length - 1;
  if (last < 0) return pt.text.length;
  let i = last;
  while (i > 0 && pt.blocks[i - 1] === pt.blocks[last]) i--;
  return pt.starts[i]!;
}

function isReply(answer: ScanAnswer | undefined): answer is ScanReply {
  return !!answer && 'ranges' in answer && Array.isArray(answer.ranges);
}

function rangeKey(reply: ScanReply, i: number): string {
  const t = reply.targets[reply.ranges[i + 2]!] as FoundTarget | undefined;
  const what = !t ? '' : t.type === 'claim' ? `c:${t.aspect}:${t.value}` : `${t.kind}:${t.id}`;
  return `${reply.ranges[i]}:${reply.ranges[i + 1]}:${what}`;
}

/**
 * Index after the request that ends a batch: at most `containers` distinct
 * containers and `MAX_BATCH_REQUESTS` requests (a container's requests are
 * never split: mark.js marks a container in one call).
 */
function sliceEnd(requests: HighlightRequest[], from: number, pt: PageText, containers: number) {
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

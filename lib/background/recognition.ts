/**
 * The recognition service of the background: every enabled story pack
 * (bundled and imported) compiled into one recognizer (core/pack/recognizer.ts:
 * one dictionary over all of them, relevance per story), the merged dataset
 * and its view index live here, compiled once per background lifetime (the
 * Chrome MV3 service worker, Firefox's background page) and again only when
 * the packs change (`reset`, called on `watchPacks`). Content scripts send
 * page text and get back the ranges to highlight, what each one is and which
 * stories the page is about; popovers get their content from here.
 *
 * A stopped service worker compiles again (`warm`, at its start): the
 * compile is measured (`crosscheck:compile`, detail `{ cold, stories }`:
 * cold is the first in this background's lifetime, warm a recompile after a
 * change of packs) and costs off the page's thread (bench/README.md). With
 * a `cache` (the pack store), every compile is also saved as a snapshot
 * (core/pack/recognizer.ts `PacksSnapshot`: the one dictionary's arrays and
 * each story's anchors), and a background that starts again restores it
 * first (`crosscheck:restore`): a page is answered by the restored
 * dictionary, exactly as the compile would answer it, reading only the packs
 * the page makes candidates; a popover reads only the packs that hold its
 * item (core/pack/views.ts, `crosscheck:popover-data`). The full compile
 * then runs only when something the snapshot cannot serve needs it (a pack it
 * names is gone), or at the next change of packs.
 */
import { computeStandings } from '../../core/dataset/conflicts';
import type { Dataset, Lang } from '../../core/dataset/schema';
import {
  compilePacks,
  restorePacks,
  type PacksRecognizer,
  type PacksScan,
  type PacksScanContext,
  type QuickRecognizer,
} from '../../core/pack/recognizer';
import type { MergedPacks } from '../../core/pack/merge';
import type { Pack } from '../../core/pack/schema';
import { storiesOf } from '../../core/pack/stories';
import type { Hit } from '../../core/recognize/index';
import type { HitFinder } from '../../core/recognize/matcher';
import { unglue } from '../../core/recognize/unglue';
import type { UiLanguage } from '../../core/settings';
import { tellingItems } from '../../core/views/highlight-plan';
import { buildPopoverView, type PopoverTarget, type PopoverView } from '../../core/views/popover-view';
import { viewIndex } from '../../core/views/view-index';
import { translator } from '../i18n';
import type { SavedCompile } from '../storage/pack-store';
import type { FoundTarget, PageContext, PopoverAnswer, ScanAnswer, ScanReply } from '../messages';
import { timingSpan } from '../timing';

interface Compiled {
  /** Every enabled pack, in merged ids (core/pack/merge.ts). */
  dataset: Dataset;
  recognizer: PacksRecognizer;
  /** Subjects (entity and event ids) the sources disagree about. */
  disputed: Set<string>;
  /** Entity and event ids with something to tell (worth a mark of their own). */
  telling: Set<string>;
}

/** Characters of a long text judged on their own first. */
const CHECK_HEAD_CHARS = 20_000;

/** Pieces of a long page kept until its last piece comes; dropped after this long without one. */
const PIECES_TTL_MS = 60_000;

export interface ScanInput {
  text: string;
  page?: PageContext;
  relevant?: boolean;
  /** With `relevant`: the stories the page was found about. */
  stories?: string[];
  piece?: { session: string; index: number; last: boolean; keep?: boolean };
}

/** Where compiles are saved and restored from (the pack store's `compiled` record), and single packs read. */
export interface CompiledCache {
  /** The key of what a compile now would be compiled from (cheap: no pack is read). */
  key(): Promise<string>;
  load(key: string): Promise<SavedCompile | null>;
  save(key: string, saved: SavedCompile): Promise<void>;
  /** One enabled pack (the one a page makes a candidate). */
  loadPack(id: string): Promise<Pack | null>;
}

/** What answers a scan: the compile, or the restored snapshot until the compile is done. */
interface Scanner {
  scan(text: string, context: PacksScanContext): Promise<PacksScan | null> | PacksScan;
  matcher: HitFinder;
  views: Pick<Compiled, 'disputed' | 'telling'>;
}

export class RecognitionService {
  private compiled: Promise<Compiled> | null = null;
  /** The compile, once done (null before, and after `reset`). */
  private done: Compiled | null = null;
  /** The snapshot restored at start (null when there is none, or none of the current packs). */
  private restored: Promise<{ quick: QuickRecognizer; views: Pick<Compiled, 'disputed' | 'telling'> } | null> | null =
    null;
  private compiles = 0;
  private pieces = new Map<string, { parts: string[]; at: number; lost: boolean }>();

  constructor(
    private loadPacks: () => Promise<readonly Pack[]>,
    private cache?: CompiledCache,
  ) {}

  /** The enabled packs changed: compile again on the next request. */
  reset(): void {
    this.compiled = null;
    this.done = null;
    this.restored = null;
  }

  /** Number of compiles in this background's lifetime (for tests and diagnostics). */
  get compileCount(): number {
    return this.compiles;
  }

  /**
   * At the background's start: restores the saved compile of the current
   * packs, or (none saved) compiles now, so that the first page need not
   * wait. After a restore the compile waits until something needs it (a
   * pack the snapshot cannot load).
   */
  warm(): void {
    this.quick()
      .then((q) => (q ? undefined : this.ready()))
      .catch((e: unknown) => console.warn('Crosscheck: cannot compile the story packs', e));
  }

  private ready(): Promise<Compiled> {
    if (!this.compiled) {
      const pending = this.compile();
      this.compiled = pending;
      pending.then(
        (c) => {
          if (this.compiled === pending) this.done = c;
        },
        // A failed load is not kept: the next request tries again.
        () => {
          if (this.compiled === pending) this.compiled = null;
        },
      );
    }
    return this.compiled;
  }

  /** The saved compile of the current packs, restored once (null without one, or once the compile is done). */
  private quick(): Promise<{ quick: QuickRecognizer; views: Pick<Compiled, 'disputed' | 'telling'> } | null> {
    const cache = this.cache;
    if (this.done || !cache) return Promise.resolve(null);
    this.restored ??= (async () => {
      const start = performance.now();
      const saved = await cache.load(await cache.key());
      const quick = saved ? restorePacks(saved.packs) : null;
      timingSpan('restore', start, { found: quick !== null });
      // Only what the restored form needs is kept (not the snapshot's joined strings).
      return quick && saved ? { quick, views: { disputed: saved.disputed, telling: saved.telling } } : null;
    })().catch((e: unknown) => {
      console.warn('Crosscheck: cannot restore the saved compile', e);
      return null;
    });
    return this.restored;
  }

  /** The compile when done, else the restored snapshot, else the compile (waited for). */
  private async scanner(): Promise<Scanner> {
    const r = this.done ? null : await this.quick();
    const cache = this.cache;
    if (r && cache && !this.done)
      return {
        scan: (text, context) => r.quick.scan(text, context, (id) => cache.loadPack(id)),
        matcher: r.quick.matcher,
        views: r.views,
      };
    const c = await this.ready();
    return { scan: (text, context) => c.recognizer.scan(text, context), matcher: c.recognizer.matcher, views: c };
  }

  /** A scan by the snapshot, or by the compile when the snapshot cannot (a pack it needs is not there). */
  private async recognize(text: string, context: PacksScanContext): Promise<{ result: PacksScan; scanner: Scanner }> {
    const scanner = await this.scanner();
    const result = await scanner.scan(text, context);
    if (result) return { result, scanner };
    const c = await this.ready();
    return {
      result: c.recognizer.scan(text, context),
      scanner: { scan: (t, ctx) => c.recognizer.scan(t, ctx), matcher: c.recognizer.matcher, views: c },
    };
  }

  private async compile(): Promise<Compiled> {
    const key = this.cache ? await this.cache.key().catch(() => null) : null;
    const packs = await this.loadPacks();
    const start = performance.now();
    const cold = this.compiles++ === 0;
    const recognizer = compilePacks(packs);
    const dataset = recognizer.dataset;
    viewIndex(dataset); // the popovers' lookups, built now rather than on the first hover
    const disputed = new Set(
      computeStandings(dataset)
        .filter((s) => s.disputed)
        .map((s) => s.subject),
    );
    const telling = tellingItems(dataset);
    timingSpan('compile', start, { cold, stories: packs.length });
    if (this.cache && key !== null)
      this.cache
        .save(key, { packs: recognizer.snapshot(), disputed, telling })
        .catch((e: unknown) => console.warn('Crosscheck: cannot save the compile', e));
    return { dataset, recognizer, disputed, telling };
  }

  /**
   * Scans a text and answers with what to highlight. A long page comes in
   * pieces: the first (its first screen) is kept and scanned on its own, the
   * middle ones are kept, the last is answered with the scan of all of them
   * — or `{ lost: true }` when some were lost (this background was stopped
   * between two pieces; the content script then sends the whole text).
   */
  async scan(input: ScanInput): Promise<ScanAnswer> {
    const piece = input.piece;
    let text = input.text;
    if (piece) {
      const whole = this.collectPieces(piece, input.text);
      if (whole === 'lost') return piece.last ? { lost: true } : { kept: true };
      if (whole === 'kept' && (piece.index > 0 || piece.keep)) return { kept: true };
      if (whole !== 'kept') text = whole;
    }
    await this.scanner(); // restored or compiled before the clock starts
    const start = performance.now();
    const firstScreen = piece?.index === 0 && !piece.last;
    const reply = await this.scanText(
      text,
      input.page,
      input.relevant ? (input.stories ?? null) : undefined,
      firstScreen,
    );
    timingSpan('scan', start, { chars: text.length, relevant: reply.relevant });
    return reply;
  }

  /**
   * The first stage's question: is a page about the story, so that its full
   * stage is worth loading? Its text was read without layout (hidden menus
   * included: more evidence, never less, than the full stage reads), with the
   * same page context, and may be cut at a cap, so: relevant, or a text cut
   * short that names something of the story (an unambiguous name or a topic
   * term: not the triggers and cue words any German page has, "nachts", "werden"). The head of a
   * long text is judged first, so that a story page hears yes soon. The text was read without element
   * boundaries: words that touch are put apart first (`unglue`).
   */
  async check(read: string, page: PageContext | undefined, complete: boolean): Promise<boolean> {
    return (await this.checkWithHead(read, page, complete)).load;
  }

  /**
   * `check`, with the answer for the text's head when that alone made the
   * page about a story (its first screen's highlights, handed to the full
   * stage), in the offsets of the text as read; null otherwise.
   */
  async checkWithHead(
    read: string,
    page: PageContext | undefined,
    complete: boolean,
  ): Promise<{ load: boolean; head: { chars: number; reply: ScanReply } | null }> {
    await this.scanner();
    const start = performance.now();
    const unglued = unglue(read);
    const text = unglued.text;
    const judge = async (t: string, whole: boolean) => {
      const { result, scanner } = await this.recognize(t, page ? { page } : {});
      const about = result.packs.length > 0;
      return {
        load: about || (!whole && scanner.matcher.findHits(t).some(namesTheStory)),
        reply: about ? toReply(result, scanner.views, false) : null,
      };
    };
    const cut = text.length > CHECK_HEAD_CHARS ? text.slice(0, CHECK_HEAD_CHARS) : text;
    const head = await judge(cut, cut.length === text.length ? complete : true);
    const load = head.load || (cut.length < text.length && (await judge(text, complete)).load);
    timingSpan('check', start, { chars: text.length, load });
    if (!head.reply) return { load, head: null };
    const ranges = head.reply.ranges.map((x, k) => (k % 3 === 2 ? x : unglued.toRead(x)));
    return { load, head: { chars: unglued.toRead(cut.length), reply: { ...head.reply, ranges } } };
  }

  /** Several short texts (new content of a page), each scanned on its own. */
  async scanBatch(texts: string[], page: PageContext, relevant: boolean, stories?: string[]): Promise<ScanReply[]> {
    await this.scanner();
    const start = performance.now();
    const replies: ScanReply[] = [];
    for (const t of texts) replies.push(await this.scanText(t, page, relevant ? (stories ?? null) : undefined));
    timingSpan('scan', start, { chars: texts.reduce((a, t) => a + t.length, 0), batch: texts.length });
    return replies;
  }

  /**
   * The popover's content for a highlight, in the interface language. For a
   * name that several stories share, what each story's sources reported,
   * story by story, the page's stories (`stories`) first.
   */
  async popover(
    target: PopoverTarget,
    language: UiLanguage,
    pageSource: string | null,
    stories: readonly string[] = [],
  ): Promise<PopoverAnswer> {
    const merged = await this.popoverData(target);
    const { lang, t } = translator(language);
    const view = buildPopoverView(merged.dataset, target, { lang, t, pageSource });
    return view && withStories(merged, view, target, stories, lang);
  }

  /**
   * What a popover is built from: the compile's merge when it is done; else,
   * restored, the packs that hold the item merged alone (as the whole merge
   * shows them: core/pack/views.ts; measured, `crosscheck:popover-data`), so
   * that a restarted background does not compile every pack for a popover;
   * else (no snapshot, or a pack it needs is gone) the compile.
   */
  private async popoverData(target: PopoverTarget): Promise<MergedPacks> {
    const r = this.done ? null : await this.quick();
    const cache = this.cache;
    if (r && cache && !this.done) {
      const start = performance.now();
      const some = await r.quick.popoverData(target, (id) => cache.loadPack(id));
      if (some) {
        timingSpan('popover-data', start, { packs: some.parts.length });
        return some;
      }
    }
    return (await this.ready()).recognizer.merged;
  }

  /** Keeps a piece: the whole text once the last is there, 'kept' before, 'lost' when one is missing. */
  private collectPieces(piece: NonNullable<ScanInput['piece']>, text: string): string | 'kept' | 'lost' {
    const now = Date.now();
    for (const [id, p] of this.pieces) if (now - p.at > PIECES_TTL_MS) this.pieces.delete(id);
    const kept = this.pieces.get(piece.session) ?? { parts: [], at: now, lost: false };
    if (kept.lost || piece.index !== kept.parts.length) {
      // A piece is missing: this background was stopped after it was sent.
      kept.lost = true;
      kept.parts = [];
    } else {
      kept.parts.push(text);
    }
    kept.at = now;
    if (!piece.last) {
      this.pieces.set(piece.session, kept);
      return kept.lost ? 'lost' : 'kept';
    }
    this.pieces.delete(piece.session);
    return kept.lost ? 'lost' : kept.parts.join('');
  }

  /**
   * `stories`: undefined — judge which stories the text is about; an array —
   * the page is already known to be about these (new content of it); null —
   * known relevant, stories not told (the candidates of the text are taken).
   */
  private async scanText(
    text: string,
    page: PageContext | undefined,
    stories: string[] | null | undefined,
    checkQuiet = false,
  ): Promise<ScanReply> {
    const context = page ? { page } : {};
    let { result, scanner } = await this.recognize(text, stories ? { ...context, packs: stories } : context);
    if (stories === null && result.packs.length === 0 && result.stories.length > 0)
      ({ result, scanner } = await this.recognize(text, { ...context, packs: result.stories.map((s) => s.pack) }));
    const quiet = checkQuiet && result.packs.length === 0 && result.hits === 0;
    return toReply(result, scanner.views, quiet);
  }
}

/**
 * A hit that points at the story rather than at the language: an unambiguous
 * name or a topic term. Not triggers ("nachts"), cues or signals ("werden"):
 * any local news page has those.
 */
function namesTheStory(hit: Hit): boolean {
  return (hit.kind === 'alias' && !hit.ambiguous) || hit.kind === 'topic';
}

/** Adds, for a name several stories share, what each story reported (the page's stories first). */
function withStories(
  merged: MergedPacks,
  view: PopoverView,
  target: PopoverTarget,
  first: readonly string[],
  lang: Lang,
): PopoverView {
  if (target.type === 'claim') return view;
  const packs = merged.membership.get(target.id) ?? [];
  if (packs.length < 2) return view;
  const reports = storiesOf(merged, target.id, first);
  const order = new Map<string, number>();
  reports.forEach((r, i) => r.sources.forEach((s) => order.set(s.id, i)));
  const rank = (id: string) => order.get(id) ?? reports.length;
  return {
    ...view,
    // Sources story by story, the page's story first (a stable sort keeps each story's own order).
    reports: [...view.reports].sort((a, b) => rank(a.source.id) - rank(b.source.id)),
    stories: reports.map((r) => ({
      id: r.pack.id,
      title: r.pack.title[lang],
      onPage: first.includes(r.pack.id),
      sources: r.sources.map((s) => s.id),
    })),
  };
}

/** The scan result in the compact form sent to the content script. */
function toReply(
  result: PacksScan,
  { disputed, telling }: Pick<Compiled, 'disputed' | 'telling'>,
  quiet: boolean,
): ScanReply {
  const targets: FoundTarget[] = [];
  const index = new Map<string, number>();
  const targetIndex = (key: string, make: () => FoundTarget) => {
    let i = index.get(key);
    if (i === undefined) {
      i = targets.push(make()) - 1;
      index.set(key, i);
    }
    return i;
  };
  const found: [start: number, end: number, target: number, claim: boolean][] = [];
  for (const c of result.claims) {
    const i = targetIndex(`claim\u0000${c.aspect}\u0000${c.value}\u0000${c.subject}`, () => ({
      type: 'claim',
      aspect: c.aspect,
      value: c.value,
      subject: c.subject,
      disputed: true,
      telling: true,
    }));
    found.push([c.start, c.end, i, true]);
  }
  for (const m of result.mentions) {
    const i = targetIndex(`${m.kind}\u0000${m.id}`, () => ({
      type: m.kind === 'event' ? 'event' : 'entity',
      id: m.id,
      kind: m.kind,
      disputed: disputed.has(m.id),
      telling: telling.has(m.id),
    }));
    found.push([m.start, m.end, i, false]);
  }
  // Document order, sentences before the names they hold.
  found.sort((a, b) => a[0] - b[0] || (a[3] === b[3] ? 0 : a[3] ? -1 : 1));
  const ranges: number[] = [];
  for (const [s, e, i] of found) ranges.push(s, e, i);
  const events = result.events.map((e): [string, number] => [e.id, e.evidence.length]).sort((a, b) => b[1] - a[1]);
  const relevant = result.packs.length > 0;
  return { relevant, stories: result.packs, source: result.source, targets, ranges, events, quiet };
}

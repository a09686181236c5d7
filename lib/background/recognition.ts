/**
 * The recognition service of the background: the dataset, the compiled
 * matcher and the view index live here, compiled once per background lifetime
 * (the Chrome MV3 service worker, Firefox's background page) and again only
 * when the active dataset changes. Content scripts send page text and get back
 * the ranges to highlight and what each one is; popovers get their content
 * from here.
 *
 * A stopped service worker simply compiles again on its next message: the
 * compile is measured (`crosscheck:compile`, detail `{ cold }`: the first in
 * this background's lifetime, or a recompile after a dataset change) and costs
 * a few tens of ms off the page's thread (bench/README.md).
 */
import { computeStandings } from '../../core/dataset/conflicts';
import type { Dataset } from '../../core/dataset/schema';
import { compileMatcher, type Hit, type Matcher, type ScanContext, type ScanResult } from '../../core/recognize/index';
import type { UiLanguage } from '../../core/settings';
import { buildPopoverView, type PopoverTarget } from '../../core/views/popover-view';
import { viewIndex } from '../../core/views/view-index';
import { translator } from '../i18n';
import type { FoundTarget, PageContext, PopoverAnswer, ScanAnswer, ScanReply } from '../messages';
import { timingSpan } from '../timing';

interface Compiled {
  dataset: Dataset;
  matcher: Matcher;
  /** Subjects (entity and event ids) the sources disagree about. */
  disputed: Set<string>;
}

/** Characters of a long text judged on their own first. */
const CHECK_HEAD_CHARS = 20_000;

/** Pieces of a long page kept until its last piece comes; dropped after this long without one. */
const PIECES_TTL_MS = 60_000;

export interface ScanInput {
  text: string;
  page?: PageContext;
  relevant?: boolean;
  piece?: { session: string; index: number; last: boolean };
}

export class RecognitionService {
  private compiled: Promise<Compiled> | null = null;
  private compiles = 0;
  private pieces = new Map<string, { parts: string[]; at: number; lost: boolean }>();

  constructor(private loadDataset: () => Promise<Dataset>) {}

  /** The active dataset changed: compile again on the next request. */
  reset(): void {
    this.compiled = null;
  }

  /** Number of compiles in this background's lifetime (for tests and diagnostics). */
  get compileCount(): number {
    return this.compiles;
  }

  /** Compiles now (at the background's start), so that the first page need not wait for it. */
  warm(): void {
    this.ready().catch((e: unknown) => console.warn('Crosscheck: cannot compile the dataset', e));
  }

  private ready(): Promise<Compiled> {
    if (!this.compiled) {
      const pending = this.compile();
      this.compiled = pending;
      // A failed load is not kept: the next request tries again.
      pending.catch(() => {
        if (this.compiled === pending) this.compiled = null;
      });
    }
    return this.compiled;
  }

  private async compile(): Promise<Compiled> {
    const dataset = await this.loadDataset();
    const start = performance.now();
    const cold = this.compiles++ === 0;
    const matcher = compileMatcher(dataset);
    viewIndex(dataset); // the popovers' lookups, built now rather than on the first hover
    const disputed = new Set(
      computeStandings(dataset)
        .filter((s) => s.disputed)
        .map((s) => s.subject),
    );
    timingSpan('compile', start, { cold });
    return { dataset, matcher, disputed };
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
      if (whole === 'kept' && piece.index > 0) return { kept: true };
      if (whole !== 'kept') text = whole;
    }
    const c = await this.ready();
    const start = performance.now();
    const firstScreen = piece?.index === 0 && !piece.last;
    const reply = this.scanText(c, text, input.page, input.relevant ?? false, firstScreen);
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
   * long text is judged first, so that a story page hears yes soon.
   */
  async check(text: string, page: PageContext | undefined, complete: boolean): Promise<boolean> {
    const c = await this.ready();
    const start = performance.now();
    const judge = (t: string, whole: boolean) => {
      const result = c.matcher.scan(t, scanContext(page, false));
      return result.relevant || (!whole && c.matcher.findHits(t).some(namesTheStory));
    };
    const head = text.length > CHECK_HEAD_CHARS ? text.slice(0, CHECK_HEAD_CHARS) : null;
    const load = (head !== null && judge(head, true)) || judge(text, complete);
    timingSpan('check', start, { chars: text.length, load });
    return load;
  }

  /** Several short texts (new content of a page), each scanned on its own. */
  async scanBatch(texts: string[], page: PageContext, relevant: boolean): Promise<ScanReply[]> {
    const c = await this.ready();
    const start = performance.now();
    const replies = texts.map((t) => this.scanText(c, t, page, relevant));
    timingSpan('scan', start, { chars: texts.reduce((a, t) => a + t.length, 0), batch: texts.length });
    return replies;
  }

  /** The popover's content for a highlight, in the interface language. */
  async popover(target: PopoverTarget, language: UiLanguage, pageSource: string | null): Promise<PopoverAnswer> {
    const c = await this.ready();
    const { lang, t } = translator(language);
    return buildPopoverView(c.dataset, target, { lang, t, pageSource });
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

  private scanText(
    c: Compiled,
    text: string,
    page: PageContext | undefined,
    relevant: boolean,
    checkQuiet = false,
  ): ScanReply {
    const result = c.matcher.scan(text, scanContext(page, relevant));
    const quiet = checkQuiet && !result.relevant && c.matcher.findHits(text).length === 0;
    return toReply(result, c.disputed, quiet);
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

/** What the recognition core is told besides the text: what the page says about itself, and known relevance. */
function scanContext(page: PageContext | undefined, relevant: boolean): ScanContext {
  return { ...(page ? { page } : {}), ...(relevant ? { relevant: true } : {}) };
}

/** The scan result in the compact form sent to the content script. */
function toReply(result: ScanResult, disputed: Set<string>, quiet: boolean): ScanReply {
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
    }));
    found.push([c.start, c.end, i, true]);
  }
  for (const m of result.mentions) {
    const i = targetIndex(`${m.kind}\u0000${m.id}`, () => ({
      type: m.kind === 'event' ? 'event' : 'entity',
      id: m.id,
      kind: m.kind,
      disputed: disputed.has(m.id),
    }));
    found.push([m.start, m.end, i, false]);
  }
  // Document order, sentences before the names they hold.
  found.sort((a, b) => a[0] - b[0] || (a[3] === b[3] ? 0 : a[3] ? -1 : 1));
  const ranges: number[] = [];
  for (const [s, e, i] of found) ranges.push(s, e, i);
  const events = result.events.map((e): [string, number] => [e.id, e.evidence.length]).sort((a, b) => b[1] - a[1]);
  return { relevant: result.relevant, source: result.source, targets, ranges, events, quiet };
}

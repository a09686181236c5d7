/**
 * The messages that pass between content script, background and popup, typed
 * in one place. Every receiver checks `type` and ignores what it does not know.
 *
 * Recognition runs in the background: the content script sends page text and
 * gets back the ranges to highlight and what each one is (`ScanReply`), and
 * asks for a popover's content when one opens (`PopoverRequest`).
 */
import type { PageSummary } from '../core/page-summary';
import type { PageContext } from '../core/recognize/index';
import type { UiLanguage } from '../core/settings';
import type { PopoverTarget, PopoverView } from '../core/views/popover-view';

/** What a highlighted range is. */
export type MarkTarget =
  | { type: 'entity' | 'event'; id: string; kind: 'person' | 'organization' | 'place' | 'group' | 'event' }
  | { type: 'claim'; aspect: string; value: string; subject: string };

/**
 * A target as the background sends it: with whether the sources disagree
 * about its subject, and whether it has something to tell beyond its name
 * (core/views/highlight-plan `tellingItems`; a general item such as a country
 * is recognized and listed, but gets no mark of its own).
 */
export type FoundTarget = MarkTarget & { disputed: boolean; telling: boolean };

export type { PageContext };

/**
 * What the background found in a text. Compact, since a dense page has tens
 * of thousands of ranges: `ranges` holds triples `start, end, target index`
 * (offsets into the text sent), sorted by start, claims before the names they
 * hold; `targets` each once.
 */
export interface ScanReply {
  relevant: boolean;
  /** Ids of the story packs the text is about (a page can be about two), in pack order. */
  stories?: string[];
  /** Dataset source id when the text is one of the reports. */
  source: string | null;
  targets: FoundTarget[];
  ranges: number[];
  /** Recognized events, strongest evidence first, with their weight (evidence count). */
  events: [id: string, weight: number][];
  /**
   * A page's first screen (the first piece) contains nothing at all of the
   * dataset: no name, no trigger, no cue. Always false for other requests.
   */
  quiet: boolean;
}

export interface ScanRequest {
  type: 'scan';
  text: string;
  /** What the page says about itself (date, address, title), evidence for relevance. */
  page?: PageContext;
  /** The page is already known to be about the story (an incremental scan of new content). */
  relevant?: boolean;
  /** With `relevant`: the stories the page is about (from an earlier answer's `stories`). */
  stories?: string[];
  /**
   * A long page comes in pieces, the top first: pieces with `last: false` are
   * kept (reply `{ kept: true }`), the piece with `last: true` completes the
   * text and is answered with the scan of all pieces, or `{ lost: true }` when
   * the background lost the earlier pieces (it was stopped meanwhile). The
   * first piece is scanned on its own too (the page's first screen), unless
   * `keep`: its first screen was answered already (`FullStageHandoff`).
   */
  piece?: { session: string; index: number; last: boolean; keep?: boolean };
}

export type ScanAnswer = ScanReply | { kept: true } | { lost: true };

/**
 * The first stage's question: is this page about a story? `text` is the
 * page's text read without layout (at most a cap; `complete` false when it
 * was cut). When it is, the background injects the full stage into the
 * sender's frame before it answers `load: true`; `off`: Crosscheck is turned
 * off on this site (or everywhere), nothing was judged.
 */
export interface CheckRequest {
  type: 'check';
  text: string;
  complete: boolean;
  page: PageContext;
}

export interface CheckAnswer {
  load: boolean;
  off?: boolean;
}

/**
 * What the background hands the full stage as it injects it: the settings
 * it just read, and its answer for the head of the first stage's text
 * (offsets into that text, `readQuickText`), from which the full stage
 * highlights its first screen without asking.
 */
export interface FullStageHandoff {
  settings: unknown;
  head: { chars: number; reply: ScanReply } | null;
  /** `Date.now()` when handed: a handoff found much later is not this injection's. */
  at: number;
}

export interface PopoverRequest {
  type: 'popover';
  target: PopoverTarget;
  language: UiLanguage;
  pageSource: string | null;
  /** The stories the page is about (else the background takes them from the tab's summary). */
  stories?: string[];
}

export type ToBackground =
  | CheckRequest
  | ScanRequest
  | { type: 'scan-batch'; texts: string[]; page: PageContext; relevant: boolean; stories?: string[] }
  | PopoverRequest
  | { type: 'page-summary'; summary: PageSummary }
  | { type: 'get-summary'; tabId: number }
  | { type: 'open-brief'; eventId: string | null };

export type PopoverAnswer = PopoverView | null;

export type ToContent = { type: 'scroll-to'; id: string } | { type: 'next-highlight' };

/**
 * The DOM event the background dispatches in a tab's frames when the settings changed
 * (lib/background/stages.ts, `nudgeFirstStages`): the first stage there checks again, since a page where
 * Crosscheck was off may now be on. A DOM event rather than a `storage.onChanged` listener in every page:
 * creating the storage API there cost more main-thread time than the rest of the first stage's check.
 */
export const SETTINGS_EVENT = 'crosscheck:settings';

export function isMessage<T extends { type: string }>(x: unknown): x is T {
  return typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string';
}

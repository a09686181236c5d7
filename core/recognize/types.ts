/**
 * Public types of the recognition core. Pure module: no DOM, no browser API,
 * no Node API.
 *
 * All offsets are UTF-16 code-unit offsets into the string that was scanned
 * (`text.slice(start, end)` is the matched text), so the content script can map
 * them back onto its DOM text nodes.
 */
import type { EntityKind } from '../dataset/schema';

export type MentionKind = EntityKind | 'event';

/** One highlighted span on the page: a name of an entity, or a trigger phrase of a recognized event. */
export interface Mention {
  start: number;
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
  kind: MentionKind;
  /** Entity id, or event id for kind 'event'. */
  id: string;
  /** The alias matched is in the entity's `ambiguous` list. Always false for events. */
  ambiguous: boolean;
}

/** A dataset event the text talks about. */
export interface EventMatch {
  id: string;
  /** Human-readable reasons: 'trigger "Videokonferenz"', 'participant dragone', 'place alaska', 'cue "20. August"'. */
  evidence: string[];
  /** The event's trigger phrases in the text (kind 'event'). */
  mentions: Mention[];
}

/** A sentence that takes a side on a disputed aspect. */
export interface ClaimMatch {
  subject: string;
  aspect: string;
  /** The value the sentence asserts (one of the aspect's values). */
  value: string;
  sentence: string;
  /** Offsets of the sentence. */
  start: number;
  end: number;
  /** Source ids that report this value. */
  agree: string[];
  /** Source ids that report another value of the aspect. */
  disagree: string[];
}

export interface ScanResult {
  /** The text is about the dataset's story (see `relevance.ts`). */
  relevant: boolean;
  relevance: { score: number; reasons: string[] };
  /** Id of the dataset source this text is (a copy of), or null. Only checked when relevant. */
  source: string | null;
  /** The verbatim quotes of `source` found in the text. */
  sourceEvidence: string[];
  /**
   * Sorted by start, non-overlapping. Empty when `relevant` is false: a page
   * that is not about the story gets no highlights at all.
   */
  mentions: Mention[];
  /** Empty when not relevant. */
  events: EventMatch[];
  /** Empty when not relevant. */
  claims: ClaimMatch[];
}

/**
 * What the page says about itself (see `lib/content/page-meta.ts`): inputs of the
 * scan, never read from a DOM by the core.
 */
export interface PageContext {
  /** The page's own publication date, `YYYY-MM-DD` or `YYYY-MM`, or null when unknown. */
  published?: string | null;
  /** The page's address. */
  url?: string | null;
  /** The page's title (`<title>`). */
  title?: string | null;
}

export interface ScanContext {
  /** What the page says about itself: its date, address and title (evidence for relevance). */
  page?: PageContext;
  /**
   * The caller already knows the page is relevant (e.g. the content script
   * scans a chunk appended to a page whose first scan was relevant): skip the
   * relevance rule and report everything found.
   */
  relevant?: boolean;
  /**
   * For tools that explain recognition (`npm run evaluate`): told about every event the page gives evidence for,
   * recognized or not, with its points, evidence and the verdict ("recognized", "too few points", …).
   */
  explainEvents?: (id: string, points: number, evidence: string[], verdict: string) => void;
}

/** What a dictionary phrase is. */
export type HitKind = 'alias' | 'trigger' | 'event-cue' | 'aspect-cue' | 'signal' | 'topic';

/** One raw phrase hit of the one-pass matcher. */
export interface Hit {
  kind: HitKind;
  start: number;
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
  /** Entity id (alias), event id (trigger, event-cue), aspect id (aspect-cue, signal), or 'topic'. */
  id: string;
  /** The dictionary phrase that matched, as written in the dataset. */
  phrase: string;
  /** For kind 'signal': the aspect value the phrase asserts. */
  value?: string;
  /** For kind 'alias': the alias is listed as ambiguous for the entity. */
  ambiguous?: boolean;
}

export interface Matcher {
  /** Full analysis of one text. */
  scan(text: string, context?: ScanContext): ScanResult;
  /**
   * The same analysis in steps of about `stepChars` characters: each `next()`
   * does one step; the last returns what `scan` returns. For callers that
   * must not hold a thread for long (a content script on a 1 MB page).
   */
  scanSteps(text: string, context?: ScanContext, stepChars?: number): Generator<void, ScanResult>;
  /**
   * Low-level: all raw phrase hits (aliases, triggers, cues, signals), in text
   * order. Within one kind the hits never overlap (leftmost, then longest,
   * wins); hits of different kinds may overlap.
   */
  findHits(text: string): Hit[];
  /** Number of alias entries compiled: distinct (folded phrase, entity) pairs ("NATO" and "Nato" are one). */
  readonly aliasCount: number;
}

export interface MatcherOptions {
  /**
   * Score a text needs to be relevant (see `relevance.ts`). Default
   * `RELEVANCE_THRESHOLD`.
   */
  relevanceThreshold?: number;
}

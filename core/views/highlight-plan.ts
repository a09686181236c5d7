/**
 * Which of a scan's matches are worth a mark on the page. Pure: offsets in,
 * the subset to mark out.
 *
 * - `first` (default): the first mention of each item in each section (an
 *   article, a live-blog entry, a teaser), plus every sentence that takes a
 *   side in a disagreement, plus the names the sources disagree about wherever
 *   they stand inside such a sentence.
 * - `every`: every mention and every such sentence.
 * - `disputes`: the sentences that take a side, the disputed names inside
 *   them, and the first mention per section of a name the sources disagree
 *   about.
 *
 * Items with nothing to tell (no claim, no event, no description beyond their
 * name) are never marked.
 */
import type { Dataset } from '../dataset/schema';
import { viewIndex } from './view-index';

export const HIGHLIGHT_MODES = ['first', 'every', 'disputes'] as const;
export type HighlightMode = (typeof HIGHLIGHT_MODES)[number];

export interface PlanMention {
  start: number;
  end: number;
  id: string;
}

export interface PlanClaim {
  start: number;
  end: number;
  subject: string;
}

export interface PlanInput<M extends PlanMention, C extends PlanClaim> {
  /** Sorted by start, non-overlapping (as the scan returns them). */
  mentions: readonly M[];
  claims: readonly C[];
  /** Offsets where a section begins; text before the first one is a section too. */
  sectionStarts: readonly number[];
  mode: HighlightMode;
  /** Entity and event ids that have something to tell. */
  telling: ReadonlySet<string>;
  /** Entity and event ids the sources disagree about. */
  disputed: ReadonlySet<string>;
}

export interface Plan<M, C> {
  mentions: M[];
  claims: C[];
}

export function planHighlights<M extends PlanMention, C extends PlanClaim>(input: PlanInput<M, C>): Plan<M, C> {
  const { mode, telling, disputed } = input;
  const claims = [...input.claims];
  const mentions = input.mentions.filter((m) => telling.has(m.id));
  if (mode === 'every') return { mentions, claims };

  const starts = [...new Set(input.sectionStarts)].sort((a, b) => a - b);
  const sectionOf = (offset: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo; // 0 = before the first start
  };
  const sentences = [...claims].sort((a, b) => a.start - b.start);
  const insideClaim = (m: PlanMention) => {
    for (const c of sentences) {
      if (c.start > m.start) break;
      if (m.end <= c.end) return true;
    }
    return false;
  };

  const seen = new Set<string>();
  const kept: M[] = [];
  for (const m of mentions) {
    const isDisputed = disputed.has(m.id);
    if (mode === 'disputes' && !isDisputed) continue;
    const key = `${sectionOf(m.start)}\u0000${m.id}`;
    const first = !seen.has(key);
    seen.add(key);
    if (first || (isDisputed && insideClaim(m))) kept.push(m);
  }
  return { mentions: kept, claims };
}

/**
 * Ids of the entities and events that have something to tell: a claim about
 * them, an event they belong to (or, for an event, the event itself), or a
 * description that says more than their name.
 */
export function tellingItems(dataset: Dataset): Set<string> {
  const index = viewIndex(dataset);
  const out = new Set<string>(dataset.events.map((e) => e.id));
  const eventPlaces = new Set(dataset.events.flatMap((e) => (e.place ? [e.place] : [])));
  const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  for (const e of dataset.entities) {
    const hasClaim = (index.claimsBySubject.get(e.id)?.length ?? 0) > 0;
    // A place tells something where an event happened there; a country taking part ("Ukraine", "USA")
    // is named in every sentence of the story and is no reason for a mark.
    const hasEvent = e.kind === 'place' ? eventPlaces.has(e.id) : (index.eventsByEntity.get(e.id)?.length ?? 0) > 0;
    if (hasClaim || hasEvent) {
      out.add(e.id);
      continue;
    }
    // Without a claim or an event, only a description of its part in the story tells something: a
    // country, a city or a news outlet ("USA", "Europa", "dpa") is described, but says nothing a
    // reader of this page needs a mark for.
    if (e.kind === 'place' || e.specificity === 'general') continue;
    const names = new Set([e.name.de, e.name.en, ...e.aliases].map(fold));
    const described = [e.description.de, e.description.en].some((d) => !names.has(fold(d)));
    if (described) out.add(e.id);
  }
  return out;
}

/** Ids of the entities and events with at least one aspect the sources disagree on. */
export function disputedSubjects(dataset: Dataset): Set<string> {
  const index = viewIndex(dataset);
  const out = new Set<string>();
  for (const [subject, standings] of index.standingsBySubject) if (standings.some((s) => s.disputed)) out.add(subject);
  return out;
}

/**
 * Which of a scan's matches are worth a mark on the page. Pure: offsets in,
 * the subset to mark out.
 *
 * - `first` (default): every sentence that takes a side in a disagreement
 *   (one mark each), the name that sentence's disagreement is about wherever
 *   it stands inside it, and the first mention of each telling item in each
 *   section (an article, a live-blog entry, a teaser) — preferably one outside
 *   a disputed sentence, so that a sentence is not a sentence plus every name
 *   in it.
 * - `every`: every mention of a telling item and every such sentence.
 * - `disputes`: the sentences, the names they are about, and the first
 *   mention per section of a name the sources disagree about.
 *
 * "Telling" (see `tellingItems`): an item with something to tell beyond its
 * name. General items — a country, a capital, "the White House", a news
 * outlet — are telling only where the sources disagree about them; otherwise
 * they stay unmarked (listed in the popup, which marks one on demand).
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
  /** The entity or event the sentence's disagreement is about. */
  subject: string;
}

export interface PlanInput<M extends PlanMention, C extends PlanClaim> {
  /** Sorted by start, non-overlapping (as the scan returns them). */
  mentions: readonly M[];
  claims: readonly C[];
  /** Offsets where a section begins; text before the first one is a section too. */
  sectionStarts: readonly number[];
  mode: HighlightMode;
  /** Entity and event ids that have something to tell (`tellingItems`). */
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
  const claimOf = claimsOfMentions(input.mentions, claims);
  const markable = (id: string) => telling.has(id) || disputed.has(id);
  if (mode === 'every') return { mentions: input.mentions.filter((m) => markable(m.id)), claims };

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

  const keep = new Set<M>();
  /** Per section and item: its first mention outside a disputed sentence, else its first inside one. */
  const firsts = new Map<string, { outside?: M; inside?: M; marked?: boolean }>();
  for (const m of input.mentions) {
    if (!markable(m.id)) continue;
    const key = `${sectionOf(m.start)}\u0000${m.id}`;
    const first = firsts.get(key) ?? {};
    firsts.set(key, first);
    const claim = claimOf.get(m);
    if (claim && claim.subject === m.id) {
      // The name the sentence's disagreement is about: marked wherever it stands in it, and then
      // that is the item's mark in this section.
      keep.add(m);
      first.marked = true;
      continue;
    }
    if (mode === 'disputes' && !disputed.has(m.id)) continue;
    if (mode === 'first' && !telling.has(m.id)) continue;
    if (claim) first.inside ??= m;
    else first.outside ??= m;
  }
  for (const { outside, inside, marked } of firsts.values()) {
    const m = marked ? undefined : (outside ?? inside);
    if (m) keep.add(m);
  }
  return { mentions: input.mentions.filter((m) => keep.has(m)), claims };
}

/**
 * The disputed sentence each mention stands in, if any: among the sentences
 * that contain it (sorted by start), the last one about the mention's own
 * item, else the first one. One sweep over both lists sorted by start
 * (O((mentions + claims) · open sentences) rather than O(mentions × claims)),
 * so that planning the answer for a whole 1 MB page stays a short task.
 */
export function claimsOfMentions<M extends PlanMention, C extends PlanClaim>(
  mentions: readonly M[],
  claims: readonly C[],
): Map<M, C> {
  const out = new Map<M, C>();
  const sentences = [...claims].sort((a, b) => a.start - b.start);
  const order = [...mentions].sort((a, b) => a.start - b.start);
  /** Sentences begun at or before the current mention that may still contain it, in sentence order. */
  let open: C[] = [];
  let next = 0;
  for (const m of order) {
    while (next < sentences.length && sentences[next]!.start <= m.start) open.push(sentences[next++]!);
    // A sentence that ends before this mention starts contains no later mention either.
    if (open.some((c) => c.end < m.start)) open = open.filter((c) => c.end >= m.start);
    let found: C | undefined;
    for (const c of open) if (m.end <= c.end && (!found || c.subject === m.id)) found = c;
    if (found) out.set(m, found);
  }
  return out;
}

/**
 * Ids of the entities and events that have something to tell and are worth a
 * mark of their own:
 * - every event;
 * - a person, organization or group with a claim about it, an event it takes
 *   part in, or a description that says more than its name;
 * - a general item — a place (a country, a capital, a building such as the
 *   White House) or an item the dataset calls `general` (a news outlet) — only
 *   when the sources disagree about it. "Ukraine" or "USA" stand in every
 *   sentence of the story; a mark on each says nothing. Where a sentence about
 *   them takes a side, the sentence carries the mark.
 */
export function tellingItems(dataset: Dataset): Set<string> {
  const index = viewIndex(dataset);
  const out = new Set<string>(dataset.events.map((e) => e.id));
  const disputed = disputedSubjects(dataset);
  const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  for (const e of dataset.entities) {
    if (e.kind === 'place' || e.specificity === 'general') {
      if (disputed.has(e.id)) out.add(e.id);
      continue;
    }
    const hasClaim = (index.claimsBySubject.get(e.id)?.length ?? 0) > 0;
    const hasEvent = (index.eventsByEntity.get(e.id)?.length ?? 0) > 0;
    const names = new Set([e.name.de, e.name.en, ...e.aliases].map(fold));
    const described = [e.description.de, e.description.en].some((d) => !names.has(fold(d)));
    if (hasClaim || hasEvent || described) out.add(e.id);
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

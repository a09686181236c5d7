/**
 * Disagreements are computed from the claims, never listed by hand.
 *
 * For every (subject, aspect) that has claims: the distinct values, each with
 * the sources and claims behind it, and the sources that are *silent* on it.
 * A source is silent on an aspect when it reports on the subject (it has at
 * least one claim about that subject) but says nothing on this aspect; a
 * source that never reports on the subject is not counted as silent.
 * A source that contradicts itself stands in more than one position.
 *
 * In a dataset that merges several stories (core/pack/merge.ts registers it
 * with `storiesIn`), a source is silent only on the aspects of its own story:
 * a report of another story that names the same person says nothing either
 * way about this story's questions.
 */
import type { Claim, Dataset } from './schema';

export interface Position {
  value: string;
  sources: string[];
  claims: string[];
}

export interface AspectStanding {
  subject: string;
  aspect: string;
  /** Most-supported value first; ties keep the order of the aspect's values. */
  positions: Position[];
  silent: string[];
  /** More than one distinct value. */
  disputed: boolean;
}

/** Datasets merged from several stories: the story of a source or aspect id. */
const stories = new WeakMap<Dataset, (id: string) => string | undefined>();

/** Marks `d` as merged from several stories, `storyOf` telling each source's and aspect's story. */
export function storiesIn(d: Dataset, storyOf: (id: string) => string | undefined): void {
  stories.set(d, storyOf);
}

export function computeStandings(d: Dataset): AspectStanding[] {
  const storyOf = stories.get(d);
  const sourceOrder = new Map(d.sources.map((s, i) => [s.id, i]));
  const bySource = (a: string, b: string) => (sourceOrder.get(a) ?? 0) - (sourceOrder.get(b) ?? 0);

  const reportersOf = new Map<string, Set<string>>();
  for (const c of d.claims) {
    let set = reportersOf.get(c.subject);
    if (!set) reportersOf.set(c.subject, (set = new Set()));
    set.add(c.source);
  }

  // Claims by aspect, in dataset order (one pass: linear in claims, not aspects × claims).
  const claimsOf = new Map<string, Claim[]>();
  for (const c of d.claims) {
    const list = claimsOf.get(c.aspect);
    if (list) list.push(c);
    else claimsOf.set(c.aspect, [c]);
  }

  const standings: AspectStanding[] = [];
  for (const aspect of d.aspects) {
    const claims = claimsOf.get(aspect.id) ?? [];
    if (claims.length === 0) continue;
    const positions: Position[] = [];
    for (const { value } of aspect.values) {
      const behind = claims.filter((c) => c.value === value);
      if (behind.length === 0) continue;
      positions.push({
        value,
        sources: [...new Set(behind.map((c) => c.source))].sort(bySource),
        claims: behind.map((c) => c.id),
      });
    }
    const valueOrder = aspect.values.map((x) => x.value);
    positions.sort(
      (a, b) => b.sources.length - a.sources.length || valueOrder.indexOf(a.value) - valueOrder.indexOf(b.value),
    );
    const speaking = new Set(claims.map((c) => c.source));
    const story = storyOf?.(aspect.id);
    const silent = [...(reportersOf.get(aspect.subject) ?? [])]
      .filter((s) => !speaking.has(s) && (!storyOf || storyOf(s) === story))
      .sort(bySource);
    standings.push({ subject: aspect.subject, aspect: aspect.id, positions, silent, disputed: positions.length > 1 });
  }
  return standings;
}

/** Only the aspects on which the sources disagree. */
export function computeConflicts(d: Dataset): AspectStanding[] {
  return computeStandings(d).filter((s) => s.disputed);
}

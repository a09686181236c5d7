/**
 * Disputed-claim detection. Pure module.
 *
 * Rule: only aspects that are disputed (two or more positions in
 * `computeStandings`) and have `cues` take part. For every sentence (see
 * `sentences.ts`) that contains a cue of such an aspect, the value signals of
 * that aspect in the same sentence are collected. The value whose signal is
 * nearest to a cue (character distance between the two spans, 0 when they
 * touch or overlap) is the sentence's value; if two different values are
 * equally near, the sentence is ambiguous and reports nothing. A sentence
 * with a cue but no signal reports nothing either.
 *
 * The match lists the sources that report that value (`agree`) and those that
 * report any other value (`disagree`, dataset order; a source that
 * contradicts itself can be in both). A value no source reports has an empty
 * `agree`.
 *
 * Known limit: negation is not understood ("Trump did not promise air
 * support" still reads as the "promised" signal).
 */
import type { Compiled } from './compiled';
import type { RawHit } from './hits';
import { sentenceAt } from './sentences';
import type { ClaimMatch } from './types';

function distance(a: RawHit, b: RawHit): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

/** The cues and signals of disputed aspects in one text's hits, for `detectClaimsFrom`. */
export interface ClaimHits {
  /** Cues of every disputed aspect, in text order. */
  cues: RawHit[];
  /** Signals per aspect, in text order. */
  signals: Map<string, RawHit[]>;
}

export function claimHits(c: Compiled, hits: RawHit[]): ClaimHits {
  const cues: RawHit[] = [];
  const signals = new Map<string, RawHit[]>();
  for (const h of hits) {
    const { kind, id } = h.payload;
    if (kind !== 'aspect-cue' && kind !== 'signal') continue;
    if (!c.disputed.has(id)) continue;
    if (kind === 'aspect-cue') {
      cues.push(h);
      continue;
    }
    const list = signals.get(id);
    if (list) list.push(h);
    else signals.set(id, [h]);
  }
  return { cues, signals };
}

/** Index of the first hit in `list` (text order) that starts at `pos` or later. */
function firstFrom(list: RawHit[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as RawHit).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The claims of the sentences whose first cue starts in [`from`, `until`), so
 * that a long text can be done in steps. `next` is where the following step
 * starts: past the last sentence done (a sentence is never cut in two).
 */
export function detectClaimsFrom(
  c: Compiled,
  text: string,
  ch: ClaimHits,
  from: number,
  until: number,
): { claims: ClaimMatch[]; next: number } {
  const out: ClaimMatch[] = [];
  const { cues, signals } = ch;
  let next = until;
  let ci = firstFrom(cues, from);
  while (ci < cues.length && (cues[ci] as RawHit).start < until) {
    const s = sentenceAt(text, (cues[ci] as RawHit).start);
    const stop = Math.max(s.end, s.start + 1);
    // The cues in this sentence, per aspect (aspects in order of their first cue here).
    const here = new Map<string, RawHit[]>();
    while (ci < cues.length && (cues[ci] as RawHit).start < stop) {
      const cue = cues[ci] as RawHit;
      const list = here.get(cue.payload.id);
      if (list) list.push(cue);
      else here.set(cue.payload.id, [cue]);
      ci++;
    }
    next = Math.max(next, stop);
    const found: ClaimMatch[] = [];
    for (const [aspectId, aspectCues] of here) {
      const sigs = signals.get(aspectId);
      const d = c.disputed.get(aspectId);
      if (!sigs || !d) continue;
      // The signals in this sentence; nearest to a cue per value.
      const best = new Map<string, number>();
      for (let j = firstFrom(sigs, s.start); j < sigs.length && (sigs[j] as RawHit).start < s.end; j++) {
        const sig = sigs[j] as RawHit;
        if (sig.end > s.end) continue;
        let dist = Infinity;
        for (const q of aspectCues) dist = Math.min(dist, distance(q, sig));
        const value = sig.payload.value as string;
        best.set(value, Math.min(best.get(value) ?? Infinity, dist));
      }
      if (best.size === 0) continue;
      const ranked = [...best].sort((a, b) => a[1] - b[1]);
      const first = ranked[0] as [string, number];
      const second = ranked[1];
      if (second && second[1] === first[1]) continue; // tie between two values: undecided
      const value = first[0];
      found.push({
        subject: d.aspect.subject,
        aspect: aspectId,
        value,
        sentence: text.slice(s.start, s.end),
        start: s.start,
        end: s.end,
        agree: [...(d.sourcesByValue.get(value) ?? [])],
        disagree: d.allSources.filter((src) =>
          [...d.sourcesByValue].some(([v, list]) => v !== value && list.includes(src)),
        ),
      });
    }
    found.sort((a, b) => (a.aspect < b.aspect ? -1 : a.aspect > b.aspect ? 1 : 0));
    out.push(...found);
  }
  return { claims: out, next: ci < cues.length ? Math.max(next, (cues[ci] as RawHit).start) : text.length };
}

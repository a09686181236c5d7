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
import { sentenceAt, splitSentences, type Sentence } from './sentences';
import type { ClaimMatch } from './types';

function distance(a: RawHit, b: RawHit): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

/** Above this many cues, the whole text is split once instead of looking around each cue. */
const SPLIT_ALL_ABOVE = 32;

export function detectClaims(c: Compiled, text: string, hits: RawHit[]): ClaimMatch[] {
  if (c.disputed.size === 0) return [];
  // Cues and signals of disputed aspects, per aspect, in text order.
  const cues = new Map<string, RawHit[]>();
  const signals = new Map<string, RawHit[]>();
  let cueCount = 0;
  for (const h of hits) {
    const { kind, id } = h.payload;
    if (kind !== 'aspect-cue' && kind !== 'signal') continue;
    if (!c.disputed.has(id)) continue;
    const map = kind === 'aspect-cue' ? cues : signals;
    const list = map.get(id);
    if (list) list.push(h);
    else map.set(id, [h]);
    if (kind === 'aspect-cue') cueCount++;
  }
  if (cueCount === 0) return [];

  // Sentence lookup: local scans for a few cues, one split for many.
  let all: Sentence[] | null = null;
  const sentenceOf = (pos: number): Sentence => {
    if (cueCount <= SPLIT_ALL_ABOVE) return sentenceAt(text, pos);
    all ??= splitSentences(text);
    let lo = 0;
    let hi = all.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((all[mid] as Sentence).start <= pos) lo = mid;
      else hi = mid - 1;
    }
    const s = all[lo];
    return s && s.start <= pos && pos < s.end ? s : { start: pos, end: pos };
  };

  const out: ClaimMatch[] = [];
  for (const [aspectId, aspectCues] of cues) {
    const sigs = signals.get(aspectId);
    const d = c.disputed.get(aspectId);
    if (!sigs || !d) continue;
    let si = 0;
    for (let ci = 0; ci < aspectCues.length;) {
      const s = sentenceOf((aspectCues[ci] as RawHit).start);
      // The cues of this aspect in this sentence.
      const here: RawHit[] = [];
      while (ci < aspectCues.length && (aspectCues[ci] as RawHit).start < Math.max(s.end, s.start + 1)) {
        here.push(aspectCues[ci] as RawHit);
        ci++;
      }
      // The signals in this sentence; nearest to a cue per value.
      while (si < sigs.length && (sigs[si] as RawHit).start < s.start) si++;
      const best = new Map<string, number>();
      for (let j = si; j < sigs.length && (sigs[j] as RawHit).start < s.end; j++) {
        const sig = sigs[j] as RawHit;
        if (sig.end > s.end) continue;
        let dist = Infinity;
        for (const q of here) dist = Math.min(dist, distance(q, sig));
        const value = sig.payload.value as string;
        best.set(value, Math.min(best.get(value) ?? Infinity, dist));
      }
      if (best.size === 0) continue;
      const ranked = [...best].sort((a, b) => a[1] - b[1]);
      const first = ranked[0] as [string, number];
      const second = ranked[1];
      if (second && second[1] === first[1]) continue; // tie between two values: undecided
      const value = first[0];
      out.push({
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
  }
  return out.sort((a, b) => a.start - b.start || (a.aspect < b.aspect ? -1 : a.aspect > b.aspect ? 1 : 0));
}

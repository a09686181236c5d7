/**
 * Concept patterns: how the dataset writes aspect cues, value signals,
 * actors and other actors, so that paraphrase is recognized, not only the
 * reports' own phrases. Pure module.
 *
 * Syntax of one pattern (one string of a `Phrases` list):
 * - `A + B + C`: parts that must all occur in one sentence, in any order,
 *   with any words in between, within `PATTERN_WINDOW` characters of each
 *   other ("Unterstützung + Luft" finds "Unterstützung … aus der Luft" and
 *   "aus der Luft zu unterstützen");
 * - `a|b|c`: alternatives of a part, each a word or a phrase;
 * - `word*`: the word and its inflected forms, by a fixed list of German,
 *   English and Romance endings (`ENDINGS`; "unterstütz*" → unterstützt,
 *   unterstützen, Unterstützung, …) — expanded when the dataset is compiled,
 *   so that matching stays one exact, hashed lookup per token;
 * - a pattern starting with `!` blocks: its phrases win over shorter
 *   phrases of the same kind where they overlap ("!air defence|air defense"
 *   keeps the "air" of "air defence" from being a part of "support + air"),
 *   and are never a cue themselves.
 * A plain phrase is a pattern of one part with one alternative.
 *
 * Known limit: phrases of one kind (all triggers, all cues) compete in the
 * one-pass matcher, leftmost then longest; a longer alternative of one
 * pattern ("US ground forces") hides a shorter one of another pattern inside
 * it ("ground forces"). Write alternatives that do not nest across patterns.
 */
import type { RawHit } from './hits';
import type { HitKind } from './types';

export type PatternRole = 'cue' | 'actor' | 'other' | 'block';

export interface Pattern {
  index: number;
  /** As written in the dataset. */
  source: string;
  kind: HitKind;
  /** Aspect id. */
  id: string;
  role: PatternRole;
  /** For signals: the value asserted. */
  value?: string;
  /** Number of parts. */
  parts: number;
}

/** Greatest distance, in characters, between the first and the last part of one match. */
export const PATTERN_WINDOW = 100;

/** Endings a `word*` is expanded with (the bare word included). */
export const ENDINGS = [
  '',
  'e',
  'en',
  'end',
  'ens',
  'er',
  'ern',
  'es',
  'et',
  'n',
  's',
  'st',
  't',
  'te',
  'ten',
  'tet',
  'ung',
  'ungen',
  'd',
  'ed',
  'ing',
  'a',
  'i',
  'o',
  'os',
  'as',
] as const;

export interface ParsedPattern {
  /** parts[i] = the alternatives of part i, `*` expanded. */
  parts: string[][];
  block: boolean;
}

function expand(alt: string): string[] {
  const words = alt.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  if (!last.endsWith('*') || last.length < 4) return [alt.trim()];
  const stem = last.slice(0, -1);
  const head = words.slice(0, -1).join(' ');
  return ENDINGS.map((e) => (head ? `${head} ${stem}${e}` : `${stem}${e}`));
}

/** Parses one pattern; null when it has no alternative. */
export function parsePattern(source: string): ParsedPattern | null {
  let s = source.trim();
  const block = s.startsWith('!');
  if (block) s = s.slice(1);
  const parts = s
    .split(/\s\+\s/)
    .map((part) =>
      part
        .split('|')
        .map((a) => a.trim())
        .filter((a) => a !== '')
        .flatMap(expand),
    )
    .filter((alts) => alts.length > 0);
  return parts.length ? { parts, block } : null;
}

export interface Span {
  start: number;
  end: number;
}

/** Characters between two spans; 0 when they touch or overlap. */
export function distance(a: Span, b: Span): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

/**
 * Matches of the patterns among `hits` (all of one aspect, one sentence):
 * per pattern, the tightest span that holds one hit of each part, when it
 * is at most `window` (`PATTERN_WINDOW`) long.
 */
export function patternMatches(
  patterns: Pattern[],
  hits: RawHit[],
  window = PATTERN_WINDOW,
): Array<Span & { pattern: number }> {
  const byPattern = new Map<number, RawHit[][]>();
  for (const h of hits) {
    const p = h.payload.pattern;
    if (p === undefined) continue;
    const pattern = patterns[p];
    if (!pattern) continue;
    let parts = byPattern.get(p);
    if (!parts) byPattern.set(p, (parts = Array.from({ length: pattern.parts }, () => [])));
    parts[h.payload.part ?? 0]?.push(h);
  }
  const out: Array<Span & { pattern: number }> = [];
  for (const [p, parts] of byPattern) {
    if (parts.some((list) => list.length === 0)) continue;
    if (parts.length === 1) {
      for (const h of parts[0] as RawHit[]) out.push({ start: h.start, end: h.end, pattern: p });
      continue;
    }
    let best: Span | null = null;
    for (const h0 of parts[0] as RawHit[]) {
      let start = h0.start;
      let end = h0.end;
      for (let k = 1; k < parts.length; k++) {
        // Hits come in text order: the nearest is at the first start at or after h0's, or just before it.
        const list = parts[k] as RawHit[];
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((list[mid] as RawHit).start < h0.start) lo = mid + 1;
          else hi = mid;
        }
        let near: RawHit | null = null;
        for (let j = Math.max(0, lo - 2); j < Math.min(list.length, lo + 2); j++) {
          const h = list[j] as RawHit;
          if (!near || distance(h, h0) < distance(near, h0)) near = h;
        }
        if (!near) break;
        start = Math.min(start, near.start);
        end = Math.max(end, near.end);
      }
      if (end - start <= window && (!best || end - start < best.end - best.start)) best = { start, end };
    }
    if (best) out.push({ ...best, pattern: p });
  }
  return out;
}

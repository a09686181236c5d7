/**
 * Disputed-claim detection: which sentences take a side on a disputed
 * aspect, and which side. Pure module.
 *
 * Only aspects that are disputed (two or more positions in
 * `computeStandings`) and have `cues` take part. The dataset writes cues and
 * value signals as concept patterns (`patterns.ts`): parts found near each
 * other in one sentence, in any order, inflected, with words in between.
 * For each sentence (see `sentences.ts`) that holds a cue part:
 *
 * 1. Cue: a cue pattern with all its parts in the sentence within
 *    `PATTERN_WINDOW` characters. No cue, no claim.
 * 2. Actor: when the aspect names `actors` (for "Did Trump offer US air
 *    support?": Trump, the USA, the White House, "amerikanisch*"), one of
 *    them must be named in the sentence (any alias, ambiguous ones too: the
 *    cue gives the context). A cue right after another actor ("European
 *    jets", "Ukraine's air defence": an `others` pattern ending at most
 *    `OWNER_GAP` characters before the cue, with no actor between them) is
 *    that actor's, not the subject's, and does not count.
 * 3. Negation: a cue whose clause negates it is not a position on either
 *    side ("ruled out air support", "keine Luftunterstützung", "no air
 *    support", "did not offer air support"). The clause is the text from
 *    the last clause break (`,` `;` `:` a dash, "but", "aber", "mais", …)
 *    before the cue, at most `CLAUSE_CHARS` characters, to the next break
 *    after it; negation words and exclusion verbs in it are counted, and an
 *    odd count negates ("did not rule out" is two: not negated — the data
 *    lists "not rule out" as a signal of its own).
 * 4. Value: every value signal pattern found in the sentence; the value
 *    whose signal is nearest to a counted cue (character distance, 0 when
 *    they touch or overlap) is the sentence's; two values equally near: the
 *    sentence is undecided and reports nothing. No signal: nothing.
 *
 * The match lists the sources that report that value (`agree`) and those
 * that report any other value (`disagree`, dataset order; a source that
 * contradicts itself can be in both). A value no source reports has an
 * empty `agree`.
 */
import type { Compiled } from './compiled';
import { foldToken } from './fold';
import type { RawHit } from './hits';
import { distance, patternMatches, type Span } from './patterns';
import { sentenceAt } from './sentences';
import type { ClaimMatch } from './types';

/** How far before a cue another actor's name makes the cue that actor's. */
export const OWNER_GAP = 30;
/** How far a clause reaches before a cue, at most. */
export const CLAUSE_CHARS = 80;

/** Words that negate what follows or precedes them in a clause (folded). */
const NEGATORS = new Set(
  [
    // de
    'kein',
    'keine',
    'keinen',
    'keinem',
    'keiner',
    'keines',
    'keinerlei',
    'nicht',
    'nie',
    'niemals',
    'weder',
    // en
    'no',
    'not',
    'never',
    'neither',
    'nor',
    'without',
    'won',
    'wont',
    'cannot',
    'didn',
    'doesn',
    'isn',
    'wasn',
    'wouldn',
    'couldn',
    // fr, it, es, pl
    'pas',
    'jamais',
    'aucun',
    'aucune',
    'non',
    'nessun',
    'nessuna',
    'ningun',
    'ninguna',
    'nunca',
    'żadnego',
    'zadnego',
    'żadnej',
    'zadnej',
  ].map(foldToken),
);

/** Verbs that exclude what they govern (folded). */
const EXCLUDERS = new Set(
  [
    'ausgeschlossen',
    'ausschließen',
    'ausschliessen',
    'schloss',
    'schließt',
    'schliesst',
    'abgelehnt',
    'lehnte',
    'lehnt',
    'rule',
    'ruled',
    'rules',
    'ruling',
    'rejected',
    'rejects',
    'exclude',
    'excluded',
    'excludes',
    'exclu',
    'exclut',
    'excluant',
    'escluso',
    'esclude',
    'descarto',
    'descarta',
    'wykluczył',
    'wyklucza',
  ].map(foldToken),
);

/** Words that start a new clause. */
const BREAK_WORDS = new Set(
  [
    'but',
    'aber',
    'jedoch',
    'doch',
    'sondern',
    'while',
    'whereas',
    'während',
    'mais',
    'ma',
    'però',
    'pero',
    'ale',
    'lecz',
  ].map(foldToken),
);
const BREAK_CHARS = /[,;:()\u2013\u2014]/;

/** Word tokens of a slice with their offsets (relative to `from`). */
function words(text: string, from: number, to: number): Array<{ w: string; at: number }> {
  const out: Array<{ w: string; at: number }> = [];
  const re = /[\p{L}\p{N}]+/gu;
  const slice = text.slice(from, to);
  for (let m = re.exec(slice); m; m = re.exec(slice)) out.push({ w: foldToken(m[0]), at: from + m.index });
  return out;
}

/** Start of the clause that holds `pos` (at most `CLAUSE_CHARS` back, never before `min`). */
function clauseStart(text: string, pos: number, min: number): number {
  const from = Math.max(min, pos - CLAUSE_CHARS);
  let start = from;
  for (let i = pos - 1; i >= from; i--) {
    if (BREAK_CHARS.test(text.charAt(i))) {
      start = i + 1;
      break;
    }
  }
  // A break word after that point starts the clause too.
  for (const { w, at } of words(text, start, pos)) if (BREAK_WORDS.has(w)) start = at + w.length;
  return start;
}

/** End of the clause that holds `pos` (at most `CLAUSE_CHARS` on, never after `max`). */
function clauseEnd(text: string, pos: number, max: number): number {
  const to = Math.min(max, pos + CLAUSE_CHARS);
  let end = to;
  for (let i = pos; i < to; i++) {
    if (BREAK_CHARS.test(text.charAt(i))) {
      end = i;
      break;
    }
  }
  for (const { w, at } of words(text, pos, end)) {
    if (BREAK_WORDS.has(w)) return at;
  }
  return end;
}

/** Is the span [start, end) negated in its clause? */
export function negated(text: string, start: number, end: number, sStart: number, sEnd: number): boolean {
  let count = 0;
  for (const { w } of words(text, clauseStart(text, start, sStart), start)) {
    if (NEGATORS.has(w) || EXCLUDERS.has(w)) count++;
  }
  for (const { w } of words(text, end, clauseEnd(text, end, sEnd))) {
    if (NEGATORS.has(w) || EXCLUDERS.has(w)) count++;
  }
  return count % 2 === 1;
}

/** The cues, signals, actors and other actors of disputed aspects in one text's hits, for `detectClaimsFrom`. */
export interface ClaimHits {
  /** Cue-part hits of every disputed aspect, in text order (the anchors of candidate sentences). */
  cues: RawHit[];
  /** Per aspect, all of its pattern hits (cues, signals, actors, others), in text order. */
  byAspect: Map<string, RawHit[]>;
  /** Alias hits of the entities some aspect names as actors, in text order. */
  actorAliases: RawHit[];
}

export function claimHits(c: Compiled, hits: RawHit[]): ClaimHits {
  const cues: RawHit[] = [];
  const byAspect = new Map<string, RawHit[]>();
  const actorAliases: RawHit[] = [];
  for (const h of hits) {
    const { kind, id, role } = h.payload;
    if (kind === 'alias') {
      if (c.actorEntities.has(id)) actorAliases.push(h);
      continue;
    }
    if (kind !== 'aspect-cue' && kind !== 'signal') continue;
    if (!c.disputed.has(id) || role === 'block') continue;
    if (kind === 'aspect-cue' && role === 'cue') cues.push(h);
    const list = byAspect.get(id);
    if (list) list.push(h);
    else byAspect.set(id, [h]);
  }
  return { cues, byAspect, actorAliases };
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

/** The hits of `list` inside [start, end). */
function inside(list: RawHit[], start: number, end: number): RawHit[] {
  const out: RawHit[] = [];
  for (let j = firstFrom(list, start); j < list.length && (list[j] as RawHit).start < end; j++) {
    const h = list[j] as RawHit;
    if (h.end <= end) out.push(h);
  }
  return out;
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
  const { cues } = ch;
  let next = until;
  let ci = firstFrom(cues, from);
  while (ci < cues.length && (cues[ci] as RawHit).start < until) {
    const s = sentenceAt(text, (cues[ci] as RawHit).start);
    const stop = Math.max(s.end, s.start + 1);
    // The aspects with a cue part in this sentence, in order of their first cue here.
    const aspects: string[] = [];
    while (ci < cues.length && (cues[ci] as RawHit).start < stop) {
      const id = (cues[ci] as RawHit).payload.id;
      if (!aspects.includes(id)) aspects.push(id);
      ci++;
    }
    next = Math.max(next, stop);
    const found: ClaimMatch[] = [];
    for (const aspectId of aspects) {
      const d = c.disputed.get(aspectId);
      if (!d) continue;
      const here = inside(ch.byAspect.get(aspectId) ?? [], s.start, s.end);
      const role = (h: RawHit) => h.payload.role ?? 'cue';
      let cueSpans = patternMatches(
        c.dict.patterns,
        here.filter((h) => h.payload.kind === 'aspect-cue' && role(h) === 'cue'),
      );
      if (cueSpans.length === 0) continue;
      // 2. Actor named, and the cue not another actor's.
      if (d.aspect.actors) {
        const actors: Span[] = [
          ...inside(ch.actorAliases, s.start, s.end).filter((h) => d.actorEntities.has(h.payload.id)),
          ...patternMatches(
            c.dict.patterns,
            here.filter((h) => role(h) === 'actor'),
          ),
        ];
        if (actors.length === 0) continue;
        const others = patternMatches(
          c.dict.patterns,
          here.filter((h) => role(h) === 'other'),
        );
        cueSpans = cueSpans.filter(
          (q) =>
            !others.some(
              (o) =>
                o.end <= q.start &&
                q.start - o.end <= OWNER_GAP &&
                !actors.some((a) => a.start >= o.end && a.end <= q.start),
            ),
        );
      }
      // 3. Negation.
      cueSpans = cueSpans.filter((q) => !negated(text, q.start, q.end, s.start, s.end));
      if (cueSpans.length === 0) continue;
      // 4. The value whose signal is nearest to a counted cue.
      const best = new Map<string, number>();
      for (const sig of patternMatches(
        c.dict.patterns,
        here.filter((h) => h.payload.kind === 'signal'),
      )) {
        const value = c.dict.patterns[sig.pattern]?.value;
        if (value === undefined) continue;
        let dist = Infinity;
        for (const q of cueSpans) dist = Math.min(dist, distance(q, sig));
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

/**
 * Reading report files for the pack tool: language, a date in the text, name
 * candidates, and finding a quote verbatim. Node-free, pure functions.
 */
import { foldName } from '../../../core/dataset/fold';
import type { FuzzyDate, Lang } from '../../../core/dataset/schema';

const DE_WORDS = new Set(
  'der die das und ist nicht mit von den dem des ein eine einer sich auf für wurde werden auch nach bei zu im am über sie er es wie aus hat'.split(
    ' ',
  ),
);
const EN_WORDS = new Set(
  'the and is not with of a an to in on for was were be also after at by it he she they as from has have that this which'.split(
    ' ',
  ),
);

/** German or English, by the more frequent function words; `null` when neither shows. */
export function detectLanguage(text: string): Lang | null {
  let de = 0;
  let en = 0;
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (DE_WORDS.has(w)) de++;
    if (EN_WORDS.has(w)) en++;
  }
  if (de === 0 && en === 0) return null;
  return de >= en ? 'de' : 'en';
}

const MONTHS: Record<string, number> = {
  januar: 1,
  jänner: 1,
  january: 1,
  februar: 2,
  february: 2,
  märz: 3,
  march: 3,
  april: 4,
  mai: 5,
  may: 5,
  juni: 6,
  june: 6,
  juli: 7,
  july: 7,
  august: 8,
  september: 9,
  oktober: 10,
  october: 10,
  november: 11,
  dezember: 12,
  december: 12,
};
const MONTH = Object.keys(MONTHS).join('|');
const pad = (n: number) => String(n).padStart(2, '0');

/** The first full date the text writes (20. August 2025, 20.08.2025, August 20, 2025, 20 August 2025, 2025-08-20). */
export function findDate(text: string): FuzzyDate | null {
  const patterns: [RegExp, (m: RegExpExecArray) => [number, number, number]][] = [
    [
      new RegExp(`\\b(\\d{1,2})\\.?\\s+(${MONTH})\\s+(\\d{4})\\b`, 'iu'),
      (m) => [+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!],
    ],
    [
      new RegExp(`\\b(${MONTH})\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'iu'),
      (m) => [+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!],
    ],
    [/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/u, (m) => [+m[3]!, +m[2]!, +m[1]!]],
    [/\b(\d{4})-(\d{2})-(\d{2})\b/u, (m) => [+m[1]!, +m[2]!, +m[3]!]],
  ];
  let best: { at: number; date: FuzzyDate } | null = null;
  for (const [re, parts] of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const [y, mo, d] = parts(m);
    const probe = new Date(Date.UTC(y, mo - 1, d));
    if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) continue;
    if (!best || m.index < best.at)
      best = {
        at: m.index,
        date: { value: `${y}-${pad(mo)}-${pad(d)}`, precision: 'day', basis: `found in the text: "${m[0]}"` },
      };
  }
  return best?.date ?? null;
}

/** Words that start sentences or are capitalized for grammar, not names. */
const NOT_NAMES = new Set(
  (
    'der die das den dem des ein eine einer eines am im in an auf aus bei mit nach von vor zu zur zum für über unter ' +
    'und oder aber doch denn wie wenn als ob dass es er sie wir ihr ich man dies diese dieser dieses jene nun auch noch ' +
    'the a an in on at of for to from by with and or but if as it he she we they this that these those there here ' +
    'mr mrs ms dr herr frau laut nach seit bis montag dienstag mittwoch donnerstag freitag samstag sonntag ' +
    'monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);
/** Lower-case name particles ("Ludwig van Beethoven"); not German "von"/"der", which join nouns far more often. */
const ARTICLES = new Set(
  'der die das den dem des ein eine einer eines einem einen the a an unser unsere ihr ihre sein seine'.split(' '),
);
const PARTICLES = new Set(['van', 'de', 'da', 'di', 'bin', 'al', 'del', 'la', 'le', 'ter', 'ten', 'dos', 'du']);
/** Titles and roles written before a name ("Admiral", "Präsidenten"); dropped from a candidate's start. */
const TITLES =
  /^(admiral|general|generalin|präsident(en|in)?|president|kanzler(in)?|bundeskanzler(in)?|minister(in|s)?|außenminister(in|s)?|verteidigungsminister(in|s)?|premierminister(in|s)?|generalsekretär(in|s)?|secretary|chancellor|sprecher(in)?|herr(n)?|frau|dr|prof|us-präsident(en)?|könig(in)?|papst|senator(in)?|abgeordnete[nr]?)$/iu;
/** German abstract-noun endings: a sequence with such a word is a noun phrase, not a name. */
const NOUN_ENDINGS = /(ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|ität|nis|nisse|ismus|ment)$/iu;
const MONTH_NAMES = new Set(Object.keys(MONTHS));

export interface NameCandidate {
  /** As first written. */
  text: string;
  count: number;
  /** Sentence of the first occurrence (verbatim), for evidence. */
  sentence: string;
}

const isCap = (w: string) => /^\p{Lu}/u.test(w);

/** The sentence around `at` (verbatim, at most 300 characters). */
export function sentenceAround(text: string, at: number): string {
  let start = at;
  while (start > 0 && !/[.!?\n]/.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !/[.!?\n]/.test(text[end]!)) end++;
  if (end < text.length && text[end] !== '\n') end++;
  const s = text.slice(start, end).trim();
  return s.length > 300 ? s.slice(0, 300).replace(/\s+\S*$/, '') : s;
}

/**
 * Capitalized name sequences of two to four words ("Giuseppe Cavo Dragone",
 * "Mark Rutte", "Ludwig van Beethoven"), titles and a leading noun after an
 * article dropped. German capitalizes every noun, so single words are not
 * candidates. `known(folded)` names a known alias: the longest known part of
 * a sequence is the candidate; `taken(start, end)` marks text already
 * recognized as a known entity (skipped).
 */
export function nameCandidates(
  text: string,
  known: (folded: string) => boolean,
  taken: (start: number, end: number) => boolean = () => false,
): NameCandidate[] {
  const found = new Map<string, NameCandidate>();
  const add = (name: string, at: number) => {
    const key = foldName(name);
    const prior = found.get(key);
    if (prior) prior.count++;
    else found.set(key, { text: name, count: 1, sentence: sentenceAround(text, at) });
  };
  const words = [...text.matchAll(/[\p{L}][\p{L}\p{M}'’.-]*[\p{L}\p{M}]|[\p{L}]/gu)];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]![0];
    if (!isCap(w) || NOT_NAMES.has(w.toLowerCase()) || MONTH_NAMES.has(w.toLowerCase())) continue;
    const startIdx = i;
    // Extend over capitalized words and particles, on the same line, separated by one space.
    const seq = [words[i]!];
    for (let j = i + 1; j < words.length && seq.length < 4; j++) {
      const prev = seq[seq.length - 1]!;
      const gap = text.slice(prev.index! + prev[0].length, words[j]!.index);
      if (gap !== ' ') break;
      const next = words[j]![0];
      if (isCap(next) && !NOT_NAMES.has(next.toLowerCase()) && !MONTH_NAMES.has(next.toLowerCase()))
        seq.push(words[j]!);
      else if (PARTICLES.has(next) && j + 1 < words.length && isCap(words[j + 1]![0])) seq.push(words[j]!);
      else break;
    }
    i += seq.length - 1;
    const last0 = seq[seq.length - 1]!;
    if (taken(seq[0]!.index!, last0.index! + last0[0].length)) continue;
    while (seq.length > 1 && PARTICLES.has(seq[seq.length - 1]![0])) seq.pop();
    const spanText = (a: number, b: number) =>
      text.slice(seq[a]!.index!, seq[b]!.index! + seq[b]![0].length).replace(/[.]+$/, '');
    // The longest span a known pack names ("Präsidenten Wladimir Putin" → "Wladimir Putin").
    let knownSpan: [number, number] | null = null;
    for (let len = seq.length; len >= 1 && !knownSpan; len--)
      for (let a = 0; a + len <= seq.length; a++)
        if (known(foldName(spanText(a, a + len - 1)))) {
          knownSpan = [a, a + len - 1];
          break;
        }
    if (knownSpan) {
      add(spanText(knownSpan[0], knownSpan[1]), seq[knownSpan[0]]!.index!);
      continue;
    }
    let from = 0;
    // After an article the first word is a noun ("die Gastgeberin Ingrid …", "the host …"), not a first name.
    const before = words[startIdx - 1];
    if (before && ARTICLES.has(before[0].toLowerCase())) from = 1;
    while (from < seq.length - 1 && TITLES.test(seq[from]![0])) from++;
    if (seq.length - from < 2 || seq.slice(from).some((t) => NOUN_ENDINGS.test(t[0]))) continue;
    add(spanText(from, seq.length - 1), seq[from]!.index!);
  }
  return [...found.values()];
}

const QUOTES = new Map<string, string>();
for (const ch of '„“”‟«»″"') QUOTES.set(ch, '"');
for (const ch of "‚‘’‛‹›′`´'") QUOTES.set(ch, "'");
for (const ch of '‐‑‒–—―−-') QUOTES.set(ch, '-');

/**
 * Text normalized for finding quotes, with the offset in the original of
 * every normalized character: quotes of every style alike, dashes alike,
 * whitespace runs (line breaks too) as one space, invisible characters
 * dropped, "…" as "...", lower case.
 */
export function normalizeWithOffsets(text: string): { norm: string; offsets: number[] } {
  let norm = '';
  const offsets: number[] = [];
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/[\u00AD\u200B-\u200D\u2060\uFEFF]/.test(ch)) continue;
    if (/\s/.test(ch)) {
      if (!space) {
        norm += ' ';
        offsets.push(i);
      }
      space = true;
      continue;
    }
    space = false;
    const rep = ch === '…' ? '...' : (QUOTES.get(ch) ?? ch.toLowerCase());
    for (const r of rep) {
      norm += r;
      offsets.push(i);
    }
  }
  if (norm.endsWith(' ')) {
    norm = norm.slice(0, -1);
    offsets.pop();
  }
  return { norm, offsets };
}

export interface QuoteMatch {
  /** Exactly as the report writes it. */
  verbatim: string;
  start: number;
  end: number;
  /** 1-based line of the start. */
  line: number;
}

/** Every place where `words` occur in `text`, tolerant of quote styles, dashes and line breaks. */
export function findQuote(text: string, words: string): QuoteMatch[] {
  const needle = normalizeWithOffsets(words).norm;
  if (!needle) return [];
  const { norm, offsets } = normalizeWithOffsets(text);
  const out: QuoteMatch[] = [];
  for (let at = norm.indexOf(needle); at >= 0; at = norm.indexOf(needle, at + 1)) {
    const start = offsets[at]!;
    const lastChar = offsets[at + needle.length - 1]!;
    const end = lastChar + 1;
    out.push({ verbatim: text.slice(start, end), start, end, line: text.slice(0, start).split('\n').length });
  }
  return out;
}

/**
 * Cheap, offset-preserving sentence boundaries. Pure module.
 *
 * A sentence ends
 * - after '.', '!', '?' or '…' (a run of them, plus closing quotes and
 *   brackets) that is followed by whitespace or the end of the text, unless
 *   the next word starts lower-case ("z. B. die", "ca. drei"), or, for '.',
 *   the word before it is a single letter ("z. B.", "U.S.", "Donald J.
 *   Trump"), a one- or two-digit number (German ordinals and dates: "20.
 *   August", "3. Oktober"), or a known abbreviation ("Dr.", "Gen.", "bzw.",
 *   "Nr.", "Mr.", …);
 * - at a line break whose next line does not start with a lower-case letter
 *   (headlines and paragraphs have no final period; a line wrapped inside a
 *   sentence continues lower-case);
 * Hyphens never end a sentence ("US-Präsident").
 *
 * `sentenceAt(text, pos)` finds the sentence around one position by scanning
 * only its neighbourhood, so claim detection never splits a whole page.
 */
import { isSpace, startsLower } from './fold';

export interface Sentence {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  [
    // German
    'bzw',
    'ca',
    'dr',
    'prof',
    'nr',
    'st',
    'str',
    'vgl',
    'usw',
    'etc',
    'evtl',
    'ggf',
    'inkl',
    'sog',
    'bspw',
    'mio',
    'mrd',
    'abs',
    'art',
    'hr',
    'fr',
    'jh',
    'jhd',
    'geb',
    'gest',
    'zzt',
    'dt',
    'engl',
    'franz',
    'bzgl',
    'max',
    'min',
    'tel',
    'ff',
    'hrsg',
    'ebd',
    'kap',
    'insb',
    'zit',
    'lt',
    'gen',
    'adm',
    'oberst',
    'mag',
    'dipl',
    'ing',
    'jan',
    'feb',
    'febr',
    'mär',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'okt',
    'nov',
    'dez',
    // English
    'mr',
    'mrs',
    'ms',
    'jr',
    'sr',
    'gov',
    'sen',
    'rep',
    'col',
    'capt',
    'sgt',
    'maj',
    'lt',
    'vs',
    'no',
    'co',
    'inc',
    'ltd',
    'corp',
    'dept',
    'est',
    'approx',
    'e.g',
    'i.e',
    'oct',
    'dec',
    'mar',
  ].map((s) => s.toLowerCase()),
);

const TERMINAL = /[.!?…]/;
const CLOSERS = /["'”“’‘»«)\]]/;

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** The word (letters/digits) that ends right before `i`, and its start. */
function wordBefore(text: string, i: number): string {
  let s = i;
  while (s > 0 && /[\p{L}\p{N}]/u.test(text.charAt(s - 1))) s--;
  return text.slice(s, i);
}

/**
 * If a sentence ends at the terminal character or line break at `i`, returns
 * the offset right after it (after closing quotes/brackets); otherwise -1.
 */
function boundaryAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (isLineBreak(c)) {
    let j = i + 1;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    if (j >= text.length) return i + 1;
    return startsLower(text.charAt(j)) ? -1 : i + 1;
  }
  const ch = text.charAt(i);
  if (!TERMINAL.test(ch)) return -1;
  let j = i + 1;
  while (j < text.length && (TERMINAL.test(text.charAt(j)) || CLOSERS.test(text.charAt(j)))) j++;
  const after = j;
  if (j < text.length && !isSpace(text.charCodeAt(j))) return -1;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  if (j >= text.length) return after;
  if (startsLower(text.charAt(j))) return -1;
  if (ch === '.' && i + 1 === after) {
    const w = wordBefore(text, i);
    if (w.length === 1) return -1; // initials, "z. B.", "U.S."
    if (/^\d{1,2}$/.test(w)) return -1; // "20. August"
    if (ABBREVIATIONS.has(w.toLowerCase())) return -1;
  }
  return after;
}

function isBoundaryChar(c: number): boolean {
  // . ! ? … and line breaks
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || isLineBreak(c);
}

/** Trims whitespace off both ends of [start, end). */
function trimmed(text: string, start: number, end: number): Sentence {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** All sentences of `text`, in order, trimmed, empty ones dropped. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isBoundaryChar(text.charCodeAt(i))) continue;
    const after = boundaryAt(text, i);
    if (after < 0) continue;
    const s = trimmed(text, start, after);
    if (s.end > s.start) out.push(s);
    start = after;
    i = after - 1;
  }
  const last = trimmed(text, start, text.length);
  if (last.end > last.start) out.push(last);
  return out;
}

/** Sentences longer than this are cut around the position (keeps the cost local on text without punctuation). */
const MAX_SENTENCE = 2000;

/** The sentence containing offset `pos`, found by scanning its neighbourhood only. */
export function sentenceAt(text: string, pos: number): Sentence {
  // Backwards: the nearest boundary that ends at or before pos.
  let start = Math.max(0, pos - MAX_SENTENCE);
  for (let i = pos - 1; i >= Math.max(0, pos - MAX_SENTENCE); i--) {
    if (!isBoundaryChar(text.charCodeAt(i))) continue;
    const after = boundaryAt(text, i);
    if (after >= 0 && after <= pos) {
      start = after;
      break;
    }
  }
  let end = Math.min(text.length, pos + MAX_SENTENCE);
  for (let i = pos; i < Math.min(text.length, pos + MAX_SENTENCE); i++) {
    if (!isBoundaryChar(text.charCodeAt(i))) continue;
    const after = boundaryAt(text, i);
    if (after >= 0) {
      end = after;
      break;
    }
  }
  return trimmed(text, start, end);
}

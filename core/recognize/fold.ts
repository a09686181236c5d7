/**
 * Character-level normalization shared by the dictionary compiler and the
 * scanner. Pure module.
 *
 * Rules:
 * - A *token* is a maximal run of token characters: letters, combining marks,
 *   digits (Unicode \p{L}\p{M}\p{N}), soft hyphens (U+00AD) and zero-width
 *   characters (U+200B..U+200D, U+2060, U+FEFF). Everything else (spaces,
 *   punctuation, apostrophes, hyphens, dashes, quotes) separates tokens. The
 *   classes are Unicode-aware, so "Selenskyjs", "Außenminister" and
 *   "Erdoğan" are one token each (JS `\b` would split them).
 * - A token is *folded* for lookup character by character: lower-cased,
 *   decomposed (NFD) with the combining marks dropped, soft hyphens and
 *   zero-width characters dropped, and ß→ss, ł→l, ø→o, đ→d, æ→ae, œ→oe, ı→i,
 *   þ→th, ð→d (letters NFD does not decompose). "Erdoğan" → "erdogan",
 *   "SELEN\u00ADSKYJ" → "selenskyj", "Außen" → "aussen".
 * - The *gap* between two tokens is classified: whitespace of any kind (incl.
 *   NBSP and line breaks) or a single hyphen is the "soft" gap ''; anything
 *   else keeps its punctuation (whitespace removed, hyphens → '-', apostrophes
 *   → "'") so "20. August" only matches a text that has the period too.
 *
 * Character classes and folds are cached in 64K tables, filled lazily, so the
 * hot loop reads one typed-array entry per character.
 */

const TOKEN_CHAR = /[\p{L}\p{M}\p{N}\u00AD\u200B-\u200D\u2060\uFEFF]/u;
const STRIP = /[\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
const SPECIAL = /[ßłøđæœıþð]/g;
const SPECIAL_MAP: Record<string, string> = {
  ß: 'ss',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
  ð: 'd',
};

/** 0 = not computed yet, 1 = token character, 2 = separator. */
const CLASS = new Uint8Array(65536);
/** Fold of each BMP code unit; undefined until computed. */
const FOLD: Array<string | undefined> = new Array<string | undefined>(65536);

export function foldString(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(STRIP, '')
    .replace(SPECIAL, (c) => SPECIAL_MAP[c] ?? c);
}

function classify(c: number): number {
  // Surrogates count as token characters when they form a letter/digit code point;
  // `isTokenAt` handles pairs, a lone surrogate is a separator.
  const k = c >= 0xd800 && c <= 0xdfff ? 2 : TOKEN_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  CLASS[c] = k;
  return k;
}

/** The fold cache itself (undefined = not computed; use `foldCode`). */
export const FOLD_TABLE: ReadonlyArray<string | undefined> = FOLD;

/** The class table itself, for the scanner's inlined hot loop (fill misses with `charClass`). */
export const CLASS_TABLE: Uint8Array = CLASS;

/** Fold of a BMP code unit or surrogate pair string, cached for BMP units. */
export function foldCode(c: number): string {
  let f = FOLD[c];
  if (f === undefined) FOLD[c] = f = foldString(String.fromCharCode(c));
  return f;
}

for (let c = 0; c < 0x250; c++) classify(c);

/** 1 if the BMP code unit `c` is a token character, 2 if not (surrogates: 2, see `tokenCharAt`). */
export function charClass(c: number): number {
  const k = CLASS[c] as number;
  return k === 0 ? classify(c) : k;
}

/** Is the code unit at `i` (or the surrogate pair starting there) a token character? Returns its length, 0 if not. */
export function tokenCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  let k = CLASS[c] as number;
  if (k === 0) k = classify(c);
  if (k === 1) return 1;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff && TOKEN_CHAR.test(text.slice(i, i + 2))) return 2;
  }
  return 0;
}

/** A reusable cursor for `nextToken`. */
export interface TokenCursor {
  start: number;
  end: number;
}

/** Finds the next token at or after `from`; false when there is none. */
export function nextToken(text: string, from: number, cur: TokenCursor): boolean {
  const len = text.length;
  let i = from;
  let n = 0;
  while (i < len && (n = tokenCharAt(text, i)) === 0) i++;
  if (i >= len) return false;
  cur.start = i;
  i += n;
  while (i < len && (n = tokenCharAt(text, i)) !== 0) i += n;
  cur.end = i;
  return true;
}

/** Case- and diacritic-folds one token (see the module comment). */
export function foldToken(raw: string): string {
  let ascii = true;
  for (let i = 0; i < raw.length; i++) {
    if (raw.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return raw.toLowerCase();
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < raw.length) {
      out += foldString(raw.slice(i, i + 2));
      i++;
    } else out += foldCode(c);
  }
  return out;
}

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 16777619;

/** 32-bit FNV-1a over the code units of an already folded string. */
export function hashFolded(folded: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < folded.length; i++) h = Math.imul(h ^ folded.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** The first character of the token that is not invisible (soft hyphen, zero-width). */
function firstVisible(raw: string): string {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) continue;
    return raw.charAt(i);
  }
  return '';
}

/** Starts with an upper-case letter ("Trump", "TRUMP", "Ölbaum"); digits and lower case do not. */
export function startsUpper(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = firstVisible(raw);
  return ch !== ch.toLowerCase();
}

/** Starts with a lower-case letter. */
export function startsLower(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c >= 97 && c <= 122) return true;
  if (c < 128) return false;
  const ch = firstVisible(raw);
  return ch !== ch.toUpperCase();
}

/** Has letters and none of them is lower case ("USA", "NATO", "SELENSKYJS"). */
export function isAllCaps(raw: string): boolean {
  let upper = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper = true;
    else if (c > 127) return raw !== raw.toLowerCase() && raw === raw.toUpperCase();
  }
  return upper;
}

/** Unicode whitespace as JS `\s` knows it (incl. NBSP, narrow NBSP, line/paragraph separators). */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2018 || c === 0x2bc || c === 0x60 || c === 0xb4;
}

/** Gaps longer than this never join two tokens into one phrase. */
const MAX_GAP = 200;

/**
 * Classifies the text between two tokens: '' (soft: whitespace only, or one
 * hyphen), a punctuation key such as '.' or "'", or null when the gap is too
 * long to join anything.
 */
export function gapKey(text: string, from: number, to: number): string | null {
  if (to - from > MAX_GAP) return null;
  let key = '';
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    if (isHyphen(c)) key += '-';
    else if (isApostrophe(c)) key += "'";
    else key += text.charAt(i);
  }
  return key === '-' ? '' : key;
}

/** A phrase as folded tokens plus the gap keys between them. */
export interface TokenizedPhrase {
  tokens: string[];
  /** `raw[i]` is the token as written (for case rules). */
  raw: string[];
  /** `gaps[i]` is the gap key between token i and i+1. */
  gaps: string[];
  /** Periods written right after the last token ("D.C.", "Jr."): matched when the text has them too. */
  tail: string;
}

/** Tokenizes a dictionary phrase the same way the scanner tokenizes text. Null if it has no token. */
export function tokenizePhrase(phrase: string): TokenizedPhrase | null {
  const tokens: string[] = [];
  const raw: string[] = [];
  const gaps: string[] = [];
  const cur: TokenCursor = { start: 0, end: 0 };
  let prevEnd = -1;
  for (let pos = 0; nextToken(phrase, pos, cur); pos = cur.end) {
    const r = phrase.slice(cur.start, cur.end);
    const folded = foldToken(r);
    if (folded === '') continue;
    if (prevEnd >= 0) gaps.push(gapKey(phrase, prevEnd, cur.start) ?? '');
    tokens.push(folded);
    raw.push(r);
    prevEnd = cur.end;
  }
  const tail = prevEnd >= 0 ? (/^\.+/.exec(phrase.slice(prevEnd))?.[0] ?? '') : '';
  return tokens.length ? { tokens, raw, gaps, tail } : null;
}

/** Replacement code for quote/dash characters (0 = keep), for `normalizeForQuotes`. */
const QUOTE_MAP = new Map<number, number>();
for (const ch of '„“”‟«»″') QUOTE_MAP.set(ch.charCodeAt(0), 34); // "
for (const ch of '‚‘’‛‹›′`´') QUOTE_MAP.set(ch.charCodeAt(0), 39); // '
for (const ch of '‐‑‒–—―−') QUOTE_MAP.set(ch.charCodeAt(0), 45); // -

/** Non-ASCII code points `normalizeForQuotes` may change (a superset). */
function maybeSpecial(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0xab ||
    c === 0xad ||
    c === 0xb4 ||
    c === 0xbb ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x206f) ||
    c === 0x2212 ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isInvisible(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/**
 * Normalizes running text for verbatim-quote comparison: invisible characters
 * removed, quotes of every style → '"' (double) or "'" (single), dashes and
 * hyphens → '-', whitespace runs → one space, lower case, trimmed. One pass
 * over the text that copies unchanged stretches as slices.
 */
export function normalizeForQuotes(text: string): string {
  const parts: string[] = [];
  let flushed = 0;
  let prevSpace = true; // drops leading whitespace
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    // Fast path: printable ASCII other than the backtick, and non-ASCII outside the
    // few code points that are spaces, quotes, dashes or invisible.
    if ((c > 32 && c < 127 && c !== 96) || (c >= 128 && !maybeSpecial(c))) {
      prevSpace = false;
      continue;
    }
    if (c === 32 && !prevSpace) {
      prevSpace = true;
      continue;
    }
    let rep: string | null;
    if (isSpace(c)) rep = prevSpace ? '' : ' ';
    else if (isInvisible(c)) rep = '';
    else {
      const q = c === 96 ? 39 : QUOTE_MAP.get(c);
      rep = q === undefined ? null : String.fromCharCode(q);
    }
    if (rep === null) {
      prevSpace = false;
      continue;
    }
    if (i > flushed) parts.push(text.slice(flushed, i));
    if (rep !== '') parts.push(rep);
    flushed = i + 1;
    if (rep === ' ') prevSpace = true;
    else if (rep !== '') prevSpace = false;
  }
  if (len > flushed) parts.push(text.slice(flushed));
  let out = parts.join('').toLowerCase();
  if (out.endsWith(' ')) out = out.slice(0, -1);
  return out;
}

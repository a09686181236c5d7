/**
 * The one-pass matcher. Pure module.
 *
 * One loop walks the text token by token (token characters come from a
 * cached Unicode class table, see `fold.ts`). Each token is hashed as it is
 * folded, without building a string; a bit set over the hashes of the
 * dictionary's first tokens rules out almost every token with one array read.
 * Only when the bit is set is the hash looked up in the root map and the
 * folded token built and compared, and only when a first token is known does
 * the matcher look ahead, token by token, along the trie (edges are keyed by
 * token hash as well), checking that each gap is allowed (see `gapKey`). The
 * cost per token is a class lookup and a multiply per character plus one bit
 * test, independent of the dictionary size; the extra work is proportional
 * to the number of dictionary hits.
 *
 * Selection: per hit kind (alias, trigger, event-cue, aspect-cue, signal) the
 * leftmost match wins, then the longest ("Donald Trump" over "Trump",
 * "Koalition der Willigen" as one hit); hits of one kind never overlap. Kinds
 * are independent, so an aspect cue inside a signal phrase is still found.
 *
 * Links: URLs (`scheme://…`, `www.…`) and e-mail addresses (`x@y.tld`) are
 * found by a cheap `indexOf` pre-scan; tokens inside them are skipped, so
 * `https://example.org/trump-putin` or `putin@kremlin.example` never match.
 */
import { ENDINGS, MIN_STEM, PAYLOAD_KINDS, type Dictionary, type Payload } from './dictionary';
import {
  CLASS_TABLE,
  FNV_OFFSET,
  FNV_PRIME,
  FOLD_TABLE,
  charClass,
  foldCode,
  foldString,
  foldToken,
  gapKey,
  isAllCaps,
  isSpace,
  startsUpper,
  tokenCharAt,
} from './fold';
import type { HitKind } from './types';

export const KINDS: readonly HitKind[] = PAYLOAD_KINDS;

/** A raw hit with the dictionary payload that produced it. */
export interface RawHit {
  start: number;
  end: number;
  payload: Payload;
}

const MAX_PHRASE_TOKENS = 30;

function isSchemeChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
}

/** Characters that end a link even without whitespace. */
function isLinkStop(c: number): boolean {
  return isSpace(c) || c === 60 /* < */ || c === 62 /* > */ || c === 34; /* " */
}

/** Trailing punctuation that belongs to the sentence, not the link. */
function isTrailingPunct(c: number): boolean {
  return (
    c === 46 ||
    c === 44 ||
    c === 59 ||
    c === 58 ||
    c === 33 ||
    c === 63 ||
    c === 41 ||
    c === 93 ||
    c === 125 ||
    c === 39 ||
    c === 0xbb ||
    c === 0x201d ||
    c === 0x2019 ||
    c === 0x201c
  );
}

function extendRight(text: string, from: number): number {
  let e = from;
  while (e < text.length && !isLinkStop(text.charCodeAt(e))) e++;
  while (e > from && isTrailingPunct(text.charCodeAt(e - 1))) e--;
  return e;
}

/**
 * Spans of URLs and e-mail addresses, as a flat sorted list
 * `[start0, end0, start1, end1, …]` of non-overlapping spans.
 */
export function linkSpans(text: string): number[] {
  const raw: Array<[number, number]> = [];
  // scheme://…
  for (let i = text.indexOf('://'); i !== -1; i = text.indexOf('://', i + 3)) {
    let s = i;
    while (s > 0 && isSchemeChar(text.charCodeAt(s - 1))) s--;
    if (s === i) continue;
    const e = extendRight(text, i + 3);
    raw.push([s, e]);
    i = Math.max(i, e - 3);
  }
  // www.… (not preceded by a token character, '.', '/' or '@')
  for (let i = text.indexOf('www.'); i !== -1; i = text.indexOf('www.', i + 4)) {
    const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
    if (isSchemeChar(prev) || prev === 47 || prev === 64 || prev > 127) continue;
    raw.push([i, extendRight(text, i + 4)]);
  }
  // local@domain.tld
  for (let i = text.indexOf('@'); i !== -1; i = text.indexOf('@', i + 1)) {
    let s = i;
    while (s > 0 && !isLinkStop(text.charCodeAt(s - 1))) s--;
    if (s === i) continue;
    const e = extendRight(text, i + 1);
    const domain = text.slice(i + 1, e);
    if (!/^[^@]*[^.@]\.[\p{L}\p{N}_]/u.test(domain)) continue;
    raw.push([s, e]);
  }
  if (raw.length === 0) return [];
  raw.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of raw) {
    const n = out.length;
    if (n && s <= (out[n - 1] as number)) out[n - 1] = Math.max(out[n - 1] as number, e);
    else out.push(s, e);
  }
  return out;
}

// Module-level copies of imported bindings: some module transforms (tsx, CJS
// interop) turn every access to an imported binding into a getter call, which
// the hot loop cannot afford.
const CL = CLASS_TABLE;
const FOLDS = FOLD_TABLE;
const PRIME = FNV_PRIME;
const OFFSET = FNV_OFFSET;
const classOf = charClass;
const unitFold = foldCode;
const pairFold = foldString;
const pairAt = tokenCharAt;
const endings = ENDINGS;
const minStem = MIN_STEM;
const fold = foldToken;
const gapOf = gapKey;
const upper = startsUpper;
const allCaps = isAllCaps;
/** ASCII code → lower-case code. */
const LOWER = new Uint16Array(128).map((_, c) => (c >= 65 && c <= 90 ? c | 32 : c));

/** The token `readToken` found: offsets and hashes of its folded form. */
interface TokenState {
  start: number;
  end: number;
  /** Hash of the whole folded token (unsigned). */
  h: number;
  /** Hash without the last one / two code units (for inflection endings, which are ASCII). */
  h1: number;
  h2: number;
}

/**
 * Finds the next token at or after `from` and hashes its folded form while
 * reading it (no string is built). False when there is none.
 */
function readToken(text: string, from: number, t: TokenState): boolean {
  const len = text.length;
  let i = from;
  let c = 0;
  let k = 0;
  for (;;) {
    if (i >= len) return false;
    c = text.charCodeAt(i);
    k = CL[c] as number;
    if (k === 1) break;
    if (k === 0) {
      k = classOf(c);
      if (k === 1) break;
    }
    if (c >= 0xd800 && c <= 0xdbff && pairAt(text, i) === 2) break;
    i++;
  }
  t.start = i;
  let h = OFFSET;
  let h1 = h;
  let h2 = h;
  for (;;) {
    h2 = h1;
    h1 = h;
    if (c < 128) {
      h = Math.imul(h ^ (LOWER[c] as number), PRIME);
      i++;
    } else if (k === 1) {
      const f = FOLDS[c] ?? unitFold(c);
      for (let j = 0; j < f.length; j++) h = Math.imul(h ^ f.charCodeAt(j), PRIME);
      i++;
    } else {
      // A surrogate pair that is a letter or digit.
      const f = pairFold(text.slice(i, i + 2));
      for (let j = 0; j < f.length; j++) h = Math.imul(h ^ f.charCodeAt(j), PRIME);
      i += 2;
    }
    if (i >= len) break;
    c = text.charCodeAt(i);
    k = CL[c] as number;
    if (k !== 1) {
      if (k === 0) k = classOf(c);
      if (k !== 1 && (c < 0xd800 || c > 0xdbff || pairAt(text, i) === 0)) break;
    }
  }
  t.end = i;
  t.h = h >>> 0;
  t.h1 = h1 >>> 0;
  t.h2 = h2 >>> 0;
  return true;
}

function hasBit(bits: Uint32Array, h: number, mask: number): boolean {
  const b = h & mask;
  return ((bits[b >>> 5] as number) & (1 << (b & 31))) !== 0;
}

/** 's', 'S', 'n', 'N': the last letter of every inflection ending. */
function endsLikeInflection(c: number): boolean {
  return c === 115 || c === 83 || c === 110 || c === 78;
}

/**
 * The stems of a folded token for the inflection endings, with the hash of
 * the stem: endings of one code unit use `h1`, of two `h2`.
 */
function stemCandidates(folded: string, t: TokenState): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const ending of endings) {
    if (folded.length - ending.length < minStem || !folded.endsWith(ending)) continue;
    out.push([folded.slice(0, folded.length - ending.length), ending.length === 1 ? t.h1 : t.h2]);
  }
  return out;
}

/**
 * Where a scan of one text stands, so that it can go on in steps
 * (`scanRaw(dict, text, cursor, until)` repeatedly): the same hits as one
 * call, whatever the steps.
 */
export interface RawCursor {
  /** Where the next token is read from. */
  pos: number;
  /** `linkSpans(text)`, and the index of the first span not yet passed. */
  spans: number[];
  span: number;
  /** Per kind, the end of its last hit (hits of one kind never overlap). */
  lastEnd: number[];
}

export function rawCursor(text: string): RawCursor {
  return { pos: 0, spans: linkSpans(text), span: 0, lastEnd: KINDS.map(() => 0) };
}

/**
 * Scans `text` once and returns the raw hits in text order (by start; at one
 * start, in kind order). With a `cursor`, scans on from where it stands and
 * stops before the first token that starts at `until` or later (a phrase that
 * starts before `until` may end after it); the cursor is left there.
 */
export function scanRaw(dict: Dictionary, text: string, cursor?: RawCursor, until = Infinity): RawHit[] {
  const out: RawHit[] = [];
  const { firstBits, inflectBits, bitMask, tokens, gaps, edgeStart, edgeHash, edgeToken, edgeGap, edgeNode } = dict;
  const { payStart, inflStart, inflHash, inflToken, inflGap, inflPay, payList, payKind, payUpper, payCaps, payTail } =
    dict;
  const canInflect = dict.canInflect;
  const cur0 = cursor ?? rawCursor(text);
  const spans = cur0.spans;
  let sp = cur0.span;
  let spanStart = sp < spans.length ? (spans[sp] as number) : Infinity;
  const lastEnd = cur0.lastEnd;
  const t: TokenState = { start: 0, end: 0, h: 0, h1: 0, h2: 0 };
  const n: TokenState = { start: 0, end: 0, h: 0, h1: 0, h2: 0 };

  // Candidate buffers, reused; `nc` is the number of candidates of the current token. A candidate's payloads
  // are the range `payList[candFrom] … payList[candTo − 1]`.
  const candEnd: number[] = [];
  const candFrom: number[] = [];
  const candTo: number[] = [];
  const candUpper: number[] = [];
  const candCaps: number[] = [];
  let nc = 0;
  const push = (end: number, from: number, to: number, upper: number, caps: number) => {
    if (from === to) return;
    candEnd[nc] = end;
    candFrom[nc] = from;
    candTo[nc] = to;
    candUpper[nc] = upper;
    candCaps[nc] = caps;
    nc++;
  };
  /** The inflect edge of `node` for a stem (with the gap before it, unless at the root), or −1. */
  const inflectEdge = (node: number, folded: string, state: TokenState, gap: string | null): number => {
    for (const [stem, h] of stemCandidates(folded, state)) {
      const hi = inflStart[node + 1] as number;
      for (let k = dict.inflectAt(node, h); k >= 0 && k < hi && inflHash[k] === h; k++) {
        if (tokens[inflToken[k] as number] === stem && (gap === null || gaps[inflGap[k] as number] === gap)) return k;
      }
    }
    return -1;
  };
  const hasEdges = (node: number) =>
    (edgeStart[node + 1] as number) > (edgeStart[node] as number) ||
    (inflStart[node + 1] as number) > (inflStart[node] as number);

  let i = cur0.pos;
  while (readToken(text, i, t)) {
    const start = t.start;
    const end = t.end;
    if (start >= until) break;
    i = end;

    // Links: skip tokens inside URLs and e-mail addresses.
    if (start >= spanStart) {
      while (sp < spans.length && (spans[sp + 1] as number) <= start) sp += 2;
      spanStart = sp < spans.length ? (spans[sp] as number) : Infinity;
      if (start >= spanStart) {
        i = Math.max(i, spans[sp + 1] as number);
        continue;
      }
    }

    // Bit-set filter, then the exact lookup (hash, then the folded string).
    const maybeFirst = hasBit(firstBits, t.h, bitMask);
    const maybeInflected =
      canInflect &&
      end - start > minStem &&
      endsLikeInflection(text.charCodeAt(end - 1)) &&
      (hasBit(inflectBits, t.h1, bitMask) || hasBit(inflectBits, t.h2, bitMask));
    if (!maybeFirst && !maybeInflected) continue;

    const raw = text.slice(start, end);
    const folded = fold(raw);
    let node = -1;
    if (maybeFirst) {
      const hi = edgeStart[1] as number;
      for (let k = dict.edgeAt(0, t.h); k >= 0 && k < hi && edgeHash[k] === t.h; k++)
        if (tokens[edgeToken[k] as number] === folded) node = edgeNode[k] as number;
    }
    let infl = -1;
    if (maybeInflected && upper(raw)) {
      let aliasEnds = false;
      if (node >= 0)
        for (let j = payStart[node] as number; j < (payStart[node + 1] as number); j++)
          if (payKind[payList[j] as number] === 0) aliasEnds = true;
      if (!aliasEnds) infl = inflectEdge(0, folded, t, null);
    }
    if (node < 0 && infl < 0) continue;

    // Collect candidates along the trie: (end, payloads, case bits).
    nc = 0;
    let upperBits = upper(raw) ? 1 : 0;
    let capsBits = allCaps(raw) ? 1 : 0;
    if (node >= 0) push(end, payStart[node] as number, payStart[node + 1] as number, upperBits, capsBits);
    if (infl >= 0) push(end, inflPay[infl] as number, inflPay[infl + 1] as number, upperBits, capsBits);
    let cur = node;
    let pos = end;
    for (let k = 1; cur >= 0 && hasEdges(cur) && k < MAX_PHRASE_TOKENS; k++) {
      if (!readToken(text, pos, n) || n.start >= spanStart) break;
      const edge = dict.edgeAt(cur, n.h);
      const maybeInfl =
        (inflStart[cur + 1] as number) > (inflStart[cur] as number) &&
        endsLikeInflection(text.charCodeAt(n.end - 1)) &&
        (dict.inflectAt(cur, n.h1) >= 0 || dict.inflectAt(cur, n.h2) >= 0);
      if (edge < 0 && !maybeInfl) break;
      const gap = gapOf(text, pos, n.start);
      if (gap === null) break;
      const nRaw = text.slice(n.start, n.end);
      const nFolded = fold(nRaw);
      const nUpper = upper(nRaw);
      if (nUpper) upperBits |= 1 << k;
      if (allCaps(nRaw)) capsBits |= 1 << k;
      let child = -1;
      if (edge >= 0) {
        const hi = edgeStart[cur + 1] as number;
        for (let e = edge; e < hi && edgeHash[e] === n.h; e++)
          if (tokens[edgeToken[e] as number] === nFolded && gaps[edgeGap[e] as number] === gap)
            child = edgeNode[e] as number;
      }
      if (child >= 0) push(n.end, payStart[child] as number, payStart[child + 1] as number, upperBits, capsBits);
      if (maybeInfl && nUpper) {
        const e = inflectEdge(cur, nFolded, n, gap);
        if (e >= 0) push(n.end, inflPay[e] as number, inflPay[e + 1] as number, upperBits, capsBits);
      }
      cur = child;
      pos = n.end;
    }

    // Per kind: the longest candidate with a payload of that kind whose case rules hold.
    for (let kind = 0; kind < KINDS.length; kind++) {
      if ((lastEnd[kind] as number) > start) continue;
      for (let ci = nc - 1; ci >= 0; ci--) {
        const ub = candUpper[ci] as number;
        const cb = candCaps[ci] as number;
        let found = false;
        let maxEnd = candEnd[ci] as number;
        const to = candTo[ci] as number;
        for (let j = candFrom[ci] as number; j < to; j++) {
          const p = payList[j] as number;
          if (payKind[p] !== kind || ((payUpper[p] as number) & ~ub) !== 0 || ((payCaps[p] as number) & ~cb) !== 0)
            continue;
          let hitEnd = candEnd[ci] as number;
          if (payTail[p] !== 0) {
            const tail = dict.str(payTail[p] as number);
            if (text.startsWith(tail, hitEnd)) hitEnd += tail.length;
          }
          out.push({ start, end: hitEnd, payload: dict.payload(p) });
          if (hitEnd > maxEnd) maxEnd = hitEnd;
          found = true;
        }
        if (found) {
          lastEnd[kind] = maxEnd;
          break;
        }
      }
    }
  }
  cur0.pos = i;
  cur0.span = sp;
  return out;
}

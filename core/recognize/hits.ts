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
import { ENDINGS, MIN_STEM, type Dictionary, type Payload, type TrieNode } from './dictionary';
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

export const KINDS: readonly HitKind[] = ['alias', 'trigger', 'event-cue', 'aspect-cue', 'signal', 'topic'];

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

/** Accepts a payload if the case masks hold for the text tokens matched. */
function caseOk(p: Payload, upperBits: number, capsBits: number): boolean {
  return (p.upperMask & ~upperBits) === 0 && (p.capsMask & ~capsBits) === 0;
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
  const { root, inflectRoot, firstBits, inflectBits, bitMask } = dict;
  const canInflect = inflectRoot.size > 0;
  const cur0 = cursor ?? rawCursor(text);
  const spans = cur0.spans;
  let sp = cur0.span;
  let spanStart = sp < spans.length ? (spans[sp] as number) : Infinity;
  const lastEnd = cur0.lastEnd;
  const t: TokenState = { start: 0, end: 0, h: 0, h1: 0, h2: 0 };
  const n: TokenState = { start: 0, end: 0, h: 0, h1: 0, h2: 0 };

  // Candidate buffers, reused; `nc` is the number of candidates of the current token.
  const candEnd: number[] = [];
  const candPayloads: Payload[][] = [];
  const candUpper: number[] = [];
  const candCaps: number[] = [];
  let nc = 0;
  const push = (end: number, payloads: Payload[], upper: number, caps: number) => {
    candEnd[nc] = end;
    candPayloads[nc] = payloads;
    candUpper[nc] = upper;
    candCaps[nc] = caps;
    nc++;
  };

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
    let node: TrieNode | undefined;
    if (maybeFirst) {
      const list = root.get(t.h);
      if (list) for (const e of list) if (e.token === folded) node = e.node;
    }
    let inflList: Payload[] | undefined;
    if (maybeInflected && (node === undefined || !node.payloads?.some((p) => p.kind === 'alias')) && upper(raw)) {
      for (const [stem, h] of stemCandidates(folded, t)) {
        const list = inflectRoot.get(h);
        const e = list?.find((x) => x.token === stem);
        if (e) {
          inflList = e.payloads;
          break;
        }
      }
    }
    if (node === undefined && inflList === undefined) continue;

    // Collect candidates along the trie: (end, payloads, case bits).
    nc = 0;
    let upperBits = upper(raw) ? 1 : 0;
    let capsBits = allCaps(raw) ? 1 : 0;
    if (node?.payloads) push(end, node.payloads, upperBits, capsBits);
    if (inflList) push(end, inflList, upperBits, capsBits);
    let cur = node;
    let pos = end;
    for (let k = 1; cur && (cur.next || cur.inflect) && k < MAX_PHRASE_TOKENS; k++) {
      if (!readToken(text, pos, n) || n.start >= spanStart) break;
      const edges = cur.next?.get(n.h);
      const maybeInfl =
        cur.inflect !== undefined &&
        endsLikeInflection(text.charCodeAt(n.end - 1)) &&
        (cur.inflect.has(n.h1) || cur.inflect.has(n.h2));
      if (!edges && !maybeInfl) break;
      const gap = gapOf(text, pos, n.start);
      if (gap === null) break;
      const nRaw = text.slice(n.start, n.end);
      const nFolded = fold(nRaw);
      const nUpper = upper(nRaw);
      if (nUpper) upperBits |= 1 << k;
      if (allCaps(nRaw)) capsBits |= 1 << k;
      let child: TrieNode | undefined;
      if (edges) for (const e of edges) if (e.token === nFolded && e.gap === gap) child = e.node;
      if (child?.payloads) push(n.end, child.payloads, upperBits, capsBits);
      if (maybeInfl && nUpper && cur.inflect) {
        for (const [stem, h] of stemCandidates(nFolded, n)) {
          const e = cur.inflect.get(h)?.find((x) => x.token === stem && x.gap === gap);
          if (e) {
            push(n.end, e.payloads, upperBits, capsBits);
            break;
          }
        }
      }
      cur = child;
      pos = n.end;
    }

    // Per kind: the longest candidate with a payload of that kind whose case rules hold.
    for (let kind = 0; kind < KINDS.length; kind++) {
      if ((lastEnd[kind] as number) > start) continue;
      const kindName = KINDS[kind];
      for (let ci = nc - 1; ci >= 0; ci--) {
        const ub = candUpper[ci] as number;
        const cb = candCaps[ci] as number;
        let found = false;
        let maxEnd = candEnd[ci] as number;
        for (const p of candPayloads[ci] as Payload[]) {
          if (p.kind !== kindName || !caseOk(p, ub, cb)) continue;
          let hitEnd = candEnd[ci] as number;
          if (p.tail !== '' && text.startsWith(p.tail, hitEnd)) hitEnd += p.tail.length;
          out.push({ start, end: hitEnd, payload: p });
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

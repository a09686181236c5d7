/**
 * Is this text one of the dataset's source reports? Pure module.
 *
 * Rule: the text is normalized once (`normalizeForQuotes`: invisible
 * characters dropped, quote and dash styles unified, whitespace collapsed,
 * lower case). Each source's verbatim quotes (its claims' quotes, plus the
 * entity/event evidence quotes it backs; at least `MIN_QUOTE_LENGTH`
 * characters, normalized the same way; a quote contained in a longer one of
 * the same source is dropped) are looked up as substrings. A source
 * qualifies when at least max(2, min(3, ⌈n/2⌉)) of its n quotes are found:
 * three quotes, or half of them when it has fewer than six, but never a
 * single quote (other outlets reprint one statement verbatim; a source with
 * fewer than two usable quotes cannot be recognized). Of the qualifying
 * sources the one with most quotes found wins (then the higher share, then
 * dataset order). Only called for relevant texts. Quotes are found where they
 * start at a word boundary (verbatim extracts do), through an index of their
 * first 16 characters: one pass over the text, whatever the number of quotes.
 */
import { CLASS_TABLE, charClass, normalizeForQuotes } from './fold';

// Module-level copies of imported bindings (see hits.ts: no getter calls in the loop).
const CL = CLASS_TABLE;
const classOf = charClass;

/** Length of the prefix that indexes quotes (every quote is longer, see `MIN_QUOTE_LENGTH`). */
const QUOTE_KEY = 16;
/** Size of the bit table over the first three characters of the quotes. */
const START_BITS = 1 << 16;

export interface SourceQuotes {
  id: string;
  /** Distinct quotes: as written, and normalized for comparison. */
  quotes: Array<{ quote: string; normalized: string }>;
}

/** The quotes of every source and their index (part of what `compile` derives, see `compiled.ts`). */
export interface QuoteSet {
  sourceQuotes: SourceQuotes[];
  /** Index of the quotes by their start. */
  quotes: QuoteIndex;
}

/** A quote of a source, by index into `sourceQuotes`. */
interface QuoteRef {
  source: number;
  quote: number;
}

export interface QuoteIndex {
  /** First `QUOTE_KEY` characters of each normalized quote → the quotes that start so. */
  byKey: Map<string, QuoteRef[]>;
  /** Table over `start3` of every quote: a word start whose entry is 0 starts no quote. */
  starts: Uint8Array;
  /** Length of the longest normalized quote. */
  longest: number;
}

/** A 16-bit mix of the code units at i..i+2 and i+4..i+6 (past a short first word like "die "). */
function start3(s: string, i: number): number {
  const a = s.charCodeAt(i) * 961 + s.charCodeAt(i + 1) * 31 + s.charCodeAt(i + 2);
  const b = s.charCodeAt(i + 4) * 961 + s.charCodeAt(i + 5) * 31 + s.charCodeAt(i + 6);
  return (a * 7919 + b) & (START_BITS - 1);
}

export function buildQuoteIndex(sources: SourceQuotes[]): QuoteIndex {
  const byKey = new Map<string, QuoteRef[]>();
  const starts = new Uint8Array(START_BITS);
  let longest = 0;
  sources.forEach((sq, si) =>
    sq.quotes.forEach((q, qi) => {
      longest = Math.max(longest, q.normalized.length);
      const key = q.normalized.slice(0, QUOTE_KEY);
      starts[start3(key, 0)] = 1;
      const list = byKey.get(key);
      if (list) list.push({ source: si, quote: qi });
      else byKey.set(key, [{ source: si, quote: qi }]);
    }),
  );
  return { byKey, starts, longest };
}

export interface SourceMatch {
  source: string | null;
  evidence: string[];
}

/** Which quotes of each source were found so far: `found[source][quote]`. */
export type QuotesFound = boolean[][];

export function noQuotesFound(c: QuoteSet): QuotesFound {
  return c.sourceQuotes.map((s) => new Array<boolean>(s.quotes.length).fill(false));
}

/**
 * Looks for the quotes that start in `text[from, to)` (at a word start) and
 * notes them in `found`; reads on past `to` as far as the longest quote can
 * reach, so that going over a text in steps finds what one call finds.
 */
export function findQuotes(c: QuoteSet, text: string, found: QuotesFound, from = 0, to = text.length): void {
  const { byKey, starts, longest } = c.quotes;
  if (byKey.size === 0 || from >= to) return;
  // Whitespace runs collapse and invisible characters go: a quote may span more of the text than its length.
  const reach = Math.min(text.length, to + 4 * longest + 256);
  // One character before `from` tells whether the first position is a word start.
  const before = from > 0 ? 1 : 0;
  const norm = normalizeForQuotes(text.slice(from - before, reach));
  // Which quotes occur: at every word start, a bit-table check, then the prefix
  // lookup, then the whole quote (one pass, any number of quotes).
  const len = norm.length - QUOTE_KEY;
  for (let i = before; i <= len; i++) {
    if (i > 0) {
      const p = norm.charCodeAt(i - 1);
      const k = CL[p] === 0 ? classOf(p) : (CL[p] as number);
      if (k === 1) continue;
    }
    if (starts[start3(norm, i)] === 0) continue;
    const refs = byKey.get(norm.slice(i, i + QUOTE_KEY));
    if (!refs) continue;
    for (const r of refs) {
      const q = c.sourceQuotes[r.source]?.quotes[r.quote];
      if (q && norm.startsWith(q.normalized, i)) (found[r.source] as boolean[])[r.quote] = true;
    }
  }
}

/** The source whose quotes were found (see the rule above), from what `findQuotes` noted. */
export function decideSource(c: QuoteSet, found: QuotesFound): SourceMatch {
  let best: { id: string; found: string[]; share: number } | null = null;
  c.sourceQuotes.forEach((s, si) => {
    const n = s.quotes.length;
    if (n === 0) return;
    const hits = s.quotes.filter((_, qi) => (found[si] as boolean[])[qi]).map((q) => q.quote);
    if (hits.length < Math.max(2, Math.min(3, Math.ceil(n / 2)))) return;
    const share = hits.length / n;
    if (!best || hits.length > best.found.length || (hits.length === best.found.length && share > best.share)) {
      best = { id: s.id, found: hits, share };
    }
  });
  const winner = best as { id: string; found: string[] } | null;
  return winner ? { source: winner.id, evidence: winner.found } : { source: null, evidence: [] };
}

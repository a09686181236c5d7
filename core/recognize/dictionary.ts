/**
 * Compiles every phrase of a dataset (entity aliases, event triggers and
 * cues, aspect cues and value signals) into ONE token trie, so that a text is
 * matched in a single pass whatever the size of the dictionary. Pure module.
 *
 * Compact form (a dictionary of 1,000 stories holds ~500k phrases, and a
 * service worker keeps it): no object per node, edge or phrase. Nodes are
 * numbers (0 is the root); a node's edges are one range of parallel typed
 * arrays (hash of the next folded token, interned token, interned gap key,
 * child), sorted by hash and found by binary search; a node's payloads (the
 * phrases that end there) are a range of payload indices, and a payload is a
 * row of typed-array columns whose strings (ids, phrases, values, tails) are
 * indices into one interned string table. A `Payload` object is made only
 * for a hit (`payload(i)`, kept once made), and the concept patterns only
 * when a matcher first reads them (the merged dictionary of every story only
 * finds hits, and never does). `snapshot()` / `fromSnapshot` give the arrays
 * as a structured-cloneable value (for a stopped service worker to restore).
 *
 * Case rules (names are proper nouns), stored per payload as bit masks over
 * the phrase's tokens:
 * - alias tokens that start upper-case must meet a text token that starts
 *   upper-case (or is all caps): "Trump" never matches "trump" (card games);
 *   an alias token written lower-case ("von", "der") matches any case;
 * - alias tokens of 2–3 letters written in all caps ("US", "EU", "USA") must
 *   meet an all-caps text token, so English "us" / "Us" is not the USA;
 * - triggers, cues and signals are matched case-insensitively.
 *
 * Inflection (aliases only): the last token of an alias that starts
 * upper-case and is at least 3 characters long also matches with a German
 * ending -s, -es, -n, -en, -ns ("Putins", "Selenskyjs", "Trumps", "Russlands").
 * English possessives need nothing: the apostrophe separates tokens, so
 * "Trump's" / "Trump’s" / "Zelenskyys'" meet "Trump" + "s" or the -s rule.
 */
import { allPhrases, type Dataset, type Phrases } from '../dataset/schema';
import { hashFolded, isAllCaps, startsUpper, tokenizePhrase } from './fold';
import { parsePattern, type Pattern, type PatternRole } from './patterns';
import type { HitKind } from './types';

/** German inflection endings tried on an unknown capitalized token. */
export const ENDINGS = ['s', 'es', 'n', 'en', 'ns'] as const;

/** The stem left after stripping an ending must be at least this long. */
export const MIN_STEM = 3;

/** The kinds of payload, in the order the scanner selects them (a payload's `kind` column is the index). */
export const PAYLOAD_KINDS: readonly HitKind[] = ['alias', 'trigger', 'event-cue', 'aspect-cue', 'signal', 'topic'];
const ROLES: readonly PatternRole[] = ['cue', 'actor', 'other', 'block'];

export interface Payload {
  kind: HitKind;
  /** Entity, event or aspect id. */
  id: string;
  /** Signals: the value. */
  value?: string;
  ambiguous: boolean;
  /** The phrase as written in the dataset. */
  phrase: string;
  /** Bit i: token i must start upper-case. */
  upperMask: number;
  /** Bit i: token i must be all caps. */
  capsMask: number;
  /** Trailing periods of the phrase ("Washington, D.C."), included in the hit when the text has them. */
  tail: string;
  /**
   * Aspect cues and signals are concept patterns (see `patterns.ts`): the
   * pattern this phrase belongs to (index into `Dictionary.patterns`), which
   * of its parts it is, and its role.
   */
  pattern?: number;
  part?: number;
  role?: PatternRole;
}

/** The dictionary's arrays (what `Dictionary` holds). */
export interface DictionaryArrays {
  /** Interned strings (ids, phrases, values, tails, pattern sources); 0 is ''. */
  strings: string[];
  /** Folded tokens and gap keys, by index. */
  tokens: string[];
  gaps: string[];
  /** Node n's edges are `edgeStart[n]` … `edgeStart[n + 1] − 1`, sorted by `edgeHash`. Node 0 is the root. */
  edgeStart: Uint32Array;
  edgeHash: Uint32Array;
  edgeToken: Uint32Array;
  edgeGap: Uint32Array;
  edgeNode: Uint32Array;
  /** Node n's payloads are `payList[payStart[n]]` … `payList[payStart[n + 1] − 1]`. */
  payStart: Uint32Array;
  /** Inflected last tokens of node n (the root's: single-token aliases), as edges holding payloads. */
  inflStart: Uint32Array;
  inflHash: Uint32Array;
  inflToken: Uint32Array;
  inflGap: Uint32Array;
  /** Inflect edge k's payloads are `payList[inflPay[k]]` … `payList[inflPay[k + 1] − 1]`. */
  inflPay: Uint32Array;
  payList: Uint32Array;
  /** Payload columns. Strings are indices into `strings`; −1 for none. */
  payKind: Uint8Array;
  payAmbiguous: Uint8Array;
  payId: Uint32Array;
  payPhrase: Uint32Array;
  payValue: Int32Array;
  payTail: Uint32Array;
  payUpper: Int32Array;
  payCaps: Int32Array;
  payPattern: Int32Array;
  payPart: Uint16Array;
  payRole: Uint8Array;
  /** Pattern columns (see `Pattern`). */
  patSource: Uint32Array;
  patKind: Uint8Array;
  patId: Uint32Array;
  patRole: Uint8Array;
  patValue: Int32Array;
  patParts: Uint16Array;
  /**
   * Bit sets over the hashes of the root's edges and inflect edges: a token
   * whose bit is clear is certainly not a key, so the scanner stops there
   * (one array read).
   */
  firstBits: Uint32Array;
  inflectBits: Uint32Array;
  /** Bit index mask (size of the bit sets − 1). */
  bitMask: number;
  /** Distinct (phrase tokens, kind, id, value) entries. */
  size: number;
  aliasCount: number;
}

/**
 * The arrays as a structured-cloneable value (`snapshot()`, `fromSnapshot`):
 * each string table as one string (one string clones and stores far faster
 * than a million): the tokens and gaps split again on restore (the scanner
 * compares them), the rest sliced out only when a hit needs it.
 */
export type DictionarySnapshot = Omit<DictionaryArrays, 'strings' | 'tokens' | 'gaps'> & {
  /** The `strings` table concatenated; string i ends at `stringEnds[i]` (restored lazily, one per hit). */
  strings: string;
  stringEnds: Uint32Array;
  tokens: string;
  gaps: string;
};

/** Between the tokens or gaps of a table in a snapshot (none holds it: `snapshot()` checks). */
const SEPARATOR = '\u0000';

function joinTable(table: readonly string[]): string {
  for (const x of table) if (x.includes(SEPARATOR)) throw new Error('dictionary: a string holds U+0000');
  return table.join(SEPARATOR);
}

/** The compiled dictionary: the arrays, with payloads and patterns made on demand. */
export class Dictionary {
  /** The string table (empty when restored: see `str`). */
  private readonly strings: string[];
  /** A restored dictionary's string table, concatenated, with each string's end. */
  private readonly joined: { text: string; ends: Uint32Array } | null;
  readonly tokens: string[];
  readonly gaps: string[];
  readonly edgeStart: Uint32Array;
  readonly edgeHash: Uint32Array;
  readonly edgeToken: Uint32Array;
  readonly edgeGap: Uint32Array;
  readonly edgeNode: Uint32Array;
  readonly payStart: Uint32Array;
  readonly inflStart: Uint32Array;
  readonly inflHash: Uint32Array;
  readonly inflToken: Uint32Array;
  readonly inflGap: Uint32Array;
  readonly inflPay: Uint32Array;
  readonly payList: Uint32Array;
  readonly payKind: Uint8Array;
  readonly payAmbiguous: Uint8Array;
  readonly payId: Uint32Array;
  readonly payPhrase: Uint32Array;
  readonly payValue: Int32Array;
  readonly payTail: Uint32Array;
  readonly payUpper: Int32Array;
  readonly payCaps: Int32Array;
  readonly payPattern: Int32Array;
  readonly payPart: Uint16Array;
  readonly payRole: Uint8Array;
  readonly patSource: Uint32Array;
  readonly patKind: Uint8Array;
  readonly patId: Uint32Array;
  readonly patRole: Uint8Array;
  readonly patValue: Int32Array;
  readonly patParts: Uint16Array;
  readonly firstBits: Uint32Array;
  readonly inflectBits: Uint32Array;
  readonly bitMask: number;
  readonly size: number;
  readonly aliasCount: number;
  /** Whether any inflect edge starts at the root (single-token inflectable aliases). */
  readonly canInflect: boolean;
  private readonly made = new Map<number, Payload>();
  private madePatterns: Pattern[] | null = null;

  constructor(
    private readonly arrays: DictionaryArrays,
    joined: { text: string; ends: Uint32Array } | null = null,
  ) {
    const s = arrays;
    this.joined = joined;
    this.strings = s.strings;
    this.tokens = s.tokens;
    this.gaps = s.gaps;
    this.edgeStart = s.edgeStart;
    this.edgeHash = s.edgeHash;
    this.edgeToken = s.edgeToken;
    this.edgeGap = s.edgeGap;
    this.edgeNode = s.edgeNode;
    this.payStart = s.payStart;
    this.inflStart = s.inflStart;
    this.inflHash = s.inflHash;
    this.inflToken = s.inflToken;
    this.inflGap = s.inflGap;
    this.inflPay = s.inflPay;
    this.payList = s.payList;
    this.payKind = s.payKind;
    this.payAmbiguous = s.payAmbiguous;
    this.payId = s.payId;
    this.payPhrase = s.payPhrase;
    this.payValue = s.payValue;
    this.payTail = s.payTail;
    this.payUpper = s.payUpper;
    this.payCaps = s.payCaps;
    this.payPattern = s.payPattern;
    this.payPart = s.payPart;
    this.payRole = s.payRole;
    this.patSource = s.patSource;
    this.patKind = s.patKind;
    this.patId = s.patId;
    this.patRole = s.patRole;
    this.patValue = s.patValue;
    this.patParts = s.patParts;
    this.firstBits = s.firstBits;
    this.inflectBits = s.inflectBits;
    this.bitMask = s.bitMask;
    this.size = s.size;
    this.aliasCount = s.aliasCount;
    this.canInflect = (s.inflStart[1] as number) > (s.inflStart[0] as number);
  }

  /** The arrays, to store (structured clone) and restore with `fromSnapshot`. */
  snapshot(): DictionarySnapshot {
    const a = this.arrays;
    let strings = this.joined;
    if (!strings) {
      const ends = new Uint32Array(a.strings.length);
      let at = 0;
      a.strings.forEach((x, i) => (ends[i] = at += x.length));
      strings = { text: a.strings.join(''), ends };
    }
    return {
      ...a,
      strings: strings.text,
      stringEnds: strings.ends,
      tokens: joinTable(a.tokens),
      gaps: joinTable(a.gaps),
    };
  }

  /** String `i` of the table (ids, phrases, values, tails, pattern sources). */
  str(i: number): string {
    const j = this.joined;
    if (!j) return this.strings[i] as string;
    return j.text.slice(i === 0 ? 0 : (j.ends[i - 1] as number), j.ends[i] as number);
  }

  /** Payload `i` as an object (made once, on the first hit that needs it). */
  payload(i: number): Payload {
    let p = this.made.get(i);
    if (p) return p;
    const str = (i: number) => this.str(i);
    p = {
      kind: PAYLOAD_KINDS[this.payKind[i] as number] as HitKind,
      id: str(this.payId[i] as number),
      ambiguous: this.payAmbiguous[i] === 1,
      phrase: str(this.payPhrase[i] as number),
      upperMask: this.payUpper[i] as number,
      capsMask: this.payCaps[i] as number,
      tail: str(this.payTail[i] as number),
    };
    const value = this.payValue[i] as number;
    if (value >= 0) p.value = str(value);
    const pattern = this.payPattern[i] as number;
    if (pattern >= 0) {
      p.pattern = pattern;
      p.part = this.payPart[i] as number;
      p.role = ROLES[this.payRole[i] as number] as PatternRole;
    }
    this.made.set(i, p);
    return p;
  }

  /** Concept patterns of aspect cues, signals, actors and other actors, by index (made on first use). */
  get patterns(): Pattern[] {
    if (this.madePatterns) return this.madePatterns;
    const str = (i: number) => this.str(i);
    const out: Pattern[] = [];
    for (let i = 0; i < this.patParts.length; i++) {
      const pattern: Pattern = {
        index: i,
        source: str(this.patSource[i] as number),
        kind: PAYLOAD_KINDS[this.patKind[i] as number] as HitKind,
        id: str(this.patId[i] as number),
        role: ROLES[this.patRole[i] as number] as PatternRole,
        parts: this.patParts[i] as number,
      };
      const value = this.patValue[i] as number;
      if (value >= 0) pattern.value = str(value);
      out.push(pattern);
    }
    return (this.madePatterns = out);
  }

  /** Edge index of `node` with token hash `h` (the first of equal hashes), or −1. */
  edgeAt(node: number, h: number): number {
    return lowerBound(this.edgeHash, this.edgeStart[node] as number, this.edgeStart[node + 1] as number, h);
  }

  /** Inflect edge index of `node` with stem hash `h` (the first of equal hashes), or −1. */
  inflectAt(node: number, h: number): number {
    return lowerBound(this.inflHash, this.inflStart[node] as number, this.inflStart[node + 1] as number, h);
  }
}

/** The first index in [lo, hi) of the sorted `arr` whose value is `h`, or −1. */
function lowerBound(arr: Uint32Array, lo: number, hi: number, h: number): number {
  const end = hi;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] as number) < h) lo = mid + 1;
    else hi = mid;
  }
  return lo < end && arr[lo] === h ? lo : -1;
}

export function fromSnapshot(s: DictionarySnapshot): Dictionary {
  const { strings, stringEnds, ...arrays } = s;
  const table = (joined: string, empty: boolean) => (empty ? [] : joined.split(SEPARATOR));
  return new Dictionary(
    {
      ...arrays,
      strings: [],
      // An empty table joins to '', as does a table of one '' (a gap): only a table nothing points into is empty.
      tokens: table(s.tokens, s.edgeToken.length === 0),
      gaps: table(s.gaps, s.edgeGap.length === 0 && s.inflGap.length === 0),
    },
    { text: strings, ends: stringEnds },
  );
}

const MAX_TOKENS = 30;

interface AddOptions {
  value?: string;
  ambiguous?: boolean;
  pattern?: number;
  part?: number;
  role?: PatternRole;
}

function maskOf(raw: string[], test: (t: string) => boolean): number {
  let mask = 0;
  for (let i = 0; i < raw.length && i < MAX_TOKENS; i++) {
    if (test(raw[i] as string)) mask |= 1 << i;
  }
  return mask;
}

/** Interns strings: one index per distinct string. */
class Interner {
  readonly list: string[];
  private readonly index = new Map<string, number>();
  constructor(first?: string) {
    this.list = first === undefined ? [] : [first];
    if (first !== undefined) this.index.set(first, 0);
  }
  of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

/** Key of (node, token, gap) in the builder's edge maps (exact below 2^53: see the guards in `add`). */
const edgeKey = (node: number, token: number, gap: number) => node * 2 ** 32 + token * 2 ** 12 + gap;
const MAX_TOKEN_IDS = 2 ** 20;
const MAX_GAP_IDS = 2 ** 12;

/** Stable counting sort: the indices 0 … n−1 grouped by `group[i]` (< groups), with each group's start. */
function groupBy(group: readonly number[], groups: number): { order: Uint32Array; start: Uint32Array } {
  const start = new Uint32Array(groups + 1);
  for (const g of group) start[g + 1] = (start[g + 1] as number) + 1;
  for (let g = 0; g < groups; g++) start[g + 1] = (start[g + 1] as number) + (start[g] as number);
  const at = start.slice(0, groups);
  const order = new Uint32Array(group.length);
  for (let i = 0; i < group.length; i++) {
    const g = group[i] as number;
    order[at[g] as number] = i;
    at[g] = (at[g] as number) + 1;
  }
  return { order, start };
}

/** Edges grouped by parent node and sorted by hash within each node (for binary search). */
function edgeArrays(parent: readonly number[], hashOf: (i: number) => number, nodes: number) {
  const { order, start } = groupBy(parent, nodes);
  const hash = new Uint32Array(order.length);
  for (let n = 0; n < nodes; n++) {
    const lo = start[n] as number;
    const hi = start[n + 1] as number;
    if (hi - lo > 1) {
      const range = Array.from(order.subarray(lo, hi)).sort((a, b) => hashOf(a) - hashOf(b));
      order.set(range, lo);
    }
  }
  for (let k = 0; k < order.length; k++) hash[k] = hashOf(order[k] as number);
  return { order, start, hash };
}

export class DictionaryBuilder {
  private readonly strings = new Interner('');
  private readonly tokens = new Interner();
  private readonly tokenHash: number[] = [];
  private readonly gaps = new Interner();
  private readonly seen = new Set<string>();
  size = 0;
  aliasCount = 0;

  private nodes = 1;
  private readonly edges = new Map<number, number>();
  private readonly edgeParent: number[] = [];
  private readonly edgeToken: number[] = [];
  private readonly edgeGap: number[] = [];
  private readonly edgeNode: number[] = [];
  private readonly infl = new Map<number, number>();
  private readonly inflParent: number[] = [];
  private readonly inflToken: number[] = [];
  private readonly inflGap: number[] = [];
  /** (inflect edge, payload) pairs, in the order added. */
  private readonly inflOf: number[] = [];
  private readonly inflPayload: number[] = [];

  private readonly payNode: number[] = [];
  private readonly payKind: number[] = [];
  private readonly payAmbiguous: number[] = [];
  private readonly payId: number[] = [];
  private readonly payPhrase: number[] = [];
  private readonly payValue: number[] = [];
  private readonly payTail: number[] = [];
  private readonly payUpper: number[] = [];
  private readonly payCaps: number[] = [];
  private readonly payPattern: number[] = [];
  private readonly payPart: number[] = [];
  private readonly payRole: number[] = [];

  private readonly patSource: number[] = [];
  private readonly patKind: number[] = [];
  private readonly patId: number[] = [];
  private readonly patRole: number[] = [];
  private readonly patValue: number[] = [];
  private readonly patParts: number[] = [];

  /** Adds every alternative of every part of a concept pattern (see `patterns.ts`). */
  addPattern(source: string, kind: HitKind, id: string, role: PatternRole, value?: string): void {
    const parsed = parsePattern(source);
    if (!parsed) return;
    const index = this.patParts.length;
    this.patSource.push(this.strings.of(source));
    this.patKind.push(PAYLOAD_KINDS.indexOf(kind));
    this.patId.push(this.strings.of(id));
    this.patRole.push(ROLES.indexOf(role));
    this.patValue.push(value === undefined ? -1 : this.strings.of(value));
    this.patParts.push(parsed.parts.length);
    parsed.parts.forEach((alternatives, part) => {
      for (const alt of alternatives) {
        const opts: AddOptions = { pattern: index, part, role: parsed.block ? 'block' : role };
        if (value !== undefined) opts.value = value;
        this.add(alt, kind, id, opts);
      }
    });
  }

  private tokenId(token: string): number {
    const i = this.tokens.of(token);
    if (i === this.tokenHash.length) this.tokenHash.push(hashFolded(token));
    if (i >= MAX_TOKEN_IDS) throw new Error(`dictionary: more than ${MAX_TOKEN_IDS} distinct tokens`);
    return i;
  }

  private gapId(gap: string): number {
    const i = this.gaps.of(gap);
    if (i >= MAX_GAP_IDS) throw new Error(`dictionary: more than ${MAX_GAP_IDS} distinct gaps`);
    return i;
  }

  /** The child of `node` by (token, gap), made when missing. */
  private child(node: number, token: number, gap: number): number {
    const key = edgeKey(node, token, gap);
    let child = this.edges.get(key);
    if (child === undefined) {
      child = this.nodes++;
      this.edges.set(key, child);
      this.edgeParent.push(node);
      this.edgeToken.push(token);
      this.edgeGap.push(gap);
      this.edgeNode.push(child);
    }
    return child;
  }

  add(phrase: string, kind: HitKind, id: string, opts: AddOptions = {}): void {
    const tp = tokenizePhrase(phrase);
    if (!tp || tp.tokens.length > MAX_TOKENS) return;
    const { tokens, raw, gaps, tail } = tp;
    // Walk/create the path (the root's edges carry no gap). A phrase added before has its path already.
    let node = this.child(0, this.tokenId(tokens[0] as string), 0);
    let parent = 0;
    for (let i = 1; i < tokens.length; i++) {
      parent = node;
      node = this.child(node, this.tokenId(tokens[i] as string), this.gapId(gaps[i - 1] as string));
    }
    // One entry per (path: tokens and gaps, kind, id, value, pattern, part, role).
    const id_ = this.strings.of(id);
    const value = opts.value === undefined ? -1 : this.strings.of(opts.value);
    const dedupeKey = `${node},${kind},${id_},${value},${opts.pattern ?? ''},${opts.part ?? ''},${opts.role ?? ''}`;
    if (this.seen.has(dedupeKey)) return;
    this.seen.add(dedupeKey);
    this.size++;
    if (kind === 'alias') this.aliasCount++;

    const isName = kind === 'alias';
    const payload = this.payKind.length;
    this.payKind.push(PAYLOAD_KINDS.indexOf(kind));
    this.payId.push(id_);
    this.payAmbiguous.push(opts.ambiguous ? 1 : 0);
    this.payPhrase.push(this.strings.of(phrase));
    this.payUpper.push(isName ? maskOf(raw, startsUpper) : 0);
    this.payCaps.push(isName ? maskOf(raw, (t) => t.length >= 2 && t.length <= 3 && isAllCaps(t)) : 0);
    this.payTail.push(tail === '' ? 0 : this.strings.of(tail));
    this.payValue.push(value);
    this.payPattern.push(opts.pattern ?? -1);
    this.payPart.push(opts.pattern === undefined ? 0 : (opts.part ?? 0));
    this.payRole.push(opts.pattern === undefined ? 0 : ROLES.indexOf(opts.role ?? 'cue'));
    this.payNode.push(node);

    // Inflectable: aliases whose last token starts upper-case and is long enough.
    const last = tokens[tokens.length - 1] as string;
    const lastRaw = raw[raw.length - 1] as string;
    if (isName && last.length >= MIN_STEM && startsUpper(lastRaw)) {
      const token = this.tokenId(last);
      const gap = tokens.length === 1 ? 0 : this.gapId(gaps[gaps.length - 1] as string);
      const key = edgeKey(parent, token, gap);
      let k = this.infl.get(key);
      if (k === undefined) {
        k = this.inflParent.length;
        this.infl.set(key, k);
        this.inflParent.push(parent);
        this.inflToken.push(token);
        this.inflGap.push(gap);
      }
      this.inflOf.push(k);
      this.inflPayload.push(payload);
    }
  }

  addPhrases(phrases: Phrases, kind: HitKind, id: string, opts: { value?: string } = {}): void {
    for (const p of allPhrases(phrases)) this.add(p, kind, id, opts);
  }

  addPatterns(phrases: Phrases, kind: HitKind, id: string, role: PatternRole, value?: string): void {
    for (const p of allPhrases(phrases)) this.addPattern(p, kind, id, role, value);
  }

  build(): Dictionary {
    const nodes = this.nodes;
    const tokenHash = this.tokenHash;
    const edgeToken = this.edgeToken;
    const inflToken = this.inflToken;
    const edges = edgeArrays(this.edgeParent, (i) => tokenHash[edgeToken[i] as number] as number, nodes);
    const infl = edgeArrays(this.inflParent, (i) => tokenHash[inflToken[i] as number] as number, nodes);
    const pick = (order: Uint32Array, from: readonly number[]) => order.map((i) => from[i] as number);

    // Payload lists: every node's (in the order added), then every inflect edge's.
    const byNode = groupBy(this.payNode, nodes);
    const byInfl = groupBy(this.inflOf, this.inflParent.length);
    const base = byNode.order.length;
    const payList = new Uint32Array(base + byInfl.order.length);
    payList.set(byNode.order);
    for (let j = 0; j < byInfl.order.length; j++)
      payList[base + j] = this.inflPayload[byInfl.order[j] as number] as number;
    // Inflect edges were reordered (by parent, then hash): their payload ranges follow them.
    const inflPay = new Uint32Array(infl.order.length + 1);
    const inflPayList = new Uint32Array(byInfl.order.length);
    let at = 0;
    for (let k = 0; k < infl.order.length; k++) {
      const old = infl.order[k] as number;
      inflPay[k] = base + at;
      for (let j = byInfl.start[old] as number; j < (byInfl.start[old + 1] as number); j++)
        inflPayList[at++] = payList[base + j] as number;
    }
    inflPay[infl.order.length] = base + at;
    payList.set(inflPayList, base);

    // About 32 bits per key keeps false positives near 3 %; at least 2^12 bits.
    const rootKeys = (edges.start[1] as number) + (infl.start[1] as number);
    let bits = 1 << 12;
    while (bits < rootKeys * 32 && bits < 1 << 24) bits *= 2;
    const bitMask = bits - 1;
    const firstBits = new Uint32Array(bits >>> 5);
    const inflectBits = new Uint32Array(bits >>> 5);
    const set = (arr: Uint32Array, h: number) => {
      const b = h & bitMask;
      arr[b >>> 5] = (arr[b >>> 5] as number) | (1 << (b & 31));
    };
    for (let k = 0; k < (edges.start[1] as number); k++) set(firstBits, edges.hash[k] as number);
    for (let k = 0; k < (infl.start[1] as number); k++) set(inflectBits, infl.hash[k] as number);

    return new Dictionary({
      strings: this.strings.list,
      tokens: this.tokens.list,
      gaps: this.gaps.list,
      edgeStart: edges.start,
      edgeHash: edges.hash,
      edgeToken: pick(edges.order, this.edgeToken),
      edgeGap: pick(edges.order, this.edgeGap),
      edgeNode: pick(edges.order, this.edgeNode),
      payStart: byNode.start,
      inflStart: infl.start,
      inflHash: infl.hash,
      inflToken: pick(infl.order, this.inflToken),
      inflGap: pick(infl.order, this.inflGap),
      inflPay,
      payList,
      payKind: Uint8Array.from(this.payKind),
      payAmbiguous: Uint8Array.from(this.payAmbiguous),
      payId: Uint32Array.from(this.payId),
      payPhrase: Uint32Array.from(this.payPhrase),
      payValue: Int32Array.from(this.payValue),
      payTail: Uint32Array.from(this.payTail),
      payUpper: Int32Array.from(this.payUpper),
      payCaps: Int32Array.from(this.payCaps),
      payPattern: Int32Array.from(this.payPattern),
      payPart: Uint16Array.from(this.payPart),
      payRole: Uint8Array.from(this.payRole),
      patSource: Uint32Array.from(this.patSource),
      patKind: Uint8Array.from(this.patKind),
      patId: Uint32Array.from(this.patId),
      patRole: Uint8Array.from(this.patRole),
      patValue: Int32Array.from(this.patValue),
      patParts: Uint16Array.from(this.patParts),
      firstBits,
      inflectBits,
      bitMask,
      size: this.size,
      aliasCount: this.aliasCount,
    });
  }
}

/** All phrases of a dataset in one dictionary. */
export function compileDictionary(dataset: Dataset): Dictionary {
  const b = new DictionaryBuilder();
  for (const e of dataset.entities) {
    const ambiguous = new Set(e.ambiguous.map((a) => a.toLocaleLowerCase('de')));
    for (const alias of e.aliases) {
      b.add(alias, 'alias', e.id, { ambiguous: ambiguous.has(alias.toLocaleLowerCase('de')) });
    }
  }
  for (const ev of dataset.events) {
    b.addPatterns(ev.triggers, 'trigger', ev.id, 'cue');
    b.addPatterns(ev.cues, 'event-cue', ev.id, 'cue');
  }
  if (dataset.topic) b.addPhrases(dataset.topic, 'topic', 'topic');
  for (const a of dataset.aspects) {
    if (a.cues) b.addPatterns(a.cues, 'aspect-cue', a.id, 'cue');
    if (a.actors?.terms) b.addPatterns(a.actors.terms, 'aspect-cue', a.id, 'actor');
    if (a.others) b.addPatterns(a.others, 'aspect-cue', a.id, 'other');
    for (const val of a.values) {
      if (val.signals) b.addPatterns(val.signals, 'signal', a.id, 'cue', val.value);
    }
  }
  return b.build();
}

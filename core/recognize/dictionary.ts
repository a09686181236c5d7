/**
 * Compiles every phrase of a dataset (entity aliases, event triggers and
 * cues, aspect cues and value signals) into ONE token trie, so that a text is
 * matched in a single pass whatever the size of the dictionary. Pure module.
 *
 * The root is a hash map from the (32-bit hash of the) first folded token to
 * a node; each further edge is keyed by the hash of the next folded token and
 * holds the gap key it needs before that token. A node holds the payloads of
 * the phrases that end there.
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

/** An edge to the next token of a phrase: the gap before it and the folded token. */
export interface Edge {
  gap: string;
  token: string;
  node: TrieNode;
}

/** An inflectable last token (its stem) and the alias payloads that end with it. */
export interface InflectEdge {
  gap: string;
  token: string;
  payloads: Payload[];
}

/**
 * Trie node. Edges are keyed by the 32-bit hash of the next folded token
 * (`hashFolded`), so the scanner looks them up without building strings; the
 * token and gap are compared only when the hash is found.
 */
export interface TrieNode {
  next?: Map<number, Edge[]>;
  /** Payloads of phrases ending here. */
  payloads?: Payload[];
  /** Inflected last tokens: hash of the stem → edges (only inflectable aliases). */
  inflect?: Map<number, InflectEdge[]>;
}

export interface RootEntry {
  token: string;
  node: TrieNode;
}

export interface InflectRootEntry {
  token: string;
  payloads: Payload[];
}

export interface Dictionary {
  /** Hash of the first folded token → entries. */
  root: Map<number, RootEntry[]>;
  /** Hash of the stem of inflectable single-token aliases → entries. */
  inflectRoot: Map<number, InflectRootEntry[]>;
  /**
   * Bit sets over the hashes of `root` and `inflectRoot`: a token whose bit is
   * clear is certainly not a key, so the scanner stops there (one array read).
   */
  firstBits: Uint32Array;
  inflectBits: Uint32Array;
  /** Bit index mask (size of the bit sets − 1). */
  bitMask: number;
  /** Distinct (phrase tokens, kind, id, value) entries. */
  size: number;
  aliasCount: number;
  /** Concept patterns of aspect cues, signals, actors and other actors, by index. */
  patterns: Pattern[];
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

function listAt<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

export class DictionaryBuilder {
  readonly root = new Map<number, RootEntry[]>();
  readonly inflectRoot = new Map<number, InflectRootEntry[]>();
  private readonly seen = new Set<string>();
  size = 0;
  aliasCount = 0;

  readonly patterns: Pattern[] = [];

  /** Adds every alternative of every part of a concept pattern (see `patterns.ts`). */
  addPattern(source: string, kind: HitKind, id: string, role: PatternRole, value?: string): void {
    const parsed = parsePattern(source);
    if (!parsed) return;
    const index = this.patterns.length;
    const pattern: Pattern = { index, source, kind, id, role, parts: parsed.parts.length };
    if (value !== undefined) pattern.value = value;
    this.patterns.push(pattern);
    parsed.parts.forEach((alternatives, part) => {
      for (const alt of alternatives) {
        const opts: AddOptions = { pattern: index, part, role: parsed.block ? 'block' : role };
        if (value !== undefined) opts.value = value;
        this.add(alt, kind, id, opts);
      }
    });
  }

  add(phrase: string, kind: HitKind, id: string, opts: AddOptions = {}): void {
    const tp = tokenizePhrase(phrase);
    if (!tp || tp.tokens.length > MAX_TOKENS) return;
    const { tokens, raw, gaps, tail } = tp;
    const dedupeKey = [
      kind,
      id,
      opts.value ?? '',
      opts.pattern ?? '',
      opts.part ?? '',
      opts.role ?? '',
      tokens.join(' '),
      gaps.join('\u0001'),
    ].join('\u0002');
    if (this.seen.has(dedupeKey)) return;
    this.seen.add(dedupeKey);
    this.size++;
    if (kind === 'alias') this.aliasCount++;

    const isName = kind === 'alias';
    const payload: Payload = {
      kind,
      id,
      ambiguous: opts.ambiguous ?? false,
      phrase,
      upperMask: isName ? maskOf(raw, startsUpper) : 0,
      capsMask: isName ? maskOf(raw, (t) => t.length >= 2 && t.length <= 3 && isAllCaps(t)) : 0,
      tail,
    };
    if (opts.value !== undefined) payload.value = opts.value;
    if (opts.pattern !== undefined) {
      payload.pattern = opts.pattern;
      payload.part = opts.part ?? 0;
      payload.role = opts.role ?? 'cue';
    }

    // Walk/create the path.
    const first = tokens[0] as string;
    const rootList = listAt(this.root, hashFolded(first));
    let entry = rootList.find((e) => e.token === first);
    if (!entry) rootList.push((entry = { token: first, node: {} }));
    let node = entry.node;
    let parent: TrieNode | null = null;
    for (let i = 1; i < tokens.length; i++) {
      const token = tokens[i] as string;
      const gap = gaps[i - 1] as string;
      node.next ??= new Map();
      const list = listAt(node.next, hashFolded(token));
      let edge = list.find((e) => e.token === token && e.gap === gap);
      if (!edge) list.push((edge = { gap, token, node: {} }));
      parent = node;
      node = edge.node;
    }
    (node.payloads ??= []).push(payload);

    // Inflectable: aliases whose last token starts upper-case and is long enough.
    const last = tokens[tokens.length - 1] as string;
    const lastRaw = raw[raw.length - 1] as string;
    if (isName && last.length >= MIN_STEM && startsUpper(lastRaw)) {
      if (parent === null) {
        const list = listAt(this.inflectRoot, hashFolded(last));
        let e = list.find((x) => x.token === last);
        if (!e) list.push((e = { token: last, payloads: [] }));
        e.payloads.push(payload);
      } else {
        const gap = gaps[gaps.length - 1] as string;
        parent.inflect ??= new Map();
        const list = listAt(parent.inflect, hashFolded(last));
        let e = list.find((x) => x.token === last && x.gap === gap);
        if (!e) list.push((e = { gap, token: last, payloads: [] }));
        e.payloads.push(payload);
      }
    }
  }

  addPhrases(phrases: Phrases, kind: HitKind, id: string, opts: { value?: string } = {}): void {
    for (const p of allPhrases(phrases)) this.add(p, kind, id, opts);
  }

  addPatterns(phrases: Phrases, kind: HitKind, id: string, role: PatternRole, value?: string): void {
    for (const p of allPhrases(phrases)) this.addPattern(p, kind, id, role, value);
  }

  build(): Dictionary {
    // About 32 bits per key keeps false positives near 3 %; at least 2^12 bits.
    let bits = 1 << 12;
    while (bits < (this.root.size + this.inflectRoot.size) * 32 && bits < 1 << 24) bits *= 2;
    const bitMask = bits - 1;
    const firstBits = new Uint32Array(bits >>> 5);
    const inflectBits = new Uint32Array(bits >>> 5);
    const set = (arr: Uint32Array, h: number) => {
      const b = h & bitMask;
      arr[b >>> 5] = (arr[b >>> 5] as number) | (1 << (b & 31));
    };
    for (const h of this.root.keys()) set(firstBits, h);
    for (const h of this.inflectRoot.keys()) set(inflectBits, h);
    return {
      root: this.root,
      inflectRoot: this.inflectRoot,
      firstBits,
      inflectBits,
      bitMask,
      size: this.size,
      aliasCount: this.aliasCount,
      patterns: this.patterns,
    };
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

/**
 * Everything `compileMatcher` derives from a dataset once, so that a scan
 * only looks things up. Pure module.
 */
import { computeStandings } from '../dataset/conflicts';
import { allPhrases, type Aspect, type CrosscheckEvent, type Dataset, type Entity } from '../dataset/schema';
import { storySpan, type Span } from './dates';
import { compileDictionary, type Dictionary } from './dictionary';
import { normalizeForQuotes } from './fold';
import { buildQuoteIndex, type QuoteIndex, type SourceQuotes } from './source';

export interface DisputedAspect {
  aspect: Aspect;
  /** value → sources that report it. */
  sourcesByValue: Map<string, string[]>;
  /** All sources with a position, in dataset order. */
  allSources: string[];
  /** Entities whose names count as the aspect's actors (`aspect.actors.entities`). */
  actorEntities: Set<string>;
}

export interface Compiled {
  dataset: Dataset;
  dict: Dictionary;
  entities: Map<string, Entity>;
  events: Map<string, CrosscheckEvent>;
  /** Disputed aspects (≥ 2 positions) that have cues; only these yield claim matches. */
  disputed: Map<string, DisputedAspect>;
  sourceQuotes: SourceQuotes[];
  /** Index of the quotes by their start (see `source.ts`). */
  quotes: QuoteIndex;
  /** Dataset order of sources, for sorting. */
  sourceOrder: Map<string, number>;
  /** The story's first and last day (see `dates.ts`), or null. */
  span: Span | null;
  /** Entities that some disputed aspect names as an actor. */
  actorEntities: Set<string>;
}

/** Quotes shorter than this (normalized) are too generic to identify a report ("Gipfeltreffen in Alaska"). */
export const MIN_QUOTE_LENGTH = 30;

/** Strips the quotation marks and end punctuation a quote may carry around it. */
function quoteCore(normalized: string): string {
  return normalized.replace(/^["'\s]+/, '').replace(/["'\s.,;:!?]+$/, '');
}

export function compile(dataset: Dataset): Compiled {
  const sourceOrder = new Map(dataset.sources.map((s, i) => [s.id, i]));
  const disputed = new Map<string, DisputedAspect>();
  const aspects = new Map(dataset.aspects.map((a) => [a.id, a]));
  for (const st of computeStandings(dataset)) {
    const aspect = aspects.get(st.aspect);
    if (!st.disputed || !aspect?.cues || allPhrases(aspect.cues).length === 0) continue;
    const sourcesByValue = new Map(st.positions.map((p) => [p.value, p.sources]));
    const all = new Set(st.positions.flatMap((p) => p.sources));
    const allSources = [...all].sort((a, b) => (sourceOrder.get(a) ?? 0) - (sourceOrder.get(b) ?? 0));
    disputed.set(aspect.id, {
      aspect,
      sourcesByValue,
      allSources,
      actorEntities: new Set(aspect.actors?.entities ?? []),
    });
  }

  // Verbatim quotes per source: its claims first, then the evidence quotes it backs.
  const bySource = new Map<string, Map<string, string>>(dataset.sources.map((s) => [s.id, new Map()]));
  const addQuote = (source: string, quote: string) => {
    const normalized = quoteCore(normalizeForQuotes(quote));
    if (normalized.length < MIN_QUOTE_LENGTH) return;
    const map = bySource.get(source);
    if (map && !map.has(normalized)) map.set(normalized, quote);
  };
  for (const c of dataset.claims) addQuote(c.source, c.quote);
  for (const e of dataset.entities) for (const q of e.evidence) addQuote(q.source, q.quote);
  for (const e of dataset.events) for (const q of e.evidence) addQuote(q.source, q.quote);
  // A quote inside a longer quote of the same source is not separate evidence.
  const sourceQuotes: SourceQuotes[] = [...bySource].map(([id, map]) => {
    const all = [...map.keys()];
    return {
      id,
      quotes: [...map]
        .filter(([n]) => !all.some((other) => other !== n && other.includes(n)))
        .map(([normalized, quote]) => ({ quote, normalized })),
    };
  });

  return {
    dataset,
    quotes: buildQuoteIndex(sourceQuotes),
    dict: compileDictionary(dataset),
    entities: new Map(dataset.entities.map((e) => [e.id, e])),
    events: new Map(dataset.events.map((e) => [e.id, e])),
    disputed,
    sourceQuotes,
    sourceOrder,
    span: storySpan(dataset),
    actorEntities: new Set([...disputed.values()].flatMap((d) => [...d.actorEntities])),
  };
}

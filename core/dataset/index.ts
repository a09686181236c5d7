/**
 * The dataset's public API, and a typed index over a validated `Dataset` so
 * that UI code looks things up by id instead of scanning arrays. Pure module.
 */
import { computeStandings, type AspectStanding } from './conflicts';
import type { Aspect, Claim, CrosscheckEvent, Dataset, Entity, Source } from './schema';

export * from './schema';
export { validateDataset, parseDataset, DatasetValidationError } from './validate';
export type { DatasetError, ValidationResult } from './validate';
export { computeStandings, computeConflicts } from './conflicts';
export type { AspectStanding, Position } from './conflicts';
export { foldName } from './fold';

/** What a subject id names. */
export type Subject = { kind: 'entity'; entity: Entity } | { kind: 'event'; event: CrosscheckEvent };

export interface DatasetIndex {
  dataset: Dataset;
  sources: Map<string, Source>;
  entities: Map<string, Entity>;
  events: Map<string, CrosscheckEvent>;
  aspects: Map<string, Aspect>;
  claims: Map<string, Claim>;
  /** Subject (entity or event) id → its claims, in dataset order. */
  claimsBySubject: Map<string, Claim[]>;
  /** Aspect id → its claims, in dataset order. */
  claimsByAspect: Map<string, Claim[]>;
  /** Source id → its claims, in dataset order. */
  claimsBySource: Map<string, Claim[]>;
  /** Subject id → its aspects, in dataset order (also aspects without claims). */
  aspectsBySubject: Map<string, Aspect[]>;
  /** Every aspect that has claims, in dataset order (see `computeStandings`). */
  standings: AspectStanding[];
  /** Subject id → standings of its aspects, in dataset order. */
  standingsBySubject: Map<string, AspectStanding[]>;
  /** Aspect id → its standing (absent when the aspect has no claims). */
  standingByAspect: Map<string, AspectStanding>;
  /** The disputed standings only, in dataset order. */
  conflicts: AspectStanding[];
  /** Entity id → events that list it as a participant, in dataset order. */
  eventsByParticipant: Map<string, CrosscheckEvent[]>;
  /** Place entity id → events that take place there, in dataset order. */
  eventsByPlace: Map<string, CrosscheckEvent[]>;
  /** Entity or event named by `id`, or undefined. */
  subject(id: string): Subject | undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const cache = new WeakMap<Dataset, DatasetIndex>();

/**
 * Builds the index once per dataset object (memoized; the dataset must not be
 * mutated afterwards). Expects a dataset that passed `validateDataset`.
 */
export function indexDataset(d: Dataset): DatasetIndex {
  const cached = cache.get(d);
  if (cached) return cached;

  const sources = new Map(d.sources.map((s) => [s.id, s]));
  const entities = new Map(d.entities.map((e) => [e.id, e]));
  const events = new Map(d.events.map((e) => [e.id, e]));
  const aspects = new Map(d.aspects.map((a) => [a.id, a]));
  const claims = new Map(d.claims.map((c) => [c.id, c]));

  const claimsBySubject = new Map<string, Claim[]>();
  const claimsByAspect = new Map<string, Claim[]>();
  const claimsBySource = new Map<string, Claim[]>();
  for (const c of d.claims) {
    push(claimsBySubject, c.subject, c);
    push(claimsByAspect, c.aspect, c);
    push(claimsBySource, c.source, c);
  }

  const aspectsBySubject = new Map<string, Aspect[]>();
  for (const a of d.aspects) push(aspectsBySubject, a.subject, a);

  const standings = computeStandings(d);
  const standingsBySubject = new Map<string, AspectStanding[]>();
  const standingByAspect = new Map<string, AspectStanding>();
  for (const s of standings) {
    push(standingsBySubject, s.subject, s);
    standingByAspect.set(s.aspect, s);
  }

  const eventsByParticipant = new Map<string, CrosscheckEvent[]>();
  const eventsByPlace = new Map<string, CrosscheckEvent[]>();
  for (const e of d.events) {
    for (const p of new Set(e.participants)) push(eventsByParticipant, p, e);
    if (e.place !== null) push(eventsByPlace, e.place, e);
  }

  const index: DatasetIndex = {
    dataset: d,
    sources,
    entities,
    events,
    aspects,
    claims,
    claimsBySubject,
    claimsByAspect,
    claimsBySource,
    aspectsBySubject,
    standings,
    standingsBySubject,
    standingByAspect,
    conflicts: standings.filter((s) => s.disputed),
    eventsByParticipant,
    eventsByPlace,
    subject(id) {
      const entity = entities.get(id);
      if (entity) return { kind: 'entity', entity };
      const event = events.get(id);
      return event ? { kind: 'event', event } : undefined;
    },
  };
  cache.set(d, index);
  return index;
}

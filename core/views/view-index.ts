/**
 * Lookups the view builders need, built once per dataset (memoized on the
 * dataset object) so that no render scans the dataset's arrays.
 */
import { computeStandings, type AspectStanding } from '../dataset/conflicts';
import type { Aspect, Claim, CrosscheckEvent, Dataset, Entity, Quote, Source } from '../dataset/schema';

export interface SourceName {
  /** 1-based position in the dataset, shown on source chips. */
  number: number;
  /** The dataset's short name, else the publisher or the title shortened; distinct across sources. */
  short: string;
  /** The short name is the dataset's own, not the publisher's name. */
  shortSupplied: boolean;
}

export interface ViewIndex {
  sources: Map<string, Source>;
  sourceNames: Map<string, SourceName>;
  entities: Map<string, Entity>;
  events: Map<string, CrosscheckEvent>;
  aspects: Map<string, Aspect>;
  /** Standings in the dataset's aspect order. */
  standingsBySubject: Map<string, AspectStanding[]>;
  standingByAspect: Map<string, AspectStanding>;
  claimsBySubject: Map<string, Claim[]>;
  /** Entity or event id → its evidence quotes. */
  evidence: Map<string, Quote[]>;
  /** Entity id → events it takes part in or that take place there, most prominent first. */
  eventsByEntity: Map<string, CrosscheckEvent[]>;
  /** Events that list this one in `before`/`after`, or that this one lists. */
  relatedEvents: Map<string, { before: Set<string>; after: Set<string> }>;
  /** The most prominent event of the dataset, or null when it has none. */
  mainEvent: string | null;
  /** Events, places and participants of the main event's story (its timeline). */
  mainStory: Set<string>;
}

const SHORT_MAX = 32;

function shorten(text: string): string {
  if (text.length <= SHORT_MAX) return text;
  const cut = text.slice(0, SHORT_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > SHORT_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, '')}…`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const cache = new WeakMap<Dataset, ViewIndex>();

export function viewIndex(d: Dataset): ViewIndex {
  const cached = cache.get(d);
  if (cached) return cached;

  const sourceNames = new Map<string, SourceName>();
  const taken = new Set<string>();
  d.sources.forEach((s, i) => {
    let short = s.shortName ?? shorten(s.publisher ?? s.title);
    // Two reports of one publisher without a short name of their own: tell them apart by number.
    if (taken.has(short)) short = `${short} (${i + 1})`;
    taken.add(short);
    const shortSupplied = s.shortName !== undefined ? (s.shortNameSupplied ?? false) : !s.publisher;
    sourceNames.set(s.id, { number: i + 1, short, shortSupplied });
  });

  // computeStandings keeps the aspect order and skips aspects without claims.
  const standingByAspect = new Map<string, AspectStanding>();
  const standingsBySubject = new Map<string, AspectStanding[]>();
  for (const standing of computeStandings(d)) {
    standingByAspect.set(standing.aspect, standing);
    push(standingsBySubject, standing.subject, standing);
  }

  const events = new Map(d.events.map((e) => [e.id, e]));
  const claimsBySubject = new Map<string, Claim[]>();
  for (const c of d.claims) push(claimsBySubject, c.subject, c);

  const evidence = new Map<string, Quote[]>();
  for (const x of [...d.entities, ...d.events]) evidence.set(x.id, x.evidence);

  // Prominence: how much the reports say about the event (claims and quotes), then how many of them do.
  const prominence = new Map<string, [number, number]>();
  for (const e of d.events) {
    const claims = claimsBySubject.get(e.id) ?? [];
    const sources = new Set([...claims.map((c) => c.source), ...e.evidence.map((q) => q.source)]);
    prominence.set(e.id, [claims.length + e.evidence.length, sources.size]);
  }
  const byProminence = [...d.events].sort((a, b) => {
    const [na = 0, sa = 0] = prominence.get(a.id) ?? [];
    const [nb = 0, sb = 0] = prominence.get(b.id) ?? [];
    return nb - na || sb - sa;
  });

  const eventsByEntity = new Map<string, CrosscheckEvent[]>();
  for (const e of byProminence) {
    for (const id of new Set([...e.participants, ...(e.place ? [e.place] : [])])) push(eventsByEntity, id, e);
  }

  const relatedEvents = new Map(d.events.map((e) => [e.id, { before: new Set<string>(), after: new Set<string>() }]));
  for (const e of d.events) {
    for (const b of e.before) {
      relatedEvents.get(e.id)?.before.add(b);
      relatedEvents.get(b)?.after.add(e.id);
    }
    for (const a of e.after) {
      relatedEvents.get(e.id)?.after.add(a);
      relatedEvents.get(a)?.before.add(e.id);
    }
  }

  const mainEvent = byProminence[0]?.id ?? null;
  const mainStory = new Set(mainEvent ? storySubjects(events, storyEvents(relatedEvents, mainEvent).keys()) : []);

  const index: ViewIndex = {
    sources: new Map(d.sources.map((s) => [s.id, s])),
    sourceNames,
    entities: new Map(d.entities.map((e) => [e.id, e])),
    events,
    aspects: new Map(d.aspects.map((a) => [a.id, a])),
    standingsBySubject,
    standingByAspect,
    claimsBySubject,
    evidence,
    eventsByEntity,
    relatedEvents,
    mainEvent,
    mainStory,
  };
  cache.set(d, index);
  return index;
}

/**
 * The events linked to `eventId` through before/after, transitively, each with
 * its signed distance in steps (before < 0 < after); the event itself is 0.
 */
export function storyEvents(relatedEvents: ViewIndex['relatedEvents'], eventId: string): Map<string, number> {
  const step = new Map<string, number>([[eventId, 0]]);
  const queue = [eventId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const here = step.get(id) ?? 0;
    const related = relatedEvents.get(id);
    for (const [ids, delta] of [
      [related?.before, -1],
      [related?.after, 1],
    ] as const) {
      for (const other of ids ?? []) {
        if (step.has(other)) continue;
        step.set(other, here + delta);
        queue.push(other);
      }
    }
  }
  return step;
}

/** The given events, each followed by its place and participants, without repeats. */
export function storySubjects(events: Map<string, CrosscheckEvent>, eventIds: Iterable<string>): string[] {
  const subjects = new Set<string>();
  for (const id of eventIds) {
    const e = events.get(id);
    if (!e) continue;
    subjects.add(id);
    if (e.place) subjects.add(e.place);
    for (const p of e.participants) subjects.add(p);
  }
  return [...subjects];
}

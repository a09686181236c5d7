/**
 * N enabled packs → ONE dictionary input for one compiled matcher, plus what
 * the background needs to judge and show each story apart. Pure module.
 *
 * - The first pack (the bundled one, while it is on) keeps its ids, so that
 *   with one pack the ids are the dataset's own (marks, popup links, tests).
 *   Every other pack's ids are namespaced: `<pack id>--<id>` (a pack's own id
 *   never holds a double hyphen, so no two packs' ids can meet), in every
 *   collection and every reference (quotes, places, participants,
 *   before/after, subjects, claims).
 * - Entities that carry the same `key` become ONE entity, under the merged id
 *   of its first occurrence (e.g. `donald-trump` of the bundled pack for
 *   `Q22686`): its aliases are the union of every pack's aliases (an alias
 *   ambiguous in one pack is ambiguous in the union), its evidence is every
 *   pack's evidence, its names and descriptions are the first pack's. Claims
 *   and aspects stay the pack's own (a claim's subject points at the shared
 *   entity), so a popover can group what each story's sources reported,
 *   story by story (`storiesOf` in stories.ts).
 * - `membership` tells, for every merged id, the packs it belongs to; `parts`
 *   is each pack's own dataset in merged ids, for judging relevance per story.
 *
 * The combined dataset is NOT a valid dataset in the sense of
 * `validateDataset` (two packs may both name an unkeyed "Paris"): it is the
 * matcher's input, which resolves one alias naming several entities by
 * ambiguity, then order (core/recognize/matcher.ts).
 */
import type { Claim, CrosscheckEvent, Dataset, Entity, Quote, Source, Aspect } from '../dataset/schema';
import { storiesIn } from '../dataset/conflicts';
import { foldName } from '../dataset/fold';
import type { PackManifest } from './manifest';
import type { Pack } from './schema';

export const NS = '--';
export const nsId = (packId: string, id: string): string => `${packId}${NS}${id}`;

export interface PackPart {
  manifest: PackManifest;
  /** The pack's own data, in merged ids (keyed entities under their shared id, with this pack's aliases). */
  dataset: Dataset;
}

export interface MergedPacks {
  /** The one dictionary input for `compileMatcher`. */
  dataset: Dataset;
  /** One per pack, in the order given. */
  parts: PackPart[];
  /** Merged id → ids of the packs it belongs to, in pack order. */
  membership: Map<string, string[]>;
  /** Merged id → where it comes from: the pack and the pack's own id (made on first use). */
  readonly origins: Map<string, { pack: string; id: string }[]>;
  /** A topic phrase (as written) → the packs whose `topic` holds it (topic hits carry no pack id). */
  topicPacks: Map<string, string[]>;
  /** Entity key (upper-case) → the merged id of its entity. */
  keyed: Map<string, string>;
}

/**
 * One pack's part (`PackPart.dataset`) made alone: `first` when it is the
 * first pack of the merge (its ids kept), `keyed` the merge's keys. The same
 * data as the merge's part: a pack's keys are all in `keyed` by the time it
 * is merged, under their first pack's entity.
 */
export function partOf(pack: Pack, first: boolean, keyed: Map<string, string>): Dataset {
  return namespacePack(pack, ownIds(pack.pack.id, first), keyed);
}

function mapQuotes(own: (id: string) => string, quotes: Quote[]): Quote[] {
  return quotes.map((q) => ({ ...q, source: own(q.source) }));
}

/** One pack in merged ids: `own` maps an id of the pack, `keyed` a key to its merged entity id. */
function namespacePack(p: Pack, own: (id: string) => string, keyed: Map<string, string>): Dataset {
  const entityIds = new Map(p.entities.map((e) => [e.id, (e.key && keyed.get(e.key.toUpperCase())) ?? own(e.id)]));
  const subject = (id: string): string => entityIds.get(id) ?? own(id);
  const sources: Source[] = p.sources.map((s) => ({ ...s, id: own(s.id) }));
  const entities: Entity[] = p.entities.map((e) => ({
    ...e,
    id: subject(e.id),
    evidence: mapQuotes(own, e.evidence),
  }));
  const events: CrosscheckEvent[] = p.events.map((e) => ({
    ...e,
    id: own(e.id),
    place: e.place === null ? null : subject(e.place),
    participants: e.participants.map(subject),
    before: e.before.map(own),
    after: e.after.map(own),
    evidence: mapQuotes(own, e.evidence),
  }));
  const aspects: Aspect[] = p.aspects.map((a) => ({ ...a, id: own(a.id), subject: subject(a.subject) }));
  const claims: Claim[] = p.claims.map((c) => ({
    ...c,
    id: own(c.id),
    source: own(c.source),
    subject: subject(c.subject),
    aspect: own(c.aspect),
  }));
  return {
    version: p.version,
    name: p.name,
    ...(p.topic ? { topic: p.topic } : {}),
    sources,
    entities,
    events,
    aspects,
    claims,
  };
}

function unionEntity(into: Entity, add: Entity): Entity {
  const aliases = [...into.aliases];
  const folded = new Set(aliases.map(foldName));
  for (const a of add.aliases) {
    if (folded.has(foldName(a))) continue;
    aliases.push(a);
    folded.add(foldName(a));
  }
  const ambiguousFolded = new Set([...into.ambiguous, ...add.ambiguous].map(foldName));
  const ambiguous = aliases.filter((a) => ambiguousFolded.has(foldName(a)));
  return { ...into, aliases, ambiguous, evidence: [...into.evidence, ...add.evidence] };
}

/** `origins` of `mergePacks`: every pack's ids beside their merged ids (the parts keep each collection's order). */
function originsOf(packs: readonly Pack[], parts: readonly PackPart[]): Map<string, { pack: string; id: string }[]> {
  const origins = new Map<string, { pack: string; id: string }[]>();
  packs.forEach((p, i) => {
    const pid = p.pack.id;
    const own = parts[i]!.dataset;
    const note = (merged: string, id: string) => {
      const o = origins.get(merged);
      if (o) o.push({ pack: pid, id });
      else origins.set(merged, [{ pack: pid, id }]);
    };
    p.sources.forEach((s, i) => note(own.sources[i]!.id, s.id));
    p.events.forEach((e, i) => note(own.events[i]!.id, e.id));
    p.aspects.forEach((a, i) => note(own.aspects[i]!.id, a.id));
    p.claims.forEach((c, i) => note(own.claims[i]!.id, c.id));
    p.entities.forEach((e, i) => note(own.entities[i]!.id, e.id));
  });
  return origins;
}

/**
 * A pack's ids in merged ids, each made once (a claim's source, subject and
 * aspect are the same strings as the source's, entity's and aspect's ids:
 * at 1,000 stories that is ~500k strings fewer).
 */
function ownIds(pid: string, first: boolean): (id: string) => string {
  if (first) return (id) => id;
  const made = new Map<string, string>();
  return (id) => {
    let m = made.get(id);
    if (m === undefined) made.set(id, (m = nsId(pid, id)));
    return m;
  };
}

/** For a merge of some of the enabled packs that must give their items the whole merge's ids and names. */
export interface MergeOptions {
  /** The pack that keeps its own ids (default: the first given): the whole merge's first pack. */
  first?: string;
  /** The whole merge's `keyed` (a key's merged id is that of its first pack, which may not be given). */
  keyed?: ReadonlyMap<string, string>;
  /**
   * Entities of several packs as the whole merge shows them (its first pack's names and description): a
   * merge of some of the packs starts each from this, with the given packs' aliases and evidence.
   */
  heads?: ReadonlyMap<string, Entity>;
}

export function mergePacks(packs: readonly Pack[], options: MergeOptions = {}): MergedPacks {
  const first = options.first ?? packs[0]?.pack.id;
  const parts: PackPart[] = [];
  const membership = new Map<string, string[]>();
  const combined: Dataset = {
    version: 1,
    name: packs.map((p) => p.pack.title.en).join(' + '),
    sources: [],
    entities: [],
    events: [],
    aspects: [],
    claims: [],
  };
  const entityAt = new Map<string, number>();
  const keyed = new Map<string, string>(options.keyed);
  const topics: Record<string, string[]> = {};
  const topicPacks = new Map<string, string[]>();
  for (const p of packs) {
    const pid = p.pack.id;
    const ownId = ownIds(pid, pid === first);
    /** The ids of this pack alone share one list (a second pack's id gets a list of its own). */
    const only = [pid];
    for (const e of p.entities)
      if (e.key && !keyed.has(e.key.toUpperCase())) keyed.set(e.key.toUpperCase(), ownId(e.id));
    const own = namespacePack(p, ownId, keyed);
    for (const [lang, list] of Object.entries(p.topic ?? {})) {
      for (const phrase of list ?? []) {
        const at = topicPacks.get(phrase);
        if (!at) {
          topicPacks.set(phrase, [pid]);
          (topics[lang] ??= []).push(phrase);
        } else if (!at.includes(pid)) at.push(pid);
      }
    }
    parts.push({ manifest: p.pack, dataset: own });
    const note = (merged: string) => {
      const m = membership.get(merged);
      if (!m) membership.set(merged, only);
      else if (!m.includes(pid)) membership.set(merged, [...m, pid]);
    };
    for (const list of [own.sources, own.events, own.aspects, own.claims, own.entities])
      for (const x of list) note(x.id);
    combined.sources.push(...own.sources);
    combined.events.push(...own.events);
    combined.aspects.push(...own.aspects);
    combined.claims.push(...own.claims);
    for (const e of own.entities) {
      const at = entityAt.get(e.id);
      if (at === undefined) {
        entityAt.set(e.id, combined.entities.length);
        const head = options.heads?.get(e.id);
        combined.entities.push(
          head ? { ...head, aliases: e.aliases, ambiguous: e.ambiguous, evidence: e.evidence } : e,
        );
      } else combined.entities[at] = unionEntity(combined.entities[at]!, e);
    }
  }
  // A report of one story is not silent on another story's questions.
  storiesIn(combined, (id) => membership.get(id)?.[0]);
  if (topicPacks.size > 0) combined.topic = { de: topics.de ?? [], en: topics.en ?? [], ...topics };
  let origins: Map<string, { pack: string; id: string }[]> | null = null;
  return {
    dataset: combined,
    parts,
    membership,
    get origins() {
      return (origins ??= originsOf(packs, parts));
    },
    topicPacks,
    keyed,
  };
}

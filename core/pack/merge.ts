/**
 * N enabled packs → ONE dictionary input for one compiled matcher, plus what
 * the background needs to judge and show each story apart. Pure module.
 *
 * - Ids are namespaced per pack: `<pack id>--<id>` (an id never holds a double
 *   hyphen, so the split is unambiguous), in every collection and every
 *   reference (quotes, places, participants, before/after, subjects, claims).
 * - Entities that carry the same `key` become ONE entity `key--<key>` (e.g.
 *   `key--q22686`): its aliases are the union of every pack's aliases (an alias
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
import { foldName } from '../dataset/fold';
import type { PackManifest } from './manifest';
import type { Pack } from './schema';

export const NS = '--';
export const nsId = (packId: string, id: string): string => `${packId}${NS}${id}`;
export const keyId = (key: string): string => `key${NS}${key.toLowerCase()}`;

/** The pack id and the pack's own id of a namespaced id (`null` for a shared keyed entity). */
export function splitId(merged: string): { pack: string; id: string } | null {
  const at = merged.indexOf(NS);
  if (at < 0 || merged.startsWith(`key${NS}`)) return null;
  return { pack: merged.slice(0, at), id: merged.slice(at + NS.length) };
}

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
  /** Merged id → where it comes from: the pack and the pack's own id. */
  origins: Map<string, { pack: string; id: string }[]>;
}

function mapQuotes(packId: string, quotes: Quote[]): Quote[] {
  return quotes.map((q) => ({ ...q, source: nsId(packId, q.source) }));
}

/** One pack in merged ids: `entityId` maps a pack's entity id to its merged id. */
function namespacePack(p: Pack): Dataset {
  const pid = p.pack.id;
  const entityIds = new Map(p.entities.map((e) => [e.id, e.key ? keyId(e.key) : nsId(pid, e.id)]));
  const subject = (id: string): string => entityIds.get(id) ?? nsId(pid, id);
  const sources: Source[] = p.sources.map((s) => ({ ...s, id: nsId(pid, s.id) }));
  const entities: Entity[] = p.entities.map((e) => ({
    ...e,
    id: subject(e.id),
    evidence: mapQuotes(pid, e.evidence),
  }));
  const events: CrosscheckEvent[] = p.events.map((e) => ({
    ...e,
    id: nsId(pid, e.id),
    place: e.place === null ? null : subject(e.place),
    participants: e.participants.map(subject),
    before: e.before.map((b) => nsId(pid, b)),
    after: e.after.map((a) => nsId(pid, a)),
    evidence: mapQuotes(pid, e.evidence),
  }));
  const aspects: Aspect[] = p.aspects.map((a) => ({ ...a, id: nsId(pid, a.id), subject: subject(a.subject) }));
  const claims: Claim[] = p.claims.map((c) => ({
    ...c,
    id: nsId(pid, c.id),
    source: nsId(pid, c.source),
    subject: subject(c.subject),
    aspect: nsId(pid, c.aspect),
  }));
  return { version: p.version, name: p.name, sources, entities, events, aspects, claims };
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

export function mergePacks(packs: readonly Pack[]): MergedPacks {
  const parts: PackPart[] = [];
  const membership = new Map<string, string[]>();
  const origins = new Map<string, { pack: string; id: string }[]>();
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
  for (const p of packs) {
    const own = namespacePack(p);
    parts.push({ manifest: p.pack, dataset: own });
    const note = (merged: string, id: string) => {
      const m = membership.get(merged);
      if (!m) membership.set(merged, [p.pack.id]);
      else if (!m.includes(p.pack.id)) m.push(p.pack.id);
      const o = origins.get(merged);
      if (o) o.push({ pack: p.pack.id, id });
      else origins.set(merged, [{ pack: p.pack.id, id }]);
    };
    p.sources.forEach((s, i) => note(own.sources[i]!.id, s.id));
    p.events.forEach((e, i) => note(own.events[i]!.id, e.id));
    p.aspects.forEach((a, i) => note(own.aspects[i]!.id, a.id));
    p.claims.forEach((c, i) => note(own.claims[i]!.id, c.id));
    p.entities.forEach((e, i) => note(own.entities[i]!.id, e.id));
    combined.sources.push(...own.sources);
    combined.events.push(...own.events);
    combined.aspects.push(...own.aspects);
    combined.claims.push(...own.claims);
    for (const e of own.entities) {
      const at = entityAt.get(e.id);
      if (at === undefined) {
        entityAt.set(e.id, combined.entities.length);
        combined.entities.push(e);
      } else combined.entities[at] = unionEntity(combined.entities[at]!, e);
    }
  }
  return { dataset: combined, parts, membership, origins };
}

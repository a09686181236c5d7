/**
 * Popovers from some of the enabled packs: what a restored background (see
 * recognizer.ts `restorePacks`) needs to show the popover of an item without
 * the full compile, which at 1,000 stories reads every pack and merges them
 * (~20 s). Pure module.
 *
 * A popover is about one item (an entity, an event, or a sentence's question
 * and subject), and everything it shows comes from the packs that hold that
 * item (`packsForTarget`): its sources, claims and evidence, the events it
 * takes part in, each story's reports. Merged alone, in the whole merge's ids
 * (`mergePacks` with its first pack, keys and shared entities' names), those
 * packs give the same popover as the whole merge, but for what the whole
 * merge numbers and picks across every pack — the sources' numbers and short
 * names, the main event and its story (view-index.ts) — which the snapshot
 * carries (`ViewsSnapshot`).
 */
import type { Entity } from '../dataset/schema';
import type { PopoverTarget } from '../views/popover-view';
import { viewIndex, type SourceName } from '../views/view-index';
import { mergePacks, NS, nsId, type MergedPacks } from './merge';
import type { Pack } from './schema';

/** What the whole merge decides for the popovers across every pack. */
export interface ViewsSnapshot {
  /** Every source's number and short name in the whole merge. */
  sourceNames: Map<string, SourceName>;
  /** The whole merge's main event, and the events, places and participants of its story. */
  mainEvent: string | null;
  mainStory: string[];
  /** Merged ids that more than one pack holds (keyed entities) → those packs, in pack order. */
  shared: Map<string, string[]>;
  /** Those entities as the whole merge shows them (their first pack's fields; no aliases, no evidence). */
  heads: Map<string, Entity>;
}

export function viewsSnapshot(merged: MergedPacks): ViewsSnapshot {
  const index = viewIndex(merged.dataset);
  const shared = new Map<string, string[]>();
  for (const [id, packs] of merged.membership) if (packs.length > 1) shared.set(id, packs);
  const heads = new Map<string, Entity>();
  for (const e of merged.dataset.entities)
    if (shared.has(e.id)) heads.set(e.id, { ...e, aliases: [], ambiguous: [], evidence: [] });
  return {
    sourceNames: index.sourceNames,
    mainEvent: index.mainEvent,
    mainStory: [...index.mainStory],
    shared,
    heads,
  };
}

/**
 * The packs that hold any of these merged ids, in pack order. An id of one
 * pack tells its pack (`<pack>--<id>`; the first pack's ids are its own).
 */
export function packsHolding(ids: readonly string[], order: readonly string[], views: ViewsSnapshot): string[] {
  const wanted = new Set<string>();
  for (const id of ids) {
    const packs = views.shared.get(id);
    if (packs) packs.forEach((p) => wanted.add(p));
    else if (id.includes(NS)) wanted.add(id.slice(0, id.indexOf(NS)));
    else if (order[0] !== undefined) wanted.add(order[0]);
  }
  return order.filter((p) => wanted.has(p));
}

/** The merged id of the subject of a question (`aspect`, a merged id) of `pack`; null when it has no such question. */
export function aspectSubject(
  pack: Pack,
  aspect: string,
  whole: { order: readonly string[]; keyed: ReadonlyMap<string, string> },
): string | null {
  const pid = pack.pack.id;
  const first = pid === whole.order[0];
  const own = first ? aspect : aspect.startsWith(`${pid}${NS}`) ? aspect.slice(pid.length + NS.length) : null;
  const a = own === null ? undefined : pack.aspects.find((x) => x.id === own);
  if (!a) return null;
  const key = pack.entities.find((e) => e.id === a.subject)?.key;
  const keyed = key ? whole.keyed.get(key.toUpperCase()) : undefined;
  return keyed ?? (first ? a.subject : nsId(pid, a.subject));
}

/**
 * The ids of the packs a popover on `target` reads, in pack order: those that
 * hold its item; for a sentence, those that hold its question and the
 * question's subject (read from the question's pack: `loadPack`). Null when
 * that pack cannot be loaded.
 */
export async function packsForTarget(
  target: PopoverTarget,
  whole: { order: readonly string[]; keyed: ReadonlyMap<string, string>; views: ViewsSnapshot },
  loadPack: (id: string) => Promise<Pack | null>,
): Promise<string[] | null> {
  if (target.type !== 'claim') return packsHolding([target.id], whole.order, whole.views);
  const [home] = packsHolding([target.aspect], whole.order, whole.views);
  if (home === undefined) return [];
  const pack = await loadPack(home);
  if (!pack) return null;
  const subject = aspectSubject(pack, target.aspect, whole);
  return packsHolding(subject ? [target.aspect, subject] : [target.aspect], whole.order, whole.views);
}

/**
 * Some of the packs (in pack order) merged for their popovers as the whole
 * merge would show them: its ids, its shared entities' names, its source
 * numbers and main story.
 */
export function mergeForViews(
  packs: readonly Pack[],
  whole: { order: readonly string[]; keyed: ReadonlyMap<string, string>; views: ViewsSnapshot },
): MergedPacks {
  const merged = mergePacks(packs, { first: whole.order[0], keyed: whole.keyed, heads: whole.views.heads });
  // The index is this dataset's own (memoized on it): what the whole merge decides across packs replaces
  // what these packs alone would give.
  const index = viewIndex(merged.dataset);
  index.sourceNames = whole.views.sourceNames;
  index.mainEvent = whole.views.mainEvent;
  index.mainStory = new Set(whole.views.mainStory);
  return merged;
}

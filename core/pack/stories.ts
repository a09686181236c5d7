/**
 * Per story, on top of one scan of the merged dictionary (merge.ts). Pure module.
 *
 * `judgeStories`: which packs a page is about. The background scans the page
 * once with the merged matcher, as already relevant (`{ relevant: true }`, so
 * that events and claims of every story come back), takes the raw hits
 * (`matcher.findHits`), and calls the relevance model of core/recognize
 * (`judgeRelevance`, unchanged) once per pack with that pack's share of the
 * evidence. A page can be about two stories.
 *
 * `mentionsForStories`: the mentions to highlight on a page about the given
 * stories: names and events of those packs (a keyed entity belongs to every
 * pack that has it).
 *
 * `storiesOf`: for a subject (a shared keyed entity, or an item of one pack),
 * what each story reported, story by story, the page's own stories first.
 */
import type { Claim, CrosscheckEvent, Entity, Source } from '../dataset/schema';
import type { RecognizedEvent } from '../recognize/events';
import { judgeRelevance, RELEVANCE_THRESHOLD, type Relevance } from '../recognize/relevance';
import type { ClaimMatch, Hit, Mention, ScanResult } from '../recognize/types';
import type { PackManifest } from './manifest';
import type { MergedPacks } from './merge';

export interface StoryRelevance extends Relevance {
  pack: string;
}

interface PartIndex {
  entities: Map<string, Entity>;
  eventsById: Map<string, CrosscheckEvent>;
}

/** Per pack, its entities and events by merged id: built once per merged set, not per page. */
const partIndexes = new WeakMap<MergedPacks, Map<string, PartIndex>>();
function partIndex(merged: MergedPacks, packId: string): PartIndex {
  let all = partIndexes.get(merged);
  if (!all) partIndexes.set(merged, (all = new Map()));
  let index = all.get(packId);
  if (!index) {
    const part = merged.parts.find((p) => p.manifest.id === packId);
    index = {
      entities: new Map(part?.dataset.entities.map((e) => [e.id, e])),
      eventsById: new Map(part?.dataset.events.map((e) => [e.id, e])),
    };
    all.set(packId, index);
  }
  return index;
}

/**
 * Relevance per story, for the packs the page gives any evidence for (a name,
 * a trigger, a topic term, an event or a claim of theirs), in pack order;
 * packs without evidence are left out (they score 0). The cost follows the
 * hits on the page, not the number of packs.
 */
export function judgeStories(
  merged: MergedPacks,
  scan: ScanResult,
  hits: readonly Hit[],
  threshold = RELEVANCE_THRESHOLD,
): StoryRelevance[] {
  const aliasHits = hits.filter((h) => h.kind === 'alias');
  const cueHits = hits.filter((h) => h.kind === 'aspect-cue');
  const touched = new Set<string>();
  const touch = (id: string) => merged.membership.get(id)?.forEach((p) => touched.add(p));
  for (const h of hits) if (h.kind !== 'alias' || !h.ambiguous) touch(h.id);
  for (const e of scan.events) touch(e.id);
  for (const c of scan.claims) touch(c.aspect);
  const order = new Map(merged.parts.map((p, i) => [p.manifest.id, i]));
  const packs = [...touched].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return packs.map((pid) => {
    const inPack = (id: string) => merged.membership.get(id)?.includes(pid) === true;
    const { entities, eventsById } = partIndex(merged, pid);
    const named = new Set(aliasHits.filter((h) => !h.ambiguous && entities.has(h.id)).map((h) => h.id));
    const triggered = new Set(hits.filter((h) => h.kind === 'trigger' && eventsById.has(h.id)).map((h) => h.id));
    const events: RecognizedEvent[] = scan.events
      .filter((e) => eventsById.has(e.id))
      .map((e) => ({ id: e.id, evidence: e.evidence, triggers: [] }));
    const recognized = new Set(events.map((e) => e.id));
    const claims = scan.claims.filter((c) => inPack(c.aspect));
    const subjectNamed = (claim: ClaimMatch): boolean => {
      if (named.has(claim.subject)) return true;
      const ev = eventsById.get(claim.subject);
      if (!ev) return false;
      return recognized.has(ev.id) || triggered.has(ev.id) || ev.participants.some((p) => named.has(p));
    };
    // A cue inside a name counts as the name, not as a topic term (as in the matcher).
    const topicCues = new Set<string>();
    for (const h of cueHits) {
      if (!inPack(h.id)) continue;
      if (!aliasHits.some((a) => a.start < h.end && h.start < a.end)) topicCues.add(h.phrase);
    }
    const judged = judgeRelevance(
      {
        entities: [...named].map((id) => entities.get(id)!),
        events,
        eventsById,
        claims,
        subjectNamed,
        topicTerms: [...topicCues],
        triggered: [],
        date: null,
      },
      threshold,
    );
    return { pack: pid, ...judged };
  });
}

/** The mentions of `scan` that belong to one of `packs` (in text order, as scanned). */
export function mentionsForStories(merged: MergedPacks, scan: ScanResult, packs: readonly string[]): Mention[] {
  if (packs.length === 0) return [];
  return scan.mentions.filter((m) => merged.membership.get(m.id)?.some((p) => packs.includes(p)) === true);
}

export interface StoryReport {
  pack: PackManifest;
  /** The pack's sources that report on the subject, in pack order. */
  sources: Source[];
  /** The pack's claims about the subject. */
  claims: Claim[];
}

/** What each story reported about a subject, the page's stories (`first`) first, then pack order. */
export function storiesOf(merged: MergedPacks, subject: string, first: readonly string[] = []): StoryReport[] {
  const reports: StoryReport[] = [];
  for (const part of merged.parts) {
    const d = part.dataset;
    const claims = d.claims.filter((c) => c.subject === subject);
    const entity = d.entities.find((e) => e.id === subject);
    const cited = new Set<string>([...claims.map((c) => c.source), ...(entity?.evidence.map((q) => q.source) ?? [])]);
    if (!entity && claims.length === 0) continue;
    reports.push({ pack: part.manifest, sources: d.sources.filter((s) => cited.has(s.id)), claims });
  }
  const rank = (r: StoryReport) => {
    const i = first.indexOf(r.pack.id);
    return i < 0 ? first.length : i;
  };
  return reports
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map((x) => x.r);
}

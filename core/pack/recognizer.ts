/**
 * The seam for the background: every enabled pack in ONE compiled dictionary,
 * and a page's cost that follows what is on the page, not how many stories
 * are installed. Pure module.
 *
 * `scan(text)`:
 * 1. one pass of the merged matcher's dictionary over the text (`findHits`):
 *    every name, trigger, cue and topic term of every story, one automaton;
 * 2. the candidate stories: those that own a hit that can anchor a page in
 *    a story (a trigger, an event's key term, an aspect's cue, a topic term, or a name the pack marks as
 *    its story's own, `specificity: story`). Shared famous names (Trump,
 *    NATO) never make a story a candidate: relevance never counts them as an
 *    anchor (core/recognize/relevance.ts). A story with no hit on the page
 *    costs nothing;
 * 3. relevance per candidate story: the story's own matcher (its pack alone,
 *    in merged ids; compiled on first use and kept, `storyCache` of them) scans
 *    the text with the page's context, so the story's relevance model is the
 *    one the single-dataset extension always had (its date, its topic terms);
 * 4. what the page is about: every relevant story (a page can be about two),
 *    their names, events and disputed sentences merged in text order.
 *
 * `context.packs` (an appended chunk of a page already judged) skips 1–3.
 *
 * Restore after a stopped service worker: `snapshot()` is what steps 1–2 need
 * (the one dictionary's typed arrays and every story's anchors), a
 * structured-cloneable value; `restorePacks(snapshot)` answers every page
 * exactly as the full recognizer would, reading only the packs the page
 * makes candidates (none on most pages); its `popoverData` merges
 * only the packs that hold a popover's item (views.ts; the snapshot carries
 * what the whole merge decides across packs for the popovers).
 */
import type { Dataset } from '../dataset/schema';
import { fromSnapshot, type DictionarySnapshot } from '../recognize/dictionary';
import { compileHitFinder, compileMatcher, hitFinder, type HitFinder } from '../recognize/matcher';
import type { ClaimMatch, EventMatch, Hit, Matcher, Mention, PageContext } from '../recognize/types';
import type { PopoverTarget } from '../views/popover-view';
import { mergePacks, partOf, type MergedPacks } from './merge';
import type { Pack } from './schema';
import { mergeForViews, packsForTarget, viewsSnapshot, type ViewsSnapshot } from './views';

export interface StoryRelevance {
  pack: string;
  relevant: boolean;
  score: number;
  reasons: string[];
}

export interface PacksScan {
  /** Ids of the packs the page is about, in pack order. */
  packs: string[];
  /** Relevance of every candidate story (pack order); packs without an anchoring hit are left out. */
  stories: StoryRelevance[];
  mentions: Mention[];
  events: EventMatch[];
  claims: ClaimMatch[];
  /** Merged id of the report this page is, when its pack is one of `packs`. */
  source: string | null;
  /** Dictionary hits of the merged matcher (null when `context.packs` skipped the pass). */
  hits: number | null;
}

export interface PacksScanContext {
  page?: PageContext;
  /** The stories an earlier scan found the page about: scan for them, as relevant, without judging. */
  packs?: readonly string[];
}

export interface PacksRecognizer {
  merged: MergedPacks;
  /** The one dictionary over every enabled pack (hits only: relevance is each story's own matcher's). */
  matcher: HitFinder;
  /** The combined dictionary input (for views that look items up by merged id). */
  dataset: Dataset;
  scan(text: string, context?: PacksScanContext): PacksScan;
  /** The stories a text has anchoring hits for (step 2), in pack order. */
  candidates(hits: readonly Hit[]): string[];
  /** Story matchers compiled so far (for diagnostics and the benchmark). */
  readonly storiesCompiled: number;
  /** Steps 1–2 as a structured-cloneable value, for `restorePacks`. */
  snapshot(): PacksSnapshot;
}

/** What steps 1–2 need: the one dictionary and, per anchoring id, the stories it anchors. */
export interface PacksSnapshot {
  dict: DictionarySnapshot;
  /** Pack ids in pack order. */
  order: string[];
  /** Merged ids of names some pack marks as its story's own → those packs. */
  storyNames: Map<string, string[]>;
  /** Topic phrase → packs. */
  topicPacks: Map<string, string[]>;
  /** Merged ids of events and aspects (what triggers and cues name) → packs. */
  anchors: Map<string, string[]>;
  /** Entity key → merged entity id (to put one pack in merged ids alone, `partOf`). */
  keyed: Map<string, string>;
  /** What the popovers need of the whole merge, to be shown from the packs of their item alone (views.ts). */
  views: ViewsSnapshot;
}

/**
 * A recognizer restored from a snapshot: `PacksRecognizer.scan`, exactly,
 * reading only the packs a page makes candidates (`loadPack`; none on most
 * pages), each compiled alone in merged ids.
 */
export interface QuickRecognizer {
  matcher: HitFinder;
  candidates(hits: readonly Hit[]): string[];
  /** What `PacksRecognizer.scan` returns; null when a pack it needs cannot be loaded. */
  scan(
    text: string,
    context: PacksScanContext,
    loadPack: (id: string) => Promise<Pack | null>,
  ): Promise<PacksScan | null>;
  /** Story matchers compiled so far. */
  readonly storiesCompiled: number;
  /**
   * The packs that hold a popover's item merged alone, as the whole merge shows them (views.ts; the last
   * few kept); null when a pack it needs cannot be loaded.
   */
  popoverData(target: PopoverTarget, loadPack: (id: string) => Promise<Pack | null>): Promise<MergedPacks | null>;
}

/** Merges of a popover's packs kept by a restored recognizer (a page's popovers mostly read the same one). */
const VIEW_MERGES = 8;

interface Anchors {
  order: Map<string, number>;
  storyNames: Map<string, string[]>;
  topicPacks: Map<string, string[]>;
  anchors: { get(id: string): readonly string[] | undefined };
}

/** Step 2: the stories a text's hits can anchor, in pack order. */
function candidatesOf(a: Anchors, hits: readonly Hit[]): string[] {
  const found = new Set<string>();
  const add = (ids: readonly string[] | undefined) => ids?.forEach((p) => found.add(p));
  // A cue or trigger part inside a name ("Trump" of "Trump-Putin-Gipfel" in "Donald Trump") is that name.
  const names = hits.filter((h) => h.kind === 'alias').sort((a, b) => a.start - b.start);
  /** The furthest end of the names starting at or before each one. */
  const reach: number[] = [];
  for (const [i, n] of names.entries()) reach.push(Math.max(n.end, reach[i - 1] ?? 0));
  const inName = (h: Hit): boolean => {
    let lo = 0;
    let hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (names[mid]!.start <= h.start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1]! >= h.end;
  };
  for (const h of hits) {
    if (h.kind === 'alias') {
      if (!h.ambiguous) add(a.storyNames.get(h.id));
    } else if (h.kind === 'signal' || inName(h))
      continue; // a value signal needs a cue
    else if (h.kind === 'topic') add(a.topicPacks.get(h.phrase));
    else add(a.anchors.get(h.id));
  }
  return [...found].sort((x, y) => (a.order.get(x) ?? 0) - (a.order.get(y) ?? 0));
}

/** The stories a scan looks at: those of `context.packs` (known), else the candidates of the text's hits. */
function storiesToScan(
  a: Anchors,
  matcher: HitFinder,
  text: string,
  context: PacksScanContext,
): { ids: string[]; hits: number | null } {
  if (context.packs)
    return { ids: [...context.packs].sort((x, y) => (a.order.get(x) ?? 0) - (a.order.get(y) ?? 0)), hits: null };
  const all = matcher.findHits(text);
  return { ids: candidatesOf(a, all), hits: all.length };
}

/** Steps 3–4: each story's own matcher on the text, and what the page is about. */
function scanStories(
  text: string,
  context: PacksScanContext,
  ids: readonly string[],
  hits: number | null,
  storyMatcher: (pid: string) => Matcher | null,
): PacksScan {
  const page = context.page ? { page: context.page } : {};
  const stories: StoryRelevance[] = [];
  const found: { pack: string; result: ReturnType<Matcher['scan']> }[] = [];
  if (context.packs) {
    for (const pid of ids) {
      const m = storyMatcher(pid);
      if (m) found.push({ pack: pid, result: m.scan(text, { ...page, relevant: true }) });
    }
  } else {
    for (const pid of ids) {
      const result = storyMatcher(pid)!.scan(text, page);
      stories.push({ pack: pid, relevant: result.relevant, ...result.relevance });
      if (result.relevant) found.push({ pack: pid, result });
    }
  }
  return {
    packs: found.map((f) => f.pack),
    stories,
    mentions: mergeMentions(found.map((f) => f.result.mentions)),
    events: found.flatMap((f) => f.result.events),
    claims: found.flatMap((f) => f.result.claims).sort((x, y) => x.start - y.start),
    source: found.find((f) => f.result.source !== null)?.result.source ?? null,
    hits,
  };
}

export function restorePacks(s: PacksSnapshot): QuickRecognizer {
  const matcher = hitFinder(fromSnapshot(s.dict));
  const a: Anchors = {
    order: new Map(s.order.map((id, i) => [id, i])),
    storyNames: s.storyNames,
    topicPacks: s.topicPacks,
    anchors: s.anchors,
  };
  const matchers = new Map<string, Matcher>();
  const merges = new Map<string, Promise<MergedPacks | null>>();
  return {
    matcher,
    candidates: (hits) => candidatesOf(a, hits),
    get storiesCompiled() {
      return matchers.size;
    },
    async popoverData(target, loadPack) {
      const ids = await packsForTarget(target, s, loadPack);
      if (!ids) return null;
      const key = ids.join('\n');
      let merge = merges.get(key);
      if (merge)
        merges.delete(key); // most recently used last
      else
        merge = Promise.all(ids.map(loadPack)).then((packs) =>
          packs.every((p) => p !== null) ? mergeForViews(packs, s) : null,
        );
      merges.set(key, merge);
      if (merges.size > VIEW_MERGES) merges.delete(merges.keys().next().value!);
      // A failed or partial load is not kept: the next popover tries again.
      const drop = () => void (merges.get(key) === merge && merges.delete(key));
      merge.then((m) => m ?? drop(), drop);
      return merge;
    },
    async scan(text, context, loadPack) {
      const { ids, hits } = storiesToScan(a, matcher, text, context);
      for (const pid of ids) {
        if (matchers.has(pid) || !a.order.has(pid)) continue;
        const pack = await loadPack(pid);
        if (!pack) return null;
        matchers.set(pid, compileMatcher(partOf(pack, pid === s.order[0], s.keyed)));
      }
      return scanStories(text, context, ids, hits, (pid) => matchers.get(pid) ?? null);
    },
  };
}

export interface CompilePacksOptions {
  /** How many story matchers to keep compiled (least recently used dropped first). */
  storyCache?: number;
}

const STORY_CACHE = 64;

export function compilePacks(packs: readonly Pack[], options: CompilePacksOptions = {}): PacksRecognizer {
  const merged = mergePacks(packs);
  const matcher = compileHitFinder(merged.dataset);
  const order = new Map(merged.parts.map((p, i) => [p.manifest.id, i]));
  const parts = new Map(merged.parts.map((p) => [p.manifest.id, p]));
  /** Merged ids of entities some pack marks as its story's own, with those packs. */
  const storyNames = new Map<string, string[]>();
  for (const part of merged.parts)
    for (const e of part.dataset.entities)
      if (e.specificity === 'story') storyNames.set(e.id, [...(storyNames.get(e.id) ?? []), part.manifest.id]);

  const limit = Math.max(1, options.storyCache ?? STORY_CACHE);
  const cache = new Map<string, Matcher>();
  let compiled = 0;
  const storyMatcher = (pid: string): Matcher | null => {
    const hit = cache.get(pid);
    if (hit) {
      cache.delete(pid); // most recently used last
      cache.set(pid, hit);
      return hit;
    }
    const part = parts.get(pid);
    if (!part) return null;
    const m = compileMatcher(part.dataset);
    compiled++;
    cache.set(pid, m);
    if (cache.size > limit) cache.delete(cache.keys().next().value!);
    return m;
  };

  const anchors: Anchors = { order, storyNames, topicPacks: merged.topicPacks, anchors: merged.membership };
  const candidates = (hits: readonly Hit[]): string[] => candidatesOf(anchors, hits);

  return {
    merged,
    matcher,
    dataset: merged.dataset,
    candidates,
    get storiesCompiled() {
      return compiled;
    },
    snapshot() {
      const ids = [...merged.dataset.events, ...merged.dataset.aspects].map((x) => x.id);
      return {
        dict: matcher.dict.snapshot(),
        order: merged.parts.map((p) => p.manifest.id),
        storyNames,
        topicPacks: merged.topicPacks,
        anchors: new Map(ids.flatMap((id) => (merged.membership.has(id) ? [[id, merged.membership.get(id)!]] : []))),
        keyed: merged.keyed,
        views: viewsSnapshot(merged),
      };
    },
    scan(text, context = {}) {
      const { ids, hits } = storiesToScan(anchors, matcher, text, context);
      return scanStories(text, context, ids, hits, storyMatcher);
    },
  };
}

/**
 * The mentions of several stories in one list, in text order, never
 * overlapping: where two overlap, the one that starts first (then the longer,
 * then the earlier story) stays. A name two stories share is one mention.
 */
export function mergeMentions(lists: readonly Mention[][]): Mention[] {
  if (lists.length === 1) return lists[0]!;
  const all = lists.flatMap((list, story) => list.map((m) => ({ m, story })));
  all.sort((a, b) => a.m.start - b.m.start || b.m.end - a.m.end || a.story - b.story);
  const out: Mention[] = [];
  for (const { m } of all) {
    const prev = out[out.length - 1];
    if (!prev || prev.end <= m.start) out.push(m);
  }
  return out;
}

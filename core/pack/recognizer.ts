/**
 * The seam for the background: every enabled pack compiled into ONE matcher,
 * and a page scanned once for all stories. Pure module.
 *
 * `scan(text)` runs the merged matcher as if the page were relevant (so
 * events and claims of every story come back), judges relevance per story
 * (`judgeStories`), and keeps only what belongs to the stories the page is
 * about: their names, events, disputed sentences and, when the page is one of
 * their reports, the source. A page can be about two stories; a page about
 * none gets nothing. `context.packs` skips the judgement (a chunk appended to
 * a page already judged).
 */
import type { Dataset } from '../dataset/schema';
import { compileMatcher } from '../recognize/matcher';
import type { ClaimMatch, EventMatch, Matcher, Mention } from '../recognize/types';
import { mergePacks, type MergedPacks } from './merge';
import type { Pack } from './schema';
import { judgeStories, mentionsForStories, type StoryRelevance } from './stories';

export interface PacksScan {
  /** Ids of the packs the page is about, in pack order. */
  packs: string[];
  /** Relevance of every pack the page gives any evidence for. */
  stories: StoryRelevance[];
  mentions: Mention[];
  events: EventMatch[];
  claims: ClaimMatch[];
  /** Merged id of the report this page is, when its pack is one of `packs`. */
  source: string | null;
}

export interface PacksRecognizer {
  merged: MergedPacks;
  matcher: Matcher;
  /** The combined dictionary input (for views that look items up by merged id). */
  dataset: Dataset;
  scan(text: string, context?: { packs?: readonly string[] }): PacksScan;
}

export function compilePacks(packs: readonly Pack[]): PacksRecognizer {
  const merged = mergePacks(packs);
  const matcher = compileMatcher(merged.dataset);
  const belongs = (id: string, to: readonly string[]) =>
    merged.membership.get(id)?.some((p) => to.includes(p)) === true;
  return {
    merged,
    matcher,
    dataset: merged.dataset,
    scan(text, context = {}) {
      const scan = matcher.scan(text, { relevant: true });
      const stories = context.packs ? [] : judgeStories(merged, scan, matcher.findHits(text));
      const chosen = context.packs ?? stories.filter((s) => s.relevant).map((s) => s.pack);
      return {
        packs: [...chosen],
        stories,
        mentions: mentionsForStories(merged, scan, chosen),
        events: scan.events.filter((e) => belongs(e.id, chosen)),
        claims: scan.claims.filter((c) => belongs(c.aspect, chosen)),
        source: scan.source && belongs(scan.source, chosen) ? scan.source : null,
      };
    },
  };
}

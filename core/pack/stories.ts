/**
 * What each story reported about a subject (a name several packs share, or
 * an item of one pack), story by story, the page's own stories first. Pure
 * module; relevance per story lives in recognizer.ts.
 */
import type { Claim, Source } from '../dataset/schema';
import type { PackManifest } from './manifest';
import type { MergedPacks } from './merge';

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

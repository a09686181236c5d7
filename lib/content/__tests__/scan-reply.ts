import type { FoundTarget, ScanReply } from '../../messages';

/** An entity the background found, as a scan answer lists it. */
export function entity(id: string, kind: string, opts: { disputed?: boolean; telling?: boolean } = {}): FoundTarget {
  return { type: 'entity', id, kind, disputed: opts.disputed ?? false, telling: opts.telling ?? true } as FoundTarget;
}

/** The answer for a page about the story: `targets`, and `ranges` as triples (start, end, target index). */
export function scanReply(targets: FoundTarget[], ranges: number[]): ScanReply {
  return { relevant: true, source: null, quiet: false, events: [], targets, ranges };
}

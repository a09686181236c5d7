/**
 * The highlight plan (core/views/highlight-plan) applied to a scan answer:
 * the subset of its ranges worth a mark, by the reader's mode and the
 * page's sections. The background says which names have something to tell.
 */
import type { HighlightMode } from '../../core/views/highlight-plan';
import { planHighlights } from '../../core/views/highlight-plan';
import type { ScanReply } from '../messages';
import type { PageText } from './page-text';
import { sectionStarts } from './sections';

interface Range {
  i: number;
  start: number;
  end: number;
  id: string;
  subject: string;
}

/** `starts`: the page's section starts when already found (`SectionFinder`), else they are found here. */
export function planReply(reply: ScanReply, pt: PageText, mode: HighlightMode, starts?: readonly number[]): ScanReply {
  if (!reply.relevant) return reply;
  const mentions: Range[] = [];
  const claims: Range[] = [];
  const telling = new Set<string>();
  const disputed = new Set<string>();
  for (let i = 0; i < reply.ranges.length; i += 3) {
    const target = reply.targets[reply.ranges[i + 2]!];
    if (!target) continue;
    const start = reply.ranges[i]!;
    const end = reply.ranges[i + 1]!;
    if (target.type === 'claim') {
      claims.push({ i, start, end, id: target.aspect, subject: target.subject });
    } else {
      mentions.push({ i, start, end, id: target.id, subject: target.id });
      if (target.telling) telling.add(target.id);
      if (target.disputed) disputed.add(target.id);
    }
  }
  const plan = planHighlights({
    mentions,
    claims,
    sectionStarts: starts ?? sectionStarts(pt),
    mode,
    telling,
    disputed,
  });
  const keep = [...plan.claims, ...plan.mentions].map((r) => r.i).sort((a, b) => a - b);
  return { ...reply, ranges: keep.flatMap((i) => reply.ranges.slice(i, i + 3)) };
}

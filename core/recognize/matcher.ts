/**
 * `compileMatcher`: compiles a dataset once, then scans texts in one pass.
 * Pure module.
 *
 * `scan(text)`:
 * 1. one pass of the dictionary over the text (`hits.ts`);
 * 2. events from triggers plus support (`events.ts`);
 * 3. claims: cue + value signal in one sentence, disputed aspects only
 *    (`claims.ts`);
 * 4. relevance from unambiguous evidence only (`relevance.ts`), unless the
 *    caller says the page is already relevant (`context.relevant`);
 * 5. when relevant: which source report this is (`source.ts`), and the
 *    mentions.
 *
 * Mentions rule: returned only when the text is relevant (the content script
 * highlights nothing on other pages). They are the alias hits (ambiguous
 * aliases included, flagged) plus the trigger hits of recognized events
 * (kind 'event'). Triggers win over the names inside them
 * ("Trump-Putin-Gipfel" is one event mention, not Trump and Putin). Sorted by
 * start, never overlapping. When one alias names several entities, the
 * entity for which it is unambiguous wins, then dataset order.
 */
import type { Dataset } from '../dataset/schema';
import { detectClaims } from './claims';
import { compile, type Compiled } from './compiled';
import { recognizeEvents } from './events';
import { scanRaw, type RawHit } from './hits';
import { judgeRelevance, RELEVANCE_THRESHOLD } from './relevance';
import { identifySource } from './source';
import type { ClaimMatch, EventMatch, Hit, Matcher, MatcherOptions, Mention, ScanContext, ScanResult } from './types';

function toHit(text: string, h: RawHit): Hit {
  const p = h.payload;
  const hit: Hit = {
    kind: p.kind,
    start: h.start,
    end: h.end,
    text: text.slice(h.start, h.end),
    id: p.id,
    phrase: p.phrase,
  };
  if (p.value !== undefined) hit.value = p.value;
  if (p.kind === 'alias') hit.ambiguous = p.ambiguous;
  return hit;
}

/** One alias mention per span: prefer an entity for which the alias is unambiguous, then dataset order. */
function aliasMentions(c: Compiled, text: string, hits: RawHit[]): Mention[] {
  const order = new Map(c.dataset.entities.map((e, i) => [e.id, i]));
  const bySpan = new Map<number, RawHit>();
  for (const h of hits) {
    if (h.payload.kind !== 'alias') continue;
    const prior = bySpan.get(h.start);
    if (
      !prior ||
      (prior.payload.ambiguous && !h.payload.ambiguous) ||
      (prior.payload.ambiguous === h.payload.ambiguous &&
        (order.get(h.payload.id) ?? 0) < (order.get(prior.payload.id) ?? 0))
    ) {
      bySpan.set(h.start, h);
    }
  }
  const out: Mention[] = [];
  for (const h of bySpan.values()) {
    const e = c.entities.get(h.payload.id);
    if (!e) continue;
    out.push({
      start: h.start,
      end: h.end,
      text: text.slice(h.start, h.end),
      kind: e.kind,
      id: e.id,
      ambiguous: h.payload.ambiguous,
    });
  }
  return out;
}

export function compileMatcher(dataset: Dataset, options: MatcherOptions = {}): Matcher {
  const c = compile(dataset);
  const threshold = options.relevanceThreshold ?? RELEVANCE_THRESHOLD;

  function findHits(text: string): Hit[] {
    return scanRaw(c.dict, text).map((h) => toHit(text, h));
  }

  function scan(text: string, context: ScanContext = {}): ScanResult {
    const hits = scanRaw(c.dict, text);
    const events = recognizeEvents(c, text, hits);
    const claims = detectClaims(c, text, hits);

    // Evidence for relevance: unambiguous names, trigger hits, topic terms.
    const entityIds = new Set<string>();
    const triggered = new Set<string>();
    const aliasSpans: RawHit[] = [];
    const cueHits: RawHit[] = [];
    for (const h of hits) {
      const p = h.payload;
      if (p.kind === 'alias') {
        aliasSpans.push(h);
        if (!p.ambiguous) entityIds.add(p.id);
      } else if (p.kind === 'trigger') triggered.add(p.id);
      else if (p.kind === 'aspect-cue') cueHits.push(h);
    }
    // A cue that is (part of) a name counts as that name, not as a topic term.
    const topicCues = new Set<string>();
    let ai = 0;
    for (const h of cueHits) {
      // Alias hits are sorted and never overlap: only the first one ending after the cue's start can overlap it.
      while (ai < aliasSpans.length && (aliasSpans[ai] as RawHit).end <= h.start) ai++;
      const a = aliasSpans[ai];
      if (a === undefined || a.start >= h.end) topicCues.add(h.payload.phrase);
    }
    const entities = [...entityIds].flatMap((id) => {
      const e = c.entities.get(id);
      return e ? [e] : [];
    });
    const recognized = new Set(events.map((e) => e.id));
    const subjectNamed = (claim: ClaimMatch): boolean => {
      if (entityIds.has(claim.subject)) return true;
      const ev = c.events.get(claim.subject);
      if (!ev) return false;
      return recognized.has(ev.id) || triggered.has(ev.id) || ev.participants.some((p) => entityIds.has(p));
    };
    const judged = judgeRelevance(
      { entities, events, eventsById: c.events, claims, subjectNamed, topicCues: [...topicCues] },
      threshold,
    );
    const relevant = context.relevant === true || judged.relevant;
    const relevance = {
      score: judged.score,
      reasons: context.relevant === true ? ['context: page already relevant', ...judged.reasons] : judged.reasons,
    };
    if (!relevant) {
      return { relevant, relevance, source: null, sourceEvidence: [], mentions: [], events: [], claims: [] };
    }

    // Mentions: event triggers first, then the names that do not overlap them.
    const eventMatches: EventMatch[] = events.map((e) => ({
      id: e.id,
      evidence: e.evidence,
      mentions: e.triggers.map((t) => ({
        start: t.start,
        end: t.end,
        text: text.slice(t.start, t.end),
        kind: 'event' as const,
        id: e.id,
        ambiguous: false,
      })),
    }));
    // A trigger phrase shared by two recognized events is one mention (the first event in dataset order).
    const triggerMentions: Mention[] = [];
    for (const t of eventMatches.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start)) {
      const prev = triggerMentions[triggerMentions.length - 1];
      if (!prev || prev.end <= t.start) triggerMentions.push(t);
    }
    const mentions: Mention[] = [...triggerMentions];
    let ti = 0;
    for (const m of aliasMentions(c, text, hits).sort((a, b) => a.start - b.start)) {
      while (ti < triggerMentions.length && (triggerMentions[ti] as Mention).end <= m.start) ti++;
      const t = triggerMentions[ti];
      if (t && t.start < m.end) continue; // overlaps a trigger
      mentions.push(m);
    }
    mentions.sort((a, b) => a.start - b.start);

    const src = identifySource(c, text);
    return {
      relevant,
      relevance,
      source: src.source,
      sourceEvidence: src.evidence,
      mentions,
      events: eventMatches,
      claims,
    };
  }

  return {
    scan,
    findHits,
    get aliasCount() {
      return c.dict.aliasCount;
    },
  };
}

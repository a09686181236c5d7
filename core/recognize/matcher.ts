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
 *
 * `scanSteps(text)` is the same scan cut into steps of about `stepChars`
 * characters (a generator: the caller decides when to go on, e.g. after
 * letting a page render), with exactly the result of `scan`.
 */
import type { Dataset } from '../dataset/schema';
import { compileDictionary, type Dictionary, type Payload } from './dictionary';
import { claimHits, detectClaimsFrom } from './claims';
import { compile, type Compiled } from './compiled';
import { recognizeEventsSteps } from './events';
import { rawCursor, scanRaw, type RawHit } from './hits';
import { daysOutside, datelineOf, statedDates, statedDayOf, type StatedDate } from './dates';
import { foldToken } from './fold';
import { CLOSE_DAYS, judgeRelevance, RELEVANCE_THRESHOLD, type PageDate } from './relevance';
import { decideSource, findQuotes, noQuotesFound } from './source';
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

/** A capitalized word right after a position (past spaces): the start of a name. */
const NAME_AFTER = /^[ \t\u00a0]+\p{Lu}\p{Ll}/u;

/**
 * Whether an alias hit is a person's title that names someone else: the title is ambiguous, shares no word with
 * the person's name, and is followed by a name that is not one of the person's ("NATO Secretary-General Jens
 * Stoltenberg", "German Chancellor Olaf Scholz"). `titles` caches, per alias phrase, whether it is such a title.
 */
function titleOfAnother(
  c: Compiled,
  text: string,
  h: RawHit,
  titles: Map<string, boolean>,
  aliasAt: () => Map<number, Set<string>>,
): boolean {
  const p = h.payload;
  if (!p.ambiguous) return false;
  const key = `${p.id}\u0000${p.phrase}`;
  let title = titles.get(key);
  if (title === undefined) {
    const e = c.entities.get(p.id);
    const nameWords = new Set(e ? `${e.name.de} ${e.name.en}`.split(/\s+/).map((w) => foldToken(w)) : []);
    title = e?.kind === 'person' && !p.phrase.split(/[\s-]+/).some((w) => nameWords.has(foldToken(w)));
    titles.set(key, title);
  }
  if (!title) return false;
  const m = NAME_AFTER.exec(text.slice(h.end, h.end + 8));
  if (!m) return false;
  return !(
    aliasAt()
      .get(h.end + m[0].length - 2)
      ?.has(p.id) ?? false
  );
}

/**
 * One alias mention per span: prefer an entity for which the alias is
 * unambiguous, then dataset order (`order`). Hits come by start, and the alias
 * hits of one start are adjacent (one kind), so one linear pass does. A title
 * followed by another person's name is that person's (`titleOfAnother`).
 */
function aliasMentions(
  c: Compiled,
  order: Map<string, number>,
  titles: Map<string, boolean>,
  text: string,
  hits: RawHit[],
): Mention[] {
  const out: Mention[] = [];
  let starts: Map<number, Set<string>> | null = null;
  /** The entities whose aliases start at each offset, built when a title first needs it. */
  const aliasAt = (): Map<number, Set<string>> => {
    if (starts) return starts;
    starts = new Map();
    for (const h of hits) {
      if (h.payload.kind !== 'alias') continue;
      const ids = starts.get(h.start);
      if (ids) ids.add(h.payload.id);
      else starts.set(h.start, new Set([h.payload.id]));
    }
    return starts;
  };
  let best: RawHit | null = null;
  const flush = () => {
    if (!best) return;
    const e = c.entities.get(best.payload.id);
    if (e && !titleOfAnother(c, text, best, titles, aliasAt)) {
      out.push({
        start: best.start,
        end: best.end,
        text: text.slice(best.start, best.end),
        kind: e.kind,
        id: e.id,
        ambiguous: best.payload.ambiguous,
      });
    }
    best = null;
  };
  for (const h of hits) {
    if (h.payload.kind !== 'alias') continue;
    const prior: RawHit | null = best;
    if (prior && prior.start !== h.start) flush();
    if (
      !best ||
      (best.payload.ambiguous && !h.payload.ambiguous) ||
      (best.payload.ambiguous === h.payload.ambiguous &&
        (order.get(h.payload.id) ?? 0) < (order.get(best.payload.id) ?? 0))
    ) {
      best = h;
    }
  }
  flush();
  return out;
}

/** A cue that is a whole pattern (one part): a topic term. A part ("Luft", "help") is not. */
function isWhole(c: Compiled, p: Payload): boolean {
  return p.pattern === undefined || c.dict.patterns[p.pattern]?.parts === 1;
}

/** A phrase folded word by word, so that "Security guarantees" and "security guarantees" are one term. */
function foldPhrase(phrase: string): string {
  return phrase
    .split(/\s+/)
    .map((w) => foldToken(w))
    .join(' ');
}

/**
 * The page's own date: its published meta data, else a dateline in the text, else the latest date the text
 * writes (a page that gives no date of its own is from about the last day it reports); with its distance from
 * the story.
 */
function pageDate(c: Compiled, text: string, context: ScanContext, written: StatedDate[]): PageDate | null {
  if (!c.span) return null;
  const published = context.page?.published ?? null;
  const dateline = published ? null : datelineOf(text);
  // A dateline that the text's own dates go past is a caption's or an archive's date, not the page's.
  const latest = published ? null : statedDayOf(written);
  const text_ = latest !== null && (dateline === null || latest > dateline) ? latest : null;
  const value = published ?? text_ ?? dateline;
  if (!value) return null;
  const days = daysOutside(value, c.span);
  return days === null ? null : { value, from: published ? 'published' : text_ ? 'text' : 'dateline', days };
}

/** Default step of `scanSteps`, in characters: a few milliseconds of work in a browser. */
export const STEP_CHARS = 32_768;

/** The dictionary pass alone: what a matcher's `findHits` does, without the rest of its compile. */
export type HitFinder = Pick<Matcher, 'findHits' | 'aliasCount'> & { readonly dict: Dictionary };

export function hitFinder(dict: Dictionary): HitFinder {
  return {
    dict,
    findHits: (text) => scanRaw(dict, text).map((h) => toHit(text, h)),
    aliasCount: dict.aliasCount,
  };
}

/**
 * Only the dictionary of a dataset (no claims, quotes or relevance model): for a text that is only searched for
 * hits, as the one dictionary of every story pack is (core/pack/recognizer.ts).
 */
export function compileHitFinder(dataset: Dataset): HitFinder {
  return hitFinder(compileDictionary(dataset));
}

export function compileMatcher(dataset: Dataset, options: MatcherOptions = {}): Matcher {
  const c = compile(dataset);
  const entityOrder = new Map(dataset.entities.map((e, i) => [e.id, i]));
  /** Per alias phrase: a person's title that shares no word with the name (see `titleOfAnother`). */
  const titles = new Map<string, boolean>();
  const threshold = options.relevanceThreshold ?? RELEVANCE_THRESHOLD;

  function findHits(text: string): Hit[] {
    return scanRaw(c.dict, text).map((h) => toHit(text, h));
  }

  function* scanSteps(text: string, context: ScanContext = {}, stepChars = STEP_CHARS): Generator<void, ScanResult> {
    const step = Math.max(1, stepChars);
    // 1. The dictionary pass, in steps (the cursor carries the state across).
    const cursor = rawCursor(text);
    let hits: RawHit[] = [];
    for (let from = 0; from < text.length; from += step) {
      const part = scanRaw(c.dict, text, cursor, from + step);
      if (hits.length === 0) hits = part;
      else for (const h of part) hits.push(h);
      if (from + step < text.length) yield;
    }
    // 2. Claims, in steps of whole sentences.
    const claims: ClaimMatch[] = [];
    if (c.disputed.size > 0) {
      const ch = claimHits(c, hits);
      for (let from = 0; from < text.length;) {
        const r = detectClaimsFrom(c, text, ch, from, from + step);
        claims.push(...r.claims);
        from = r.next;
        if (from < text.length) yield;
      }
    }
    yield;
    const written = statedDates(text, c.span ? Number(c.span.first.slice(0, 4)) : new Date().getUTCFullYear());
    const date = pageDate(c, text, context, written);
    const pageDay = date && /^\d{4}-\d{2}-\d{2}$/.test(date.value) ? date.value : null;
    const events = yield* recognizeEventsSteps(c, text, hits, {
      pageDay,
      pageClose: date !== null && date.days <= CLOSE_DAYS,
      dates: written,
      ...(context.explainEvents ? { explain: context.explainEvents } : {}),
    });
    yield;

    // Evidence for relevance: unambiguous names, trigger hits, topic terms, in the text and the title.
    const title = context.page?.title ?? '';
    const titleHits = title ? scanRaw(c.dict, title) : [];
    const entityIds = new Set<string>();
    const inTitle = new Set<string>();
    const triggered = new Set<string>();
    /** Folded term → the term as written in the dataset (one per folded form). */
    const topicTerms = new Map<string, string>();
    const collect = (list: RawHit[], fromTitle: boolean) => {
      const aliasSpans: RawHit[] = [];
      const cueHits: RawHit[] = [];
      for (const h of list) {
        const p = h.payload;
        if (p.kind === 'alias') {
          aliasSpans.push(h);
          if (!p.ambiguous && !entityIds.has(p.id)) {
            entityIds.add(p.id);
            if (fromTitle) inTitle.add(p.id);
          }
        } else if (p.kind === 'trigger' && isWhole(c, p)) triggered.add(p.id);
        else if (p.kind === 'topic' || (p.kind === 'aspect-cue' && p.role === 'cue' && isWhole(c, p))) cueHits.push(h);
      }
      // A cue that is (part of) a name counts as that name, not as a topic term.
      let ai = 0;
      for (const h of cueHits) {
        // Alias hits are sorted and never overlap: only the first one ending after the cue's start can overlap it.
        while (ai < aliasSpans.length && (aliasSpans[ai] as RawHit).end <= h.start) ai++;
        const a = aliasSpans[ai];
        if (a === undefined || a.start >= h.end) {
          const key = foldPhrase(h.payload.phrase);
          if (!topicTerms.has(key)) topicTerms.set(key, h.payload.phrase);
        }
      }
    };
    collect(hits, false);
    collect(titleHits, true);
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
      {
        entities,
        inTitle,
        events,
        eventsById: c.events,
        triggered: [...triggered].filter((id) => !recognized.has(id)),
        claims,
        subjectNamed,
        topicTerms: [...topicTerms.values()],
        date,
      },
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

    yield;
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
    // Both lists are in text order, and a name that overlaps a trigger is dropped: merge them.
    const mentions: Mention[] = [];
    let ti = 0;
    for (const m of aliasMentions(c, entityOrder, titles, text, hits)) {
      while (ti < triggerMentions.length && (triggerMentions[ti] as Mention).end <= m.start) {
        mentions.push(triggerMentions[ti] as Mention);
        ti++;
      }
      const t = triggerMentions[ti];
      if (t && t.start < m.end) continue; // overlaps a trigger
      mentions.push(m);
    }
    for (; ti < triggerMentions.length; ti++) mentions.push(triggerMentions[ti] as Mention);

    // 3. Which source report this is, in steps.
    const found = noQuotesFound(c);
    for (let from = 0; from < text.length; from += step) {
      yield;
      findQuotes(c, text, found, from, Math.min(text.length, from + step));
    }
    const src = decideSource(c, found);
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

  function scan(text: string, context: ScanContext = {}): ScanResult {
    const steps = scanSteps(text, context, Infinity);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  return {
    scan,
    scanSteps,
    findHits,
    get aliasCount() {
      return c.dict.aliasCount;
    },
  };
}

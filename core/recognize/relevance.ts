/**
 * Page relevance: is the text about the dataset's story? Pure module.
 *
 * The model: every piece of evidence the page gives adds to (or takes from)
 * a score, weighted by how specific it is to THIS story rather than to the
 * people and places it shares with a hundred others. Ambiguous aliases
 * ("Merz", "Paris", "Caine", "US-Präsident") never count: they are reported
 * only on pages that are relevant without them.
 *
 * Evidence and weights (each piece listed in `evidence`, with its points):
 * - a recognized event (see `events.ts`: several of its participants, place,
 *   date and key terms together): +4 — an event alone makes a page relevant;
 * - a trigger phrase of an event that is not recognized: +1, at most +2;
 * - a sentence that takes a side on a disputed aspect whose subject the text
 *   names (see `claims.ts`): +2 per aspect;
 * - a named entity, by its `specificity` in the dataset: `story` (named mostly
 *   in this story: Cavo Dragone, Grynkewich, Leavitt) +2, `topic` (regular
 *   actors of the field: Trump, Putin, NATO) +1, `general` (places, news
 *   agencies) +0;
 * - a distinct topic term of the story, in any language of the data (the
 *   dataset's `topic` phrases and the disputed aspects' cues that are not
 *   names: "Sicherheitsgarantien", "air support", "garanties de sécurité"):
 *   +1, at most +3;
 * - the page's own date (its `published` meta data, else a dateline in the
 *   first lines of the text) against the story's days (`dates.ts`): within
 *   `CLOSE_DAYS` of them +3, within a month +1, within three months −2,
 *   within a year −4, further −8 (a 2018 or 2023 report is another story,
 *   whoever it names). A page without either is dated by the latest day its
 *   text writes ("on Saturday (March 15)"; the story's year where none is
 *   written): the same points, but at most +1 and never an anchor — a guess
 *   tells a page of another month more surely than one of the story. An
 *   unknown date counts 0.
 * - the page's title counts like its text (evidence found only there is
 *   marked "title").
 *
 * The text is relevant when the score reaches the threshold (default
 * `RELEVANCE_THRESHOLD` = 4) AND it has an anchor in the story itself: a
 * recognized event, a counted claim, two distinct topic terms, or a date
 * close to the story's days. Famous actors alone are never enough, however
 * many: the same cast in another month is another story.
 */
import type { CrosscheckEvent, Entity } from '../dataset/schema';
import type { RecognizedEvent } from './events';
import type { ClaimMatch } from './types';

export const RELEVANCE_THRESHOLD = 4;
/** Distinct topic terms that anchor a text without an event, claim or date. */
export const TOPIC_ANCHOR = 2;
/** Days from the story's span that count as close. */
export const CLOSE_DAYS = 12;
const EVENT_POINTS = 4;
const TEXT_DATE_CAP = 1;
const TRIGGER_POINTS = 1;
const TRIGGER_CAP = 2;
const CLAIM_POINTS = 2;
const TOPIC_CAP = 3;
const SPECIFICITY_POINTS = { story: 2, topic: 1, general: 0 } as const;

/** Points for a page date `days` away from the story's span. */
export function datePoints(days: number): number {
  if (days <= CLOSE_DAYS) return 3;
  if (days <= 31) return 1;
  if (days <= 92) return -2;
  if (days <= 366) return -4;
  return -8;
}

export function specificityOf(e: Entity): 'story' | 'topic' | 'general' {
  return e.specificity ?? (e.kind === 'place' ? 'general' : 'topic');
}

export interface PageDate {
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  value: string;
  /** "published" (the page's meta data), "dateline" (found in the text's first lines) or "text" (the latest day the text writes). */
  from: string;
  /** Days outside the story's span (0 inside). */
  days: number;
}

export interface RelevanceInput {
  /** Distinct entities named by an unambiguous alias (text or title). */
  entities: Entity[];
  /** Entity ids named only in the title. */
  inTitle?: Set<string>;
  events: RecognizedEvent[];
  eventsById: Map<string, CrosscheckEvent>;
  /** Events whose trigger phrase is on the page but that are not recognized. */
  triggered: string[];
  claims: ClaimMatch[];
  /** Whether the text names a claim's subject (see the module comment). */
  subjectNamed: (claim: ClaimMatch) => boolean;
  /** Distinct topic terms found (text or title). */
  topicTerms: string[];
  date: PageDate | null;
}

export interface Relevance {
  relevant: boolean;
  score: number;
  reasons: string[];
}

export function judgeRelevance(input: RelevanceInput, threshold = RELEVANCE_THRESHOLD): Relevance {
  const reasons: string[] = [];
  let score = 0;
  for (const e of input.events) {
    score += EVENT_POINTS;
    reasons.push(`+${EVENT_POINTS} event ${e.id} (${input.eventsById.get(e.id)?.title.en ?? e.id})`);
  }
  input.triggered.forEach((id, i) => {
    const pts = i < TRIGGER_CAP ? TRIGGER_POINTS : 0;
    score += pts;
    reasons.push(`+${pts} trigger of event ${id} (not recognized)`);
  });
  const counted = new Set<string>();
  const uncounted = new Set<string>();
  for (const c of input.claims) (input.subjectNamed(c) ? counted : uncounted).add(c.aspect);
  for (const a of counted) {
    score += CLAIM_POINTS;
    reasons.push(`+${CLAIM_POINTS} claim on ${a}`);
  }
  for (const a of uncounted) {
    if (!counted.has(a)) reasons.push(`+0 claim on ${a} (its subject is not named)`);
  }
  for (const e of input.entities) {
    const s = specificityOf(e);
    const pts = SPECIFICITY_POINTS[s];
    score += pts;
    reasons.push(`+${pts} ${e.kind} ${e.id} (${s})${input.inTitle?.has(e.id) ? ' in the title' : ''}`);
  }
  input.topicTerms.forEach((q, i) => {
    const pts = i < TOPIC_CAP ? 1 : 0;
    score += pts;
    reasons.push(`+${pts} topic "${q}"`);
  });
  let close = false;
  if (input.date) {
    const d = input.date;
    // A date guessed from the dates the text writes (no year, or another day's) speaks against a page more
    // surely than for it: close to the story it counts at most TEXT_DATE_CAP and anchors nothing.
    const guessed = d.from === 'text';
    const pts = guessed ? Math.min(TEXT_DATE_CAP, datePoints(d.days)) : datePoints(d.days);
    close = !guessed && d.days <= CLOSE_DAYS;
    score += pts;
    reasons.push(
      `${pts >= 0 ? '+' : ''}${pts} page date ${d.value} (${d.from}), ${d.days === 0 ? 'within the story' : `${d.days} days from the story`}`,
    );
  } else reasons.push('+0 page date unknown');
  const anchor = input.events.length > 0 || counted.size > 0 || input.topicTerms.length >= TOPIC_ANCHOR || close;
  const relevant = score >= threshold && anchor;
  if (!anchor) {
    reasons.push(
      `no anchor (an event, a claim on a named subject, ${TOPIC_ANCHOR} topic terms, or a date close to the story)`,
    );
  }
  if (score < threshold) reasons.push(`score ${score} < ${threshold}`);
  return { relevant, score, reasons };
}

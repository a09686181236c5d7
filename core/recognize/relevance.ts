/**
 * Page relevance: is the text about the dataset's story? Pure module.
 *
 * Only unambiguous evidence counts; ambiguous aliases ("Merz", "Paris",
 * "Caine", "Washington", "US-Präsident", …) never add to the score (they are
 * reported only on pages that are relevant without them).
 *
 * Score:
 * - each recognized event (trigger + support, see `events.ts`): +4, so an
 *   event alone makes a page relevant (it already needed a cue or the place);
 * - each disputed aspect a sentence takes a side on (see `claims.ts`): +2,
 *   but only when the text also names the claim's subject (the entity by an
 *   unambiguous alias; for an event: the event recognized, one of its
 *   triggers, or one of its participants). "Die Impfung wird in 30 Ländern
 *   … aus 30 …" matches the cue and a signal of the coalition's size, but
 *   never names the coalition: 0;
 * - each distinct entity of kind person, group or organization named by an
 *   unambiguous alias: +1;
 * - places: +0 (countries and cities such as "USA", "Europa", "Deutschland",
 *   "Russland" are named by every second page);
 * - each distinct topic term, i.e. aspect cue phrase that is not (part of) a
 *   name ("Sicherheitsgarantien", "air support"; the cue "Dragone" is a name
 *   and counts as the name, with its ambiguity): +1, at most +2 in all.
 *
 * The text is relevant when the score reaches the threshold (default
 * `RELEVANCE_THRESHOLD` = 4) AND it has an anchor in the story itself: a
 * recognized event, a counted claim, or two distinct topic terms.
 *
 * Consequences: a page naming only places is never relevant. Famous actors
 * alone are never enough, however many: a 2018 article on the Trump–Putin
 * summit in Helsinki that names Trump, Putin, Lawrow and Nato scores 4 but has
 * no anchor, and stays quiet (borderline by design: it is the same cast, not
 * the same story; the dataset cannot tell which of its actors are famous, so
 * names never decide alone). Such a page becomes relevant as soon as it
 * touches the story: one of its events, a claim on a disputed point, or two
 * of its topic terms.
 */
import type { CrosscheckEvent, Entity } from '../dataset/schema';
import type { RecognizedEvent } from './events';
import type { ClaimMatch } from './types';

export const RELEVANCE_THRESHOLD = 4;
/** Distinct topic terms that anchor a text without an event or claim. */
export const TOPIC_ANCHOR = 2;
const EVENT_POINTS = 4;
const CLAIM_POINTS = 2;
const TOPIC_CUE_CAP = 2;

export interface RelevanceInput {
  /** Distinct entities named by an unambiguous alias. */
  entities: Entity[];
  events: RecognizedEvent[];
  eventsById: Map<string, CrosscheckEvent>;
  claims: ClaimMatch[];
  /** Whether the text names a claim's subject (see the module comment). */
  subjectNamed: (claim: ClaimMatch) => boolean;
  /** Distinct topic terms found (aspect cue phrases that are not names). */
  topicCues: string[];
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
    if (e.kind === 'place') {
      reasons.push(`+0 place ${e.id}`);
      continue;
    }
    score += 1;
    reasons.push(`+1 ${e.kind} ${e.id}`);
  }
  const cues = input.topicCues.slice(0, TOPIC_CUE_CAP);
  for (const q of cues) {
    score += 1;
    reasons.push(`+1 topic "${q}"`);
  }
  const anchor = input.events.length > 0 || counted.size > 0 || input.topicCues.length >= TOPIC_ANCHOR;
  const relevant = score >= threshold && anchor;
  if (!anchor) reasons.push(`no anchor (an event, a claim on a named subject, or ${TOPIC_ANCHOR} topic terms)`);
  if (score < threshold) reasons.push(`score ${score} < ${threshold}`);
  return { relevant, score, reasons };
}

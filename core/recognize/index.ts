/**
 * The recognition core: finds the dataset's people, organizations, places and
 * events in page text, judges whether the page is about the story, detects
 * sentences that take a side on a disputed aspect, and recognizes the
 * dataset's own reports. Pure TypeScript: no DOM, no browser API, no Node API.
 */
export { compileMatcher } from './matcher';
export type {
  ClaimMatch,
  EventMatch,
  Hit,
  HitKind,
  Matcher,
  MatcherOptions,
  Mention,
  MentionKind,
  ScanContext,
  ScanResult,
} from './types';
export { RELEVANCE_THRESHOLD, TOPIC_ANCHOR } from './relevance';
export { SUPPORT_NEEDED, NEAR } from './events';
export { splitSentences, sentenceAt, type Sentence } from './sentences';
export { foldToken, normalizeForQuotes } from './fold';
export { linkSpans } from './hits';

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
  PageContext,
  ScanContext,
  ScanResult,
} from './types';
export { foldToken } from './fold';

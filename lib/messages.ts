/**
 * The messages that pass between content script, background and popup, typed
 * in one place. Every receiver checks `type` and ignores what it does not know.
 */
export interface RecognizedItem {
  id: string;
  kind: 'person' | 'organization' | 'place' | 'group' | 'event';
  count: number;
}

/** What the content script found on a page, for the badge and the popup. */
export interface PageSummary {
  url: string;
  host: string;
  /** false when the site or Crosscheck is turned off. */
  active: boolean;
  relevant: boolean;
  /** Dataset source id when the page is one of the reports. */
  source: string | null;
  items: RecognizedItem[];
  /** Recognized events, strongest evidence first. */
  events: string[];
  /** Aspect ids of disputed sentences on the page. */
  claims: string[];
  /** What those sentences assert: per aspect, the value of its first sentence on the page. */
  assertions?: { aspect: string; value: string }[];
  /** Some recognized item has a disagreement in the dataset, or a disputed sentence was found. */
  disputed: boolean;
}

export type ToBackground =
  | { type: 'page-summary'; summary: PageSummary }
  | { type: 'get-summary'; tabId: number }
  | { type: 'open-brief'; eventId: string | null };

export type ToContent = { type: 'scroll-to'; id: string } | { type: 'next-highlight' } | { type: 'get-summary' };

export function isMessage<T extends { type: string }>(x: unknown): x is T {
  return typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string';
}

/** What Crosscheck found on a page, for the badge and the popup (the content script reports it). */
export interface RecognizedItem {
  id: string;
  kind: 'person' | 'organization' | 'place' | 'group' | 'event';
  count: number;
}

export interface PageSummary {
  url: string;
  host: string;
  /** false when the site or Crosscheck is turned off. */
  active: boolean;
  relevant: boolean;
  /** Ids of the story packs the page is about, in pack order (absent from older reports). */
  stories?: string[];
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

/** The summary of a page about nothing (or where Crosscheck is off: `active` false). */
export function emptySummary(url: string, host: string, active: boolean): PageSummary {
  return { url, host, active, relevant: false, source: null, items: [], events: [], claims: [], disputed: false };
}

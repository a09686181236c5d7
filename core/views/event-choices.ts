/** The events the popup offers to brief: those on the page first, then all others by date. */
import type { Dataset } from '../dataset/schema';
import type { PageSummary } from '../../core/page-summary';
import { formatDate, type ViewLocale } from './locale';
import { viewIndex } from './view-index';

export interface EventChoice {
  id: string;
  /** "Title (20 August 2025)" */
  label: string;
}

export interface EventChoices {
  /** Recognized on the page, strongest evidence first. */
  onPage: EventChoice[];
  /** The rest of the dataset, by date (undated last). */
  others: EventChoice[];
}

export function buildEventChoices(dataset: Dataset, summary: PageSummary | null, locale: ViewLocale): EventChoices {
  const index = viewIndex(dataset);
  const onPageIds = (summary?.events ?? []).filter((id) => index.events.has(id));
  const onPage = new Set(onPageIds);
  const choice = (id: string): EventChoice[] => {
    const e = index.events.get(id);
    return e ? [{ id, label: `${e.title[locale.lang]} (${formatDate(e.date, locale)})` }] : [];
  };
  const start = (id: string) => {
    const date = index.events.get(id)?.date;
    return date ? Date.parse(date.value) : Infinity;
  };
  const others = dataset.events
    .map((e) => e.id)
    .filter((id) => !onPage.has(id))
    .sort((a, b) => start(a) - start(b) || 0);
  return { onPage: onPageIds.flatMap(choice), others: others.flatMap(choice) };
}

/** The event a brief opens on: the one asked for, else the page's strongest, else the dataset's main event. */
export function defaultBriefEvent(
  dataset: Dataset,
  summary: PageSummary | null,
  requested?: string | null,
): string | null {
  const index = viewIndex(dataset);
  if (requested && index.events.has(requested)) return requested;
  return summary?.events.find((id) => index.events.has(id)) ?? index.mainEvent;
}

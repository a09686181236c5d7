/** Names and one-line descriptions of entities and events. */
import type { CrosscheckEvent, Lang } from '../dataset/schema';
import { formatDate, type ViewLocale } from './locale';
import type { ViewIndex } from './view-index';

/** The entity's name or the event's title in `lang`. */
export function subjectName(index: ViewIndex, id: string, lang: Lang): string {
  return index.entities.get(id)?.name[lang] ?? index.events.get(id)?.title[lang] ?? id;
}

/** "20 August 2025 · Brussels · happened" (the place left out when there is none). */
export function eventLine(index: ViewIndex, event: CrosscheckEvent, locale: ViewLocale): string {
  const place = event.place ? subjectName(index, event.place, locale.lang) : null;
  return [formatDate(event.date, locale), place, locale.t(`status_${event.status}`)].filter(Boolean).join(' · ');
}

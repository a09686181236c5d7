/**
 * What the view builders need to put text into the interface language:
 * `translator(settings.language)` from lib/i18n gives both.
 */
import type { FuzzyDate, Lang } from '../dataset/schema';
import { formatFuzzyDate } from '../fuzzy-date';
import type { Translate } from '../translate';

export interface ViewLocale {
  lang: Lang;
  t: Translate;
}

/** "20 August 2025", "week of 18 August 2025", "date not stated". */
export function formatDate(date: FuzzyDate | null, locale: ViewLocale): string {
  return formatFuzzyDate(date, locale.lang, locale.t);
}

/** "A, B and C" / "A, B und C"; `t('none')` for an empty list. */
export function joinList(items: string[], locale: ViewLocale): string {
  if (items.length === 0) return locale.t('none');
  return new Intl.ListFormat(locale.lang, { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * A machine-readable form of a fuzzy date for `<time datetime>`: the value
 * itself for day, month and year, the ISO week ("2025-W34") for a week.
 */
export function machineDate(date: FuzzyDate | null): string | null {
  if (!date) return null;
  if (date.precision !== 'week') return date.value;
  const [y = 1970, m = 1, d = 1] = date.value.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = (day.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const weekYear = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(weekYear, 0, 4));
  const firstMonday = firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * 86_400_000;
  const week = 1 + Math.round((thursday.getTime() - 3 * 86_400_000 - firstMonday) / (7 * 86_400_000));
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

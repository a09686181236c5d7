import type { Lang } from './dataset/schema';
import type { Translate } from './translate';

/** Dates as precise as the data: "20 August 2025", "August 2025", "2025", "week of 18 August 2025". */
export function formatFuzzyDate(
  date: { value: string; precision: 'day' | 'week' | 'month' | 'year' } | null,
  lang: Lang,
  t: Translate,
): string {
  if (!date) return t('dateUnknown');
  const [y, m, d] = date.value.split('-').map(Number);
  const utc = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  const locale = lang === 'de' ? 'de-DE' : 'en-GB';
  switch (date.precision) {
    case 'year':
      return String(y);
    case 'month':
      return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc);
    case 'week':
      return t(
        'datePrecision_week',
        new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
          mondayOf(utc),
        ),
      );
    default:
      return new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(utc);
  }
}

function mondayOf(d: Date): Date {
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - day * 86_400_000);
}

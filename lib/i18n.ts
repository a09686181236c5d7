/**
 * Interface strings. Every string lives in `public/_locales/{de,en}/messages.json`.
 * With the language setting on "automatic" they come from `browser.i18n`
 * (the browser's UI language); when the user picks a language, from the
 * same files bundled in, since `browser.i18n` cannot switch locale at run time.
 */
import { browser } from 'wxt/browser';
import de from '../public/_locales/de/messages.json';
import en from '../public/_locales/en/messages.json';
import type { Lang } from '../core/dataset/schema';
import type { UiLanguage } from './settings';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
export type MessageKey = keyof typeof en;

const BUNDLED: Record<Lang, Messages> = { de, en };

function format(entry: Messages[string] | undefined, subs: (string | number)[]): string {
  if (!entry) return '';
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    const index = Number(content.replace('$', '')) - 1;
    return String(subs[index] ?? '');
  });
}

/** The language the interface shows in. */
export function resolveLanguage(setting: UiLanguage): Lang {
  if (setting !== 'auto') return setting;
  let ui = '';
  try {
    // The locale browser.i18n.getMessage() really uses (it can differ from getUILanguage()),
    // so that interface strings and dataset texts are always in the same language.
    ui = browser.i18n.getMessage('@@ui_locale') || browser.i18n.getUILanguage();
  } catch {
    ui = typeof navigator === 'undefined' ? 'en' : navigator.language;
  }
  return ui.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export type Translate = (key: MessageKey, ...subs: (string | number)[]) => string;

export function translator(setting: UiLanguage): { lang: Lang; t: Translate } {
  const lang = resolveLanguage(setting);
  const t: Translate = (key, ...subs) => {
    if (setting === 'auto') {
      try {
        const viaBrowser = browser.i18n.getMessage(key, subs.map(String));
        if (viaBrowser) return viaBrowser;
      } catch {
        // fall through to the bundled copy (unit tests, odd contexts)
      }
    }
    return format(BUNDLED[lang][key], subs) || format(BUNDLED.en[key], subs) || key;
  };
  return { lang, t };
}

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

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB').format(n);
}

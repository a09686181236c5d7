/**
 * Interface strings. Every string lives in `public/_locales/{de,en}/messages.json`.
 * They come from `browser.i18n`: with the language setting on "automatic" in
 * the browser's UI language; when the user picks a language, under the name
 * `<lang>__<key>`, which the build adds to the default locale's messages for
 * every language (scripts/lib/locales.ts), since `browser.i18n` cannot switch
 * locale at run time. The extension pages, and unit tests (no `browser.i18n`
 * there), also bundle the two files as a fallback; the content script does
 * not (neither of its two stages), to stay small.
 */
import { browser } from 'wxt/browser';
import de from '../public/_locales/de/messages.json';
import en from '../public/_locales/en/messages.json';
import type { Lang } from '../core/dataset/schema';
import type { UiLanguage } from '../core/settings';
import type { Translate } from '../core/translate';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** Content scripts (both stages) leave the tables out: `browser.i18n` always serves them there.
 * Two literal comparisons, so that the build folds them and drops the JSON (`includes` would not fold). */
const IN_CONTENT_SCRIPT = import.meta.env.ENTRYPOINT === 'content' || import.meta.env.ENTRYPOINT === 'full';
const BUNDLED: Record<Lang, Messages> | null = IN_CONTENT_SCRIPT ? null : { de, en };

function format(entry: Messages[string] | undefined, subs: (string | number)[]): string {
  if (!entry) return '';
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    const index = Number(content.replace('$', '')) - 1;
    return String(subs[index] ?? '');
  });
}

/** The language the interface shows in. */
function resolveLanguage(setting: UiLanguage): Lang {
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

export function translator(setting: UiLanguage): { lang: Lang; t: Translate } {
  return createTranslator(setting, BUNDLED);
}

/** The message name `browser.i18n` knows `key` by in `lang` (see scripts/lib/locales.ts). */
export const messageName = (lang: Lang, key: string): string => `${lang}__${key}`;

/** `browser.i18n.getMessage` for any name: the generated `<lang>__` names are not among its typed keys. */
const getMessage = (name: string, substitutions: string[]): string =>
  (browser.i18n as unknown as { getMessage(name: string, substitutions: string[]): string }).getMessage(
    name,
    substitutions,
  );

/** `translator` with the fallback tables given (null: `browser.i18n` only, as in the content script). */
export function createTranslator(
  setting: UiLanguage,
  bundled: Record<Lang, Messages> | null,
): { lang: Lang; t: Translate } {
  const lang = resolveLanguage(setting);
  const t: Translate = (key, ...subs) => {
    const args = subs.map(String);
    try {
      const viaBrowser = getMessage(setting === 'auto' ? key : messageName(lang, key), args);
      if (viaBrowser) return viaBrowser;
    } catch {
      // no browser.i18n (unit tests, odd contexts): the bundled copy
    }
    if (bundled) return format(bundled[lang][key], subs) || format(bundled.en[key], subs) || key;
    try {
      // A build without the `<lang>__` names (it cannot happen with wxt.config.ts): the browser's language.
      return getMessage(key, args) || key;
    } catch {
      return key;
    }
  };
  return { lang, t };
}

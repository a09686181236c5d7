import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';
import { withLanguageKeys, type Messages } from '../../scripts/lib/locales';
import { formatFuzzyDate } from '../../core/fuzzy-date';
import { createTranslator, messageName, translator } from '../i18n';

describe('interface strings', () => {
  it('German and English have the same keys and the same placeholders', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const ph = (m: { message: string }) => (m.message.match(/\$\w+\$/g) ?? []).sort();
      expect(ph(de[key]), key).toEqual(ph(en[key]));
    }
  });

  it('store descriptions fit the 132-character limit', () => {
    expect(en.extDescription.message.length).toBeLessThanOrEqual(132);
    expect(de.extDescription.message.length).toBeLessThanOrEqual(132);
  });

  it('substitutes placeholders in the chosen language', () => {
    expect(translator('de').t('popoverLabel', 'Trump')).toBe('Crosscheck: Trump');
    expect(translator('en').t('sentenceAgrees', 'A, B')).toBe('This sentence agrees with: A, B');
  });

  it('formats dates as precisely as the data', () => {
    const { t } = translator('de');
    expect(formatFuzzyDate({ value: '2025-08-20', precision: 'day' }, 'de', t)).toBe('20. August 2025');
    expect(formatFuzzyDate({ value: '2025-08', precision: 'month' }, 'en', translator('en').t)).toBe('August 2025');
    expect(formatFuzzyDate({ value: '2025-08-20', precision: 'week' }, 'en', translator('en').t)).toBe(
      'week of 18 August 2025',
    );
    expect(formatFuzzyDate(null, 'de', t)).toBe('Datum nicht genannt');
  });
});

/**
 * `browser.i18n.getMessage` as a browser answers it from the built extension: the
 * `uiLocale` file, then the default locale's (en, with the generated `<lang>__` names).
 */
function fakeGetMessage(uiLocale: 'de' | 'en') {
  const defaults = withLanguageKeys(en, { de, en });
  const own: Messages = uiLocale === 'de' ? de : defaults;
  return (name: string, subs?: string | string[]) => {
    if (name === '@@ui_locale') return uiLocale;
    const entry = own[name] ?? defaults[name];
    if (!entry) return '';
    const list = typeof subs === 'string' ? [subs] : (subs ?? []);
    return entry.message.replace(/\$(\w+)\$/g, (_, p: string) => {
      const content = (entry.placeholders as Record<string, { content: string }> | undefined)?.[p.toLowerCase()]
        ?.content;
      return list[Number(content?.slice(1)) - 1] ?? '';
    });
  };
}

describe('interface strings from browser.i18n (as in the content script, without bundled tables)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('the build adds every language under <lang>__<key> to the default locale, unchanged', () => {
    const built = withLanguageKeys(en, { de, en });
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(built[key]).toEqual(en[key]);
      expect(built[messageName('de', key)]).toEqual(de[key]);
      expect(built[messageName('en', key)]).toEqual(en[key]);
    }
    expect(() => withLanguageKeys({ ...en, DE__close: { message: 'x' } }, { de })).toThrow(/generated name/);
  });

  it('answers in the language picked in the options, whatever the browser language', () => {
    for (const ui of ['de', 'en'] as const) {
      vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(fakeGetMessage(ui) as never);
      expect(createTranslator('de', null).t('close')).toBe('Schließen');
      expect(createTranslator('en', null).t('close')).toBe('Close');
      expect(createTranslator('de', null).t('popoverLabel', 'Trump')).toBe('Crosscheck: Trump');
      expect(createTranslator('auto', null)).toMatchObject({ lang: ui });
      expect(createTranslator('auto', null).t('close')).toBe(ui === 'de' ? 'Schließen' : 'Close');
      vi.restoreAllMocks();
    }
  });

  it('falls back to the browser language, then to the key, when a name is missing', () => {
    const real = fakeGetMessage('de');
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((name: string, subs?: string[]) =>
      name.includes('__') ? '' : real(name, subs)) as never);
    expect(createTranslator('en', null).t('close')).toBe('Schließen');
    vi.restoreAllMocks();
    expect(createTranslator('en', null).t('close')).toBe('close'); // no browser.i18n at all
    expect(createTranslator('en', { de, en }).t('close')).toBe('Close');
  });
});

import { describe, expect, it } from 'vitest';
import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';
import { formatFuzzyDate, translator } from '../i18n';

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

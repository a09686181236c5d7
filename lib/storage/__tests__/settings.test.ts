import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, isEnabledOn, sanitizeSettings } from '../../../core/settings';
import { getSettings, setSiteEnabled, updateSettings, watchSettings } from '../settings';

describe('settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('starts from the defaults', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('repairs whatever storage holds into a complete, valid value', () => {
    const s = sanitizeSettings({
      enabled: 'yes',
      hoverDelayMs: 99999,
      kinds: { person: false, bogus: true },
      highlightStyle: 'neon',
      language: 'fr',
      disabledSites: ['a.org', 7, 'a.org', ''],
    });
    expect(s.enabled).toBe(true);
    expect(s.hoverDelayMs).toBe(2000);
    expect(s.kinds.person).toBe(false);
    expect(s.kinds.event).toBe(true);
    expect('bogus' in s.kinds).toBe(false);
    expect(s.highlightStyle).toBe('tint');
    expect(s.language).toBe('auto');
    expect(s.disabledSites).toEqual(['a.org']);
    expect(sanitizeSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('turns a site off and on, and tells watchers', async () => {
    const seen: boolean[] = [];
    const unwatch = watchSettings((s) => seen.push(isEnabledOn(s, 'news.example')));
    await setSiteEnabled('NEWS.example.', false);
    expect(isEnabledOn(await getSettings(), 'news.example')).toBe(false);
    expect(isEnabledOn(await getSettings(), 'other.example')).toBe(true);
    await setSiteEnabled('news.example', true);
    expect((await getSettings()).disabledSites).toEqual([]);
    await updateSettings({ enabled: false });
    expect(isEnabledOn(await getSettings(), 'other.example')).toBe(false);
    unwatch();
    expect(seen).toEqual([false, true, false]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings';
import { updateSettings } from '../../storage/settings';
import { getSettings, watchSettings } from '../settings';

describe('the full stage reads the settings the store writes', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('nothing stored: the defaults', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('reads what the settings store wrote, sanitized', async () => {
    await updateSettings({ highlightMode: 'every', hoverDelayMs: 700, disabledSites: ['example.org'] });
    const s = await getSettings();
    expect(s.highlightMode).toBe('every');
    expect(s.hoverDelayMs).toBe(700);
    expect(s.disabledSites).toEqual(['example.org']);
    await fakeBrowser.storage.sync.set({ settings: { hoverDelayMs: 99999, kinds: { person: false } } });
    const repaired = await getSettings();
    expect(repaired.hoverDelayMs).toBe(2000);
    expect(repaired.kinds.person).toBe(false);
    expect(repaired.kinds.event).toBe(true);
  });

  it('hears every change of the stored value, and stops hearing after unsubscribing', async () => {
    const seen: Settings[] = [];
    const stop = watchSettings((s) => seen.push(s));
    await updateSettings({ enabled: false });
    await updateSettings({ enabled: false }); // the same value again: no call
    await fakeBrowser.storage.local.set({ settings: { enabled: true } }); // another area: no call
    expect(seen.map((s) => s.enabled)).toEqual([false]);
    stop();
    await updateSettings({ enabled: true });
    expect(seen).toHaveLength(1);
  });
});

/**
 * The settings store: the model of core/settings.ts, typed, versioned and
 * sanitized on read, in `browser.storage.sync` through WXT's storage item
 * (which runs migrations when `version` goes up). Every part of the extension
 * reads and writes settings only through here.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, sanitizeSettings, siteKey, type Settings } from '../../core/settings';

const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function getSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue());
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = sanitizeSettings({ ...(await getSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

/** Calls `cb` with sanitized settings whenever they change (in any context). */
export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((value) => cb(sanitizeSettings(value)));
}

export async function setSiteEnabled(hostname: string, enabled: boolean): Promise<Settings> {
  const key = siteKey(hostname);
  const current = await getSettings();
  const others = current.disabledSites.filter((h) => h !== key);
  return updateSettings({ disabledSites: enabled ? others : [...others, key] });
}

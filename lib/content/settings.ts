/**
 * The settings as the full stage reads them: the same stored value as
 * lib/storage/settings.ts (WXT's `sync:settings` item is the key `settings`
 * of `browser.storage.sync`), sanitized the same way, read with the browser's
 * own storage API. WXT's storage layer (migrations, metadata, locks: about
 * 3 KB gzip) stays out of the content script; its migrations run in the
 * extension's pages and background, which define the item.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../../core/settings';

/** The storage key of WXT's `sync:settings` item. */
export const SETTINGS_KEY = 'settings';

export async function getSettings(): Promise<Settings> {
  const stored = (await browser.storage.sync.get(SETTINGS_KEY)) as Record<string, unknown>;
  return sanitizeSettings(stored[SETTINGS_KEY] ?? DEFAULT_SETTINGS);
}

/** Calls `cb` with sanitized settings whenever the stored value changes; returns the unsubscribe function. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_KEY];
    if (area !== 'sync' || !change) return;
    if (JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
    cb(sanitizeSettings(change.newValue ?? DEFAULT_SETTINGS));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

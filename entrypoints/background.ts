/**
 * The background: recognition for every tab's content script across every
 * enabled story pack, each tab's results for the popup, the badge, keyboard
 * commands and the brief. Thin: the logic lives in lib/background and
 * lib/storage.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createMessageHandler, showBadge } from '../lib/background/handlers';
import { RecognitionService } from '../lib/background/recognition';
import { adoptOpenTabs, loadFullStage, nudgeOffTabs } from '../lib/background/stages';
import { tabSummaries } from '../lib/background/tab-state';
import type { ToContent } from '../lib/messages';
import { migrateStores } from '../lib/storage/migrate-stores';
import { compiledCache, openPacks, watchPacks } from '../lib/storage/packs';

export default defineBackground(() => {
  // An imported dataset of the old Data section moves into the pack store, once, before the first compile.
  const store = openPacks().then(async (packs) => {
    await migrateStores(packs).catch((e: unknown) => console.warn('Crosscheck: cannot migrate the stored data', e));
    return packs;
  });
  // A service worker that was stopped restores its last compile first (cheap), then compiles again.
  const service = new RecognitionService(
    async () => (await store).enabledPacks(),
    compiledCache(store, browser.runtime.getManifest().version),
  );
  watchPacks(() => service.reset());
  browser.runtime.onMessage.addListener(createMessageHandler(service, loadFullStage));
  service.warm();

  browser.runtime.onInstalled.addListener((details) => {
    // First run: the welcome page (the extension's own file) says what the highlights mean.
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
    // The pages already open get this version's first stage (an older one there cleans up).
    if (details.reason === 'install' || details.reason === 'update') void adoptOpenTabs();
  });

  // The first stages keep no storage listener: tell those of the tabs where Crosscheck was off.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && 'settings' in changes) void nudgeOffTabs();
  });

  browser.tabs.onRemoved.addListener((tabId) => void tabSummaries.delete(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) void tabSummaries.delete(tabId).then(() => showBadge(tabId, null));
  });

  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'next-highlight') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const msg: ToContent = { type: 'next-highlight' };
    await browser.tabs.sendMessage(tab.id, msg).catch(() => {});
  });
});

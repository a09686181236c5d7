/**
 * The background: recognition for every tab's content script, each tab's
 * results for the popup, the badge, keyboard commands and the brief. Thin:
 * the logic lives in lib/background.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createMessageHandler, showBadge } from '../lib/background/handlers';
import { RecognitionService } from '../lib/background/recognition';
import { adoptOpenTabs, loadFullStage } from '../lib/background/stages';
import { tabSummaries } from '../lib/background/tab-state';
import type { ToContent } from '../lib/messages';
import { loadActiveDataset, recheckImportedDataset, watchActiveDataset } from '../lib/storage/dataset-store';

export default defineBackground(() => {
  const service = new RecognitionService(async () => (await loadActiveDataset()).dataset);
  watchActiveDataset(() => service.reset());
  browser.runtime.onMessage.addListener(createMessageHandler(service, loadFullStage));
  service.warm();

  // Readers of an imported dataset trust that it validated (lib/storage/dataset-store.ts): after an
  // install or update, check it again with this version's rules.
  browser.runtime.onInstalled.addListener((details) => {
    // A dataset it drops or rewrites is a change of the active dataset: `watchActiveDataset` recompiles.
    recheckImportedDataset().catch((e: unknown) => console.warn('Crosscheck: cannot check the imported dataset', e));
    // First run: the welcome page (the extension's own file) says what the highlights mean.
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
    // The pages already open get this version's first stage (an older one there cleans up).
    if (details.reason === 'install' || details.reason === 'update') void adoptOpenTabs();
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

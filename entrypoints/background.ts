/**
 * Keeps each tab's results for the popup, shows the badge, relays keyboard
 * commands and opens the brief. Thin: the logic lives in lib/.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isMessage, type PageSummary, type ToBackground, type ToContent } from '../lib/messages';
import { badgeFor } from '../lib/badge';
import { recheckImportedDataset } from '../lib/dataset-store';
import { rememberBriefRequest, tabSummaries } from '../lib/tab-state';

export default defineBackground(() => {
  const action = browser.action ?? browser.browserAction;

  async function showBadge(tabId: number, summary: PageSummary | null) {
    const badge = badgeFor(summary);
    await Promise.all([
      action.setBadgeText({ tabId, text: badge.text }),
      action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      action.setTitle({ tabId, title: badge.title }),
    ]).catch(() => {}); // the tab may be gone
  }

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isMessage<ToBackground>(message)) return undefined;
    switch (message.type) {
      case 'page-summary': {
        const tabId = sender.tab?.id;
        if (tabId === undefined || sender.frameId !== 0) return undefined;
        return tabSummaries.set(tabId, message.summary).then(() => showBadge(tabId, message.summary));
      }
      case 'get-summary':
        return tabSummaries.get(message.tabId);
      case 'open-brief':
        return openBrief(message.eventId, sender.tab?.id);
    }
    return undefined;
  });

  async function openBrief(eventId: string | null, tabId: number | undefined) {
    await rememberBriefRequest({ eventId, tabId: tabId ?? null });
    try {
      await action.openPopup();
    } catch {
      // No user gesture (Firefox) or no window: open the brief in a tab instead.
      const query = new URLSearchParams({
        ...(eventId ? { event: eventId } : {}),
        ...(tabId ? { tab: String(tabId) } : {}),
      });
      await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?${query}`) });
    }
  }

  // Readers of an imported dataset trust that it validated (lib/dataset-store.ts): after an
  // install or update, check it again with this version's rules.
  browser.runtime.onInstalled.addListener((details) => {
    recheckImportedDataset().catch((e: unknown) => console.warn('Crosscheck: cannot check the imported dataset', e));
    // First run: the welcome page (the extension's own file) says what the highlights mean.
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
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

/**
 * Everything the popup needs at open: the active dataset, the settings, and
 * for the tab it is about (the current tab, or `?tab=ID` when the popup was
 * opened in a tab of its own) what the content script found there.
 */
import { browser } from 'wxt/browser';
import type { Dataset } from '../../core/dataset/schema';
import { loadActiveDataset } from '../../lib/storage/dataset-store';
import type { PageSummary } from '../../core/page-summary';
import type { Settings } from '../../core/settings';
import { getSettings } from '../../lib/storage/settings';
import { takeBriefRequest } from '../../lib/background/tab-state';
import { getOpenSections } from './open-sections';
import { summaryOf } from './page-summary';

export interface PopupData {
  dataset: Dataset;
  settings: Settings;
  tabId: number | null;
  /** null when no content script runs on the tab (browser pages) or it has not reported yet. */
  summary: PageSummary | null;
  /** The event asked for ("open the full brief" in a popover, or `?event=ID`). */
  requestedEvent: string | null;
  /** The popup shows in a tab of its own rather than as the toolbar popup. */
  inTab: boolean;
  /** Sections of the brief the reader left open last time. */
  openSections: string[];
}

export async function loadPopupData(url: URL): Promise<PopupData> {
  const tabParam = Number(url.searchParams.get('tab'));
  const [{ dataset }, settings, request, openSections] = await Promise.all([
    loadActiveDataset(),
    getSettings(),
    takeBriefRequest(),
    getOpenSections(),
  ]);
  const tabId = Number.isInteger(tabParam) && tabParam > 0 ? tabParam : (request?.tabId ?? (await activeTabId()));
  return {
    dataset,
    settings,
    tabId,
    summary: tabId === null ? null : await summaryOf(tabId),
    requestedEvent: url.searchParams.get('event') ?? request?.eventId ?? null,
    inTab: url.searchParams.has('tab') || url.searchParams.has('event'),
    openSections,
  };
}

async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

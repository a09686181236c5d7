/**
 * Everything the popup needs at open: the enabled story packs (merged as the
 * background merges them, so that the page's ids are theirs), the settings, and
 * for the tab it is about (the current tab, or `?tab=ID` when the popup was
 * opened in a tab of its own) what the content script found there.
 */
import { browser } from 'wxt/browser';
import type { Dataset, Localized } from '../../core/dataset/schema';
import { mergePacks } from '../../core/pack/merge';
import { openPacks } from '../../lib/storage/packs';
import type { PageSummary } from '../../core/page-summary';
import type { Settings } from '../../core/settings';
import { getSettings } from '../../lib/storage/settings';
import { takeBriefRequest } from '../../lib/background/tab-state';
import { getOpenSections } from './open-sections';
import { summaryOf } from './page-summary';

/** One enabled story: its pack's own items, in the merged ids the page's summary uses. */
export interface PopupStory {
  id: string;
  title: Localized;
  dataset: Dataset;
}

export interface PopupData {
  /** Every enabled story together (what the page's recognized items are looked up in). */
  dataset: Dataset;
  /** The enabled stories, in pack order. */
  stories: PopupStory[];
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
  const [packs, settings, request, openSections] = await Promise.all([
    enabledPacks(),
    getSettings(),
    takeBriefRequest(),
    getOpenSections(),
  ]);
  const tabId = Number.isInteger(tabParam) && tabParam > 0 ? tabParam : (request?.tabId ?? (await activeTabId()));
  const merged = mergePacks(packs);
  return {
    dataset: merged.dataset,
    stories: merged.parts.map((p) => ({ id: p.manifest.id, title: p.manifest.title, dataset: p.dataset })),
    settings,
    tabId,
    summary: tabId === null ? null : await summaryOf(tabId),
    requestedEvent: url.searchParams.get('event') ?? request?.eventId ?? null,
    inTab: url.searchParams.has('tab') || url.searchParams.has('event'),
    openSections,
  };
}

async function enabledPacks() {
  const store = await openPacks();
  try {
    return await store.enabledPacks();
  } finally {
    store.close();
  }
}

async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/**
 * The background's message handlers: recognition and popover content for
 * content scripts, tab results for the popup, the badge, and opening the
 * brief. Every handler answers with a promise, or `undefined` for a message
 * it does not handle.
 */
import { browser } from 'wxt/browser';
import { emptySummary, type PageSummary } from '../../core/page-summary';
import { isEnabledOn } from '../../core/settings';
import { isMessage, type CheckAnswer, type CheckRequest, type FullStageHandoff, type ToBackground } from '../messages';
import { getSettings } from '../storage/settings';
import { badgeFor } from './badge';
import type { RecognitionService } from './recognition';
import { rememberBriefRequest, tabSummaries } from './tab-state';

/** What a handler needs to know about a message's sender. */
export interface Sender {
  tab?: { id?: number };
  frameId?: number;
  /** The sending frame's address. */
  url?: string;
}

/** Injects the full stage into a frame with what it is handed (lib/background/stages.ts; a fake in tests). */
export type LoadFullStage = (tabId: number, frameId: number, handoff?: FullStageHandoff) => Promise<void>;

export function createMessageHandler(service: RecognitionService, loadFullStage?: LoadFullStage) {
  return (message: unknown, sender: Sender): Promise<unknown> | undefined => {
    if (!isMessage<ToBackground>(message)) return undefined;
    switch (message.type) {
      case 'check':
        return checkPage(service, message, sender, loadFullStage);
      case 'scan':
        return service.scan(message);
      case 'scan-batch':
        return service.scanBatch(message.texts, message.page, message.relevant, message.stories);
      case 'popover':
        return pageStories(message.stories, sender).then((stories) =>
          service.popover(message.target, message.language, message.pageSource, stories),
        );
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
  };
}

/**
 * The first stage's question. When the page is about a story, the full stage
 * is injected into the sender's frame before the answer. A page that is about
 * nothing (or where Crosscheck is off) gets its top frame's summary here, for
 * the badge and the popup: no full stage will report one.
 */
async function checkPage(
  service: RecognitionService,
  message: CheckRequest,
  sender: Sender,
  loadFullStage: LoadFullStage | undefined,
): Promise<CheckAnswer> {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId ?? 0;
  const url = sender.url ?? message.page.url ?? '';
  const host = hostOf(url);
  // The settings are read while the text is judged (a page where Crosscheck is off is judged for nothing,
  // off the page's thread): one storage read less before a story page's full stage.
  const [settings, about] = await Promise.all([
    getSettings(),
    service.checkWithHead(message.text, message.page, message.complete),
  ]);
  const active = isEnabledOn(settings, host);
  const load = active && about.load;
  if (load && tabId !== undefined && loadFullStage) {
    // The full stage gets the settings and the head's answer with it: no storage read, and its first
    // screen is highlighted without a round trip.
    await loadFullStage(tabId, frameId, { settings, head: about.head, at: Date.now() });
    return { load: true };
  }
  if (tabId !== undefined && frameId === 0) {
    const summary = emptySummary(url, host, active);
    await tabSummaries.set(tabId, summary).then(() => showBadge(tabId, summary));
  }
  return { load: false, ...(active ? {} : { off: true }) };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The stories a popover's page is about: as the message tells, else as the tab's summary says. */
async function pageStories(told: string[] | undefined, sender: Sender): Promise<string[]> {
  if (told) return told;
  const tabId = sender.tab?.id;
  if (tabId === undefined) return [];
  return ((await tabSummaries.get(tabId).catch(() => null))?.stories ?? []).slice();
}

const action = () => browser.action ?? browser.browserAction;

export async function showBadge(tabId: number, summary: PageSummary | null): Promise<void> {
  const badge = badgeFor(summary);
  const a = action();
  await Promise.all([
    a.setBadgeText({ tabId, text: badge.text }),
    a.setBadgeBackgroundColor({ tabId, color: badge.color }),
    a.setTitle({ tabId, title: badge.title }),
  ]).catch(() => {}); // the tab may be gone
}

async function openBrief(eventId: string | null, tabId: number | undefined) {
  await rememberBriefRequest({ eventId, tabId: tabId ?? null });
  try {
    await action().openPopup();
  } catch {
    // No user gesture (Firefox) or no window: open the brief in a tab instead.
    const query = new URLSearchParams({
      ...(eventId ? { event: eventId } : {}),
      ...(tabId ? { tab: String(tabId) } : {}),
    });
    await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?${query}`) });
  }
}

import { browser } from 'wxt/browser';
import type { PageSummary } from '../../core/page-summary';
import type { ToBackground } from '../../lib/messages';

/** What the content script last reported for the tab, via the background. */
export async function summaryOf(tabId: number): Promise<PageSummary | null> {
  const message: ToBackground = { type: 'get-summary', tabId };
  try {
    return ((await browser.runtime.sendMessage(message)) as PageSummary | null | undefined) ?? null;
  } catch {
    return null;
  }
}

/**
 * Per-tab results kept by the background. In `storage.session` so they survive
 * the MV3 service worker being stopped, and vanish with the browser session.
 */
import { storage } from 'wxt/utils/storage';
import type { PageSummary } from '../../core/page-summary';

const key = (tabId: number) => `session:tab-${tabId}` as const;

export const tabSummaries = {
  get: (tabId: number) => storage.getItem<PageSummary>(key(tabId)),
  set: (tabId: number, summary: PageSummary) => storage.setItem(key(tabId), summary),
  delete: (tabId: number) => storage.removeItem(key(tabId)),
};

export interface BriefRequest {
  eventId: string | null;
  tabId: number | null;
}

const briefItem = storage.defineItem<BriefRequest>('session:brief-request');

export const rememberBriefRequest = (req: BriefRequest) => briefItem.setValue(req);

/** The popup takes the pending request once (an "open the full brief" click). */
export async function takeBriefRequest(): Promise<BriefRequest | null> {
  const req = await briefItem.getValue();
  if (req) await briefItem.removeValue();
  return req;
}

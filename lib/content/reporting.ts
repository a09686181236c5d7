/**
 * What the page holds, for the badge and the popup: the content script adds
 * every scan answer it highlighted, and reports the summary to the background
 * (the top frame only: frames highlight, the top page reports).
 */
import { browser } from 'wxt/browser';
import type { PageSummary, RecognizedItem } from '../../core/page-summary';
import type { HighlightKind } from '../../core/settings';
import type { ScanReply, ToBackground } from '../messages';

export class PageFindings {
  relevant = false;
  source: string | null = null;
  /** The stories the page is about, from every answer added. */
  stories: string[] = [];
  private items = new Map<string, RecognizedItem>();
  private events = new Map<string, number>();
  private claims = new Set<string>();
  /** Per aspect, the value its first disputed sentence on the page asserts. */
  private assertions = new Map<string, string>();
  private disputed = false;

  /** Adds an answer: the items of the kinds shown, the events, the disputed sentences. */
  add(reply: ScanReply, kinds: Record<HighlightKind, boolean>): void {
    if (!reply.relevant) return;
    for (const s of reply.stories ?? []) if (!this.stories.includes(s)) this.stories.push(s);
    for (let i = 0; i < reply.ranges.length; i += 3) {
      const target = reply.targets[reply.ranges[i + 2]!];
      if (!target) continue;
      if (target.type === 'claim') {
        this.claims.add(target.aspect);
        if (!this.assertions.has(target.aspect)) this.assertions.set(target.aspect, target.value);
        this.disputed = true;
        continue;
      }
      if (!kinds[target.kind]) continue;
      const item = this.items.get(target.id) ?? { id: target.id, kind: target.kind, count: 0 };
      item.count++;
      this.items.set(target.id, item);
      if (target.disputed) this.disputed = true;
    }
    for (const [id, weight] of reply.events) this.events.set(id, (this.events.get(id) ?? 0) + weight);
  }

  clear(): void {
    this.relevant = false;
    this.source = null;
    this.stories = [];
    this.items.clear();
    this.events.clear();
    this.claims.clear();
    this.assertions.clear();
    this.disputed = false;
  }

  summary(page: { url: string; host: string; active: boolean }): PageSummary {
    return {
      ...page,
      relevant: this.relevant,
      stories: [...this.stories],
      source: this.source,
      items: [...this.items.values()].sort((a, b) => b.count - a.count),
      events: [...this.events.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id),
      claims: [...this.claims],
      assertions: [...this.assertions].map(([aspect, value]) => ({ aspect, value })),
      disputed: this.disputed,
    };
  }
}

/** Sends the summary to the background (for the badge and the popup); never throws. */
export async function reportSummary(summary: PageSummary): Promise<void> {
  const msg: ToBackground = { type: 'page-summary', summary };
  try {
    await browser.runtime.sendMessage(msg);
  } catch {
    // the background is restarting or the extension is gone: the next report will do
  }
}

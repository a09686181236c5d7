/**
 * The first stage, on every page: a few KB with no UI, no mark.js, no Preact.
 * At idle it reads the page's text without layout reads and asks the
 * background whether the page is about a story (PageCheck); only then does
 * the background inject the full stage (entrypoints/full.content: reader,
 * highlighter, popover). Pages that are about nothing cost a text read and
 * one message.
 * No runtime code outside `main` (WXT imports this file at build time).
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createAsk } from '../../lib/content/background-client';
import { PageCheck } from '../../lib/content/page-check';
import { readPageMeta } from '../../lib/content/page-meta';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  cssInjectionMode: 'manual',
  async main(ctx) {
    if (!document.body || !(document.documentElement instanceof HTMLElement)) return; // XML/SVG documents
    await whenIdle(ctx);
    if (ctx.isInvalid) return;
    const check = new PageCheck({
      root: document.body,
      ask: createAsk(),
      page: () => {
        const meta = readPageMeta(document, location.href);
        return { published: meta.published, url: meta.url, title: meta.title };
      },
      onSettingsChange: (cb) => {
        const listener = (changes: Record<string, unknown>, area: string) => {
          if (area === 'sync' && 'settings' in changes) cb();
        };
        browser.storage.onChanged.addListener(listener);
        return () => browser.storage.onChanged.removeListener(listener);
      },
      orphaned: () => ctx.notifyInvalidated(),
    });
    ctx.onInvalidated(() => check.stop());
    await check.start();
  },
});

/** Waits for the page to settle: the first idle period (or 1.5 s at most). */
function whenIdle(ctx: ContentScriptContext): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') ctx.requestIdleCallback(() => resolve(), { timeout: 1500 });
    else ctx.setTimeout(resolve, 50);
  });
}

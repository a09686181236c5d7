/**
 * The content side's two stages, as the background loads them. The first
 * stage (content-scripts/content.js) is in the manifest: on every page. The
 * full stage (content-scripts/full.js, with highlights.css) is injected into
 * one frame when its first stage found the page to be about a story. After an
 * install or update, the first stage is injected into the tabs already open,
 * so that the new version takes over there (the old one cleans up).
 */
import { browser } from 'wxt/browser';

const FULL_STAGE = '/content-scripts/full.js';
const FIRST_STAGE = '/content-scripts/content.js';
const HIGHLIGHT_CSS = '/highlights.css';
const PAGES = ['http://*/*', 'https://*/*'];

/** Injects the full stage (its styles first) into one frame of a tab. */
export async function loadFullStage(tabId: number, frameId: number): Promise<void> {
  const target = { tabId, frameIds: [frameId] };
  await browser.scripting.insertCSS({ target, files: [HIGHLIGHT_CSS] });
  await browser.scripting.executeScript({ target, files: [FULL_STAGE] });
}

/** Injects the first stage into every frame of every open web page (after an install or update). */
export async function adoptOpenTabs(): Promise<number> {
  const tabs = await browser.tabs.query({ url: PAGES });
  let adopted = 0;
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined || tab.discarded) return;
      try {
        await browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [FIRST_STAGE] });
        adopted++;
      } catch {
        // a page the extension may not touch (the web store, an error page): nothing to take over
      }
    }),
  );
  return adopted;
}

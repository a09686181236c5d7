/**
 * The content side's two stages, as the background loads them. The first
 * stage (first-stage.js, with highlights.css) is in the manifest:
 * on every page, its styles added before the page is parsed (wxt.config.ts).
 * The full stage (content-scripts/full.js) is injected into one frame when its
 * first stage found the page to be about a story. After an install or update,
 * the first stage and its styles are injected into the tabs already open, so
 * that the new version takes over there (the old one cleans up). When the
 * settings change, the first stages of the tabs where Crosscheck was off are
 * told to check again (they keep no storage listener of their own).
 */
import { browser } from 'wxt/browser';
import { HANDOFF_KEY } from '../content/handoff-key';
import { SETTINGS_EVENT, type FullStageHandoff } from '../messages';
import { tabSummaries } from './tab-state';

const FULL_STAGE = '/content-scripts/full.js';
const FIRST_STAGE = '/first-stage.js';
const HIGHLIGHT_CSS = '/highlights.css';
const PAGES = ['http://*/*', 'https://*/*'];

/**
 * Injects the full stage into one frame of a tab (its styles came with the
 * first stage), with `handoff` set first in the same isolated world. The two
 * injections are not awaited one after the other: should the handoff come
 * second after all, the full stage reads the settings and asks about its
 * first screen itself.
 */
export async function loadFullStage(tabId: number, frameId: number, handoff?: FullStageHandoff): Promise<void> {
  const target = { tabId, frameIds: [frameId] };
  await Promise.all([
    handoff &&
      browser.scripting
        .executeScript({
          target,
          func: (key: string, value: FullStageHandoff) => {
            (globalThis as Record<string, unknown>)[key] = value;
          },
          args: [HANDOFF_KEY, handoff],
        })
        .catch(() => {}),
    browser.scripting.executeScript({ target, files: [FULL_STAGE] }),
  ]);
}

/** Injects the first stage and its styles into every frame of every open web page (after an install or update). */
export async function adoptOpenTabs(): Promise<number> {
  const tabs = await browser.tabs.query({ url: PAGES });
  let adopted = 0;
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined || tab.discarded) return;
      try {
        const target = { tabId: tab.id, allFrames: true };
        await browser.scripting.insertCSS({ target, files: [HIGHLIGHT_CSS] });
        await browser.scripting.executeScript({ target, files: [FIRST_STAGE] });
        adopted++;
      } catch {
        // a page the extension may not touch (the web store, an error page): nothing to take over
      }
    }),
  );
  return adopted;
}

/**
 * Tells the first stages in `tabIds` (every frame) that the settings changed: a page where Crosscheck was off
 * may now be on. Tabs that are gone or may not be touched are passed over.
 */
export async function nudgeFirstStages(tabIds: readonly number[]): Promise<void> {
  await Promise.all(
    tabIds.map((tabId) =>
      browser.scripting
        .executeScript({
          target: { tabId, allFrames: true },
          func: (type: string) => void document.dispatchEvent(new Event(type)),
          args: [SETTINGS_EVENT],
        })
        .catch(() => {}),
    ),
  );
}

/**
 * After a settings change: nudges the tabs where Crosscheck was off (or that have no summary yet); the
 * others either run their full stage, which follows the settings itself, or were judged on and about nothing.
 */
export async function nudgeOffTabs(): Promise<void> {
  const tabs = (await browser.tabs.query({ url: PAGES })).filter((t) => t.id !== undefined && !t.discarded);
  const summaries = await Promise.all(tabs.map((t) => tabSummaries.get(t.id!).catch(() => null)));
  await nudgeFirstStages(tabs.filter((_, i) => !summaries[i]?.active).map((t) => t.id!));
}

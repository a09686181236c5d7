/**
 * The first stage, on every page: a few KB with no UI, no mark.js, no Preact
 * and no webextension-polyfill (wxt.config.ts, `nativeBrowserInContentScripts`). At
 * idle it reads the page's text without layout reads and asks the background
 * whether the page is about a story (lib/content/page-check.ts); only then does
 * the background inject the full stage (entrypoints/full.content: reader,
 * highlighter, popover). Pages that are about nothing cost a text read and one
 * message.
 *
 * An unlisted script that wxt.config.ts declares as the manifest's content
 * script (every http(s) page, every frame, at document_idle): a WXT content
 * script would bring WXT's ContentScriptContext, which alone cost more than
 * the rest of this stage (lib/content/first-stage.ts does its one job here).
 * No runtime code outside `main` (WXT imports this file at build time).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startFirstStage } from '../lib/content/first-stage';

export default defineUnlistedScript(() => {
  startFirstStage();
});

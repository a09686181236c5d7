import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { buildIdPlugin } from './scripts/lib/build-id';
import { bundledDatasetPlugin } from './scripts/lib/bundled-dataset';
import { withLanguageKeys, type Messages } from './scripts/lib/locales';

const DEFAULT_LOCALE = 'en';
const UI_LANGUAGES = ['de', 'en'];
/** The highlight styles (public/highlights.css); lib/background/stages.ts names it too. */
const HIGHLIGHT_CSS = 'highlights.css';
/** The first stage (entrypoints/first-stage.ts, an unlisted script); lib/background/stages.ts names it too. */
const FIRST_STAGE = 'first-stage.js';

// See README.md ("Permissions") for why each permission is needed.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    // The bundled dataset is validated here, at build time, and bundled in a compact layout.
    // The build's own id in the background (scripts/lib/build-id.ts): a saved compile of other code is not restored.
    plugins: [bundledDatasetPlugin(), nativeBrowserInContentScripts(), buildIdPlugin()],
    // mark.js's ES2015 build: the same code as its default (ES5) build, without the transpiled classes.
    resolve: { alias: [{ find: /^mark\.js$/, replacement: 'mark.js/dist/mark.es6.js' }] },
    // Terser packs the content script about 3% smaller than esbuild's minifier (gzip).
    build: { minify: 'terser' },
  }),
  hooks: {
    // The first stage (entrypoints/first-stage.ts) is an unlisted script declared here as the content script of
    // every page: a WXT content script would bring WXT's ContentScriptContext, which alone cost more main-thread
    // time than the rest of the first stage on a page about nothing. The full stage is registered at runtime.
    // The highlight styles go with the first stage, in the manifest: the browser adds them before the
    // page is parsed, where they cost nothing (every rule is keyed on our own class or element). Inserted
    // with the full stage instead (scripting.insertCSS), a stylesheet added to a loaded page made the
    // browser recompute the style of every element: 40+ ms on the 1 MB page, in one task.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        {
          matches: ['http://*/*', 'https://*/*'],
          js: [FIRST_STAGE],
          css: [HIGHLIGHT_CSS],
          run_at: 'document_idle',
          all_frames: true,
        },
      ];
    },
    // Every interface language's messages also under `<lang>__<key>` in the default locale
    // (scripts/lib/locales.ts), so that browser.i18n serves the language picked in the options.
    'build:publicAssets': (wxt, files) => {
      const file = `_locales/${DEFAULT_LOCALE}/messages.json`;
      const index = files.findIndex((f) => f.relativeDest === file);
      if (index < 0) throw new Error(`${file} is missing`);
      const read = (lang: string): Messages =>
        JSON.parse(readFileSync(path.join(wxt.config.publicDir, '_locales', lang, 'messages.json'), 'utf8'));
      const languages = Object.fromEntries(UI_LANGUAGES.map((lang) => [lang, read(lang)]));
      files[index] = {
        relativeDest: file,
        contents: JSON.stringify(withLanguageKeys(read(DEFAULT_LOCALE), languages), null, 2),
      };
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Crosscheck',
    description: '__MSG_extDescription__',
    default_locale: DEFAULT_LOCALE,
    // `scripting`: the full stage is injected where the first stage found a story (lib/background/stages.ts).
    permissions: ['storage', 'scripting'],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+C' },
        description: '__MSG_commandOpenPopup__',
      },
      'next-highlight': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commandNextHighlight__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'crosscheck@crosscheck-extension.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

/**
 * The content scripts (both stages) use the browser's own promise-based API
 * (`browser` in Firefox, `chrome` in Chrome MV3: what WXT's `wxt/browser` is
 * without the polyfill module) instead of webextension-polyfill: 3 KB gzip
 * less in each stage. They only send messages, read storage and i18n, and
 * answer messages with `sendResponse` (entrypoints/full.content), which both
 * browsers support natively. The background and the extension's pages keep the polyfill.
 */
function nativeBrowserInContentScripts(): Plugin {
  let contentScript = false;
  return {
    name: 'crosscheck:native-browser-in-content-scripts',
    enforce: 'pre',
    configResolved(config) {
      const entrypoint = config.define?.['import.meta.env.ENTRYPOINT'];
      contentScript = entrypoint === '"first-stage"' || entrypoint === '"full"';
    },
    resolveId(id, importer) {
      if (!contentScript || id !== '@wxt-dev/webextension-polyfill/browser') return null;
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'wxt';
import { bundledDatasetPlugin } from './scripts/lib/bundled-dataset';
import { withLanguageKeys, type Messages } from './scripts/lib/locales';

const DEFAULT_LOCALE = 'en';
const UI_LANGUAGES = ['de', 'en'];

// See README.md ("Permissions") for why each permission is needed.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    // The bundled dataset is validated here, at build time, and bundled in a compact layout.
    plugins: [bundledDatasetPlugin()],
    // mark.js's ES2015 build: the same code as its default (ES5) build, without the transpiled classes.
    resolve: { alias: [{ find: /^mark\.js$/, replacement: 'mark.js/dist/mark.es6.js' }] },
    // Terser packs the content script about 3% smaller than esbuild's minifier (gzip).
    build: { minify: 'terser' },
  }),
  hooks: {
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

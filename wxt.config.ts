import { defineConfig } from 'wxt';

// See README.md ("Permissions") for why each permission is needed.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  hooks: {
    // The highlight styles live in the page (the marks do), so they go into the
    // manifest's content-script CSS: injected by the browser, untouched by page CSP.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) script.css = ['highlights.css', ...(script.css ?? [])];
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Crosscheck',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
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

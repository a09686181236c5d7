// Installs the Firefox build into Debian's firefox-esr as a temporary add-on
// over WebDriver BiDi (puppeteer-core): no signing, no geckodriver.
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { requireBrowser } from '../../scripts/lib/browsers.mjs';

export const FIREFOX_BUILD = resolve('.output/firefox-mv2');

/** No network chatter of Firefox's own on a closed machine. */
const QUIET_FIREFOX_PREFS = {
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'extensions.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

/** The add-on's id (wxt.config.ts) and the fixed internal UUID its pages get with `launchFirefox`. */
export const ADDON_ID = 'crosscheck@crosscheck-extension.org';
export const ADDON_UUID = '5d1f0c4e-7a3b-4c2d-9e8f-0a1b2c3d4e5f';

/**
 * Debian's firefox-esr, headless, with the quiet prefs and `prefs` on top.
 * @param {Record<string, unknown>} [prefs]
 */
export function startFirefox(prefs = {}) {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: requireBrowser('firefox'),
    headless: true,
    extraPrefsFirefox: { ...QUIET_FIREFOX_PREFS, ...prefs },
  });
}

export async function launchFirefox() {
  // A known moz-extension:// origin, so that tests can open the add-on's own pages.
  const browser = await startFirefox({ 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }) });
  const addonId = await browser.installExtension(FIREFOX_BUILD);
  return {
    browser,
    addonId,
    extensionUrl: (path) => `moz-extension://${ADDON_UUID}/${path.replace(/^\//, '')}`,
    close: () => browser.close(),
  };
}

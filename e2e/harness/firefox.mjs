// Installs the Firefox build into Debian's firefox-esr as a temporary add-on
// over WebDriver BiDi (puppeteer-core): no signing, no geckodriver.
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { requireBrowser } from '../../scripts/lib/browsers.mjs';

export const FIREFOX_BUILD = resolve('.output/firefox-mv2');

/** No network chatter of Firefox's own on a closed machine. */
export const QUIET_FIREFOX_PREFS = {
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'extensions.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

export async function launchFirefox() {
  const executablePath = requireBrowser('firefox');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    extraPrefsFirefox: QUIET_FIREFOX_PREFS,
  });
  const addonId = await browser.installExtension(FIREFOX_BUILD);
  return { browser, addonId, close: () => browser.close() };
}

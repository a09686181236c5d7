// What a person does with the extension, as reusable steps for the
// end-to-end tests and `npm start`.

/** Waits until the content script has highlighted the page (or `timeout` ms passed). */
export async function waitForMarks(page, { min = 1, timeout = 15_000 } = {}) {
  await page.waitForFunction((n) => document.querySelectorAll('mark.cc-mark').length >= n, min, { timeout });
}

/**
 * The tab id of `page` as the extension sees it. Without the "tabs" permission
 * tab URLs are hidden from the extension, so bring the page to the front and
 * ask for the active tab.
 */
export async function tabIdOf(worker, page) {
  await page.bringToFront();
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
}

/**
 * The toolbar badge text of `tabId` once it matches `pattern`. The badge follows the
 * content script's summary, which is sent when the whole page has been scanned,
 * a little after the first highlights appear.
 */
export async function waitForBadge(worker, tabId, pattern, { timeout = 10_000 } = {}) {
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    if (pattern.test(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  return text;
}

/** Opens the popup for `tabId` in its own page (a popup opened by the toolbar cannot be driven headless). */
export async function openPopup(h, tabId, { width = 460, height = 600, query = '' } = {}) {
  const popup = await h.context.newPage();
  await popup.setViewportSize({ width, height });
  await popup.goto(h.extensionUrl(`popup.html?tab=${tabId}${query}`));
  return popup;
}

/**
 * Opens every section of the popup's brief (they start closed), as a reader
 * clicking each heading would.
 * @param {import('playwright-core').Page} popup
 */
export async function openSections(popup) {
  await popup.locator('main').waitFor();
  const closed = popup.locator('details.cc-disclosure:not([open]) > summary');
  for (let n = await closed.count(); n > 0; n = await closed.count()) await closed.first().click();
}

/** Hovers the first highlight of `id` and waits for its popover. */
export async function hoverAndWaitPopover(page, id, { timeout = 5000 } = {}) {
  const mark = page.locator(`mark.cc-mark[data-crosscheck-id="${id}"]`).first();
  await mark.scrollIntoViewIfNeeded();
  await mark.hover();
  const dialog = page.locator('crosscheck-popover [role="dialog"]:not([hidden])');
  await dialog.waitFor({ state: 'visible', timeout });
  return dialog;
}

/** The page's text as the page itself would have it without any extension (re-parsed from the network copy). */
export async function pristineText(page) {
  return page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return doc.body.textContent;
  });
}

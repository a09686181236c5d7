// Pages made for the tests: a very long page, a React page that re-renders,
// same-origin iframes, a dark page, hostile CSS; the keyboard path; undo.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, withChromium } from './harness/chromium.mjs';
import { makeGeneratedPages } from './harness/generated.mjs';
import { hoverAndWaitPopover, openPopup, pristineText, tabIdOf, waitForMarks } from './harness/actions.mjs';
import { ARTIFACTS } from './harness/artifacts.mjs';

const env = withChromium(async () => ({
  '/demo/': 'demo',
  '/pages/': 'e2e/pages',
  '/gen/': await makeGeneratedPages(),
}));

const serialize = (page) => page.evaluate(() => new XMLSerializer().serializeToString(document.body));

describe('Chromium: pages made for the tests', () => {
  it('highlights a 1 MB page completely, text unchanged', async () => {
    const page = await env.h.context.newPage();
    await page.goto(env.server.url('/gen/long-realistic.html'));
    await waitForMarks(page, { min: 900, timeout: 30_000 });
    const n = await page.locator('mark.cc-mark').count();
    assert.ok(n >= 900, `marks: ${n}`);
    assert.equal(await page.evaluate(() => document.body.textContent), await pristineText(page));
    await page.close();
  });

  it('keeps a React page working while it re-renders under the marks', async () => {
    const page = await env.h.context.newPage();
    await page.goto(env.server.url('/pages/react.html'));
    await waitForMarks(page);
    await page.waitForFunction(() => window.__reactDone === true, null, { timeout: 10_000 });
    await page.waitForTimeout(300);
    // React's view of its text and what the reader sees agree: no duplicated or stale text.
    const ticker = await page.locator('#ticker').innerText();
    assert.match(ticker, /^Donald Trump und Wladimir Putin: Update \d+$/);
    const state = await page.evaluate(() => window.__state);
    assert.equal(await page.locator('#flip').innerText(), state.flip);
    assert.equal(await page.locator('#meet').innerText(), state.meet);
    assert.deepEqual(await page.locator('li').allInnerTexts(), state.items);
    assert.ok(state.items.length > 20, `posts: ${state.items.length}`);
    assert.deepEqual(await page.evaluate(() => window.__pageErrors ?? []), []);
    assert.ok((await page.locator('li mark.cc-mark').count()) > 0, 'new posts are highlighted too');
    await page.close();
  });

  it('highlights inside same-origin iframes', async () => {
    const page = await env.h.context.newPage();
    await page.goto(env.server.url('/pages/frames.html'));
    await waitForMarks(page);
    const frame = page.frameLocator('#child');
    await frame.locator('mark.cc-mark[data-crosscheck-id="volodymyr-zelensky"]').first().waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('resists hostile CSS: marks visible, text and layout unchanged', async () => {
    const page = await env.h.context.newPage();
    await page.goto(env.server.url('/pages/hostile-css.html'));
    await waitForMarks(page);
    const visible = await page.$$eval('mark.cc-mark', (ms) =>
      ms.every((m) => m.checkVisibility({ visibilityProperty: true }) && getComputedStyle(m).display === 'inline'),
    );
    assert.ok(visible, 'marks stay visible');
    assert.equal(await page.evaluate(() => document.body.textContent), await pristineText(page));
    const dialog = await hoverAndWaitPopover(page, 'donald-trump');
    assert.ok(await dialog.isVisible());
    await page.close();
  });

  it('is legible on a dark page (screenshot)', async () => {
    const dark = await launchChromium({ colorScheme: 'dark' });
    try {
      const page = await dark.context.newPage();
      await page.goto(env.server.url('/demo/dark.html'));
      await waitForMarks(page);
      await hoverAndWaitPopover(page, 'donald-trump');
      await page.waitForTimeout(150);
      await page.screenshot({ path: `${ARTIFACTS}/chromium-popover-dark.png` });
      assert.deepEqual(dark.errors, []);
    } finally {
      await dark.close();
    }
  });

  it('works from the keyboard: Tab reaches a highlight, Enter opens, Escape closes', async () => {
    const page = await env.h.context.newPage();
    await page.goto(env.server.url('/demo/en.html'));
    await waitForMarks(page);
    const first = page.locator('mark.cc-mark[tabindex="0"]').first();
    await first.focus();
    const dialog = page.locator('crosscheck-popover [role="dialog"]:not([hidden])');
    await dialog.waitFor({ state: 'visible' });
    assert.equal(await first.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Enter');
    assert.ok(
      await page.evaluate(() => document.activeElement?.tagName === 'CROSSCHECK-POPOVER'),
      'focus moved into popover',
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.ok(await first.evaluate((m) => document.activeElement === m), 'focus returned to the highlight');
    await page.close();
  });

  it('"turn off on this site" removes every mark at once and restores the DOM exactly', async () => {
    const page = await env.h.context.newPage();
    await page.goto(env.server.url('/demo/de.html'));
    const pristine = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return new XMLSerializer().serializeToString(doc.body);
    });
    await waitForMarks(page);
    const tabId = await tabIdOf(env.h.worker, page);
    const popup = await openPopup(env.h, tabId);
    await popup.getByRole('button', { name: /turn off on this site/i }).click();
    await page.waitForFunction(() => document.querySelectorAll('mark.cc-mark').length === 0, null, { timeout: 5000 });
    const now = (await serialize(page)).replace(/<crosscheck-popover[^]*?<\/crosscheck-popover>/, '');
    assert.equal(now.replace(/ xmlns="[^"]+"/g, ''), pristine.replace(/ xmlns="[^"]+"/g, ''));
    await popup.getByRole('button', { name: /turn on on this site/i }).click();
    await waitForMarks(page);
    await popup.close();
    await page.close();
  });

  it('a page opened while Crosscheck is off on its site gets its highlights once it is turned on', async () => {
    const first = await env.h.context.newPage();
    await first.goto(env.server.url('/demo/de.html'));
    await waitForMarks(first);
    let popup = await openPopup(env.h, await tabIdOf(env.h.worker, first));
    await popup.getByRole('button', { name: /turn off on this site/i }).click();
    await first.waitForFunction(() => document.querySelectorAll('mark.cc-mark').length === 0, null, { timeout: 5000 });
    await popup.close();
    // A page of the same site, opened now: its first stage hears "off" and keeps no storage listener.
    const page = await env.h.context.newPage();
    await page.goto(env.server.url('/demo/en.html'));
    await page.waitForFunction(() => performance.getEntriesByName('crosscheck:check-end').length > 0, null, {
      timeout: 10_000,
    });
    assert.equal(await page.locator('mark.cc-mark').count(), 0);
    popup = await openPopup(env.h, await tabIdOf(env.h.worker, page));
    await popup.getByRole('button', { name: /turn on on this site/i }).click();
    // The background tells the first stages of the tabs that were off: both pages are highlighted again.
    await waitForMarks(page);
    await waitForMarks(first);
    await popup.close();
    await page.close();
    await first.close();
  });

  it('logs no errors in pages or extension', () => {
    assert.deepEqual(env.h.errors, []);
  });
});

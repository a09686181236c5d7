// The same smoke scenario in Firefox ESR with the Firefox build, installed as a
// temporary add-on over WebDriver BiDi.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox } from './harness/firefox.mjs';
import { startServer } from './harness/server.mjs';
import { ARTIFACTS } from './harness/artifacts.mjs';

let ff;
let server;
before(async () => {
  server = await startServer({ '/demo/': 'demo' });
  ff = await launchFirefox();
});
after(async () => {
  await ff?.close();
  await server?.close();
});

describe('Firefox: demo pages', () => {
  it('installs the add-on and highlights the German demo page, text unchanged', async () => {
    assert.ok(ff.addonId, 'add-on id');
    const page = await ff.browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url('/demo/de.html'));
    await page.waitForFunction(() => document.querySelectorAll('mark.cc-mark').length >= 20, { timeout: 20_000 });
    const ids = await page.$$eval('mark.cc-mark', (ms) => [...new Set(ms.map((m) => m.dataset.crosscheckId))]);
    assert.ok(ids.includes('donald-trump'), `ids: ${ids.join(', ')}`);
    const [now, pristine] = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      return [document.body.textContent, new DOMParser().parseFromString(html, 'text/html').body.textContent];
    });
    assert.equal(now, pristine);
    assert.deepEqual(errors, []);
    await page.close();
  });

  // The popover opened in Firefox all along; what failed was the wait. Puppeteer's waitForSelector polls on
  // requestAnimationFrame by default, and headless Firefox runs about one animation frame per second while
  // nothing on the page animates (measured: 1 rAF callback/s in both the page's and Puppeteer's realm), so a
  // dialog that appears inside a shadow root after the first check was seen late or not at all within 5 s.
  // Polling on a timer sees it as soon as it is there (about 0.4 s: the 300 ms hover delay and the answer).
  const OPEN_DIALOG = 'pierce/[role="dialog"]:not([hidden])';
  const waitOpen = (page) => page.waitForSelector(OPEN_DIALOG, { timeout: 5000, polling: 50 });
  const waitClosed = (page) =>
    page.waitForFunction(
      () => !document.querySelector('crosscheck-popover')?.shadowRoot?.querySelector('[role="dialog"]:not([hidden])'),
      { timeout: 5000, polling: 50 },
    );

  it('opens the popover on hover, in a shadow root, at most 380 px wide and inside the viewport', async () => {
    const page = await ff.browser.newPage();
    await page.setViewport({ width: 1000, height: 700 });
    await page.goto(server.url('/demo/en.html'));
    const mark = 'mark.cc-mark[data-crosscheck-id="donald-trump"]';
    await page.waitForSelector(mark, { timeout: 20_000 });
    await page.hover(mark);
    const dialog = await waitOpen(page);
    const text = await dialog.evaluate((d) => d.textContent);
    assert.match(text, /Trump/);
    const box = await dialog.boundingBox();
    assert.ok(box && box.width > 100 && box.width <= 380.5, `popover box ${JSON.stringify(box)}`);
    assert.ok(box.y >= 0 && box.y + box.height <= 700, `inside the viewport: ${JSON.stringify(box)}`);
    assert.equal(await page.$eval(mark, (m) => m.getAttribute('aria-expanded')), 'true');
    await page.screenshot({ path: `${ARTIFACTS}/firefox-popover.png` });
    // Leaving the highlight (not into the popover) closes it after its grace period.
    await page.mouse.move(2, 2);
    await waitClosed(page);
    await page.close();
  });

  it('opens the popover on keyboard focus; Escape closes it and leaves focus on the highlight', async () => {
    const page = await ff.browser.newPage();
    await page.goto(server.url('/demo/en.html'));
    const mark = 'mark.cc-mark.cc-claim[tabindex="0"]';
    await page.waitForSelector(mark, { timeout: 20_000 });
    await page.focus(mark);
    const dialog = await waitOpen(page);
    assert.ok((await dialog.evaluate((d) => d.textContent)).length > 20);
    // Enter moves focus into the popover, Escape closes it and gives focus back.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.tagName === 'CROSSCHECK-POPOVER', {
      timeout: 5000,
      polling: 50,
    });
    await page.keyboard.press('Escape');
    await waitClosed(page);
    assert.equal(await page.evaluate(() => document.activeElement?.matches('mark.cc-mark.cc-claim')), true);
    await page.close();
  });
});

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

  // Known failure since recognition moved to the background (issue #12): in Firefox ESR the hovered mark's
  // popover does not open within 5 s, while it does in Chromium; open until it is found and fixed.
  it(
    'opens the popover on hover, in a shadow root',
    { todo: 'Firefox: popover on hover after the background redesign' },
    async () => {
      const page = await ff.browser.newPage();
      await page.goto(server.url('/demo/en.html'));
      await page.waitForSelector('mark.cc-mark[data-crosscheck-id="donald-trump"]', { timeout: 20_000 });
      await page.hover('mark.cc-mark[data-crosscheck-id="donald-trump"]');
      const dialog = await page.waitForSelector('pierce/[role="dialog"]:not([hidden])', { timeout: 5000 });
      const text = await dialog.evaluate((d) => d.textContent);
      assert.match(text, /Trump/);
      await page.screenshot({ path: `${ARTIFACTS}/firefox-popover.png` });
      await page.close();
    },
  );
});

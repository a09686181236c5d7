// The built extension in Debian's Chromium on the demo pages: what a reader sees.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withChromium } from './harness/chromium.mjs';
import {
  hoverAndWaitPopover,
  openPopup,
  pristineText,
  tabIdOf,
  waitForBadge,
  waitForMarks,
} from './harness/actions.mjs';
import { ARTIFACTS } from './harness/artifacts.mjs';

const env = withChromium({ '/demo/': 'demo' });

describe('Chromium: demo pages', () => {
  it('highlights the dataset’s names on the German page without changing its text', async () => {
    const page = await env.h.context.newPage();
    await page.goto(env.server.url('/demo/de.html'));
    await waitForMarks(page, { min: 20 });
    const ids = await page.$$eval('mark.cc-mark', (ms) => ms.map((m) => m.dataset.crosscheckId));
    for (const id of ['donald-trump', 'volodymyr-zelensky', 'vladimir-putin', 'sergey-lavrov', 'nato']) {
      assert.ok(ids.includes(id), `expected a mark for ${id}; got ${[...new Set(ids)].join(', ')}`);
    }
    // Inflected and compound forms: the name part is the mention.
    const texts = await page.$$eval('mark.cc-mark', (ms) => ms.map((m) => m.textContent));
    assert.ok(texts.includes('Selenskyjs') || texts.includes('Selenskyj'), 'Selenskyjs');
    assert.ok(
      texts.some((t) => /^nato$/i.test(t)),
      'Nato in Nato-Beitritt',
    );
    // Never inside code, textarea, URLs or e-mail addresses.
    assert.equal(await page.locator('code mark, textarea mark, pre mark').count(), 0);
    const html = await page.evaluate(() => new XMLSerializer().serializeToString(document.body));
    assert.ok(html.includes('https://example.org/nato-ukraine-putin'), 'URL left whole');
    assert.ok(html.includes('leserbriefe@tagesbote.example'), 'e-mail left whole');
    assert.equal(await page.evaluate(() => document.body.textContent), await pristineText(page));
    await page.screenshot({ path: `${ARTIFACTS}/chromium-de-highlighted.png` });
    await page.close();
  });

  it('shows who reported what, disagreements first, when hovering Trump', async () => {
    const page = await env.h.context.newPage();
    await page.goto(env.server.url('/demo/de.html'));
    await waitForMarks(page);
    const dialog = await hoverAndWaitPopover(page, 'donald-trump');
    const text = await dialog.innerText();
    assert.match(text, /Donald Trump/);
    assert.match(text, /air support|Luftunterstützung/i);
    await page.screenshot({ path: `${ARTIFACTS}/chromium-popover-light.png` });
    await page.close();
  });

  it('opens the popup with the brief for the tab', async () => {
    const page = await env.h.context.newPage();
    await page.goto(env.server.url('/demo/en.html'));
    await waitForMarks(page);
    const tabId = await tabIdOf(env.h.worker, page);
    assert.ok(tabId, 'tab id');
    // The toolbar badge counts what was recognized and says "!" when the sources disagree about it.
    const badge = await waitForBadge(env.h.worker, tabId, /^\d+!$/);
    assert.match(badge, /^\d+!$/);
    const popup = await openPopup(env.h, tabId);
    await popup.waitForSelector('main');
    const text = await popup.locator('main').innerText();
    assert.match(text, /video conference|Videokonferenz/i);
    await popup.screenshot({ path: `${ARTIFACTS}/chromium-popup-en.png`, fullPage: true });
    await popup.close();
    await page.close();
  });

  it('opens the options page', async () => {
    const options = await env.h.context.newPage();
    await options.goto(env.h.extensionUrl('options.html'));
    await options.waitForSelector('main');
    assert.ok((await options.locator('input, select').count()) > 3);
    await options.close();
  });

  it('logs no errors in pages or extension', () => {
    assert.deepEqual(env.h.errors, []);
  });
});

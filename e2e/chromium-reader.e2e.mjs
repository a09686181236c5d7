// What a reader sees, in a real Chromium with the built extension, light and
// dark, German and English: the story page's highlights (marks per 1,000
// words printed), an open popover (≤ 380 px wide, inside the viewport), the
// popup's first screen and the popup with every section open (heights
// printed), the options and the welcome page — each checked by axe-core (no
// serious or critical violation) and photographed into artifacts/e2e.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { withChromium } from './harness/chromium.mjs';
import { hoverAndWaitPopover, openPopup, openSections, tabIdOf, waitForMarks } from './harness/actions.mjs';
import { ARTIFACTS } from './harness/artifacts.mjs';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const env = withChromium({ '/demo/': 'demo' });

async function setSettings(patch) {
  await env.h.worker?.evaluate(async (p) => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings ?? {}), ...p } });
  }, patch);
}

/**
 * Serious and critical axe violations, as "rule: target" lines. `mine` keeps
 * only nodes of Crosscheck (its marks and its popover) on a page that is not ours.
 * @param {import('playwright-core').Page} page
 * @param {(target: string) => boolean} [mine]
 */
async function axeViolations(page, mine = () => true) {
  // evaluate() runs outside the page's CSP (extension pages forbid inline scripts).
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), summary: n.failureSummary })),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.filter((n) => mine(n.target)).map((n) => `${v.id} (${v.impact}): ${n.target}`));
}
const crosscheckNodes = (target) => /crosscheck-popover|cc-mark/.test(target);

const report = [];

for (const lang of ['en', 'de']) {
  describe(`Chromium: what a reader sees (${lang})`, () => {
    it(`${lang}: story page, popover, popup, options and welcome page, light and dark`, async () => {
      await setSettings({ language: lang, highlightMode: 'first' });
      for (const scheme of /** @type {const} */ (['light', 'dark'])) {
        const tag = `${lang}-${scheme}`;

        // The story page with its highlights.
        const page = await env.h.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width: 1280, height: 860 });
        // Dark: the demo's dark page (its own dark design; the German page has none).
        const story = scheme === 'dark' ? 'dark' : lang;
        await page.goto(env.server.url(`/demo/${story}.html`));
        await waitForMarks(page);
        await page.waitForTimeout(300);
        const density = await page.evaluate(() => {
          const words = document.body.innerText.split(/\s+/).filter(Boolean).length;
          // A highlight may be split into two <mark>s where it crosses an inline element: count starts.
          const marks = [...document.querySelectorAll('mark.cc-mark')].filter(
            (m) => !(m.previousSibling === null && m.parentElement?.matches('mark.cc-mark')),
          ).length;
          const roleless = [...document.querySelectorAll('mark.cc-mark[aria-expanded]:not([role])')].length;
          return { words, marks, roleless };
        });
        assert.equal(density.roleless, 0, 'no mark carries aria-expanded without a role');
        const perK = (density.marks * 1000) / density.words;
        report.push(
          `demo/${lang}.html (${scheme}): ${density.marks} marks, ${density.words} words, ${perK.toFixed(1)} per 1,000`,
        );
        await page.locator('mark.cc-mark.cc-claim').first().scrollIntoViewIfNeeded();
        await page.mouse.move(0, 0);
        await page.screenshot({ path: `${ARTIFACTS}/story-${tag}.png` });

        // An open popover: leads with the disagreements, at most 380 px wide, inside the viewport.
        const dialog = await hoverAndWaitPopover(page, 'donald-trump');
        await page.waitForTimeout(200);
        const box = await dialog.boundingBox();
        assert.ok(box.width <= 380.5, `popover ${box.width} px wide`);
        assert.ok(box.y >= 0 && box.y + box.height <= 860, `popover inside the viewport: ${JSON.stringify(box)}`);
        const first = await dialog.locator('section').first().getAttribute('class');
        assert.match(first, /cc-section--disputes/, 'the popover leads with the disagreements');
        assert.deepEqual(await axeViolations(page, crosscheckNodes), [], `popover ${tag}`);
        await page.screenshot({ path: `${ARTIFACTS}/popover-${tag}.png` });
        // A disputed sentence's popover, from the keyboard.
        await page.keyboard.press('Escape');
        const claim = page.locator('mark.cc-mark.cc-claim[tabindex="0"]').first();
        await claim.scrollIntoViewIfNeeded();
        await claim.focus();
        await page.keyboard.press('Enter');
        await page.locator('crosscheck-popover [role="dialog"]:not([hidden])').waitFor();
        await page.waitForTimeout(200);
        assert.deepEqual(await axeViolations(page, crosscheckNodes), [], `claim popover ${tag}`);
        await page.screenshot({ path: `${ARTIFACTS}/popover-claim-${tag}.png` });

        // The popup: first screen, then every section open.
        const popup = await openPopup(env.h, await tabIdOf(env.h.worker, page), { width: 420, height: 600 });
        await popup.emulateMedia({ colorScheme: scheme });
        await popup.locator('.cc-dispute-lines').waitFor();
        await popup.evaluate(() => document.fonts.ready);
        const summaries = popup.locator('details.cc-disclosure > summary');
        // Start closed, whatever an earlier run left open.
        for (let i = 0; i < (await summaries.count()); i++) {
          if (await summaries.nth(i).evaluate((s) => s.parentElement.open)) await summaries.nth(i).click();
        }
        const closed = await popup.evaluate(() => document.documentElement.scrollHeight);
        await popup.screenshot({ path: `${ARTIFACTS}/popup-closed-${tag}.png`, fullPage: true });
        assert.ok(closed <= 1600, `popup closed ${closed} px`);
        assert.ok(await popup.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll');
        assert.deepEqual(await axeViolations(popup), [], `popup ${tag}`);
        await popup.screenshot({ path: `${ARTIFACTS}/popup-first-${tag}.png` });
        // Keyboard: a section opens with Enter on its title.
        await summaries.first().focus();
        await popup.keyboard.press('Enter');
        assert.equal(await summaries.first().evaluate((s) => s.parentElement.open), true);
        for (let i = 1; i < (await summaries.count()); i++) await summaries.nth(i).click();
        await popup.locator('.cc-dline > details > summary').first().click();
        const open = await popup.evaluate(() => document.documentElement.scrollHeight);
        assert.deepEqual(await axeViolations(popup), [], `popup open ${tag}`);
        await popup.screenshot({ path: `${ARTIFACTS}/popup-open-${tag}.png`, fullPage: true });
        // The same in parts that can be looked at.
        for (let y = 0, part = 1; y < open; y += 1200, part++) {
          const clip = { x: 0, y, width: 420, height: Math.min(1200, open - y) };
          await popup.screenshot({ path: `${ARTIFACTS}/popup-open-${tag}-part${part}.png`, fullPage: true, clip });
        }
        report.push(`popup ${tag} at 420×600: ${closed} px with every section closed, ${open} px with all open`);
        await popup.close();
        // The sections stay as the reader left them.
        const again = await openPopup(env.h, await tabIdOf(env.h.worker, page), { width: 420, height: 600 });
        await again.locator('details.cc-disclosure').first().waitFor();
        const states = await again.$$eval('details.cc-disclosure', (ds) => ds.map((d) => d.open));
        assert.ok(states.length > 0 && states.every(Boolean), `remembered open: ${states}`);
        for (const s of await again.locator('details.cc-disclosure > summary').all()) await s.click();
        await again.close();
        await page.close();

        // Options and welcome page.
        for (const name of ['options', 'welcome']) {
          const p = await env.h.context.newPage();
          await p.emulateMedia({ colorScheme: scheme });
          await p.setViewportSize({ width: 900, height: 900 });
          await p.goto(env.h.extensionUrl(`${name}.html`));
          await p.waitForSelector('main');
          await p.waitForFunction((l) => document.documentElement.lang === l, lang);
          assert.deepEqual(await axeViolations(p), [], `${name} ${tag}`);
          await p.screenshot({ path: `${ARTIFACTS}/${name}-${tag}.png`, fullPage: true });
          await p.close();
        }
      }
    });
  });
}

describe('Chromium: highlight modes', () => {
  it('every mention marks more, only disagreements fewer, than first mentions', async () => {
    const counts = {};
    const page = await env.h.context.newPage();
    await page.goto(env.server.url('/demo/en.html'));
    await waitForMarks(page);
    for (const mode of ['every', 'first', 'disputes']) {
      await setSettings({ highlightMode: mode });
      // The page re-highlights from a fresh scan: wait until the count holds still.
      let last = -1;
      for (let same = 0; same < 3;) {
        await page.waitForTimeout(250);
        const n = await page.locator('mark.cc-mark').count();
        same = n === last && n > 0 ? same + 1 : 0;
        last = n;
      }
      counts[mode] = last;
    }
    report.push(`demo/en.html marks by mode: ${JSON.stringify(counts)}`);
    assert.ok(counts.every > counts.first, JSON.stringify(counts));
    assert.ok(counts.first > counts.disputes, JSON.stringify(counts));
    await setSettings({ highlightMode: 'first' });
    await page.close();
  });

  it("every recognized item is reachable: the popup's list marks and shows each, marked or not", async () => {
    const page = await env.h.context.newPage();
    await page.goto(env.server.url('/demo/en.html'));
    await waitForMarks(page);
    const tabId = await tabIdOf(env.h.worker, page);
    const popup = await openPopup(env.h, tabId, { width: 420, height: 600 });
    await openSections(popup);
    const more = popup.locator('.cc-rec-more');
    if ((await more.count()) > 0 && (await more.getAttribute('aria-expanded')) === 'false') await more.click();
    const items = popup.locator('button.cc-rec-item');
    const n = await items.count();
    assert.ok(n >= 8, `${n} items listed`);
    const ids = new Set(
      await page.evaluate(() =>
        [...document.querySelectorAll('mark.cc-mark')].map((m) => m.getAttribute('data-crosscheck-id')),
      ),
    );
    const unmarked = [];
    for (let i = 0; i < n; i++) {
      const name = (await items.nth(i).locator('.cc-rec-name').textContent()) ?? '';
      const before = await page.evaluate(() =>
        [...document.querySelectorAll('mark.cc-mark')].map((m) => m.getAttribute('data-crosscheck-id')),
      );
      await items.nth(i).click();
      // A mark of the chosen item (new when the plan had left it unmarked) flashes on the page.
      await page.waitForFunction(() => document.querySelector('mark.cc-mark.cc-flash') !== null, null, {
        timeout: 5000,
      });
      const flashed = await page.evaluate(() => document.querySelector('mark.cc-mark.cc-flash')?.textContent ?? '');
      const after = await page.evaluate(() =>
        [...document.querySelectorAll('mark.cc-mark')].map((m) => m.getAttribute('data-crosscheck-id')),
      );
      if (after.length > before.length) unmarked.push(`${name} → “${flashed}”`);
      await page.evaluate(() => document.querySelectorAll('.cc-flash').forEach((m) => m.classList.remove('cc-flash')));
    }
    report.push(
      `demo/en.html: ${n} recognized items reachable from the popup; marked on demand: ${unmarked.join(', ') || 'none'}`,
    );
    assert.ok(unmarked.length > 0, 'some items (countries) have no mark of their own until asked for');
    assert.ok(!ids.has('usa') && !ids.has('ukraine'), 'countries without a disagreement carry no mark by default');
    await popup.close();
    await page.close();
  });

  it('the popover stays inside a small viewport and at most 380 px wide', async () => {
    const page = await env.h.context.newPage();
    for (const { width, height } of [
      { width: 360, height: 420 },
      { width: 1280, height: 320 },
    ]) {
      await page.setViewportSize({ width, height });
      await page.goto(env.server.url('/demo/en.html'));
      await waitForMarks(page);
      const dialog = await hoverAndWaitPopover(page, 'donald-trump');
      await page.waitForTimeout(200);
      const box = await dialog.boundingBox();
      assert.ok(
        box.width <= 380.5 && box.x >= 0 && box.x + box.width <= width,
        `${width}×${height}: ${JSON.stringify(box)}`,
      );
      assert.ok(box.y >= 0 && box.y + box.height <= height, `${width}×${height}: ${JSON.stringify(box)}`);
      await page.screenshot({ path: `${ARTIFACTS}/popover-small-${width}x${height}.png` });
      report.push(`popover at ${width}×${height}: ${Math.round(box.width)}×${Math.round(box.height)} px`);
      await page.mouse.move(0, 0);
    }
    await page.close();
  });

  it('logs no errors in pages or extension, and prints the figures', () => {
    console.log(report.join('\n'));
    assert.deepEqual(env.h.errors, []);
  });
});

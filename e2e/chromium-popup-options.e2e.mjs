// The popup's brief and the options page, in a real Chromium with the built
// extension: the who-reported-what matrix, live settings, both languages.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { withChromium } from './harness/chromium.mjs';
import { hoverAndWaitPopover, openPopup, openSections, tabIdOf, waitForMarks } from './harness/actions.mjs';
import { ARTIFACTS } from './harness/artifacts.mjs';

const dataset = JSON.parse(readFileSync('data/dataset.json', 'utf8'));
const airSupport = dataset.aspects.find((a) => a.id === 'trump-air-support');
const label = (value, lang) => airSupport.values.find((v) => v.value === value).label[lang];
const claimsOn = (aspect) => dataset.claims.filter((c) => c.aspect === aspect);
const sourceIds = dataset.sources.map((s) => s.id);

const env = withChromium({ '/demo/': 'demo' });

async function setSettings(patch) {
  await env.h.worker?.evaluate(async (p) => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings ?? {}), ...p } });
  }, patch);
}

describe('Chromium: popup and options', () => {
  it('shows the air-support row of the matrix with each source’s value and the silent ones', async () => {
    const page = await env.h.context.newPage();
    await page.goto(env.server.url('/demo/de.html'));
    await waitForMarks(page);
    const popup = await openPopup(env.h, await tabIdOf(env.h.worker, page));
    await openSections(popup);
    const row = popup.locator('table.cc-matrix tr', { hasText: airSupport.label.en });
    await row.waitFor();
    const cells = row.locator('td');
    assert.equal(await cells.count(), sourceIds.length);
    const reporting = new Map(claimsOn('trump-air-support').map((c) => [c.source, c.value]));
    const subjectReporters = new Set(dataset.claims.filter((c) => c.subject === 'donald-trump').map((c) => c.source));
    for (const [i, source] of sourceIds.entries()) {
      const cell = cells.nth(i);
      const cls = await cell.getAttribute('class');
      const text = await cell.textContent();
      if (reporting.has(source)) {
        assert.match(cls, /cc-cell--reported/, `${source} reported`);
        assert.ok(text.includes(label(reporting.get(source), 'en')), `${source}: ${text}`);
      } else if (subjectReporters.has(source)) {
        assert.match(cls, /cc-cell--silent/, `${source} silent`);
      } else {
        assert.match(cls, /cc-cell--not-covered/, `${source} does not cover Trump`);
      }
    }
    // The split the brief describes: one report offered, one an option, two silent.
    assert.equal(reporting.get('r000'), 'offered');
    assert.equal(reporting.get('r004'), 'option');
    assert.match(await row.getAttribute('class'), /cc-row--disputed/);
    // No horizontal scrolling at the popup's width.
    assert.ok(await popup.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
    await popup.screenshot({ path: `${ARTIFACTS}/popup-en.png`, fullPage: true });
    await popup.close();
    await page.close();
  });

  it('the popup is usable from the keyboard: choosing a recognized item scrolls the page to it', async () => {
    const page = await env.h.context.newPage();
    await page.goto(env.server.url('/demo/en.html'));
    await waitForMarks(page);
    const popup = await openPopup(env.h, await tabIdOf(env.h.worker, page));
    await openSections(popup);
    await popup.getByRole('button', { name: /show all/i }).click();
    const item = popup.getByRole('button', { name: /Sergei Lavrov|Sergey Lavrov/ }).first();
    await item.focus();
    await popup.keyboard.press('Enter');
    await page.waitForFunction(
      () => {
        const m = document.querySelector('mark.cc-mark[data-crosscheck-id="sergey-lavrov"]');
        if (!m) return false;
        const r = m.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      },
      null,
      { timeout: 5000 },
    );
    await popup.close();
    await page.close();
  });

  it('applies option changes to open tabs at once: style, kinds and language', async () => {
    const page = await env.h.context.newPage();
    await page.goto(env.server.url('/demo/en.html'));
    await waitForMarks(page);
    const options = await env.h.context.newPage();
    await options.goto(env.h.extensionUrl('options.html'));
    await options.waitForSelector('main');

    await options.getByRole('radio', { name: /underline/i }).check();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('mark.cc-mark')].every((m) => m.classList.contains('cc-s-underline')),
    );

    const people = () => page.locator('mark.cc-mark[data-crosscheck-kind="person"]').count();
    assert.ok((await people()) > 0);
    await options.getByRole('checkbox', { name: /^people$/i }).uncheck();
    await page.waitForFunction(() => !document.querySelector('mark.cc-mark[data-crosscheck-kind="person"]'));
    // Other kinds stay (a change of kinds re-scans: wait for the page to settle rather than read mid-way).
    await page.waitForFunction(() => document.querySelectorAll('mark.cc-mark').length > 0, undefined, {
      timeout: 10_000,
    });
    assert.equal(await people(), 0, 'no person is marked while people are off');
    await options.getByRole('checkbox', { name: /^people$/i }).check();
    await page.waitForFunction(() => !!document.querySelector('mark.cc-mark[data-crosscheck-kind="person"]'));

    await options.getByRole('radio', { name: 'Deutsch' }).check();
    await options.waitForFunction(() => document.documentElement.lang === 'de');
    await options.screenshot({ path: `${ARTIFACTS}/options-de.png`, fullPage: true });
    const dialog = await hoverAndWaitPopover(page, 'donald-trump');
    assert.match(await dialog.innerText(), /Wo sich die Quellen widersprechen/);
    await page.screenshot({ path: `${ARTIFACTS}/popover-de-on-en-page.png` });

    const popup = await openPopup(env.h, await tabIdOf(env.h.worker, page));
    await openSections(popup);
    await popup.locator('table.cc-matrix').waitFor();
    assert.match(await popup.locator('main').innerText(), /Wer berichtete was/);
    await popup.screenshot({ path: `${ARTIFACTS}/popup-de.png`, fullPage: true });
    await popup.close();

    await setSettings({ language: 'en', highlightStyle: 'tint' });
    await options.waitForFunction(() => document.documentElement.lang === 'en');
    await options.screenshot({ path: `${ARTIFACTS}/options-en.png`, fullPage: true });
    await options.close();
    await page.close();
  });

  it('logs no errors in pages or extension', () => {
    assert.deepEqual(env.h.errors, []);
  });
});

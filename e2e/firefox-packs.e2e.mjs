// Story packs in Firefox ESR with the Firefox build (puppeteer-core over WebDriver BiDi): the pack built with the
// authoring tool is imported in the options page and recognized next to the bundled one; update by revision, a
// malformed import leaving every pack as it was, export and remove.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchFirefox } from './harness/firefox.mjs';
import { startServer } from './harness/server.mjs';
import { ARTIFACTS } from './harness/artifacts.mjs';
import { buildTestPack } from './harness/packs.mjs';

const ARCTIC = 'arctic-summit-tromso';
const bundledTitle = JSON.parse(readFileSync('data/pack.json', 'utf8')).pack.title.en;

let ff;
let server;
before(async () => {
  server = await startServer({ '/packs/': 'e2e/packs/pages' });
  ff = await launchFirefox();
});
after(async () => {
  await ff?.close();
  await server?.close();
});

/** Chooses a file in the options page's import field, as a reader picking it would. */
async function importFile(page, name, text) {
  await page.evaluate(
    (n, t) => {
      const input = /** @type {HTMLInputElement} */ (document.querySelector('section.cc-packs input[type="file"]'));
      const files = new DataTransfer();
      files.items.add(new File([t], n, { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    name,
    text,
  );
}

const statusText = (page) => page.$eval('[role="status"]', (s) => s.textContent ?? '');
const listText = (page) => page.$eval('section.cc-packs ul', (u) => u.textContent ?? '');
const markIds = (page) =>
  page.$$eval('mark.cc-mark', (ms) => [...new Set(ms.map((m) => m.getAttribute('data-crosscheck-id')))]);
const waitForMark = (page, id) =>
  page.waitForFunction(
    (i) => document.querySelector(`mark.cc-mark[data-crosscheck-id="${i}"]`),
    { timeout: 20_000 },
    id,
  );

/** The tab of the add-on's welcome page (opened by the add-on at install). */
async function welcomePage() {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const page of await ff.browser.pages()) {
      // The page's own location (puppeteer may still report about:blank for a tab the add-on opened).
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://')) return page;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the welcome page did not open');
}

describe('Firefox: story packs', () => {
  it('imports a pack built with the tool and recognizes both stories; updates, refuses, exports, removes', async () => {
    const built = buildTestPack();
    const text = readFileSync(built.file, 'utf8');
    // WebDriver BiDi may not navigate a tab to the add-on's pages; the welcome page the add-on opens on install is
    // one of them, and from there the options page is one step, as for a reader following its link.
    const options = await welcomePage();
    await options.evaluate(() => {
      location.href = '/options.html';
    });
    await options.waitForFunction(() => location.pathname === '/options.html' && document.readyState === 'complete', {
      timeout: 10_000,
    });
    await options.waitForSelector('section.cc-packs li.cc-pack');
    await options.evaluate(() => {
      const english = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'English');
      english?.querySelector('input')?.click();
    });
    await importFile(options, 'arctic.json', text);
    await options.waitForFunction(
      () => document.querySelector('[role="status"]')?.textContent?.includes('Arctic summit in Tromsø'),
      { timeout: 10_000 },
    );
    assert.equal(await options.$$eval('section.cc-packs li.cc-pack', (l) => l.length), 2);

    // A page about story 2, and a page about both.
    const page = await ff.browser.newPage();
    await page.goto(server.url('/packs/arctic.html'));
    await waitForMark(page, `${ARCTIC}--solberg-haugen`);
    const ids = await markIds(page);
    assert.ok(ids.includes(`${ARCTIC}--summit`), ids.join(', '));
    assert.ok(ids.includes('donald-trump'));
    assert.ok(!ids.includes('giuseppe-cavo-dragone'));
    await page.goto(server.url('/packs/both.html'));
    await waitForMark(page, `${ARCTIC}--summit`);
    await waitForMark(page, 'giuseppe-cavo-dragone');
    await page.screenshot({ path: `${ARTIFACTS}/firefox-packs-both.png` });

    // Update by revision; the same revision and a malformed file are refused, every pack as it was.
    const next = JSON.parse(text);
    next.pack.revision = 2;
    await importFile(options, 'arctic.json', JSON.stringify(next));
    await options.waitForFunction(
      () => document.querySelector('[role="status"]')?.textContent?.includes('revision 2'),
      { timeout: 10_000 },
    );
    const before = await listText(options);
    assert.match(before, /revision 2/);
    await importFile(options, 'arctic.json', JSON.stringify(next));
    await options.waitForFunction(
      () =>
        /revision 2 of "arctic-summit-tromso" is already installed/.test(
          document.querySelector('section.cc-packs [role="alert"]')?.textContent ?? '',
        ),
      { timeout: 10_000 },
    );
    await importFile(options, 'garbage.json', '{"pack": ');
    await options.waitForFunction(
      () => document.querySelector('section.cc-packs [role="alert"]')?.textContent?.includes('not valid JSON'),
      { timeout: 10_000 },
    );
    assert.equal(await listText(options), before, 'every pack stays as it was');
    await page.reload();
    await waitForMark(page, `${ARCTIC}--summit`);

    // Export: the file the store hands out is the pack, at its revision.
    const exported = await options.evaluate(async () => {
      const clicked = new Promise((resolve) => {
        const orig = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function () {
          HTMLAnchorElement.prototype.click = orig;
          void fetch(this.href)
            .then((r) => r.text())
            .then((body) => resolve({ name: this.download, body }));
        };
      });
      [...(document.querySelector('section.cc-packs')?.querySelectorAll('button') ?? [])]
        .find((b) => b.textContent === 'Export “Arctic summit in Tromsø”')
        ?.click();
      return clicked;
    });
    assert.equal(exported.name, 'arctic-summit-tromso-r2.json');
    assert.equal(JSON.parse(exported.body).pack.revision, 2);

    // Remove: its highlights are gone from the next page, the bundled story stays.
    const removed = await options.evaluate(() => {
      const button = [...(document.querySelector('section.cc-packs')?.querySelectorAll('button') ?? [])].find(
        (b) => b.textContent === 'Remove “Arctic summit in Tromsø”',
      );
      button?.click();
      return Boolean(button);
    });
    assert.ok(removed, 'a remove button for the imported pack');
    await options.waitForFunction(() => document.querySelectorAll('section.cc-packs li.cc-pack').length === 1, {
      timeout: 10_000,
    });
    assert.match(await listText(options), new RegExp(bundledTitle.slice(0, 20)));
    assert.match(await statusText(options), /Removed/);
    await page.reload();
    await waitForMark(page, 'giuseppe-cavo-dragone');
    assert.ok(!(await markIds(page)).some((id) => id.startsWith(`${ARCTIC}--`)), 'the removed story is not recognized');
    await page.close();
    await options.close();
  });
});

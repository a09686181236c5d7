// Story packs in the built extension (Chromium): a second pack built with the
// authoring tool from report files written for the tests, imported in the
// options page and recognized on pages next to the bundled one (a page about
// story 2 gets its highlights and brief; a page about both gets both, the
// popover story by story and the popup's story switcher); then update by
// revision, refusal of the same revision and of a malformed file leaving every
// pack as it was, export, turn off, remove — all persisted in the extension's
// IndexedDB, and every change signalled to other contexts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { withChromium } from './harness/chromium.mjs';
import { ARTIFACTS } from './harness/artifacts.mjs';
import { hoverAndWaitPopover, openPopup, tabIdOf, waitForBadge, waitForMarks } from './harness/actions.mjs';
import { buildTestPack } from './harness/packs.mjs';

const arctic = JSON.parse(readFileSync('e2e/packs/arctic.pack.json', 'utf8'));
const bundledTitle = JSON.parse(readFileSync('data/pack.json', 'utf8')).pack.title.en;
const withRevision = (revision) => ({ ...arctic, pack: { ...arctic.pack, revision } });
const file = (name, value) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
});

const env = withChromium({ '/packs/': 'e2e/packs/pages' });
const ARCTIC = 'arctic-summit-tromso';
const BUNDLED = JSON.parse(readFileSync('data/pack.json', 'utf8')).pack.id;

/** Ids of the marks on the page. */
const markIds = (page) =>
  page.$$eval('mark.cc-mark', (ms) => [...new Set(ms.map((m) => m.getAttribute('data-crosscheck-id')))]);

describe('Chromium: a pack built with the tool, recognized next to the bundled one', () => {
  it('imports it, recognizes each story on its pages and both on a page about both', async () => {
    const built = buildTestPack();
    const { h, server } = env;
    const options = await h.context.newPage();
    await options.goto(h.extensionUrl('options.html'));
    await options.getByRole('radio', { name: 'English' }).check();
    const section = options.locator('section.cc-packs');
    await section.getByLabel('Import a pack (.json or .zip)…').setInputFiles(built.file);
    await options.getByRole('status').filter({ hasText: 'Imported “Arctic summit in Tromsø”, revision 1.' }).waitFor();

    // A page about story 2: its names, its event, its disputed sentences; none of the bundled story's own.
    const page = await h.context.newPage();
    await page.goto(server.url('/packs/arctic.html'));
    await waitForMarks(page, { min: 3 });
    await page.waitForFunction(
      (id) => document.querySelector(`mark.cc-mark[data-crosscheck-id="${id}"]`),
      `${ARCTIC}--solberg-haugen`,
    );
    const ids = await markIds(page);
    assert.ok(ids.includes(`${ARCTIC}--summit`), `the story's event: ${ids.join(', ')}`);
    assert.ok(ids.includes('donald-trump'), 'a person both stories share is one item');
    assert.ok(ids.includes(`${ARCTIC}--trump-attendance`), 'its disputed sentences');
    assert.ok(!ids.includes('giuseppe-cavo-dragone'), 'none of the other story');
    const worker = h.worker;
    assert.ok(worker);
    const tab = await tabIdOf(worker, page);
    assert.match(await waitForBadge(worker, tab, /^\d+!?$/), /^\d+!?$/, 'the badge counts');

    // The popover of the shared person: what each story's sources reported, this page's story first.
    const dialog = await hoverAndWaitPopover(page, 'donald-trump');
    const stories = await dialog.locator('.cc-story-title').allTextContents();
    assert.equal(stories.length, 2, `two stories: ${stories.join(' | ')}`);
    assert.match(stories[0], /^Arctic summit in Tromsø/);
    assert.match(stories[0], /this page’s story/);
    await page.screenshot({ path: `${ARTIFACTS}/packs-popover.png` });

    // The popup opens on the page's story, with the switcher.
    let popup = await openPopup(h, tab);
    const select = popup.getByLabel('Story');
    await select.waitFor();
    assert.equal(await select.inputValue(), ARCTIC);
    await popup
      .getByRole('heading', { name: /Arctic summit in Tromsø/ })
      .first()
      .waitFor();
    await popup.close();

    // A page about both stories: highlights of both, both in the switcher, the reader switches.
    const both = await h.context.newPage();
    await both.goto(server.url('/packs/both.html'));
    await waitForMarks(both, { min: 3 });
    await both.waitForFunction(
      (id) => document.querySelector(`mark.cc-mark[data-crosscheck-id="${id}"]`),
      `${ARCTIC}--summit`,
    );
    const bothIds = await markIds(both);
    assert.ok(bothIds.includes('giuseppe-cavo-dragone'), `the bundled story's names: ${bothIds.join(', ')}`);
    const bothTab = await tabIdOf(worker, both);
    await waitForBadge(worker, bothTab, /^\d+!?$/);
    popup = await openPopup(h, bothTab);
    const switcher = popup.getByLabel('Story');
    await switcher.waitFor();
    const labels = await switcher.locator('option').allTextContents();
    assert.equal(labels.filter((l) => l.endsWith('(on this page)')).length, 2, labels.join(' | '));
    assert.equal(await switcher.inputValue(), BUNDLED, 'the first of the page’s stories');
    await switcher.focus();
    await switcher.selectOption(ARCTIC);
    await popup
      .getByRole('heading', { name: /Arctic summit in Tromsø/ })
      .first()
      .waitFor();
    await popup.screenshot({ path: `${ARTIFACTS}/packs-popup-switcher.png` });
    await popup.close();
    await both.close();
    await page.close();

    // Leave the store as the next test expects it: the bundled pack only.
    await options.getByRole('button', { name: 'Remove “Arctic summit in Tromsø”' }).click();
    await options.getByRole('status').filter({ hasText: 'Removed “Arctic summit in Tromsø”.' }).waitFor();
    await options.close();
  });
});

describe('Chromium: story packs in the options page', () => {
  it('imports, updates, refuses, exports, turns off and removes packs', async () => {
    const page = await env.h.context.newPage();
    await page.goto(env.h.extensionUrl('options.html'));
    await page.getByRole('radio', { name: 'English' }).check();
    const section = page.locator('section.cc-packs');
    await section.getByRole('heading', { name: bundledTitle }).waitFor();
    const input = section.getByLabel('Import a pack (.json or .zip)…');
    const items = section.locator('li.cc-pack');
    assert.equal(await items.count(), 1);
    assert.equal(
      await section.getByRole('button', { name: /^Remove/ }).count(),
      0,
      'the bundled pack cannot be removed',
    );

    await input.setInputFiles(file('arctic.json', arctic));
    await section.getByRole('heading', { name: 'Arctic summit in Tromsø' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Imported “Arctic summit in Tromsø”, revision 1.' }).waitFor();
    const worker = env.h.worker;
    assert.ok(worker, 'the service worker is running');
    const changed = await worker.evaluate(
      async () => (await chrome.storage.local.get('packs-changed'))['packs-changed'],
    );
    assert.equal(typeof changed, 'number', 'other contexts are told');

    await input.setInputFiles(file('arctic.json', withRevision(2)));
    await page.getByRole('status').filter({ hasText: 'Updated “Arctic summit in Tromsø” to revision 2.' }).waitFor();
    await section.getByText(/revision 2 · by Crosscheck tests/).waitFor();

    const before = await section.locator('ul').textContent();
    await input.setInputFiles(file('arctic.json', withRevision(2)));
    assert.match(
      (await section.getByRole('alert').textContent()) ?? '',
      /revision 2 of "arctic-summit-tromso" is already installed/,
    );
    const broken = withRevision(3);
    broken.claims = [{ ...broken.claims[0], value: 'maybe' }];
    await input.setInputFiles(file('broken.json', broken));
    await section.getByRole('alert').filter({ hasText: '$.claims[0].value: must be one of the values' }).waitFor();
    await input.setInputFiles(file('garbage.json', '{"pack": '));
    await section.getByRole('alert').filter({ hasText: 'not valid JSON' }).waitFor();
    assert.equal(await section.locator('ul').textContent(), before, 'every pack stays as it was');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Export “Arctic summit in Tromsø”' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'arctic-summit-tromso-r2.json');
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(exported.pack.revision, 2);
    assert.deepEqual(exported.claims, arctic.claims);

    await section.getByRole('checkbox', { name: `Recognize “${bundledTitle}”` }).uncheck();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/options-packs.png`, fullPage: true });
    await page.reload();
    await section.getByRole('heading', { name: 'Arctic summit in Tromsø' }).waitFor();
    assert.equal(await section.getByRole('checkbox', { name: `Recognize “${bundledTitle}”` }).isChecked(), false);
    await section.getByRole('checkbox', { name: `Recognize “${bundledTitle}”` }).check();

    await section.getByRole('button', { name: 'Remove “Arctic summit in Tromsø”' }).click();
    await page.getByRole('status').filter({ hasText: 'Removed “Arctic summit in Tromsø”.' }).waitFor();
    await page.reload();
    await section.getByRole('heading', { name: bundledTitle }).waitFor();
    assert.equal(await items.count(), 1);
    await page.close();
  });
});

describe('Chromium: popovers after the service worker was stopped', () => {
  // Last in this file: the harness's `h.worker` is the stopped one afterwards.
  it('shows the popover of a shared name from the saved compile, reading its two packs, without compiling', async () => {
    const { h, server } = env;
    const options = await h.context.newPage();
    await options.goto(h.extensionUrl('options.html'));
    await options.getByRole('radio', { name: 'English' }).check();
    const section = options.locator('section.cc-packs');
    await section.getByLabel('Import a pack (.json or .zip)…').setInputFiles(buildTestPack().file);
    await options.getByRole('status').filter({ hasText: 'Imported “Arctic summit in Tromsø”, revision 1.' }).waitFor();
    const page = await h.context.newPage();
    await page.goto(server.url('/packs/arctic.html'));
    await waitForMarks(page, { min: 3 });
    const storiesOf = async () =>
      (await hoverAndWaitPopover(page, 'donald-trump', { timeout: 30_000 }))
        .locator('.cc-story-title')
        .allTextContents();
    const compiled = await storiesOf(); // the compile's popover (the compile is saved meanwhile)

    const cdp = await h.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await page.reload();
    await waitForMarks(page, { min: 3 });
    assert.deepEqual(await storiesOf(), compiled);
    assert.equal(compiled.length, 2);
    const worker = h.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    assert.ok(worker, 'a service worker again');
    const measures = await worker.evaluate(() =>
      performance
        .getEntriesByType('measure')
        .map((m) => ({ name: m.name, detail: /** @type {PerformanceMeasure} */ (m).detail })),
    );
    const names = measures.map((m) => m.name);
    assert.ok(names.includes('crosscheck:restore'), names.join(', '));
    assert.ok(!names.includes('crosscheck:compile'), `no compile after the restart: ${names.join(', ')}`);
    const data = measures.filter((m) => m.name === 'crosscheck:popover-data').map((m) => m.detail.packs);
    assert.ok(data.includes(2), `the popover read both packs of the shared name: ${JSON.stringify(data)}`);
    await page.close();
    await options.getByRole('button', { name: 'Remove “Arctic summit in Tromsø”' }).click();
    await options.getByRole('status').filter({ hasText: 'Removed “Arctic summit in Tromsø”.' }).waitFor();
    await options.close();
  });
});

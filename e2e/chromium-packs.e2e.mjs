// Story packs in the options page of the built extension (Chromium): import a
// pack file, update it by revision, refuse the same revision and a malformed
// file leaving every pack as it was, export, turn off, remove — all persisted
// in the extension's IndexedDB, and every change signalled to other contexts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { withChromium } from './harness/chromium.mjs';
import { ARTIFACTS } from './harness/artifacts.mjs';

const arctic = JSON.parse(readFileSync('e2e/packs/arctic.pack.json', 'utf8'));
const bundledTitle = JSON.parse(readFileSync('data/pack.json', 'utf8')).pack.title.en;
const withRevision = (revision) => ({ ...arctic, pack: { ...arctic.pack, revision } });
const file = (name, value) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
});

const env = withChromium({});

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

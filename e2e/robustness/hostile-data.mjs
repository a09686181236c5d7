// Hostile data: a dataset whose strings carry HTML and script, imported through
// the extension's real path (the options page's Packs section: a version-1
// dataset is migrated into a pack beside the bundled one, which is turned off),
// must show as inert text in the popover, the popup and the options page; a
// malformed dataset is refused with an error naming the field, and the
// extension keeps its last good data.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dialogInPage, markPointInPage } from './dom.mjs';
import { openSections } from '../harness/actions.mjs';

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

export const PAYLOAD_NAME =
  "Donald Trump <img src=x onerror=\"window.__pwned='name'\"><script>window.__pwned='script'</script>";
export const PAYLOAD_DESCRIPTION =
  '<b>fett</b> <img src="x" onerror="window.__pwned=\'description\'"> <a href="javascript:window.__pwned=\'link\'">Link</a> <iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>';
export const PAYLOAD_DATASET_NAME =
  'Feindlich <svg onload="window.__pwned=\'dataset\'"><script>alert(1)</script></svg>';

/** The bundled dataset with script and markup in the names and descriptions. */
export function hostileDataset() {
  const d = JSON.parse(readFileSync(resolve('data/dataset.json'), 'utf8'));
  d.name = PAYLOAD_DATASET_NAME;
  const trump = d.entities.find((e) => e.id === 'donald-trump');
  trump.name = { de: PAYLOAD_NAME, en: PAYLOAD_NAME };
  trump.description = { de: PAYLOAD_DESCRIPTION, en: PAYLOAD_DESCRIPTION };
  for (const s of d.sources.slice(0, 3)) s.title = `${s.title} <img src=x onerror="window.__pwned='source'">`;
  return d;
}

/** Hostile, and also invalid: one field of the wrong type. */
export function malformedDataset() {
  const d = hostileDataset();
  d.name = 'Kaputt';
  d.entities[2].aliases = 42;
  return d;
}

/** What a page (extension page or web page) holds that the data could have injected. */
const injected = () => ({
  pwned: window.__pwned ?? null,
  imgs: [...document.querySelectorAll('img')].filter((i) => /(^|\/)x$/.test(i.getAttribute('src') ?? '')).length,
  scripts: [...document.querySelectorAll('script')].filter((s) => /__pwned|alert/.test(s.textContent)).length,
  frames: document.querySelectorAll('iframe[srcdoc]').length,
  svgs: document.querySelectorAll('svg[onload]').length,
  text: document.body.innerText,
});

/**
 * @param {any} env the jailed Chromium with the extension
 * @param {{ demoUrl: string }} opts the URL of demo/en.html on the test server
 */
export async function runHostileData(env, { demoUrl }) {
  const problems = [];
  const steps = [];
  const step = (name, ok, detail = '') => {
    steps.push({ name, ok: !!ok, detail });
    if (!ok) problems.push(`${name}${detail ? `: ${detail}` : ''}`);
  };
  const demo = demoUrl;
  const options = await env.context.newPage();
  await options.goto(`${env.extensionOrigin}/options.html`);
  await options.waitForSelector('main input[type=file]');

  const importFile = async (name, content) => {
    await options.setInputFiles('main input[type=file]', {
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(content),
    });
  };

  // 1. Import the hostile (but valid) dataset through the options page.
  await importFile('hostile.json', JSON.stringify(hostileDataset()));
  const imported = await options
    .waitForFunction((n) => document.body.innerText.includes(n), 'Feindlich <svg', { timeout: 5000 })
    .then(() => true)
    .catch(() => false);
  step('the hostile dataset imports and its name shows as text on the options page', imported);
  await sleep(300);
  const opt = await options.evaluate(injected);
  step(
    'options page: nothing injected',
    !opt.pwned && !opt.imgs && !opt.scripts && !opt.svgs,
    JSON.stringify({ ...opt, text: undefined }),
  );

  // The hostile pack is imported beside the bundled one, which would name the shared people first: turn the
  // bundled pack off, so the hostile one is all the extension knows.
  const bundled = options.getByRole('checkbox', { name: /nato/i });
  await bundled.uncheck();
  await sleep(500);

  // 2. The popover on the demo page shows the literal text; nothing runs in the page.
  const page = await env.open(`${demo}?data=hostile`, { js: true, waitUntil: 'load' });
  await page.waitForMarks((n) => n >= 10, 15_000);
  const point = await page.evalIsolated(markPointInPage, 'donald-trump');
  let dialog = { open: false };
  if (point) {
    await page.page.mouse.move(point.x, point.y, { steps: 3 });
    for (let i = 0; i < 40 && !dialog.open; i++) {
      await sleep(100);
      dialog = await page.evalIsolated(dialogInPage);
    }
  }
  step('the popover opens for Donald Trump', dialog.open);
  step(
    'the popover shows the name as literal text',
    dialog.open && dialog.text.includes('<img src=x onerror=') && dialog.text.includes('<script>'),
    dialog.open ? dialog.text.slice(0, 160) : '',
  );
  step('the popover shows the description as literal text', dialog.open && dialog.text.includes('<b>fett</b>'));
  step(
    'the popover holds no injected element',
    dialog.open && dialog.images === 0 && dialog.scripts === 0,
    `img ${dialog.images}, script ${dialog.scripts}`,
  );
  await sleep(500);
  const pagePwned = await page.evalMain('window.__pwned ?? null');
  step('nothing ran in the page', pagePwned === null, String(pagePwned));

  // 3. The popup for that tab.
  await page.page.bringToFront();
  const tabId = await env.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
  const popup = await env.context.newPage();
  await popup.setViewportSize({ width: 460, height: 600 });
  await popup.goto(`${env.extensionOrigin}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('main');
  await openSections(popup);
  await sleep(500);
  const pop = await popup.evaluate(injected);
  step(
    'popup: the name shows as literal text',
    pop.text.includes('Donald Trump <img src=x onerror='),
    pop.text.slice(0, 200),
  );
  step(
    'popup: nothing injected',
    !pop.pwned && !pop.imgs && !pop.scripts && !pop.svgs && !pop.frames,
    JSON.stringify({ ...pop, text: undefined }),
  );
  await popup.close();
  await page.close();

  // 4. A malformed dataset is refused, with the field named; so is a file that is not JSON.
  await importFile('broken.json', JSON.stringify(malformedDataset()));
  const error = await options
    .waitForSelector('main [role=alert]', { timeout: 5000 })
    .then((e) => e.innerText())
    .catch(() => '');
  step(
    'a malformed dataset is refused with an error naming the field',
    /\$\.entities\[2\]\.aliases/.test(error),
    error,
  );
  await importFile('not-json.json', '{ "version": 1, "name": ');
  await sleep(300);
  const error2 = await options
    .locator('main [role=alert]')
    .innerText()
    .catch(() => '');
  step('a file that is not JSON is refused', /JSON/.test(error2) && error2 !== error, error2);
  const still = await options.evaluate(() => document.body.innerText);
  step(
    'the options page still names the last good dataset',
    still.includes('Feindlich <svg') && !still.includes('Kaputt'),
  );

  // 5. The extension keeps working on its last good data.
  const again = await env.open(`${demo}?data=after-refused-import`, { js: true, waitUntil: 'load' });
  const marks = await again.waitForMarks((n) => n >= 10, 15_000);
  step('marks still appear after the refused import', marks >= 10, `${marks} marks`);
  const p2 = await again.evalIsolated(markPointInPage, 'donald-trump');
  let d2 = { open: false };
  if (p2) {
    await again.page.mouse.move(p2.x, p2.y, { steps: 3 });
    for (let i = 0; i < 40 && !d2.open; i++) {
      await sleep(100);
      d2 = await again.evalIsolated(dialogInPage);
    }
  }
  step(
    '… from the last good (hostile) dataset, not the refused one',
    d2.open && d2.text.includes('<img src=x onerror='),
  );
  const errs = [again, page].flatMap((t) => t.errors.extension);
  step('no extension errors', errs.length === 0, errs.map((e) => e.message.split('\n')[0]).join(' | '));
  await again.close();

  // 6. Back to the bundled pack alone: the imported (hostile) pack is removed.
  await options
    .getByRole('button', { name: /^Remove.*Feindlich|Feindlich.*entfernen$/ })
    .first()
    .click();
  const reset = await options
    .waitForFunction(() => !document.body.innerText.includes('Feindlich'), null, { timeout: 5000 })
    .then(() => true)
    .catch(() => false);
  step('the imported pack is removed', reset);
  await bundled.check();
  await sleep(500);
  step('the bundled pack is on again', await bundled.isChecked());
  await options.close();
  return { name: 'hostile-data', ok: problems.length === 0, problems, steps };
}

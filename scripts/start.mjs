// `npm start`: build the extension and open it in Chromium/Chrome on the demo
// pages. With no display, run headless instead: save screenshots of a
// highlighted demo page, an open popover and the popup, and print where they
// are and what was recognized.
import { spawnSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { requireBrowser } from './lib/browsers.mjs';
import { startServer } from '../e2e/harness/server.mjs';
import { launchChromium } from '../e2e/harness/chromium.mjs';
import { hoverAndWaitPopover, openPopup, tabIdOf, waitForMarks } from '../e2e/harness/actions.mjs';

requireBrowser('chromium');
console.log('Building the extension…');
const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = await startServer({ '/demo/': 'demo' });
const pages = ['de.html', 'en.html', 'dark.html'].map((p) => server.url(`/demo/${p}`));
const hasDisplay =
  process.platform === 'darwin' ||
  process.platform === 'win32' ||
  !!process.env.DISPLAY ||
  !!process.env.WAYLAND_DISPLAY;

if (hasDisplay && process.env.CROSSCHECK_HEADLESS !== '1') {
  const { context, close } = await launchChromium({ headless: false, viewport: null });
  for (const url of pages) await (await context.newPage()).goto(url);
  console.log(`Crosscheck is loaded. Demo pages: ${server.url('/demo/')}\nClose the browser window to stop.`);
  context.on('close', () => Promise.all([close(), server.close()]).then(() => process.exit(0)));
} else {
  const out = resolve('artifacts/screenshots');
  await mkdir(out, { recursive: true });
  console.log('No display: running headless and saving screenshots.');
  const h = await launchChromium();
  try {
    const page = await h.context.newPage();
    await page.goto(server.url('/demo/de.html'));
    await waitForMarks(page);
    await page.screenshot({ path: `${out}/demo-highlighted.png` });
    const dialog = await hoverAndWaitPopover(page, 'donald-trump');
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/demo-popover.png` });
    void dialog;
    const tabId = await tabIdOf(h.worker, page);
    const summary = await h.worker?.evaluate((id) => chrome.storage.session.get(`tab-${id}`), tabId);
    const popup = await openPopup(h, tabId);
    await popup.waitForSelector('main', { timeout: 10_000 });
    await popup.waitForTimeout(300);
    await popup.screenshot({ path: `${out}/popup.png`, fullPage: true });
    const items = summary[`tab-${tabId}`]?.items ?? [];
    const dataset = JSON.parse(await readFile('data/dataset.json', 'utf8'));
    const names = new Map([
      ...dataset.entities.map((e) => [e.id, e.name.en]),
      ...dataset.events.map((e) => [e.id, e.title.en]),
    ]);
    console.log(`\nRecognized on ${server.url('/demo/de.html')} (${items.length} items):`);
    for (const item of items) {
      console.log(`  ${item.kind.padEnd(12)} ${(names.get(item.id) ?? item.id).padEnd(58)} ×${item.count}`);
    }
    console.log(`\nScreenshots:\n  ${out}/demo-highlighted.png\n  ${out}/demo-popover.png\n  ${out}/popup.png`);
  } finally {
    await h.close();
    await server.close();
  }
}

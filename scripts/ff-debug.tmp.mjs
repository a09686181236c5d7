import { launchFirefox } from '../e2e/harness/firefox.mjs';
import { startServer } from '../e2e/harness/server.mjs';
const server = await startServer({ '/demo/': 'demo' });
const ff = await launchFirefox();
try {
  const page = await ff.browser.newPage();
  page.on('console', (m) => console.log('console:', m.text()));
  await page.goto(server.url('/demo/en.html'));
  await page.waitForSelector('mark.cc-mark[data-crosscheck-id="donald-trump"]', { timeout: 20_000 });
  const state = () => page.evaluate(() => {
    const m = document.querySelector('mark.cc-mark[data-crosscheck-id="donald-trump"]');
    const host = document.querySelector('crosscheck-popover');
    return { expanded: m.getAttribute('aria-expanded'), host: !!host, shadow: !!host?.shadowRoot, dialog: host?.shadowRoot?.querySelector('[role="dialog"]')?.outerHTML.slice(0, 200), hover: m.matches(':hover') };
  });
  console.log('before', await state());
  await page.hover('mark.cc-mark[data-crosscheck-id="donald-trump"]');
  console.log('hover0', await state());
  await new Promise((r) => setTimeout(r, 1500));
  console.log('hover1.5', await state());
  await page.evaluate(() => { const m = document.querySelector('mark.cc-mark[data-crosscheck-id="donald-trump"]'); m.addEventListener('pointerover', (e)=>console.log('page pointerover', e.pointerType)); });
  await page.mouse.move(5, 5);
  await page.hover('mark.cc-mark[data-crosscheck-id="donald-trump"]');
  await new Promise((r) => setTimeout(r, 1500));
  console.log('hover again', await state());
  await page.focus('mark.cc-mark[data-crosscheck-id="donald-trump"]');
  await new Promise((r) => setTimeout(r, 1000));
  console.log('focus', await state());
  await page.click('mark.cc-mark[data-crosscheck-id="donald-trump"]');
  await new Promise((r) => setTimeout(r, 1000));
  console.log('click', await state());
} finally {
  await ff.close();
  await server.close();
}

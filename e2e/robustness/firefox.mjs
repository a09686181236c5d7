// The Firefox build in Debian's firefox-esr (puppeteer-core over WebDriver BiDi),
// jailed like Chromium: a dead proxy for everything but 127.0.0.1, no
// prefetching. A few pages, with the same questions: marks where they belong
// (and none elsewhere), text unchanged, no other DOM change, no extension
// errors, the popover opens (also under a strict CSP).
//
// Reference: the same pages loaded in the same Firefox BEFORE the add-on is
// installed. With the add-on, the text must be the same, and the DOM read
// through the marks (each mark.cc-mark taken as its children) must be the same
// serialization. (Turning off and the exact undo are proven in Chromium: BiDi
// may not open the add-on's own pages to flip the switch.)
import { FIREFOX_BUILD, startFirefox } from '../harness/firefox.mjs';
import { firstDifference } from './compare.mjs';
import { dialogInPage, markPointInPage, snapshotInPage } from './dom.mjs';

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** @param {{ javascript?: boolean }} [opts] `javascript: false` turns page scripts off (content scripts still run) */
export async function launchJailedFirefox({ javascript = true } = {}) {
  const browser = await startFirefox({
    // The jail: every request but 127.0.0.1 goes to a proxy that is not there.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': 9,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': 9,
    'network.proxy.no_proxies_on': '127.0.0.1',
    'network.proxy.allow_hijacking_localhost': false,
    'network.proxy.socks_remote_dns': true,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'network.predictor.enabled': false,
    // BiDi in Firefox ESR cannot turn scripts off per tab; the pref does it for the profile.
    'javascript.enabled': javascript,
  });
  return {
    browser,
    version: await browser.version().catch(() => null),
    install: () => browser.installExtension(FIREFOX_BUILD),
    close: () => browser.close(),
  };
}

async function open(ff, url) {
  const page = await ff.browser.newPage();
  /** @type {{ extension: string[], page: string[] }} */
  const errors = { extension: [], page: [] };
  /** @param {string} text @returns {'extension' | 'page'} */
  const who = (text) => (/moz-extension:\/\//.test(text) ? 'extension' : 'page');
  page.on('pageerror', (e) => errors[who(String(e?.stack ?? e))].push(String(e?.message ?? e).slice(0, 300)));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    errors[who(`${m.text()} ${m.location()?.url ?? ''}`)].push(m.text().slice(0, 300));
  });
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  return { page, errors };
}

const withSide = (url, side) => `${url}${url.includes('?') ? '&' : '?'}side=${side}`;

/**
 * @param {{ page: string, url: string, minMarks?: number, hover?: boolean }[]} pages
 * @param {{ javascript?: boolean }} [opts] page scripts on or off (off by default: the DOM is then the bytes')
 */
export async function runFirefox(pages, { javascript = false } = {}) {
  let ff = null;
  const out = [];
  const problems = [];
  try {
    ff = await launchJailedFirefox({ javascript });
    const refs = [];
    for (const p of pages) {
      const ref = await open(ff, withSide(p.url, 'reference'));
      refs.push(await ref.page.evaluate(snapshotInPage, { transparentMarks: true }));
      await ref.page.close();
    }
    await ff.install();
    for (const [i, p] of pages.entries()) {
      const found = [];
      const t0 = Date.now();
      const refSnap = refs[i];
      const tab = await open(ff, withSide(p.url, 'extension'));
      const min = p.minMarks ?? 0;
      // Done: the content script's own timing measure, or the marks it must make.
      const deadline = Date.now() + 15_000;
      for (;;) {
        // A scan of the full stage, or the first stage's check that found nothing (no full stage then).
        const [scans, marks] = await tab.page
          .evaluate(() => [
            performance.getEntriesByName('crosscheck:full-scan').length +
              performance.getEntriesByName('crosscheck:check-end').length,
            document.querySelectorAll('mark.cc-mark').length,
          ])
          .catch(() => [0, 0]);
        if ((min === 0 && scans > 0) || (min > 0 && marks >= min)) break;
        if (Date.now() > deadline) {
          if (min === 0) found.push('the content script did not finish its scan within 15 s');
          break;
        }
        await sleep(100);
      }
      const snap = await tab.page.evaluate(snapshotInPage, { transparentMarks: true });
      if (min > 0 && snap.marks.length < min) found.push(`only ${snap.marks.length} marks (expected ≥ ${min})`);
      if (min === 0 && snap.marks.length > 0) found.push(`${snap.marks.length} marks where none belong`);
      const d = firstDifference(refSnap.text, snap.text);
      if (d) found.push(`text changed ${d}`);
      const h = firstDifference(refSnap.html, snap.html);
      if (h) found.push(`DOM (read through the marks) differs from the page without the add-on ${h}`);
      const bad = snap.marks.filter((m) => m.forbidden || !m.visible);
      if (bad.length) found.push(`${bad.length} marks in forbidden or hidden places`);
      let popover = null;
      if (p.hover && snap.marks.length > 0) {
        const point = await tab.page.evaluate(markPointInPage, null);
        await tab.page.mouse.move(1, 1);
        await tab.page.mouse.move(point.x, point.y, { steps: 3 });
        let dlg = { open: false };
        for (let k = 0; k < 40 && !dlg.open; k++) {
          await sleep(100);
          dlg = await tab.page.evaluate(dialogInPage);
        }
        popover = dlg.open
          ? { rect: dlg.rect, style: dlg.style, onTop: dlg.onTop, visible: dlg.visible }
          : { open: false };
        if (!dlg.open) found.push('popover did not open on hover');
        else {
          if (!dlg.visible || !dlg.onTop) found.push('popover not visible on top');
          const s = dlg.style;
          if (s.backgroundColor !== 'rgb(255, 255, 255)' || s.position !== 'fixed' || s.borderRadius !== '10px')
            found.push(`popover unstyled: ${JSON.stringify(s)}`);
        }
      }
      for (const e of tab.errors.extension) found.push(`extension error: ${e}`);
      await tab.page.close();
      out.push({
        page: p.page,
        ok: found.length === 0,
        marks: snap.marks.length,
        problems: found,
        popover,
        pageErrors: tab.errors.page.length,
        ms: Date.now() - t0,
      });
    }
  } catch (e) {
    problems.push(`harness: ${String(/** @type {Error} */ (e)?.message ?? e).split('\n')[0]}`);
  } finally {
    await ff?.close().catch(() => {});
  }
  return {
    ok: problems.length === 0 && out.length === pages.length && out.every((p) => p.ok),
    version: ff?.version ?? null,
    pages: out,
    problems,
  };
}

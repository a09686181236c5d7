// Breakdown of the first highlight on story pages: every crosscheck: mark and
// measure of the page and of the service worker (on the page's clock), from
// the end of the page's load event, over N fresh loads.
//   flock /tmp/crosscheck-browser.lock node bench/first-probe.mjs [--runs N] [--pages a,b] [--trace FILE]
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../e2e/harness/chromium.mjs';
import { startServer } from '../e2e/harness/server.mjs';
import { generateLongPage } from '../scripts/lib/long-page.mjs';
import { generateLiveBlog } from './lib/pages.mjs';

const argv = process.argv.slice(2);
const opt = (n, d) => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? argv[i + 1] : d;
};
const runs = Number(opt('runs', '5'));
const pages = opt('pages', 'long-realistic,liveblog,demo-de').split(',');
const traceFile = opt('trace', null);
const exts = opt('ext', '').split(',').filter(Boolean);

const dir = await mkdtemp(join(tmpdir(), 'cc-probe-'));
await writeFile(join(dir, 'long-realistic.html'), generateLongPage({ density: 'realistic' }).html);
await writeFile(join(dir, 'liveblog.html'), generateLiveBlog().html);
const ISOLATION = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const server = await startServer({ '/demo/': 'demo', '/gen/': dir }, { headers: { '/': ISOLATION } });
const URLS = {
  'long-realistic': '/gen/long-realistic.html',
  liveblog: '/gen/liveblog.html',
  'demo-de': '/demo/de.html',
};
const hs = exts.length
  ? await Promise.all(exts.map((e) => launchChromium({ extension: e })))
  : [await launchChromium()];
const labels = exts.length ? exts : ['.output'];
const OBSERVE_MARKS = () => {
  const batches = [];
  Object.defineProperty(window, '__ccMarks', { value: { batches }, enumerable: false });
  new MutationObserver((records) => {
    let found = null;
    for (const r of records)
      for (const n of r.addedNodes)
        if (n.nodeName === 'MARK' && /** @type {Element} */ (n).classList.contains('cc-mark')) {
          found ??= [];
          if (found.length < 50) found.push(n);
        }
    if (found) batches.push({ t: performance.now(), nodes: found });
  }).observe(document, { childList: true, subtree: true });
  const tasks = [];
  Object.defineProperty(window, '__ccTasks', { value: tasks, enumerable: false });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
};
const rows = {};
const tasks = {};
for (const name of pages) {
  for (let r = 0; r < runs + 1; r++)
    for (const [hi, h] of hs.entries()) {
      const page = await h.context.newPage();
      await page.addInitScript(OBSERVE_MARKS);
      const cdp = traceFile && r === runs ? await h.context.newCDPSession(page) : null;
      const traceChunks = [];
      if (cdp) {
        cdp.on('Tracing.dataCollected', (e) => traceChunks.push(...e.value));
        await cdp.send('Tracing.start', {
          traceConfig: {
            includedCategories: [
              'devtools.timeline',
              'v8.execute',
              'disabled-by-default-devtools.timeline',
              'blink.user_timing',
              'toplevel',
              'v8',
              'disabled-by-default-v8.cpu_profiler',
            ],
          },
        });
      }
      await page.goto(server.url(URLS[name]), { waitUntil: 'load' });
      await page.waitForFunction(() => performance.getEntriesByName('crosscheck:full-scan').length > 0, null, {
        timeout: 30000,
      });
      const w = await h.worker.evaluate(() => ({
        origin: performance.timeOrigin,
        entries: performance
          .getEntriesByType('measure')
          .filter((e) => e.name.startsWith('crosscheck:'))
          .map((e) => ({ name: e.name, start: e.startTime, duration: e.duration })),
      }));
      await h.worker.evaluate(() => performance.clearMeasures());
      const p = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        let firstScreen = null;
        for (const b of window.__ccMarks.batches) {
          if (firstScreen !== null) break;
          for (const n of b.nodes) {
            const q = n.getBoundingClientRect();
            if (n.isConnected && q.width > 0 && q.bottom > 0 && q.top < innerHeight) {
              firstScreen = b.t;
              break;
            }
          }
        }
        const e = performance.getEntries().filter((x) => x.name.startsWith('crosscheck:'));
        return {
          origin: performance.timeOrigin,
          load: nav?.loadEventEnd ?? 0,
          dcl: nav?.domContentLoadedEventEnd ?? 0,
          firstScreen,
          entries: e.map((x) => ({
            name: x.name,
            type: x.entryType,
            start: x.startTime,
            duration: x.duration,
          })),
          tasks: window.__ccTasks,
        };
      });
      if (cdp) {
        await new Promise((ok) => {
          cdp.once('Tracing.tracingComplete', ok);
          cdp.send('Tracing.end');
        });
        await writeFile(`${traceFile}-${name}.json`, JSON.stringify({ traceEvents: traceChunks }));
      }
      await page.close();
      if (r === 0) continue;
      const shift = w.origin - p.origin;
      const rel = (t) => +(t - p.load).toFixed(1);
      const line = [];
      line.push(`dcl ${rel(p.dcl)}`);
      for (const e of p.entries)
        line.push(
          `${e.name.slice(11)}${e.type === 'mark' ? '@' : ''} ${rel(e.start)}${e.type === 'measure' ? `+${e.duration.toFixed(1)}` : ''}`,
        );
      for (const e of w.entries)
        if (e.start + shift > p.load - 2000)
          line.push(`SW:${e.name.slice(11)} ${rel(e.start + shift)}+${e.duration.toFixed(1)}`);
      line.push(`FIRST-SCREEN ${p.firstScreen === null ? 'none' : rel(p.firstScreen)}`);
      line.push(
        `longtasks ${p.tasks
          .filter((t) => t[0] > p.load - 50)
          .map((t) => `${rel(t[0])}+${t[1].toFixed(0)}`)
          .join(' ')}`,
      );
      console.log(`\n== ${name} ${labels[hi]} run ${r}\n  ${line.join('\n  ')}`);
      (rows[`${name} ${labels[hi]}`] ??= []).push(p.firstScreen === null ? null : p.firstScreen - p.load);
      const at = (n) => p.entries.find((e) => e.name === `crosscheck:${n}` && e.type === 'mark')?.start;
      const [a, b] = [at('scan-start'), at('scan-end')];
      const inScan = p.tasks.filter((t) => t[0] < b && t[0] + t[1] > a).map((t) => t[1]);
      (tasks[`${name} ${labels[hi]}`] ??= []).push(Math.max(0, ...inScan));
    }
}
for (const [n, v] of Object.entries(rows)) {
  const s = v.filter((x) => x !== null).sort((a, b) => a - b);
  console.log(
    `${n}: first screen after load, median ${s[s.length >> 1]?.toFixed(1)} (${s.map((x) => x.toFixed(0)).join(', ')}); longest task in scan (Long Tasks API) ${tasks[n].map((x) => x.toFixed(0)).join(', ')}`,
  );
}
for (const h of hs) await h.close();
await server.close();

// A live page for ten minutes (npm run robustness; not in npm test): a ticker
// about the story whose own script puts a new paragraph on top every second
// and drops the oldest beyond 200, as live blogs do. The same page runs in a
// browser with the extension and in one without, side by side; every 30 s,
// after forced garbage collections, both pages' JS heaps are read (the
// difference is the content script: the page's main world and the content
// script's isolated world share one V8 isolate), and so is the extension
// service worker's heap (a CDP session attached to it; an attached debugger
// keeps the worker from its idle stop, which this test does not look at).
// The watcher's work is read from the content script's User Timing measures
// (`crosscheck:incremental-read` and `-paint`: a drain's two main-thread
// tasks). Checks: the content script's and the background's heaps stay flat,
// the page's DOM nodes too (marks of entries the page dropped are let go), the
// watcher's work stays in its budget, the new paragraphs get highlighted, and
// nothing errs.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLiveBlog } from '../../bench/lib/pages.mjs';

/** @param {number} ms */
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const MB = 1024 * 1024;

/** Entries the live page keeps: the oldest beyond are dropped. */
export const LIVE_KEEP = 200;

/** The watcher's budget (lib/dom-watcher.ts, lib/content-app.ts): drains a minute, and no long task. */
export const LIVE_BUDGET = { maxDrainsPerMinute: 120, maxDrainMs: 50, maxShareOfMinute: 0.05 };

/**
 * Writes the live page into a temporary folder (to be served as /live/).
 * @param {{ intervalMs?: number, keep?: number }} [o]
 */
export async function makeLivePage({ intervalMs = 1000, keep = LIVE_KEEP } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-live-'));
  // The entries of the generated live blog, one per list item, appended in turn by the page itself.
  const items = [...generateLiveBlog({ entries: 400, seed: 29 }).html.matchAll(/<li class="entry"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1] ?? ''); // prettier-ignore
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Live</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:760px;margin:0 auto;padding:0 16px}</style></head>
<body><header><h1>Sicherheitsgarantien – live</h1></header><main><ol id="ticker"></ol></main>
<script>
const items = ${JSON.stringify(items).replace(/</g, '\\u003c')};
const list = document.getElementById('ticker');
let i = 0;
function add() {
  const li = document.createElement('li');
  li.className = 'entry';
  li.innerHTML = items[i++ % items.length];
  list.prepend(li);
  while (list.children.length > ${keep}) list.lastElementChild.remove();
  window.__liveAdded = i;
}
for (let k = 0; k < 20; k++) add();
setInterval(add, ${intervalMs});
</script></body></html>`;
  await writeFile(join(dir, 'live.html'), html);
  return dir;
}

/**
 * A CDP session on the extension's service worker, attached through a page's session
 * (Target.attachToTarget, messages relayed), with replies.
 * @param {import('playwright-core').CDPSession} cdp a page's CDP session
 * @param {string} origin the extension's origin
 */
async function attachWorker(cdp, origin) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const t = targetInfos.find((x) => x.type === 'service_worker' && x.url.startsWith(origin));
  if (!t) return null;
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
  let id = 0;
  /** @type {Map<number, (v: any) => void>} */
  const waiting = new Map();
  /** @param {{ sessionId: string, message: string }} e */
  const onMessage = (e) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message);
    if (m.id !== undefined && waiting.has(m.id)) {
      waiting.get(m.id)?.(m.error ? { error: m.error } : m.result);
      waiting.delete(m.id);
    }
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  return {
    targetId: t.targetId,
    /** @param {string} method @param {object} [params] @returns {Promise<any>} */
    call(method, params = {}) {
      const n = ++id;
      const reply = new Promise((ok) => {
        waiting.set(n, ok);
        setTimeout(() => ok({ error: `${method}: no reply in 10 s` }), 10_000);
      });
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: n, method, params }) });
      return reply;
    },
    async detach() {
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    },
  };
}

/** @param {import('playwright-core').CDPSession} cdp */
async function pageHeap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const u = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const nodes = metrics.find((m) => m.name === 'Nodes')?.value ?? null;
  return { used: u.usedSize, nodes };
}

/**
 * Runs the live page for `minutes` in both browsers and checks memory and the watcher's budget.
 * @param {{ ext: any, ref: any, server: { url(p: string): string } }} browsers jailed Chromium with and without the extension
 * @param {{ minutes?: number, sampleEverySec?: number, log?: (line: string) => void }} [o]
 */
export async function runLivePage({ ext, ref, server }, { minutes = 10, sampleEverySec = 30, log = () => {} } = {}) {
  const url = server.url('/live/live.html');
  /** @type {string[]} */
  const problems = [];
  const swErrorsBefore = ext.sw?.errors.length ?? 0;
  const [on, off] = await Promise.all([ext.open(url, { waitUntil: 'load' }), ref.open(url, { waitUntil: 'load' })]);
  await Promise.all([on.cdp.send('Performance.enable'), off.cdp.send('Performance.enable')]);
  const firstMarks = await on.waitForMarks((/** @type {number} */ n) => n > 0, 20_000);
  if (!(firstMarks > 0)) problems.push('the live page was never highlighted (20 s)');

  /** @type {any[]} */
  const samples = [];
  const t0 = Date.now();
  let sw = await attachWorker(on.cdp, ext.extensionOrigin);
  let swRestarts = 0;
  for (let k = 0; ; k++) {
    const at = Date.now() - t0;
    const [withExt, without] = await Promise.all([pageHeap(on.cdp), pageHeap(off.cdp)]);
    // The worker (re-attached if it was replaced).
    let swHeap = null;
    for (let attempt = 0; attempt < 2 && swHeap === null; attempt++) {
      if (!sw) sw = await attachWorker(on.cdp, ext.extensionOrigin);
      if (!sw) break;
      await sw.call('HeapProfiler.collectGarbage');
      const u = await sw.call('Runtime.getHeapUsage');
      if (u && typeof u.usedSize === 'number') swHeap = u.usedSize;
      else {
        await sw.detach();
        sw = null;
        swRestarts++;
      }
    }
    const page = await on.page.evaluate(() => {
      // A drain's main-thread work: its read and its paint (two tasks; the wait for the background between
      // them is not the page's work). Each entry: [start, work, longest of the two parts].
      const parts = (/** @type {string} */ n) =>
        performance.getEntriesByName(n).map((e) => /** @type {[number, number]} */ ([e.startTime, e.duration]));
      const paints = parts('crosscheck:incremental-paint');
      const inc = parts('crosscheck:incremental-read').map(([start, read]) => {
        const paint = paints.find(([at]) => at >= start)?.[1] ?? 0;
        return [start, read + paint, Math.max(read, paint)];
      });
      return {
        now: performance.now(),
        incremental: inc,
        marks: document.querySelectorAll('mark.cc-mark').length,
        added: /** @type {any} */ (window).__liveAdded ?? 0,
      };
    });
    samples.push({
      atS: Math.round(at / 1000),
      pageWith: withExt.used,
      pageWithout: without.used,
      contentScript: withExt.used - without.used,
      nodesWith: withExt.nodes,
      nodesWithout: without.nodes,
      extraNodes: withExt.nodes === null || without.nodes === null ? null : withExt.nodes - without.nodes,
      worker: swHeap,
      marks: page.marks,
      added: page.added,
      pageNow: page.now,
      incremental: page.incremental,
    });
    const s = samples[samples.length - 1];
    log(
      `  live ${String(s.atS).padStart(4)} s: content script ${(s.contentScript / MB).toFixed(2)} MB, worker ${s.worker === null ? '–' : (s.worker / MB).toFixed(2) + ' MB'}, ` +
        `page ${(s.pageWithout / MB).toFixed(2)} MB, marks ${s.marks}, paragraphs added ${s.added}, drains so far ${s.incremental.length}`,
    );
    if (at >= minutes * 60_000) break;
    await sleep(Math.max(0, (k + 1) * sampleEverySec * 1000 - (Date.now() - t0)));
  }
  await sw?.detach();

  // ---- memory: flat = the median of the last third is within max(1 MB, 25 %) of the median of the
  // first third after the first minute (warm-up: the first scan, JIT, caches) ----
  // Steady state: after the first minute, and once the page is full (it keeps LIVE_KEEP entries and drops the
  // oldest from then on), so that growth is what the extension keeps, not the page filling up.
  const full = samples.filter((s) => s.atS >= 60 && s.added >= LIVE_KEEP);
  const settled = full.length >= 3 ? full : samples.filter((s) => s.atS >= 60);
  const third = Math.max(1, Math.floor(settled.length / 3));
  /** @param {number[]} xs */
  const median = (xs) => {
    const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
    return v.length ? /** @type {number} */ (v[Math.floor((v.length - 1) / 2)]) : null;
  };
  /** @param {string} key */
  const flat = (key, floor = MB) => {
    const early = median(settled.slice(0, third).map((s) => s[key]));
    const late = median(settled.slice(-third).map((s) => s[key]));
    if (early === null || late === null) return { early, late, growth: null, ok: false };
    const growth = late - early;
    return { early, late, growth, ok: growth <= Math.max(floor, Math.abs(early) * 0.25) };
  };
  const memory = {
    contentScript: flat('contentScript'),
    worker: flat('worker'),
    page: flat('pageWithout'),
    // DOM nodes the extension adds (its marks and split text nodes): flat when it lets go of dropped entries.
    extraNodes: flat('extraNodes', 500),
  };
  if (!memory.extraNodes.ok)
    problems.push(`the extension's DOM nodes grew by ${memory.extraNodes.growth} (from ${memory.extraNodes.early} to ${memory.extraNodes.late}): detached nodes kept alive`); // prettier-ignore
  if (!memory.contentScript.ok)
    problems.push(`content script heap grew ${fmtMB(memory.contentScript.growth)} (from ${fmtMB(memory.contentScript.early)} to ${fmtMB(memory.contentScript.late)})`); // prettier-ignore
  if (!memory.worker.ok)
    problems.push(`background heap ${memory.worker.growth === null ? 'could not be read' : `grew ${fmtMB(memory.worker.growth)} (from ${fmtMB(memory.worker.early)} to ${fmtMB(memory.worker.late)})`}`); // prettier-ignore

  // ---- the watcher: per minute, drains and time; no drain over 50 ms ----
  const last = samples[samples.length - 1];
  /** @type {[number, number, number][]} */
  const drains = last?.incremental ?? [];
  const spanMin = Math.max(1, Math.floor((last?.pageNow ?? 0) / 60_000));
  const perMinute = Array.from({ length: spanMin }, (_, m) => {
    const inMin = drains.filter(([t]) => t >= m * 60_000 && t < (m + 1) * 60_000);
    return { minute: m + 1, drains: inMin.length, ms: inMin.reduce((a, [, d]) => a + d, 0) };
  });
  const longest = Math.max(0, ...drains.map(([, , task]) => task));
  const watcher = {
    drains: drains.length,
    longestDrainMs: longest,
    perMinute,
    maxDrainsPerMinute: Math.max(0, ...perMinute.map((x) => x.drains)),
    maxMsPerMinute: Math.max(0, ...perMinute.map((x) => x.ms)),
    budget: LIVE_BUDGET,
  };
  if (drains.length === 0)
    problems.push('the watcher never scanned the new paragraphs (no crosscheck:incremental measure)');
  if (longest > LIVE_BUDGET.maxDrainMs)
    problems.push(`a watcher drain took ${longest.toFixed(1)} ms (> ${LIVE_BUDGET.maxDrainMs})`);
  if (watcher.maxDrainsPerMinute > LIVE_BUDGET.maxDrainsPerMinute)
    problems.push(`${watcher.maxDrainsPerMinute} drains in a minute (> ${LIVE_BUDGET.maxDrainsPerMinute})`);
  if (watcher.maxMsPerMinute > LIVE_BUDGET.maxShareOfMinute * 60_000)
    problems.push(
      `the watcher worked ${watcher.maxMsPerMinute.toFixed(0)} ms in a minute (> ${LIVE_BUDGET.maxShareOfMinute * 100} %)`,
    );
  // New paragraphs keep getting highlighted: marks at the end, not only at the start.
  if (!(last?.marks > 0)) problems.push('no highlight on the live page at the end');
  // Nothing errs.
  const extErrors = [...on.errors.extension, ...(ext.sw?.errors.slice(swErrorsBefore) ?? [])];
  if (extErrors.length)
    problems.push(
      `extension errors: ${extErrors
        .map((e) => e.message)
        .join(' | ')
        .slice(0, 300)}`,
    );
  await Promise.all([on.close(), off.close()]);
  return {
    ok: problems.length === 0,
    problems,
    minutes,
    swRestarts,
    memory,
    watcher,
    samples: samples.map(({ incremental, pageNow: _pageNow, ...rest }) => ({ ...rest, drains: incremental.length })),
  };
}

/** @param {number | null} b */
const fmtMB = (b) => (b === null ? '–' : `${(b / MB).toFixed(2)} MB`);

/**
 * The text report of a live run.
 * @param {Awaited<ReturnType<typeof runLivePage>>} live
 */
export function formatLive(live) {
  const out = [];
  out.push(`Live page (${live.minutes} min, a paragraph a second, 200 kept): ${live.ok ? 'ok' : 'FAILED'}`);
  out.push('   s      content script   background   page (no ext)   DOM nodes with/without   marks   drains');
  for (const s of live.samples)
    out.push(
      `   ${String(s.atS).padStart(4)}   ${fmtMB(s.contentScript).padStart(14)}   ${fmtMB(s.worker).padStart(10)}   ${fmtMB(s.pageWithout).padStart(13)}` +
        `   ${String(s.nodesWith).padStart(10)} / ${String(s.nodesWithout).padEnd(9)}   ${String(s.marks).padStart(5)}   ${String(s.drains).padStart(6)}`,
    );
  const m = live.memory;
  out.push(
    `   memory (median of the first third of the steady state — after 1 min, page full — → of the last third): content script ${fmtMB(m.contentScript.early)} → ${fmtMB(m.contentScript.late)} ` +
      `(${m.contentScript.ok ? 'flat' : 'GROWS'}); background ${fmtMB(m.worker.early)} → ${fmtMB(m.worker.late)} (${m.worker.ok ? 'flat' : 'GROWS'}); ` +
      `page without extension ${fmtMB(m.page.early)} → ${fmtMB(m.page.late)}; DOM nodes the extension adds ${m.extraNodes.early} → ${m.extraNodes.late} ` +
      `(${m.extraNodes.ok ? 'flat' : 'GROWS'})`,
  );
  const w = live.watcher;
  out.push(
    `   watcher: ${w.drains} drains, longest ${w.longestDrainMs.toFixed(1)} ms (budget ${w.budget.maxDrainMs}); per minute at most ${w.maxDrainsPerMinute} drains ` +
      `(budget ${w.budget.maxDrainsPerMinute}) and ${w.maxMsPerMinute.toFixed(1)} ms of work (budget ${w.budget.maxShareOfMinute * 60_000} ms)`,
  );
  if (live.swRestarts)
    out.push(`   the service worker was replaced ${live.swRestarts} times (heap re-read from the new one)`);
  for (const p of live.problems) out.push(`   ✗ ${p}`);
  return out.join('\n');
}

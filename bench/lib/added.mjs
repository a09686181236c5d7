// Main-thread time of a whole page load, from CDP: `Performance.getMetrics`
// `TaskDuration` (every task the page's renderer main thread ran, in wall
// time) of a fresh tab that loads the page and waits until its main thread is
// quiet. Run in a browser with the extension and in one without, on the same
// page, the difference is the main-thread time the extension added: its
// content script's evaluation, reading, messaging, highlighting and the
// rendering its marks cause. Every tab is new, and every load of a page from
// a new tab gets a new renderer process, so the counters start at zero (the
// figure before navigation is kept and subtracted all the same).
import { sleep, timeline } from './browser.mjs';

/** @typedef {import('./browser.mjs').Holder} Holder */

/**
 * @typedef {object} Metrics
 * @property {number} taskMs TaskDuration minus DevToolsCommandDuration (the harness's own polling is not the page's work)
 * @property {number} threadMs ThreadTime (CPU time of the main thread: less sensitive to a busy machine)
 * @property {number} scriptMs ScriptDuration
 * @property {number} layoutMs LayoutDuration
 * @property {number} styleMs RecalcStyleDuration
 * @property {number} devtoolsMs DevToolsCommandDuration (the harness's own polling, taken out above)
 * @property {number} heapBytes JSHeapUsedSize
 */

/** @param {import('playwright-core').CDPSession} cdp @returns {Promise<Metrics>} */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  /** @type {Record<string, number>} */
  const m = Object.fromEntries(list.map((x) => [x.name, x.value]));
  const ms = (/** @type {string} */ k) => (m[k] ?? 0) * 1000;
  return {
    taskMs: ms('TaskDuration') - ms('DevToolsCommandDuration'),
    threadMs: ms('ThreadTime'),
    scriptMs: ms('ScriptDuration'),
    layoutMs: ms('LayoutDuration'),
    styleMs: ms('RecalcStyleDuration'),
    devtoolsMs: ms('DevToolsCommandDuration'),
    heapBytes: m.JSHeapUsedSize ?? 0,
  };
}

/** @param {Metrics} a @param {Metrics} b @returns {Metrics} b − a */
function minus(a, b) {
  return {
    taskMs: b.taskMs - a.taskMs,
    threadMs: b.threadMs - a.threadMs,
    scriptMs: b.scriptMs - a.scriptMs,
    layoutMs: b.layoutMs - a.layoutMs,
    styleMs: b.styleMs - a.styleMs,
    devtoolsMs: b.devtoolsMs - a.devtoolsMs,
    heapBytes: b.heapBytes,
  };
}

/**
 * Polls the metrics until TaskDuration has not grown (by more than 0.2 ms) for
 * `quietMs`; gives up after `maxMs`.
 * @param {import('playwright-core').CDPSession} cdp
 * @param {{ quietMs: number, pollMs: number, maxMs: number }} o
 */
async function untilQuiet(cdp, o) {
  const t0 = Date.now();
  let last = (await metrics(cdp)).taskMs;
  let quietSince = Date.now();
  for (;;) {
    await sleep(o.pollMs);
    const now = await metrics(cdp);
    if (now.taskMs - last > 0.2) quietSince = Date.now();
    last = now.taskMs;
    if (Date.now() - quietSince >= o.quietMs) return { metrics: now, timedOut: false, waitedMs: Date.now() - t0 };
    if (Date.now() - t0 > o.maxMs) return { metrics: now, timedOut: true, waitedMs: Date.now() - t0 };
  }
}

const QUIET = { quietMs: 1000, pollMs: 100, maxMs: 60_000 };

/**
 * A new tab of its own (the holder's tab is closed first, so that one tab at a time is open),
 * without the bench's mark observer; closed by the caller.
 * @param {Holder} holder
 */
async function ownTab(holder) {
  if (holder.page && !holder.page.isClosed()) await holder.page.close().catch(() => {});
  holder.page = null;
  const page = await holder.h.context.newPage();
  const cdp = await holder.h.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

/**
 * One load of `url` in a fresh tab (without the bench's mark observer) until
 * the main thread is quiet. If the content script started a scan
 * (`crosscheck:scan-start`), or the first stage a check (`crosscheck:check-start`),
 * that has not ended, waits on. Returns the
 * metrics of the whole load, the content script's marks and measures, the
 * long tasks, and how many highlights the page has.
 * @param {Holder} holder
 * @param {string} url
 */
export async function quietLoad(holder, url) {
  const { page, cdp } = await ownTab(holder);
  try {
    return await measureLoad(page, cdp, url);
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').CDPSession} cdp
 * @param {string} url
 */
async function measureLoad(page, cdp, url) {
  const before = await metrics(cdp);
  const t0 = Date.now();
  /** @type {string | null} */
  let error = null;
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  } catch (e) {
    if (!/Timeout/i.test(String(e))) throw e;
    error = 'load timed out (30 s); measured what was there';
  }
  let q = await untilQuiet(cdp, QUIET);
  // A scan that started but has not ended (the page went quiet while it waited, e.g. on the background).
  for (let i = 0; i < 20; i++) {
    const open = await page.evaluate(() => {
      const has = (/** @type {string} */ n) => performance.getEntriesByName(n).length > 0;
      // The first stage's check not answered yet, or answered "load" and the full stage's scan not ended.
      const checking = has('crosscheck:check-start') && !has('crosscheck:check-end') && !has('crosscheck:scan-end');
      return checking || (has('crosscheck:scan-start') && !has('crosscheck:scan-end'));
    });
    if (!open) break;
    q = await untilQuiet(cdp, QUIET);
  }
  const m = minus(before, q.metrics);
  const tl = await timeline(page);
  const scanStart = tl.marks.find((x) => x.name === 'scan-start')?.start ?? null;
  return {
    ...m,
    wallMs: Date.now() - t0,
    quietAfterMs: q.waitedMs,
    timedOut: q.timedOut,
    error,
    marks: tl.marksOnPage,
    measures: tl.measures,
    crosscheckMarks: tl.marks,
    loadEnd: tl.loadEnd,
    /** Longest task (Long Tasks API) of the whole load, page's own included. */
    longestTask: Math.max(0, ...tl.tasks.map((t) => t[1])),
    /** Longest task (Long Tasks API) from the content script's scan start on (the page's own tasks then included). */
    longestTaskFromScan:
      scanStart === null ? null : Math.max(0, ...tl.tasks.filter((t) => t[0] + t[1] > scanStart).map((t) => t[1])),
  };
}

/**
 * mark.js `markRegExp` with every alias, as main-thread time: load the page,
 * evaluate the bench bundle, wait until quiet, then run `markRegExp` in a task
 * of its own (scheduled with setTimeout, so it is a page task and not a
 * DevTools command) and wait until quiet again: the difference of the two
 * TaskDuration figures is its marking plus the style, layout and paint its
 * marks cause.
 * @param {Holder} holder
 * @param {string} url
 * @param {string} bundle
 */
export async function regexpTaskRun(holder, url, bundle) {
  const { page, cdp } = await ownTab(holder);
  try {
    return await measureRegexp(page, cdp, url, bundle);
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').CDPSession} cdp
 * @param {string} url
 * @param {string} bundle
 */
async function measureRegexp(page, cdp, url, bundle) {
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  } catch (e) {
    if (!/Timeout/i.test(String(e))) throw e;
  }
  await page.evaluate(bundle);
  const a = (await untilQuiet(cdp, QUIET)).metrics;
  await page.evaluate(() => {
    setTimeout(() => {
      void window.__bench.markRegExp().then((/** @type {any} */ r) => (window.__bench.lastRegexp = r));
    }, 0);
  });
  const b = (await untilQuiet(cdp, QUIET)).metrics;
  const r = await page.evaluate(() => window.__bench.lastRegexp ?? null);
  return { ...minus(a, b), inPageMs: r?.ms ?? null, paintedMs: r?.paintedMs ?? null, marks: r?.marks ?? null };
}

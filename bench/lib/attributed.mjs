// The extension's own main-thread work on a page, read from a Chromium trace
// rather than as a difference of two loads. "With minus without" (added.mjs)
// is the figure the targets name, but two loads of the same page differ by
// tens of milliseconds on a shared machine, far above a 3 ms target; the
// trace says which tasks ran the extension's code. Every complete event on a
// renderer's main thread whose script URL is the extension's
// (`EvaluateScript`, `v8.compile`, `FunctionCall`, `v8.callFunction`, … with
// `args.data.url` / `args.data.fileName` = chrome-extension://ID/…) is taken,
// nested ones merged into their outermost, so style and layout the extension's
// code forces are inside its figure. Not in it: creating the isolated world
// (no script URL; the empty minimal extension's difference is that cost) and
// the rendering that marks cause after the extension's task has ended (none
// on a page about nothing: the first stage changes nothing).

/** Trace categories: the timeline's script events and V8's compile and run events. */
const CATEGORIES = ['devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-devtools.timeline'];

/**
 * @typedef {object} TraceEvent
 * @property {string} name
 * @property {string} ph
 * @property {number} ts µs
 * @property {number} [dur] µs
 * @property {number} pid
 * @property {number} tid
 * @property {Record<string, any>} [args]
 */

/** @param {TraceEvent} e @returns {string} */
function scriptUrl(e) {
  const d = e.args?.data ?? e.args ?? {};
  return String(d.url ?? d.fileName ?? d.scriptName ?? d.stackTrace?.[0]?.url ?? '');
}

/**
 * Sums the outermost intervals of the events on renderer main threads that run the extension's scripts.
 * @param {TraceEvent[]} events
 * @param {string} origin e.g. `chrome-extension://abc…/`
 */
export function attributedMs(events, origin) {
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  /** @type {Map<string, [number, number][]>} */
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mainThreads.has(key) || !scriptUrl(e).startsWith(origin)) continue;
    const list = byThread.get(key) ?? [];
    list.push([e.ts, e.ts + e.dur]);
    byThread.set(key, list);
  }
  let total = 0;
  let count = 0;
  for (const list of byThread.values()) {
    list.sort((a, b) => a[0] - b[0]);
    let [s, t] = list[0] ?? [0, 0];
    for (const [a, b] of list.slice(1)) {
      if (a <= t) t = Math.max(t, b);
      else {
        total += t - s;
        count++;
        [s, t] = [a, b];
      }
    }
    if (list.length) {
      total += t - s;
      count++;
    }
  }
  return { ms: total / 1000, tasks: count };
}

/**
 * Loads `url` in a fresh tab of the extension's browser with the page traced,
 * waits until the first stage's check (and any scan) has ended and the page has
 * been quiet for a second, and returns the extension's own main-thread time.
 * @param {import('./browser.mjs').Holder} holder the browser with the extension
 * @param {string} url
 */
export async function attributedLoad(holder, url) {
  if (holder.page && !holder.page.isClosed()) await holder.page.close().catch(() => {});
  holder.page = null;
  const page = await holder.h.context.newPage();
  const cdp = await holder.h.context.newCDPSession(page);
  /** @type {TraceEvent[]} */
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => {
    events.push(.../** @type {TraceEvent[]} */ (/** @type {unknown} */ (d.value)));
  });
  const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', () => ok(undefined)));
  try {
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] },
    });
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch((e) => {
      if (!/Timeout/i.test(String(e))) throw e;
    });
    const ended = () =>
      page.evaluate(() => {
        const has = (/** @type {string} */ n) => performance.getEntriesByName(n).length > 0;
        const checked = !has('crosscheck:check-start') || has('crosscheck:check-end') || has('crosscheck:scan-end');
        return checked && (!has('crosscheck:scan-start') || has('crosscheck:scan-end'));
      });
    const t0 = Date.now();
    // The first stage starts at idle: give it its chance, then wait for the check (or scan) to end.
    await new Promise((ok) => setTimeout(ok, 1000));
    while (!(await ended()) && Date.now() - t0 < 30_000) await new Promise((ok) => setTimeout(ok, 100));
    await new Promise((ok) => setTimeout(ok, 500));
    const checked = await page.evaluate(() => performance.getEntriesByName('crosscheck:check-start').length > 0);
    await cdp.send('Tracing.end');
    await done;
    const origin = `chrome-extension://${holder.h.extensionId}/`;
    return { ...attributedMs(events, origin), checked };
  } finally {
    await page.close().catch(() => {});
  }
}

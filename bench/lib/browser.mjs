// The two browsers of the benchmark and what runs in them.
// - `plain`: Chromium WITHOUT the extension; the bench bundle (bench/page-bench.ts)
//   is evaluated in the page for cases 1–4 and the dictionary scaling.
// - `ext`: Chromium WITH the built extension (.output/chrome-mv3); its content
//   script runs on the page as it ships, and we read its User Timing measures.
// Both block every request that does not go to 127.0.0.1.
import { launchChromium } from '../../e2e/harness/chromium.mjs';

const isLocal = (url) => {
  try {
    const u = new URL(url);
    return u.hostname === '127.0.0.1' || u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:';
  } catch {
    return false;
  }
};

/** Registered before any page script: long tasks and long animation frames (with script attribution). */
const OBSERVE_TASKS = () => {
  const tasks = [];
  const frames = [];
  Object.defineProperty(window, '__ccTasks', { value: { tasks, frames }, enumerable: false });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        frames.push({
          start: e.startTime,
          duration: e.duration,
          renderStart: e.renderStart,
          blocking: e.blockingDuration,
          scripts: (e.scripts ?? []).map((s) => ({
            url: s.sourceURL,
            fn: s.sourceFunctionName,
            invoker: s.invoker,
            start: s.startTime,
            duration: s.duration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // no LoAF
  }
};

async function blockNetwork(context) {
  await context.route(
    (url) => !isLocal(url.href),
    (route) => route.abort('internetdisconnected').catch(() => {}),
  );
  if (typeof context.routeWebSocket === 'function') {
    await context.routeWebSocket(
      (url) => !isLocal(url.href.replace(/^ws/, 'http')),
      (ws) => ws.close().catch(() => {}),
    );
  }
}

/**
 * Registered per page in the browser with the extension (not in the tabs whose main-thread time
 * is measured: added.mjs opens its own): when each batch of highlights was inserted, and the first nodes of each batch, so
 * that the first highlight on the first screen can be found once the page is quiet.
 */
const OBSERVE_MARKS = () => {
  /** @type {{ t: number, nodes: Element[] }[]} */
  const batches = [];
  Object.defineProperty(window, '__ccMarks', { value: { batches }, enumerable: false });
  const mo = new MutationObserver((records) => {
    /** @type {Element[] | null} */
    let found = null;
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeName === 'MARK' && /** @type {Element} */ (n).classList.contains('cc-mark')) {
          found ??= [];
          if (found.length < 50) found.push(/** @type {Element} */ (n));
        }
      }
    }
    if (found) batches.push({ t: performance.now(), nodes: found });
    if (batches.length > 5000) mo.disconnect();
  });
  mo.observe(document, { childList: true, subtree: true });
};

/**
 * A browser and the one tab the bench drives in it.
 * @typedef {object} Holder
 * @property {import('../../e2e/harness/chromium.mjs').ChromiumHandle} h
 * @property {import('playwright-core').Page | null} page
 * @property {import('playwright-core').CDPSession} cdp the current tab's CDP session
 * @property {boolean} observeMarks register OBSERVE_MARKS in new tabs
 * @property {unknown} pendingRestore settings to restore once the page that turned Crosscheck off is left (cases.mjs)
 * @property {() => Promise<import('playwright-core').Page>} fresh closes the tab, opens a new one
 * @property {() => Promise<import('playwright-core').Page>} get the current tab (a new one if it was closed)
 */

/**
 * @param {import('../../e2e/harness/chromium.mjs').ChromiumHandle} h
 * @param {boolean} observeMarks
 * @returns {Holder}
 */
function holder(h, observeMarks) {
  return {
    h,
    page: null,
    cdp: /** @type {import('playwright-core').CDPSession} */ (/** @type {unknown} */ (null)),
    observeMarks,
    pendingRestore: undefined,
    async fresh() {
      if (this.page && !this.page.isClosed()) await this.page.close().catch(() => {});
      const page = await h.context.newPage();
      if (this.observeMarks) await page.addInitScript(OBSERVE_MARKS);
      this.page = page;
      this.cdp = await h.context.newCDPSession(page);
      return page;
    },
    async get() {
      if (!this.page || this.page.isClosed()) return this.fresh();
      return this.page;
    },
  };
}

/**
 * The browsers of the benchmark: `plain` (no extension), `ext` (the built extension) and, if asked,
 * one per minimal extension (name → unpacked folder, see minimal-ext.mjs). All block every request
 * that does not go to 127.0.0.1, and record long tasks and long animation frames in every page.
 * @param {{ minimal?: Record<string, string> }} [opts]
 */
export async function launchBench(opts = {}) {
  const plain = await launchChromium({ extension: false });
  const ext = await launchChromium();
  /** @type {Record<string, import('../../e2e/harness/chromium.mjs').ChromiumHandle>} */
  const minimalHandles = {};
  for (const [name, dir] of Object.entries(opts.minimal ?? {})) minimalHandles[name] = await launchChromium({ extension: dir }); // prettier-ignore
  const all = [plain, ext, ...Object.values(minimalHandles)];
  for (const h of all) {
    await blockNetwork(h.context);
    await h.context.addInitScript(OBSERVE_TASKS);
  }
  const P = holder(plain, false);
  const E = holder(ext, true);
  /** @type {Record<string, Holder>} */
  const minimal = Object.fromEntries(Object.entries(minimalHandles).map(([n, h]) => [n, holder(h, false)]));
  // Start each with one tab of ours; close whatever the browser opened.
  for (const x of [P, E, ...Object.values(minimal)]) {
    const stray = x.h.context.pages();
    await x.fresh();
    for (const p of stray) await p.close().catch(() => {});
  }
  let closed = false;
  for (const h of all) h.context.on('close', () => (closed = true));
  return {
    plain: P,
    ext: E,
    minimal,
    /** False once any browser went away (crashed, or killed from outside). */
    alive: () => !closed,
    async close() {
      for (const h of all) await h.close().catch(() => {});
    },
  };
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Runs `fn` but gives up after `ms` (then the page is closed: its renderer may be stuck in a loop).
 * @param {Holder} holder
 * @param {number} ms
 * @param {() => Promise<any>} fn
 */
export async function withTimeout(holder, ms, fn) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const timeout = new Promise((ok) => (timer = setTimeout(() => ok({ timedOut: true }), ms)));
  try {
    const r = await Promise.race([fn(), timeout]);
    if (r && r.timedOut) {
      await holder.fresh();
      return { timedOut: true };
    }
    return r;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Navigates, tolerating pages that never fire `load` in time (then we go on with what is there).
 * `afterCommit` runs once the new document is committed (the old one is gone), before it loads.
 */
/**
 * @param {Holder} holder
 * @param {string} url
 * @param {number} [timeout]
 * @param {(() => Promise<void>) | null} [afterCommit]
 */
export async function load(holder, url, timeout = 20_000, afterCommit = null) {
  const page = await holder.get();
  try {
    if (afterCommit) {
      await page.goto(url, { waitUntil: 'commit', timeout });
      await afterCommit();
      await page.waitForLoadState('load', { timeout });
    } else {
      await page.goto(url, { waitUntil: 'load', timeout });
    }
  } catch (e) {
    if (!/Timeout/i.test(String(e))) throw e;
  }
  return page;
}

/** In the page: waits until `count` entries named `name` exist; returns them (or null after `timeout`). */
export async function waitEntries(page, name, count, timeout) {
  return page.evaluate(
    async ([n, c, t]) => {
      const t0 = Date.now();
      for (;;) {
        const e = performance.getEntriesByName(n);
        if (e.length >= c) return e.map((x) => ({ start: x.startTime, duration: x.duration }));
        if (Date.now() - t0 > t) return null;
        await new Promise((ok) => setTimeout(ok, 20));
      }
    },
    [name, count, timeout],
  );
}

/** Every crosscheck: mark and measure of the page, the long tasks and LoAF entries. */
export async function timeline(page) {
  return page.evaluate(() => {
    const pick = (type) =>
      performance
        .getEntriesByType(type)
        .filter((e) => e.name.startsWith('crosscheck:'))
        .map((e) => ({ name: e.name.slice(11), start: e.startTime, duration: e.duration }));
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      marks: pick('mark'),
      measures: pick('measure'),
      tasks: window.__ccTasks?.tasks ?? [],
      frames: window.__ccTasks?.frames ?? [],
      domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
      loadEnd: nav?.loadEventEnd ?? null,
      marksOnPage: document.querySelectorAll('mark.cc-mark').length,
    };
  });
}

/** The extension's settings, changed from its service worker (or, if that is asleep, from an extension page). */
export async function extStorage(E, fn, arg) {
  const h = E.h;
  let worker = h.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${h.extensionId}/`));
  if (worker) {
    try {
      return await worker.evaluate(fn, arg);
    } catch {
      // worker went away between find and evaluate
    }
  }
  const page = await h.context.newPage();
  try {
    await page.goto(h.extensionUrl('options.html'));
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
}

/** Turns Crosscheck off on `host` (the per-site switch); returns the settings as they were (null: never stored). */
export function disableSite(E, host) {
  return extStorage(
    E,
    async (h) => {
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...(settings ?? {}), disabledSites: [h] } });
      return settings ?? null;
    },
    host,
  );
}

export function restoreSettings(E, saved) {
  return extStorage(
    E,
    async (s) => {
      if (s === null) await chrome.storage.sync.remove('settings');
      else await chrome.storage.sync.set({ settings: s });
    },
    saved,
  );
}

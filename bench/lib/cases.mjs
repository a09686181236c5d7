// One run of each case on one page. A "run" loads the page fresh (a new
// document: cold JIT and cold DOM, as the extension meets every page).
import { disableSite, load, restoreSettings, sleep, timeline, waitEntries, withTimeout } from './browser.mjs';

const HOST = '127.0.0.1';

async function heapUsage(holder) {
  await holder.cdp.send('HeapProfiler.collectGarbage');
  await holder.cdp.send('HeapProfiler.collectGarbage');
  const u = await holder.cdp.send('Runtime.getHeapUsage');
  return { used: u.usedSize, embedder: u.embedderHeapUsedSize ?? null, backing: u.backingStorageSize ?? null };
}

/**
 * Cases 1–4 in the browser without the extension.
 * Load A: floor, then matching alone (no DOM change), then — unless
 * `separateRegexpLoad` — markRegExp (it changes the DOM, so it comes last).
 * Load B (if separate): markRegExp. Load C: naive mark.js (own load: it changes
 * the DOM and can take minutes; given up after `naiveTimeoutMs`).
 */
export async function plainRun(P, url, bundle, opts) {
  /** @type {Record<string, any>} one run's figures, as JSON */
  const out = { floor: null, matching: null, regexp: null, naive: null, heap: null, error: null };
  try {
    let page = await load(P, url);
    if (opts.heap) out.heap = await heapUsage(P);
    await page.evaluate(bundle);
    if (opts.separateRegexpLoad) {
      [out.floor, out.matching] = await page.evaluate(() => [window.__bench.floor(), window.__bench.matching()]);
      page = await load(P, url);
      await page.evaluate(bundle);
      out.regexp = await page.evaluate(() => window.__bench.markRegExp());
    } else {
      [out.floor, out.matching, out.regexp] = await page.evaluate(async () => [
        window.__bench.floor(),
        window.__bench.matching(),
        await window.__bench.markRegExp(),
      ]);
    }
    if (opts.naive) {
      page = await load(P, url);
      await page.evaluate(bundle);
      const r = await withTimeout(P, opts.naiveTimeoutMs, () => P.page.evaluate(() => window.__bench.naiveMark()));
      out.naive = r.timedOut ? { timedOut: true, ms: null, limitMs: opts.naiveTimeoutMs } : r;
    }
  } catch (e) {
    out.error = String(/** @type {Error} */ (e)?.message ?? e).split('\n')[0];
    await P.fresh().catch(() => {});
  }
  return out;
}

const overlaps = (t, a, b) => t[0] < b && t[0] + t[1] > a;

/**
 * Cases 5 and 6 in the browser with the extension: load the page, wait for the
 * content script's `crosscheck:full-scan`; optionally measure the heap, append
 * paragraphs (incremental scan); then turn the site off from the extension's
 * storage and wait for `crosscheck:undo`.
 */
export async function extRun(E, url, opts) {
  /** @type {Record<string, any>} one run's figures, as JSON */
  const out = { ran: false, error: null };
  try {
    // The previous run turned the site off: turn it back on as soon as its page is gone (no
    // detour through about:blank). Should the content script still read the old settings, the
    // change event starts the same full scan a moment later.
    const page = await load(E, url, 20_000, E.pendingRestore === undefined ? null : () => flushRestore(E, false));
    const fs = await waitEntries(page, 'crosscheck:full-scan', 1, opts.scanTimeoutMs);
    if (!fs) {
      const at = page.url();
      out.error =
        at === url
          ? 'no crosscheck:full-scan measure (the content script did not scan)'
          : `no crosscheck:full-scan measure: the page navigated away to ${at.slice(0, 80)}`;
      return out;
    }
    out.ran = true;
    out.marks = await page.evaluate(() => document.querySelectorAll('mark.cc-mark').length);
    // The first highlight on the first screen (the page is not scrolled): the first batch of marks
    // (bench's mutation observer) with a mark inside the viewport, from navigation start and from
    // the end of the page's load event (the page is idle then: the generated pages have no scripts).
    const fs0 = await page.evaluate(() => {
      const rec = window.__ccMarks;
      const nav = performance.getEntriesByType('navigation')[0];
      const loadEnd = nav?.loadEventEnd ?? null;
      if (!rec) return { at: null, loadEnd };
      for (const batch of rec.batches) {
        for (const n of batch.nodes) {
          if (!n.isConnected) continue;
          const r = n.getBoundingClientRect();
          if (r.width > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth)
            return { at: batch.t, loadEnd };
        }
      }
      return { at: null, loadEnd };
    });
    out.firstScreenAt = fs0.at;
    out.loadEnd = fs0.loadEnd;
    out.firstScreenAfterIdle = fs0.at !== null && fs0.loadEnd ? fs0.at - fs0.loadEnd : null;
    if (opts.heap) out.heap = await heapUsage(E);
    if (opts.appendHtml) {
      const before = (await page.evaluate(() => performance.getEntriesByName('crosscheck:incremental').length)) ?? 0;
      const inserted = await page.evaluate((html) => {
        const at = document.querySelector('article') ?? document.body;
        const n = at.childNodes.length;
        at.insertAdjacentHTML('beforeend', html);
        return at.childNodes.length - n;
      }, opts.appendHtml);
      const inc = await waitEntries(page, 'crosscheck:incremental', before + 1, 5000);
      await sleep(300); // a second drain, if any, lands too
      const all = (await waitEntries(page, 'crosscheck:incremental', 0, 0)) ?? [];
      out.incremental = inc ? all.slice(before).reduce((a, e) => a + e.duration, 0) : null;
      out.incrementalDrains = all.length - before;
      out.appendedNodes = inserted;
    }
    if (opts.undo === true || (opts.undo === 'if-marks' && out.marks > 0)) {
      E.pendingRestore = await disableSite(E, HOST);
      const u = await waitEntries(page, 'crosscheck:undo', 1, 5000);
      out.undo = u ? u[u.length - 1].duration : null;
      out.marksAfterUndo = await page.evaluate(() => document.querySelectorAll('mark.cc-mark').length);
    }
    const tl = await timeline(page);
    const measure = (n) => tl.measures.find((m) => m.name === n)?.duration ?? null;
    const mark = (n) => tl.marks.find((m) => m.name === n)?.start ?? null;
    out.fullScan = measure('full-scan');
    // New design: content script ↔ background round trips (one per piece of text sent).
    out.roundtrips = tl.measures.filter((m) => m.name === 'roundtrip').map((m) => m.duration);
    out.read = measure('read');
    out.match = measure('match');
    out.firstHighlight = measure('first-highlight');
    out.scanStartAt = mark('scan-start');
    out.firstHighlightAt = mark('first-highlight');
    const a = mark('scan-start');
    const b = mark('scan-end');
    // The scan runs in slices; the first one runs in the task that resumes the content script after
    // its settings read, which the Long Tasks API does not report (observed: a long animation frame,
    // no longtask entry), so the content script measures it itself (crosscheck:first-slice). The later
    // slices (resumed from scheduler.yield) are reported by the API.
    out.firstSlice = measure('first-slice');
    const inScan = tl.tasks.filter((t) => overlaps(t, a, b));
    out.longTasksInScan = inScan.length + ((out.firstSlice ?? 0) > 50 ? 1 : 0);
    out.longestReportedTaskInScan = inScan.length ? Math.max(...inScan.map((t) => t[1])) : 0;
    out.longestTaskInScan = Math.max(out.longestReportedTaskInScan, out.firstSlice ?? 0);
    out.longestTaskAll = Math.max(0, ...tl.tasks.filter((t) => t[0] < b).map((t) => t[1]));
    // Long animation frames (> 50 ms, rendering included) that overlap the scan.
    const frames = tl.frames.filter((f) => f.start < b && f.start + f.duration > a);
    out.longestFrameInScan = Math.max(0, ...frames.map((f) => f.duration));
    // Busy time of a frame before its rendering starts: an upper bound of its longest task (a cross-check).
    out.longestFrameWorkInScan = Math.max(
      0,
      ...frames.map((f) => (f.renderStart > 0 ? f.renderStart - f.start : f.duration)),
    );
    // Rendering (style, layout, paint) inside the scan, from those frames: the pages' frames between slices.
    out.renderInScan = frames.reduce(
      (acc, f) =>
        f.renderStart > 0 ? acc + Math.max(0, Math.min(f.start + f.duration, b) - Math.max(f.renderStart, a)) : acc,
      0,
    );
    out.framesOver50InScan = frames.length;
    out.timeline = opts.keepTimeline ? tl : undefined;
  } catch (e) {
    out.error = String(/** @type {Error} */ (e)?.message ?? e).split('\n')[0];
    await E.fresh().catch(() => {});
  }
  return out;
}

/** Turns Crosscheck back on if a run left the site off (`leave`: first go to about:blank). */
export async function flushRestore(E, leave = true) {
  if (E.pendingRestore === undefined) return;
  if (leave) await E.page?.goto('about:blank').catch(() => {});
  await restoreSettings(E, E.pendingRestore);
  E.pendingRestore = undefined;
}

/**
 * The popover: hover a highlight until `crosscheck:popover` is measured (from
 * the end of the hover-intent delay to the frame after paint), move the
 * pointer away, wait for the popover to close; `warmup + runs` times, cycling
 * over the first highlights of distinct items. Also bench/packs/browser.mjs's
 * (longer waits: `scanTimeoutMs` for the page's scan, `firstTimeoutMs` for the
 * warm-up hovers, `timeoutMs` for the others; `warmups`: their durations).
 */
export async function popoverRuns(
  E,
  url,
  { warmup, runs, scanTimeoutMs = 15_000, firstTimeoutMs = 5000, timeoutMs = 5000 },
) {
  await flushRestore(E);
  const page = await load(E, url);
  const fs = await waitEntries(page, 'crosscheck:full-scan', 1, scanTimeoutMs);
  if (!fs) return { error: 'content script did not scan', runs: [] };
  const ids = await page.evaluate(() => {
    const seen = [];
    for (const m of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('mark.cc-mark'))) {
      const id = m.dataset.crosscheckId;
      if (id && m.dataset.crosscheckKind !== 'claim' && !seen.includes(id)) seen.push(id);
    }
    return seen.slice(0, 6);
  });
  const dialog = page.locator('crosscheck-popover [role="dialog"]:not([hidden])');
  const results = [];
  const warmups = [];
  for (let i = 0; i < warmup + runs; i++) {
    const id = ids[i % ids.length];
    const el = page.locator(`mark.cc-mark[data-crosscheck-id="${id}"]`).first();
    await el.scrollIntoViewIfNeeded();
    const box = await el.boundingBox();
    if (!box) continue;
    const before = (await waitEntries(page, 'crosscheck:popover', 0, 0)).length;
    await page.mouse.move(box.x + Math.min(box.width / 2, 8), box.y + box.height / 2);
    const e = await waitEntries(page, 'crosscheck:popover', before + 1, i < warmup ? firstTimeoutMs : timeoutMs);
    // Away: a corner that is neither a highlight nor the popover.
    const away = await page.evaluate(() => {
      const w = innerWidth;
      const h = innerHeight;
      /** @type {[number, number][]} */
      const corners = [
        [2, 2],
        [w - 3, 2],
        [2, h - 3],
        [w - 3, h - 3],
      ];
      for (const [x, y] of corners) {
        const t = document.elementFromPoint(x, y);
        if (t && !t.closest('mark.cc-mark, crosscheck-popover')) return [x, y];
      }
      return [2, 2];
    });
    await page.mouse.move(away[0] ?? 2, away[1] ?? 2);
    await dialog.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    (i >= warmup ? results : warmups).push(e ? e[e.length - 1].duration : null);
  }
  return { ids, runs: results, warmups };
}

export async function scalingRun(P, url, bundle, sizes, reps, warmup) {
  const page = await load(P, url);
  await page.evaluate(bundle);
  return page.evaluate(([s, r, w]) => window.__bench.scaling(s, r, w), [sizes, reps, warmup]);
}

// The extension's background context (the MV3 service worker): its User
// Timing measures (`crosscheck:compile` with detail { cold }, `crosscheck:scan`),
// read with Playwright from the worker, and stopping it (CDP
// ServiceWorker.stopWorker) to measure a cold start. With the old design
// (recognition in the content script) there are no such measures: the report
// says "n/a (old design)".
import { load, sleep, waitEntries } from './browser.mjs';

/** @typedef {import('./browser.mjs').Holder} Holder */
/** @typedef {{ name: string, start: number, duration: number, detail: any }} SwMeasure */

/**
 * The promise's value, or null after `ms` (a worker that is stopping may never answer).
 * @template T
 * @param {Promise<T>} p
 * @param {number} ms
 * @returns {Promise<T | null>}
 */
function within(p, ms) {
  return Promise.race([p, sleep(ms).then(() => null)]);
}

/** @param {Holder} E */
export function currentWorker(E) {
  const origin = `chrome-extension://${E.h.extensionId}/`;
  return E.h.context.serviceWorkers().find((w) => w.url().startsWith(origin)) ?? null;
}

/**
 * Every `crosscheck:` measure of the running service worker (null: no worker running).
 * @param {Holder} E
 * @returns {Promise<{ worker: import('playwright-core').Worker, measures: SwMeasure[] } | null>}
 */
export async function swMeasures(E) {
  const worker = currentWorker(E);
  if (!worker) return null;
  try {
    const measures = await within(
      worker.evaluate(() =>
        performance
          .getEntriesByType('measure')
          .filter((e) => e.name.startsWith('crosscheck:'))
          .map((e) => ({
            name: e.name.slice('crosscheck:'.length),
            start: e.startTime,
            duration: e.duration,
            detail: /** @type {PerformanceMeasure} */ (e).detail ?? null,
          })),
      ),
      3000,
    );
    if (!measures) return null;
    return { worker, measures };
  } catch {
    return null; // the worker stopped between finding and asking
  }
}

/**
 * Stops the extension's service worker (as the browser does after 30 s idle): CDP
 * ServiceWorker.stopWorker for its running version, then waits until no service-worker target of
 * the extension is left (and Playwright has seen the worker close). True when it was stopped.
 * @param {Holder} E
 */
export async function stopWorker(E) {
  const before = currentWorker(E);
  if (!before) return true;
  const closed = new Promise((ok) => before.once('close', () => ok(true)));
  const origin = `chrome-extension://${E.h.extensionId}/`;
  const page = await E.get();
  const cdp = await E.h.context.newCDPSession(page);
  try {
    /** @type {{ versionId: string, scriptURL: string, runningStatus: string }[]} */
    const versions = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => versions.push(...e.versions));
    await within(cdp.send('ServiceWorker.enable'), 5000);
    for (let i = 0; i < 20 && !versions.some((v) => v.scriptURL.startsWith(origin)); i++) await sleep(50);
    for (const v of versions.filter((x) => x.scriptURL.startsWith(origin) && x.runningStatus !== 'stopped'))
      await within(cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId }), 5000);
    for (let i = 0; i < 100; i++) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      if (!targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(origin))) {
        await Promise.race([closed, sleep(3000)]);
        return true;
      }
      await sleep(50);
    }
    return false;
  } finally {
    await cdp.send('ServiceWorker.disable').catch(() => {});
    await cdp.detach().catch(() => {});
  }
}

/**
 * Background figures on one page about the story: `runs` times, stop the
 * worker, load the page (the worker starts cold), then load it again (warm);
 * after each load, the new `crosscheck:compile` / `crosscheck:scan` measures
 * of the worker and the page's `crosscheck:roundtrip` measures.
 * @param {Holder} E
 * @param {string} url
 * @param {{ runs: number }} o
 */
export async function backgroundRuns(E, url, o) {
  /** @type {{ phase: 'after stop' | 'warm', stopped: boolean, compile: SwMeasure[], scan: SwMeasure[], roundtrip: number[], error?: string }[]} */
  const out = [];
  for (let i = 0; i < o.runs; i++) {
    const stopped = await stopWorker(E);
    for (const phase of /** @type {const} */ (['after stop', 'warm'])) {
      const before = await swMeasures(E);
      const page = await load(E, url);
      const done = await waitEntries(page, 'crosscheck:full-scan', 1, 20_000);
      await sleep(200);
      const after = await swMeasures(E);
      // Only the measures this load added (the same worker: skip those it had; a new worker: all).
      const skip = before && after && before.worker === after.worker ? before.measures.length : 0;
      const fresh = after ? after.measures.slice(skip) : [];
      const roundtrip = ((await waitEntries(page, 'crosscheck:roundtrip', 0, 0)) ?? []).map((e) => e.duration);
      out.push({
        phase,
        stopped: phase === 'after stop' ? stopped : false,
        compile: fresh.filter((m) => m.name === 'compile'),
        scan: fresh.filter((m) => m.name === 'scan'),
        roundtrip,
        ...(done ? {} : { error: 'no crosscheck:full-scan measure within 20 s' }),
      });
    }
  }
  return out;
}

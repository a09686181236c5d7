// The browser part of the many-stories benchmark: `npm run -s bench:packs -- --browser [--sizes 1,100,1000]
// [--runs 5] [--json]` (under the lock; needs the built extension in .output/chrome-mv3: `npx wxt build`).
//
// For each N: a fresh Chromium with the BUILT extension and one without (bench/lib/browser.mjs: every request
// that does not go to 127.0.0.1 is aborted). N − 1 synthetic stories (synthetic.ts), one .zip file, are imported
// through the options page's file input as a user does (time: from setting the file until the page's status says
// "Imported …"); then a page is loaded and the background's `crosscheck:compile` measure for N stories is waited
// for (its duration is the compile). Then, interleaved run by run (which browser goes first alternates): the
// off-topic 1 MB page (bench/lib/pages.mjs) and a story page (demo/de.html), each load in a fresh tab until its
// main thread is quiet (bench/lib/added.mjs `quietLoad`, CDP TaskDuration and ThreadTime); added = median with −
// median without. Then the popover open time on demo/de.html (hover a highlight → the popover's
// `crosscheck:popover` measure, bench/lib/cases.mjs `popoverRuns`, as scripts/bench.mjs), and last a stopped service
// worker started again by the off-topic page: its `crosscheck:restore` measure (the saved compile read back and
// restored), then the first popovers of the restarted worker on the story page.
import { mkdtemp } from 'node:fs/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../e2e/harness/server.mjs';
import { launchBench, load, sleep } from '../lib/browser.mjs';
import { quietLoad } from '../lib/added.mjs';
import { attributedLoad } from '../lib/attributed.mjs';
import { popoverRuns } from '../lib/cases.mjs';
import { stopWorker, swMeasures } from '../lib/background.mjs';
import { assertNoAlias, generateOffTopicPage } from '../lib/pages.mjs';
import { round, summarize } from '../lib/stats.mjs';
import { addedFigures, ratio } from './figures.mjs';

/** @typedef {import('../lib/browser.mjs').Holder} Holder */

const ISOLATION = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

/**
 * Waits until the running service worker has a `crosscheck:` measure that `test` accepts (the worker may be
 * restarted meanwhile: each poll reads the current one).
 * @param {Holder} E
 * @param {(m: import('../lib/background.mjs').SwMeasure) => boolean} test
 * @param {number} timeoutMs
 */
async function waitSw(E, test, timeoutMs) {
  const t0 = Date.now();
  for (;;) {
    const sw = await swMeasures(E);
    const found = sw?.measures.find(test);
    if (found) return found;
    if (Date.now() - t0 > timeoutMs) return null;
    await sleep(250);
  }
}

/**
 * Imports a file through the options page's file input, as a user does: ms until the status says it is imported,
 * and the pack store's own measure of it (`crosscheck:import`: reading the file, validating, writing).
 * @param {Holder} E
 * @param {string} file
 */
async function importThroughOptions(E, file) {
  const options = await E.h.context.newPage();
  try {
    // The bench's context aborts every request not to 127.0.0.1 (bench/lib/browser.mjs), the extension's own
    // pages' included; a page's route goes first: let the extension's files through.
    await options.route(
      (url) => url.protocol === 'chrome-extension:',
      (route) => route.continue(),
    );
    await options.goto(E.h.extensionUrl('options.html'), { timeout: 120_000 });
    // The interface in English (German by default), as the end-to-end tests do.
    await options.getByRole('radio', { name: /^English|^Englisch/ }).check({ timeout: 120_000 });
    const section = options.locator('section.cc-packs');
    const input = section.getByLabel('Import a pack (.json or .zip)…');
    await input.waitFor({ state: 'attached', timeout: 120_000 });
    const t0 = Date.now();
    await input.setInputFiles(file);
    const ok = options.getByRole('status').filter({ hasText: /^Imported/ });
    const failed = section.getByRole('alert');
    await Promise.race([ok.waitFor({ timeout: 600_000 }), failed.waitFor({ timeout: 600_000 })]);
    if (await failed.isVisible()) throw new Error(`import refused: ${await failed.textContent()}`);
    const ms = Date.now() - t0;
    const parts = await options.evaluate(
      () =>
        /** @type {PerformanceMeasure | undefined} */ (performance.getEntriesByName('crosscheck:import').at(-1))
          ?.detail ?? null,
    );
    return { ms, parts };
  } finally {
    await options.close().catch(() => {});
  }
}

/**
 * @param {{ sizes: number[], runs: number, zipFor: (stories: number) => Promise<string>, json: boolean }} o
 *   zipFor: the path of a .zip of that many synthetic stories
 */
export async function runBrowser(o) {
  const log = (/** @type {string} */ s) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
  const genDir = await mkdtemp(join(tmpdir(), 'crosscheck-bench-packs-'));
  const data = JSON.parse(readFileSync('data/dataset.json', 'utf8'));
  const off = generateOffTopicPage();
  assertNoAlias(off.html, [...new Set(data.entities.flatMap((/** @type {{ aliases: string[] }} */ e) => e.aliases))]);
  writeFileSync(join(genDir, 'offtopic.html'), off.html);
  const server = await startServer({ '/demo/': 'demo', '/gen/': genDir }, { headers: { '/': ISOLATION } });
  const pages = { offTopic: server.url('/gen/offtopic.html'), story: server.url('/demo/de.html') };
  const load0 = loadavg();
  /** @type {any[]} */
  const rows = [];
  try {
    for (const n of o.sizes) {
      const file = n > 1 ? await o.zipFor(n - 1) : null;
      log(`${n} stories: launching`);
      const b = await launchBench();
      try {
        // The bundled pack's first compile (a new profile has no saved one).
        await waitSw(b.ext, (m) => m.name === 'compile', 120_000);
        const imported = file ? await importThroughOptions(b.ext, file) : null;
        const importMs = imported?.ms ?? null;
        log(`${n} stories: imported${importMs === null ? '' : ` in ${importMs} ms`}; waiting for the compile`);
        // The change of packs resets the background; the next page asks for the compile of every enabled pack.
        const c0 = Date.now();
        await load(b.ext, pages.offTopic, 600_000);
        const compile = await waitSw(b.ext, (m) => m.name === 'compile' && m.detail?.stories === n, 900_000);
        if (!compile) throw new Error(`no crosscheck:compile for ${n} stories`);
        const untilAnswered = Date.now() - c0;
        await b.ext.fresh();
        log(`${n} stories: compile ${round(compile.duration)} ms; page runs`);
        /** @type {Record<'offTopic' | 'story', { with: any[], without: any[] }>} */
        const loads = { offTopic: { with: [], without: [] }, story: { with: [], without: [] } };
        /** @type {Record<'offTopic' | 'story', { ms: number | null }[]>} */
        const traced = { offTopic: [], story: [] };
        for (let i = -1; i < o.runs; i++) {
          for (const key of /** @type {const} */ (['offTopic', 'story'])) {
            const order = i % 2 === 0 ? [b.ext, b.plain] : [b.plain, b.ext];
            for (const h of order) {
              const r = await quietLoad(h, pages[key]);
              if (i >= 0) loads[key][h === b.ext ? 'with' : 'without'].push(r);
            }
            // The extension's own tasks in a traced load of its own (bench/lib/attributed.mjs, as `npm run bench`):
            // not a difference of two loads, so the page's own noise is not in it.
            if (i >= 0)
              traced[key].push(await attributedLoad(b.ext, pages[key]).catch((e) => ({ error: String(e), ms: null })));
          }
        }
        log(`${n} stories: popover`);
        const long = { scanTimeoutMs: 120_000, firstTimeoutMs: 120_000, timeoutMs: 10_000 };
        const pop = await popoverRuns(b.ext, pages.story, { warmup: 2, runs: Math.max(5, o.runs), ...long });
        // A stopped service worker, started again by a page: the saved compile restored.
        await stopWorker(b.ext);
        await b.ext.fresh();
        await load(b.ext, pages.offTopic, 120_000);
        const restore = await waitSw(b.ext, (m) => m.name === 'restore', 120_000);
        // Then the first popovers of the restarted worker, on the story page (before: they waited for the full
        // compile; now the packs that hold the item are read and merged alone, `crosscheck:popover-data`).
        log(`${n} stories: popover after the restart`);
        await b.ext.fresh();
        const popRestart = await popoverRuns(b.ext, pages.story, { warmup: 1, runs: 3, ...long });
        const popData = (await swMeasures(b.ext))?.measures.filter((m) => m.name === 'popover-data') ?? [];
        const fig = (/** @type {'offTopic' | 'story'} */ k) => ({
          ...addedFigures(loads[k].with, loads[k].without),
          marks: summarize(loads[k].with.map((r) => r.marks)).median,
          attributed: summarize(traced[k].map((r) => r.ms)),
          timedOut: loads[k].with.concat(loads[k].without).filter((r) => r.timedOut).length,
        });
        rows.push({
          stories: n,
          importMs,
          importParts: imported?.parts ?? null,
          fileMB: file ? round(readFileSync(file).length / 1024 / 1024, 1) : null,
          compileMs: round(compile.duration),
          untilAnsweredMs: untilAnswered,
          restoreMs: restore ? round(restore.duration) : null,
          restoreFound: restore?.detail?.found ?? null,
          offTopic: fig('offTopic'),
          story: fig('story'),
          popover: { ...summarize(pop.runs), error: pop.error ?? null },
          popoverAfterRestart: {
            first: popRestart.warmups?.[0] ?? null,
            next: popRestart.runs,
            error: popRestart.error ?? null,
            data: popData.map((m) => ({ ms: round(m.duration), packs: m.detail?.packs ?? null })),
          },
          errors: b.ext.h.errors.slice(0, 5),
        });
        log(`${n} stories: ${JSON.stringify(rows[rows.length - 1])}`);
      } finally {
        await b.close();
      }
    }
  } finally {
    await server.close();
  }
  const result = {
    command: `npm run -s bench:packs -- --browser --sizes ${o.sizes.join(',')} --runs ${o.runs}`,
    loadavg: { start: load0.map((x) => round(x)), end: loadavg().map((x) => round(x)) },
    pages: {
      offTopic: `generated off-topic page, ${Math.round(off.html.length / 1024)} KB HTML`,
      story: 'demo/de.html',
    },
    rows,
  };
  if (o.json) console.log(JSON.stringify(result, null, 2));
  else console.log(table(result));
  return result;
}

/** @param {any} result */
export function table(result) {
  const base = result.rows[0];
  const lines = [
    `${result.command}; load average ${result.loadavg.start.join(' ')} → ${result.loadavg.end.join(' ')}`,
    `off-topic: ${result.pages.offTopic}; story page: ${result.pages.story}; added = median with − median without (wall, TaskDuration), CPU = same from ThreadTime`,
    '',
    "stories | import ms (read + validate + write) | compile ms | restore ms | off-topic added ms (CPU) | story added ms (CPU) | extension's own tasks ms (trace, median / min): off-topic, story | popover ms | first popover after the restart ms (popover-data ms, packs) | ratios vs first row: off-topic, story, popover",
  ];
  for (const r of result.rows) {
    const f = (/** @type {any} */ x) => `${x.task.added} (${x.cpu.added})`;
    lines.push(
      [
        r.stories,
        r.importMs === null
          ? '—'
          : `${r.importMs}${r.importParts ? ` (${round(r.importParts.readMs)} + ${round(r.importParts.validateMs)} + ${round(r.importParts.writeMs)})` : ''}`,
        r.compileMs,
        r.restoreMs ?? '—',
        f(r.offTopic),
        f(r.story),
        `${r.offTopic.attributed.median} / ${r.offTopic.attributed.min}, ${r.story.attributed.median} / ${r.story.attributed.min}`,
        r.popover.median ?? r.popover.error,
        `${r.popoverAfterRestart.first === null ? (r.popoverAfterRestart.error ?? 'none') : round(r.popoverAfterRestart.first)} (${r.popoverAfterRestart.data.map((/** @type {any} */ d) => `${d.ms}, ${d.packs}`).join('; ') || '—'})`,
        `×${ratio(r.offTopic.task.added, base.offTopic.task.added)} (CPU ×${ratio(r.offTopic.cpu.added, base.offTopic.cpu.added)}, trace ×${ratio(r.offTopic.attributed.median, base.offTopic.attributed.median)}), ×${ratio(r.story.task.added, base.story.task.added)} (CPU ×${ratio(r.story.cpu.added, base.story.cpu.added)}, trace ×${ratio(r.story.attributed.median, base.story.attributed.median)}), ×${ratio(r.popover.median, base.popover.median)}`,
      ].join(' | '),
    );
  }
  return lines.join('\n');
}

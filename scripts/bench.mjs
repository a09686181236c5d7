// Benchmarks in a real browser (headless Chromium, the built extension).
//
//   npm run bench                      readable table on stdout
//   npm run -s bench -- --json         the same figures as JSON on stdout
//   npm run bench -- --quick           a short run while developing (2 runs, 2 pages, 12 corpus pages)
//
// Options: --runs N (default 5) --warmup N (1) --corpus-sample N (default: every page)
//          --corpus-runs N (1) --corpus-naive-every N (20: naive mark.js on one corpus page in 20; 0: none)
//          --no-corpus --pages a,b (long-realistic,long-dense,demo-de,demo-en) --naive-timeout S (180)
//          --out FILE (default bench/results/latest.json; --quick writes to the temp folder)
//          --render FILE (print the table of an earlier run's JSON, run nothing)
//
// Needs a build: `npx wxt build` (.output/chrome-mv3). Progress goes to stderr.
// On a shared machine wrap it in the lock: flock /tmp/crosscheck-browser.lock npm run bench
// See bench/README.md for what each case measures and how.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startServer } from '../e2e/harness/server.mjs';
import { generateLongPage } from './lib/long-page.mjs';
import { launchBench } from '../bench/lib/browser.mjs';
import { quietLoad, regexpTaskRun } from '../bench/lib/added.mjs';
import { attributedLoad } from '../bench/lib/attributed.mjs';
import { backgroundRuns } from '../bench/lib/background.mjs';
import { extRun, flushRestore, plainRun, popoverRuns, scalingRun } from '../bench/lib/cases.mjs';
import { writeMinimalExtensions } from '../bench/lib/minimal-ext.mjs';
import { assertNoAlias, generateLiveBlog, generateOffTopicPage } from '../bench/lib/pages.mjs';
import { bundleSizes } from '../bench/lib/size.mjs';
import { quantile, round, summarize, sum } from '../bench/lib/stats.mjs';
import { render, evaluateTargets } from '../bench/lib/report.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

// ---------- options ----------
const argv = process.argv.slice(2);
/** @param {string} name */
const flag = (name) => argv.includes(`--${name}`);
/** @type {<T>(name: string, dflt: T) => string | T} */
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  const v = argv[i + 1];
  return i >= 0 && v !== undefined ? v : dflt;
};
const quick = flag('quick');
const cfg = {
  quick,
  json: flag('json'),
  runs: Number(opt('runs', quick ? 2 : 5)),
  warmup: Number(opt('warmup', 1)),
  corpus: !flag('no-corpus'),
  corpusSample: opt('corpus-sample', quick ? '12' : '100'),
  corpusRuns: Number(opt('corpus-runs', 1)),
  corpusNaiveEvery: Number(opt('corpus-naive-every', 20)),
  corpusDir: resolve(opt('corpus-dir', '../shared/corpus')),
  naiveTimeoutMs: Number(opt('naive-timeout', 180)) * 1000,
  naiveOnceAfterMs: 60_000,
  corpusNaiveTimeoutMs: 10_000,
  pages: opt(
    'pages',
    quick ? 'offtopic,long-realistic,liveblog,demo-de' : 'offtopic,long-realistic,liveblog,long-dense,demo-de,demo-en',
  )
    .split(',')
    .filter((x) => x && x !== 'none'),
  scalingSizes: [500, 5000, 50000],
  scalingReps: quick ? 3 : 7,
  popoverRuns: quick ? 3 : 10,
  minimal: !flag('no-minimal'),
  backgroundRuns: Number(opt('background-runs', quick ? 2 : 5)),
  out: opt('out', quick ? join(tmpdir(), 'crosscheck-bench-quick.json') : 'bench/results/latest.json'),
};
/** @param {unknown[]} a */
const log = (...a) => console.error('[bench]', ...a);

// --render FILE: print the table of an earlier run's JSON, without running anything.
const renderFile = opt('render', null);
if (renderFile) {
  process.stdout.write(render(JSON.parse(readFileSync(renderFile, 'utf8'))) + '\n');
  process.exit(0);
}
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;

if (!existsSync('.output/chrome-mv3/manifest.json')) {
  console.error('No build in .output/chrome-mv3: run `npx wxt build` first.');
  process.exit(1);
}

// ---------- the bench bundle and the pages ----------
const bundleText = (
  await build({
    entryPoints: ['bench/page-bench.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true, // like the extension's build; and the harness evaluates it on every page load
    logLevel: 'error',
  })
).outputFiles[0]?.text;
if (!bundleText) throw new Error('esbuild produced no bench bundle');
const bundle = bundleText;

const genDir = await mkdtemp(join(tmpdir(), 'crosscheck-bench-'));
/** @type {Record<string, { bytes: number, textBytes: number, planted?: number }>} */
const longPages = {};
for (const density of /** @type {const} */ (['realistic', 'dense'])) {
  const g = generateLongPage({ density });
  writeFileSync(join(genDir, `long-${density}.html`), g.html);
  longPages[density] = { bytes: Buffer.byteLength(g.html), textBytes: g.textBytes, planted: g.mentionsPlanted };
}
// Ten more paragraphs for the incremental case (same generator, another seed; the footer's <p> left out).
const appendHtml = (
  generateLongPage({ paragraphs: 10, seed: 4242, density: 'realistic' }).html.match(/<p>.*?<\/p>/g) ?? []
)
  .slice(0, 10)
  .join('');
// The off-topic page (checked: it names none of the dataset's aliases) and the live blog.
{
  const data = JSON.parse(readFileSync('data/dataset.json', 'utf8'));
  const aliases = [...new Set(data.entities.flatMap((/** @type {{ aliases: string[] }} */ e) => e.aliases))];
  const off = generateOffTopicPage();
  assertNoAlias(off.html, /** @type {string[]} */ (aliases));
  writeFileSync(join(genDir, 'offtopic.html'), off.html);
  longPages.offtopic = { bytes: Buffer.byteLength(off.html), textBytes: off.textBytes };
  const blog = generateLiveBlog();
  writeFileSync(join(genDir, 'liveblog.html'), blog.html);
  longPages.liveblog = { bytes: Buffer.byteLength(blog.html), textBytes: blog.textBytes };
}
const minimalDirs = cfg.minimal ? writeMinimalExtensions(join(genDir, 'ext')) : undefined;

// Cross-origin isolation (COOP + COEP) gives performance.now() 5 µs resolution instead of 100 µs.
// Every subresource is ours (same origin) or blocked anyway, so pages load as before.
const ISOLATION = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const server = await startServer(
  { '/demo/': 'demo', '/gen/': genDir, '/corpus/': cfg.corpusDir },
  { headers: { '/': ISOLATION } },
);
/**
 * The named pages. `story`: about the story (added time compared with markRegExp's); `quiet`: about
 * no story (added time compared with the floor, and with the minimal extensions); `naive`: run naive
 * mark.js (18–35 s a run on the 1 MB pages; not on the pages added with the background redesign).
 * @type {Record<string, { url: string, about: string, story: boolean, quiet?: boolean, naive: boolean }>}
 */
const PAGES = {
  offtopic: { url: '/gen/offtopic.html', about: `generated off-topic news page (names nothing the dataset knows), ${kb(longPages.offtopic?.bytes ?? 0)} HTML`, story: false, quiet: true, naive: false },
  'long-realistic': { url: '/gen/long-realistic.html', about: `generated, realistic density, ${kb(longPages.realistic?.bytes ?? 0)} HTML`, story: true, naive: true },
  liveblog: { url: '/gen/liveblog.html', about: `generated live blog about the story, ${kb(longPages.liveblog?.bytes ?? 0)} HTML`, story: true, naive: false },
  'long-dense': { url: '/gen/long-dense.html', about: `generated, dense (a name in every sentence), ${kb(longPages.dense?.bytes ?? 0)} HTML`, story: true, naive: true },
  'demo-de': { url: '/demo/de.html', about: 'demo/de.html', story: true, naive: true },
  'demo-en': { url: '/demo/en.html', about: 'demo/en.html', story: true, naive: true },
}; // prettier-ignore
/** @param {number} n */
function kb(n) {
  return `${(n / 1024).toFixed(0)} KB`;
}

let b = await launchBench({ minimal: minimalDirs });
/** @type {Record<string, any>} the run, as written to JSON */
const result = { version: 2, startedAt: new Date().toISOString(), config: { ...cfg, out: undefined } };
let exitCode = 0;
try {
  result.machine = await machineInfo(b);
  result.build = buildInfo();
  log(
    `machine: ${result.machine.cpu} ×${result.machine.cores}, ${result.machine.memoryGB} GB, ${result.machine.chromium}`,
  );

  // ---------- the named pages: all cases, interleaved run by run ----------
  result.pages = {};
  for (const name of cfg.pages) {
    const def = PAGES[name];
    if (!def) throw new Error(`unknown page ${name} (${Object.keys(PAGES).join(', ')})`);
    result.pages[name] = await benchPage(name, def);
  }

  // ---------- dictionary scaling (realistic long page) ----------
  if (!flag('no-extras')) {
    log(`dictionary scaling … (${elapsed()})`);
    const sc = await scalingRun(
      b.plain,
      server.url('/gen/long-realistic.html'),
      bundle,
      cfg.scalingSizes,
      cfg.scalingReps,
      2,
    );
    result.scaling = {
      page: 'long-realistic',
      chars: sc.chars,
      reps: cfg.scalingReps,
      warmup: 2,
      dicts: sc.dicts.map((d) => ({
        ...d,
        scan: summarize(d.scan),
        findHits: summarize(d.findHits),
        buildMs: round(d.buildMs),
        validateMs: round(d.validateMs),
        compileMs: round(d.compileMs),
      })),
    };

    // ---------- popover ----------
    log(`popover … (${elapsed()})`);
    const pop = await popoverRuns(b.ext, server.url('/demo/de.html'), { warmup: 2, runs: cfg.popoverRuns });
    result.popover = { page: 'demo-de', warmup: 2, items: pop.ids, error: pop.error ?? null, ...summarize(pop.runs) };
  }

  // ---------- background: compile cold and warm, scan, round trip ----------
  if (cfg.backgroundRuns > 0) {
    log(`background … (${elapsed()})`);
    await flushRestore(b.ext).catch(() => {});
    const runs = await backgroundRuns(b.ext, server.url('/demo/de.html'), { runs: cfg.backgroundRuns });
    result.background = summarizeBackground(runs);
  }

  // ---------- corpus ----------
  if (cfg.corpus) result.corpus = await benchCorpus();

  // ---------- size ----------
  result.size = bundleSizes('.output/chrome-mv3', 'data/dataset.json');
  result.finishedAt = new Date().toISOString();
  result.durationS = Math.round((Date.now() - t0) / 1000);
  result.machine.loadAfter = loadavg().map((x) => round(x));
  try {
    result.targets = evaluateTargets(result);
  } catch (e) {
    // Keep the figures even if a target cannot be computed.
    result.targets = [];
    result.targetsError = String(/** @type {Error} */ (e)?.stack ?? e);
  }
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  await b.close();
  await server.close();
}

if (result.targets) {
  mkdirSync(dirname(resolve(cfg.out)), { recursive: true });
  const json = JSON.stringify(result, null, 2);
  let formatted = json;
  try {
    const prettier = await import('prettier');
    formatted = await prettier.format(json, { ...(await prettier.resolveConfig(resolve(cfg.out))), parser: 'json' });
  } catch {
    // prettier is a dev dependency; plain JSON is fine too
  }
  writeFileSync(cfg.out, formatted);
  log(`written ${cfg.out} (${elapsed()})`);
  try {
    process.stdout.write(cfg.json ? json + '\n' : render(result) + '\n');
  } catch (e) {
    console.error(`could not print the table (the JSON is written): ${e}`);
    exitCode = 1;
  }
}
process.exit(exitCode);

// ---------- helpers ----------

/** If a browser went away mid-run (crash, or killed from outside), start both again and say so. */
/**
 * @param {string} where
 * @param {string[]} [notes]
 */
async function revive(where, notes) {
  if (b.alive()) return;
  log(`a browser went away during ${where}: starting both again`);
  notes?.push(`a browser went away during ${where}; both were started again`);
  await b.close().catch(() => {});
  b = await launchBench({ minimal: minimalDirs });
}

/** What was measured: the commit, uncommitted changes to the extension's code, and when the build was made. */
function buildInfo() {
  const git = (...args) => {
    const r = spawnSync('git', args, { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.replace(/\s+$/, '') : null;
  };
  const dirty = (
    git('status', '--porcelain', '--', 'core', 'lib', 'entrypoints', 'components', 'data', 'wxt.config.ts') ?? ''
  )
    .split('\n')
    .filter(Boolean);
  return {
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommitted: dirty,
    contentScriptBuiltAt: statSync('.output/chrome-mv3/first-stage.js').mtime.toISOString(),
  };
}

/** @param {Awaited<ReturnType<typeof launchBench>>} both */
async function machineInfo(both) {
  let chromium = 'unknown';
  try {
    const v = await both.plain.cdp.send('Browser.getVersion');
    chromium = `${v.product} (${v.userAgent.includes('Headless') ? 'headless' : 'headed'})`;
  } catch {
    // not available
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: round(totalmem() / 2 ** 30, 1),
    os: `${process.platform} ${release()}`,
    chromium,
    node: process.version,
    playwright: JSON.parse(readFileSync('node_modules/playwright-core/package.json', 'utf8')).version,
    loadBefore: loadavg().map((x) => round(x)),
  };
}

/**
 * Every case on one named page, interleaved run by run: first the main-thread time of a whole load
 * (quiet loads: without the extension, with it, with each minimal extension; the order of the first
 * two alternates run by run), markRegExp's main-thread time on the story pages, then cases 1–6.
 * @param {string} name
 * @param {(typeof PAGES)[string]} def
 */
async function benchPage(name, def) {
  const started = Date.now();
  const url = server.url(def.url);
  const isLong = name.startsWith('long-');
  /** @type {{ plain: Record<string, any>[], ext: Record<string, any>[], naiveOnce?: any, added: { plain: any[], ext: any[], regexp: any[], minimal: Record<string, any[]> } }} */
  const raw = { plain: [], ext: [], added: { plain: [], ext: [], regexp: [], minimal: {} } };
  /** @type {string[]} */
  const notes = [];
  let naiveMode = def.naive ? 'all' : 'none';
  const total = cfg.warmup + cfg.runs;
  for (let r = 0; r < total; r++) {
    const warm = r < cfg.warmup;
    const doNaive = naiveMode === 'all';
    log(`${name}: run ${r + 1}/${total}${warm ? ' (warm-up)' : ''} (${elapsed()})`);
    // Main-thread time of the whole load, with and without the extension.
    await flushRestore(b.ext).catch(() => {});
    const order = r % 2 === 0 ? ['plain', 'ext'] : ['ext', 'plain'];
    /** @type {Record<string, any>} */
    const q = {};
    for (const k of order)
      q[k] = await quietLoad(k === 'plain' ? b.plain : b.ext, url).catch((e) => ({ error: String(e) }));
    /** @type {Record<string, any>} */
    const qm = {};
    if (def.quiet)
      for (const [k, h] of Object.entries(b.minimal))
        qm[k] = await quietLoad(h, url).catch((e) => ({ error: String(e) }));
    const qr = def.story ? await regexpTaskRun(b.plain, url, bundle).catch((e) => ({ error: String(e) })) : null;
    for (const x of [q.plain, q.ext, qr, ...Object.values(qm)])
      if (x?.error) notes.push(`run ${r + 1} (main-thread time): ${x.error}`);
    if (!warm) {
      raw.added.plain.push(q.plain);
      raw.added.ext.push(q.ext);
      if (qr) raw.added.regexp.push(qr);
      for (const [k, v] of Object.entries(qm)) (raw.added.minimal[k] ??= []).push(v);
    }
    const p = await plainRun(b.plain, url, bundle, {
      naive: doNaive,
      naiveTimeoutMs: cfg.naiveTimeoutMs,
      heap: name === 'long-realistic',
      separateRegexpLoad: true,
    });
    if (p.error) notes.push(`run ${r + 1} (no extension): ${p.error}`);
    if (doNaive && p.naive) {
      if (p.naive.timedOut) {
        notes.push(`naive mark.js gave up after ${cfg.naiveTimeoutMs / 1000} s (timeout); run once only`);
        naiveMode = 'none';
        p.naive.once = true;
        raw.naiveOnce = p.naive;
      } else if (p.naive.ms > cfg.naiveOnceAfterMs) {
        notes.push(
          `naive mark.js took ${(p.naive.ms / 1000).toFixed(1)} s (> 60 s): run once only, that one run is reported`,
        );
        naiveMode = 'none';
        raw.naiveOnce = p.naive;
      }
    }
    const e = await extRun(b.ext, url, {
      scanTimeoutMs: 60_000,
      heap: name === 'long-realistic',
      appendHtml: name === 'long-realistic' ? appendHtml : null,
      undo: true,
    });
    if (e.error) notes.push(`run ${r + 1} (extension): ${e.error}`);
    await revive(`${name} run ${r + 1}`, notes);
    if (!warm) {
      raw.plain.push(p);
      raw.ext.push(e);
    }
  }
  await flushRestore(b.ext).catch(() => {});
  return { ...summarizePage(name, def, raw, notes, isLong), durationS: Math.round((Date.now() - started) / 1000) };
}

/**
 * @param {string} name
 * @param {(typeof PAGES)[string]} def
 * @param {any} raw
 * @param {string[]} notes
 * @param {boolean} isLong
 */
function summarizePage(name, def, raw, notes, isLong) {
  const P = /** @type {Record<string, any>[]} */ (raw.plain);
  const E = /** @type {Record<string, any>[]} */ (raw.ext).filter((e) => e.ran);
  let naiveRuns = pick(P, (p) => p.naive?.ms);
  if (naiveRuns.length === 0 && raw.naiveOnce?.ms) naiveRuns = [raw.naiveOnce.ms];
  const m0 = P.find((p) => p.matching)?.matching;
  const heapPlain = pick(P, (p) => p.heap?.used);
  const heapExt = pick(E, (e) => e.heap?.used);
  const embPlain = pick(P, (p) => p.heap?.embedder);
  const embExt = pick(E, (e) => e.heap?.embedder);
  const page = {
    about: def.about,
    url: def.url,
    runs: cfg.runs,
    warmup: cfg.warmup,
    chars: m0?.chars ?? null,
    textNodes: m0?.nodes ?? null,
    relevant: m0?.relevant ?? null,
    mentions: m0?.mentions ?? null,
    marks: {
      crosscheck: E[0]?.marks ?? null,
      naive: raw.naiveOnce?.marks ?? P.find((p) => p.naive?.marks !== undefined)?.naive?.marks ?? null,
      regexp: P.find((p) => p.regexp)?.regexp.marks ?? null,
    },
    aliases: P.find((p) => p.regexp)?.regexp.aliases ?? null,
    cases: {
      floor: summarize(pick(P, (p) => p.floor?.ms)),
      matching: summarize(pick(P, (p) => p.matching?.ms)),
      read: summarize(pick(P, (p) => p.matching?.readMs)),
      scan: summarize(pick(P, (p) => p.matching?.scanMs)),
      findHits: summarize(pick(P, (p) => p.matching?.findHitsMs)),
      compile: summarize(pick(P, (p) => p.matching?.compileMs)),
      naive: summarize(naiveRuns, raw.naiveOnce ? { once: true, timedOut: !!raw.naiveOnce.timedOut } : {}),
      regexp: summarize(pick(P, (p) => p.regexp?.ms)),
      regexpPainted: summarize(pick(P, (p) => p.regexp?.paintedMs)),
      pipeline: summarize(pick(E, (e) => e.fullScan)),
      extRead: summarize(pick(E, (e) => e.read)),
      extMatch: summarize(pick(E, (e) => e.match)),
      firstHighlight: summarize(pick(E, (e) => e.firstHighlight)),
      firstHighlightAt: summarize(pick(E, (e) => e.firstHighlightAt)),
      scanStartAt: summarize(pick(E, (e) => e.scanStartAt)),
      longestTaskInScan: summarize(pick(E, (e) => e.longestTaskInScan)),
      longestTaskAll: summarize(pick(E, (e) => e.longestTaskAll)),
      longestReportedTaskInScan: summarize(pick(E, (e) => e.longestReportedTaskInScan)),
      firstSlice: summarize(pick(E, (e) => e.firstSlice)),
      longestFrameWorkInScan: summarize(pick(E, (e) => e.longestFrameWorkInScan)),
      longestFrameInScan: summarize(pick(E, (e) => e.longestFrameInScan)),
      renderInScan: summarize(pick(E, (e) => e.renderInScan)),
      undo: summarize(pick(E, (e) => e.undo)),
      firstScreenAfterIdle: summarize(pick(E, (e) => e.firstScreenAfterIdle)),
      firstScreenAt: summarize(pick(E, (e) => e.firstScreenAt)),
      loadEnd: summarize(pick(E, (e) => e.loadEnd)),
      roundtripMedian: summarize(pick(E, (e) => (e.roundtrips?.length ? quantile(e.roundtrips, 0.5) : null))),
      roundtripMax: summarize(pick(E, (e) => (e.roundtrips?.length ? Math.max(...e.roundtrips) : null))),
    },
    added: summarizeAdded(raw.added),
    story: def.story,
    quiet: !!def.quiet,
    notes: [...new Set(notes)],
  };
  if (raw.naiveOnce?.timedOut)
    page.cases.naive = /** @type {any} */ ({ ...page.cases.naive, timedOut: true, limitMs: cfg.naiveTimeoutMs });
  if (E.some((e) => e.incremental !== undefined)) {
    page.cases.incremental = summarize(pick(E, (e) => e.incremental));
    page.incremental = {
      appendedParagraphs: E[0]?.appendedNodes ?? null,
      drains: E.map((e) => e.incrementalDrains),
      ratioToFullScan: summarize(pick(E, (e) => (e.incremental ?? NaN) / e.fullScan)),
    };
  }
  if (heapPlain.length && heapExt.length) {
    const mp = quantile(heapPlain, 0.5) ?? 0;
    const me = quantile(heapExt, 0.5) ?? 0;
    page.heap = {
      method:
        'JS heap used after two forced GCs (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage) with the extension ' +
        'after its full scan, minus the same without the extension: the content script (isolated world) cost',
      withoutExtension: summarize(heapPlain),
      withExtension: summarize(heapExt),
      contentScriptBytes: Math.round(me - mp),
      embedderWithout: embPlain.length ? summarize(embPlain) : null,
      embedderWith: embExt.length ? summarize(embExt) : null,
      embedderDeltaBytes:
        embPlain.length && embExt.length
          ? Math.round((quantile(embExt, 0.5) ?? 0) - (quantile(embPlain, 0.5) ?? 0))
          : null,
    };
  }
  page.longTasksPerScan = E.map((e) => e.longTasksInScan);
  if (!isLong && page.cases.pipeline.n === 0) page.notes.push('the content script never scanned this page');
  return page;
}

/**
 * Numbers of `arr` picked by `f` (what is not a number is left out).
 * @template T
 * @param {T[]} arr
 * @param {(x: T) => unknown} f
 * @returns {number[]}
 */
function pick(arr, f) {
  return /** @type {number[]} */ (arr.map(f).filter((x) => typeof x === 'number' && Number.isFinite(x)));
}

/**
 * Main-thread time added by the extension on one page: medians of the whole-load figures with and
 * without it (and with the minimal extensions), their difference, the median of the run-by-run
 * differences, where the time went (script, style, layout), markRegExp's main-thread time.
 * @param {{ plain: any[], ext: any[], regexp: any[], minimal: Record<string, any[]> }} a
 */
function summarizeAdded(a) {
  const ok = (/** @type {any[]} */ xs) => xs.filter((x) => x && !x.error && typeof x.taskMs === 'number');
  const plain = ok(a.plain);
  const ext = ok(a.ext);
  if (plain.length === 0 || ext.length === 0) return null;
  const med = (/** @type {any[]} */ xs, /** @type {string} */ k) =>
    quantile(
      pick(xs, (x) => x[k]),
      0.5,
    );
  const diff = (/** @type {any[]} */ xs, /** @type {string} */ k) =>
    round((med(xs, k) ?? NaN) - (med(plain, k) ?? NaN));
  const pairs = a.plain.map((p, i) =>
    p && a.ext[i] && !p.error && !a.ext[i].error ? a.ext[i].taskMs - p.taskMs : null,
  );
  return {
    without: summarize(pick(plain, (x) => x.taskMs)),
    with: summarize(pick(ext, (x) => x.taskMs)),
    addedMs: diff(ext, 'taskMs'),
    addedPairs: summarize(pairs),
    addedThreadMs: diff(ext, 'threadMs'),
    addedScriptMs: diff(ext, 'scriptMs'),
    addedStyleMs: diff(ext, 'styleMs'),
    addedLayoutMs: diff(ext, 'layoutMs'),
    marks: ext[0]?.marks ?? null,
    longestTaskWith: summarize(pick(ext, (x) => x.longestTask)),
    longestTaskWithout: summarize(pick(plain, (x) => x.longestTask)),
    longestTaskFromScan: summarize(pick(ext, (x) => x.longestTaskFromScan)),
    contentScriptMeasures: Object.fromEntries(
      [...new Set(ext.flatMap((x) => x.measures.map((/** @type {any} */ m) => m.name)))].map((n) => [
        n,
        summarize(
          ext.map((x) => x.measures.filter((/** @type {any} */ m) => m.name === n).reduce((s, m) => s + m.duration, 0)),
        ),
      ]),
    ),
    minimal: Object.fromEntries(
      Object.entries(a.minimal).map(([k, xs]) => {
        const good = ok(xs);
        return [
          k,
          { with: summarize(pick(good, (x) => x.taskMs)), addedMs: good.length ? diff(good, 'taskMs') : null },
        ];
      }),
    ),
    regexp: a.regexp.length
      ? {
          taskMs: summarize(pick(ok(a.regexp), (x) => x.taskMs)),
          inPageMs: summarize(pick(ok(a.regexp), (x) => x.inPageMs)),
          marks: ok(a.regexp)[0]?.marks ?? null,
        }
      : null,
    timedOut: [...plain, ...ext].filter((x) => x.timedOut).length,
  };
}

/**
 * The background's figures: compile (cold: a worker that starts with nothing; warm: restored
 * after a stop, or compiled again in a running worker), scan, round trip.
 * @param {Awaited<ReturnType<typeof backgroundRuns>>} runs
 */
function summarizeBackground(runs) {
  const compiles = runs.flatMap((r) => r.compile.map((m) => ({ ...m, phase: r.phase })));
  const present = compiles.length > 0 || runs.some((r) => r.scan.length > 0 || r.roundtrip.length > 0);
  return {
    page: 'demo-de',
    runs: runs.length / 2,
    present,
    stopped: runs.filter((r) => r.phase === 'after stop' && r.stopped).length,
    compileCold: summarize(compiles.filter((m) => m.detail?.cold === true).map((m) => m.duration)),
    compileWarm: summarize(compiles.filter((m) => m.detail?.cold === false).map((m) => m.duration)),
    compileAfterStop: summarize(compiles.filter((m) => m.phase === 'after stop').map((m) => m.duration)),
    compilesOnWarmLoads: compiles.filter((m) => m.phase === 'warm').length,
    scanAfterStop: summarize(
      runs.filter((r) => r.phase === 'after stop').flatMap((r) => r.scan.map((m) => m.duration)),
    ),
    scanWarm: summarize(runs.filter((r) => r.phase === 'warm').flatMap((r) => r.scan.map((m) => m.duration))),
    roundtripAfterStop: summarize(runs.filter((r) => r.phase === 'after stop').flatMap((r) => r.roundtrip)),
    roundtripWarm: summarize(runs.filter((r) => r.phase === 'warm').flatMap((r) => r.roundtrip)),
    errors: runs.filter((r) => r.error).map((r) => r.error),
  };
}

function corpusList() {
  const rows = readFileSync(join(cfg.corpusDir, 'index.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .map(([path, lang, bytes]) => ({ path: path ?? '', lang: lang ?? '', bytes: Number(bytes) }));
  if (cfg.corpusSample === 'all') return rows;
  // An even sample over the list (deterministic).
  const n = Math.min(rows.length, Number(cfg.corpusSample));
  return Array.from(
    { length: n },
    (_, i) => /** @type {(typeof rows)[number]} */ (rows[Math.floor((i * rows.length) / n)]),
  );
}

async function benchCorpus() {
  const list = corpusList();
  log(`corpus: ${list.length} pages …`);
  /** @type {Record<string, any>[]} */
  const pages = [];
  const started = Date.now();
  // Warm-up: the first page once, not recorded.
  for (let i = -1; i < list.length; i++) {
    const item = /** @type {(typeof list)[number]} */ (list[Math.max(0, i)]);
    const url = server.url(`/corpus/${item.path}`);
    const naive = cfg.corpusNaiveEvery > 0 && (i < 0 || i % cfg.corpusNaiveEvery === 0);
    /** @type {{ plain: Record<string, any>[], ext: Record<string, any>[], quiet: Record<string, any>[] }} */
    const runs = { plain: [], ext: [], quiet: [] };
    /** @type {string[]} */
    const errors = [];
    for (let r = 0; r < (i < 0 ? 1 : cfg.corpusRuns); r++) {
      // Main-thread time of the whole load: without, with (order alternating page by page), minimal extensions.
      await flushRestore(b.ext).catch(() => {});
      /** @type {Record<string, any>} */
      const q = {};
      for (const k of (i + r) % 2 === 0 ? ['plain', 'ext'] : ['ext', 'plain'])
        q[k] = await quietLoad(k === 'plain' ? b.plain : b.ext, url).catch((e) => ({ error: String(e) }));
      for (const [k, h] of Object.entries(b.minimal))
        q[k] = await quietLoad(h, url).catch((e) => ({ error: String(e) }));
      // The extension's own tasks in a traced load of its own (bench/lib/attributed.mjs).
      q.attributed = await attributedLoad(b.ext, url).catch((e) => ({ error: String(e) }));
      // The same for the least a content script that asks its background costs (minimal-ext.mjs).
      if (b.minimal.messenger)
        q.attributedMessenger = await attributedLoad(b.minimal.messenger, url).catch((e) => ({ error: String(e) }));
      runs.quiet.push(q);
      for (const [k, x] of Object.entries(q)) if (x.error) errors.push(`main-thread time (${k}): ${x.error}`);
      // The content script started no scan in that load (the new design's quick pre-check said no):
      // there is no scan to time below.
      const scanned = (q.ext?.crosscheckMarks ?? []).some((/** @type {any} */ m) => m.name === 'scan-start');
      const p = await plainRun(b.plain, url, bundle, {
        naive,
        naiveTimeoutMs: cfg.corpusNaiveTimeoutMs,
        heap: false,
        separateRegexpLoad: false,
      });
      // Undo only where there is something to undo (on other pages it is clear() on nothing: ~0.1 ms).
      const e = scanned
        ? await extRun(b.ext, url, { scanTimeoutMs: 8000, heap: false, appendHtml: null, undo: 'if-marks' })
        : { ran: false, error: null, noScan: true };
      runs.plain.push(p);
      runs.ext.push(e);
      if (p.error) errors.push(`no extension: ${p.error}`);
      if (e.error) errors.push(`extension: ${e.error}`);
      await revive(item.path, errors);
    }
    if (i < 0) continue;
    /** @param {(p: Record<string, any> | null, e: Record<string, any> | null) => unknown} f */
    const med = (f) => {
      const xs = pick([...runs.plain.map((p) => f(p, null)), ...runs.ext.map((e) => f(null, e))], (x) => x);
      return xs.length ? round(quantile(xs, 0.5), 3) : null;
    };
    /** Median over the runs of (with − without) for a quiet-load metric, `k` the browser with it. */
    const addedOf = (/** @type {string} */ k, /** @type {string} */ metric) => {
      const xs = pick(runs.quiet, (q) =>
        q[k]?.error || q.plain?.error || !q[k] || !q.plain ? null : q[k][metric] - q.plain[metric],
      );
      return xs.length ? round(quantile(xs, 0.5), 3) : null;
    };
    /** Median over the runs of a traced load's own tasks (`k`: attributed, attributedMessenger). */
    const attributedOf = (/** @type {string} */ k) => {
      const xs = pick(runs.quiet, (q) => (q[k]?.error ? null : q[k]?.ms));
      return xs.length ? round(quantile(xs, 0.5), 3) : null;
    };
    const m = runs.plain.find((p) => p.matching)?.matching;
    pages.push({
      path: item.path,
      bytes: item.bytes,
      chars: m?.chars ?? null,
      relevant: m?.relevant ?? null,
      floor: med((p) => p?.floor?.ms),
      matching: med((p) => p?.matching?.ms),
      scan: med((p) => p?.matching?.scanMs),
      naive: med((p) => p?.naive?.ms),
      naiveTimedOut: runs.plain.some((p) => p.naive?.timedOut) || undefined,
      regexp: med((p) => p?.regexp?.ms),
      regexpPainted: med((p) => p?.regexp?.paintedMs),
      pipeline: med((_, e) => e?.fullScan),
      firstHighlight: med((_, e) => e?.firstHighlight),
      longestTaskInScan: med((_, e) => e?.longestTaskInScan),
      undo: med((_, e) => e?.undo),
      marks: runs.quiet.find((q) => q.ext && !q.ext.error)?.ext.marks ?? runs.ext.find((e) => e.ran)?.marks ?? null,
      without: pick(runs.quiet, (q) => q.plain?.taskMs)[0] ?? null,
      added: addedOf('ext', 'taskMs'),
      addedThread: addedOf('ext', 'threadMs'),
      addedEmpty: addedOf('empty', 'taskMs'),
      addedReader: addedOf('reader', 'taskMs'),
      addedMessenger: addedOf('messenger', 'taskMs'),
      attributed: attributedOf('attributed'),
      attributedMessenger: attributedOf('attributedMessenger'),
      scanned: runs.ext.some((e) => e.ran),
      errors: errors.length ? [...new Set(errors)] : undefined,
    });
    if ((i + 1) % 25 === 0 || i === list.length - 1) {
      const per = (Date.now() - started) / (i + 2);
      log(
        `corpus: ${i + 1}/${list.length} (${elapsed()}, ~${Math.round((per * (list.length - i - 1)) / 1000)} s left)`,
      );
    }
  }
  await flushRestore(b.ext).catch(() => {});
  return summarizeCorpus(pages);
}

/** @param {Record<string, any>[]} pages */
function summarizeCorpus(pages) {
  /** @param {string} key @param {(p: Record<string, any>) => boolean} [filter] */
  const stat = (key, filter = () => true) => {
    const xs = pages
      .filter(filter)
      .map((p) => p[key])
      .filter((x) => typeof x === 'number');
    return {
      pages: xs.length,
      total: round(sum(xs)),
      p50: round(quantile(xs, 0.5), 3),
      p95: round(quantile(xs, 0.95), 3),
      max: round(xs.length ? Math.max(...xs) : null, 3),
    };
  };
  const keys = [
    'floor',
    'matching',
    'scan',
    'naive',
    'regexp',
    'regexpPainted',
    'pipeline',
    'firstHighlight',
    'longestTaskInScan',
    'undo',
    'without',
    'added',
    'addedThread',
    'addedEmpty',
    'addedReader',
    'addedMessenger',
    'attributed',
    'attributedMessenger',
  ];
  const both = (/** @type {string} */ a, /** @type {string} */ bKey) =>
    pages.filter((p) => typeof p[a] === 'number' && typeof p[bKey] === 'number');
  const slowerThanRegexp = both('pipeline', 'regexp').filter((p) => p.pipeline > p.regexp);
  // Naive mark.js given up after the time limit: the limit is a lower bound of its time.
  const naiveOf = (/** @type {Record<string, any>} */ p) =>
    p.naive ?? (p.naiveTimedOut ? cfg.corpusNaiveTimeoutMs : null);
  const naivePairs = pages.filter((p) => typeof p.pipeline === 'number' && naiveOf(p) !== null);
  const under50 = naivePairs.filter((p) => naiveOf(p) / Math.max(p.pipeline, 0.1) < 50);
  return {
    pages: pages.length,
    relevant: pages.filter((p) => p.relevant).length,
    runsPerPage: cfg.corpusRuns,
    naiveEvery: cfg.corpusNaiveEvery,
    naiveTimeoutMs: cfg.corpusNaiveTimeoutMs,
    naiveTimedOut: pages.filter((p) => p.naiveTimedOut).length,
    sample: cfg.corpusSample,
    errors: pages.filter((p) => p.errors).length,
    stats: Object.fromEntries(keys.map((k) => [k, stat(k)])),
    relevantStats: Object.fromEntries(['pipeline', 'matching', 'regexp', 'naive'].map((k) => [k, stat(k, (p) => p.relevant)])),
    // Same-page totals: sums over the pages where both figures exist.
    pairs: {
      pipelineVsRegexp: { pages: both('pipeline', 'regexp').length, pipeline: round(sum(both('pipeline', 'regexp').map((p) => p.pipeline))), regexp: round(sum(both('pipeline', 'regexp').map((p) => p.regexp))) },
      pipelineVsNaive: { pages: naivePairs.length, pipeline: round(sum(naivePairs.map((p) => p.pipeline))), naive: round(sum(naivePairs.map(naiveOf))) },
      pipelineVsFloor: { pages: both('pipeline', 'floor').length, pipeline: round(sum(both('pipeline', 'floor').map((p) => p.pipeline))), floor: round(sum(both('pipeline', 'floor').map((p) => p.floor))) },
      pipelineVsMatching: { pages: both('pipeline', 'matching').length, pipeline: round(sum(both('pipeline', 'matching').map((p) => p.pipeline))), matching: round(sum(both('pipeline', 'matching').map((p) => p.matching))) },
    },
    slowerThanRegexp: slowerThanRegexp.length,
    worstVsRegexp: slowerThanRegexp
      .sort((x, y) => y.pipeline / y.regexp - x.pipeline / x.regexp)
      .slice(0, 8)
      .map((p) => ({ path: p.path, pipeline: p.pipeline, regexp: p.regexp, relevant: p.relevant, chars: p.chars })),
    under50xNaive: under50.length,
    worstVsNaive: under50
      .sort((x, y) => naiveOf(x) / x.pipeline - naiveOf(y) / y.pipeline)
      .slice(0, 8)
      .map((p) => ({ path: p.path, pipeline: p.pipeline, naive: naiveOf(p), relevant: p.relevant, chars: p.chars })),
    slowest: [...pages]
      .filter((p) => typeof p.pipeline === 'number')
      .sort((x, y) => y.pipeline - x.pipeline)
      .slice(0, 8)
      .map((p) => ({ path: p.path, pipeline: p.pipeline, matching: p.matching, regexp: p.regexp, relevant: p.relevant, chars: p.chars, marks: p.marks })),
    tasksOver50: pages.filter((p) => p.longestTaskInScan > 50).length,
    scanned: pages.filter((p) => p.scanned).length,
    highlighted: pages.filter((p) => p.marks > 0).length,
    mostAdded: [...pages]
      .filter((p) => typeof p.added === 'number')
      .sort((x, y) => y.added - x.added)
      .slice(0, 6)
      .map((p) => ({ path: p.path, added: p.added, without: p.without, marks: p.marks, chars: p.chars })),
    perPage: pages,
  }; // prettier-ignore
}

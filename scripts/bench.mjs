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
import { launchBoth } from '../bench/lib/browser.mjs';
import { extRun, flushRestore, plainRun, popoverRuns, scalingRun } from '../bench/lib/cases.mjs';
import { bundleSizes } from '../bench/lib/size.mjs';
import { quantile, round, summarize, sum } from '../bench/lib/stats.mjs';
import { render, evaluateTargets } from '../bench/lib/report.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

// ---------- options ----------
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const quick = flag('quick');
const cfg = {
  quick,
  json: flag('json'),
  runs: Number(opt('runs', quick ? 2 : 5)),
  warmup: Number(opt('warmup', 1)),
  corpus: !flag('no-corpus'),
  corpusSample: opt('corpus-sample', quick ? '12' : 'all'),
  corpusRuns: Number(opt('corpus-runs', 1)),
  corpusNaiveEvery: Number(opt('corpus-naive-every', 20)),
  corpusDir: resolve(opt('corpus-dir', '../shared/corpus')),
  naiveTimeoutMs: Number(opt('naive-timeout', 180)) * 1000,
  naiveOnceAfterMs: 60_000,
  corpusNaiveTimeoutMs: 10_000,
  pages: opt('pages', quick ? 'long-realistic,demo-de' : 'long-realistic,long-dense,demo-de,demo-en')
    .split(',')
    .filter((x) => x && x !== 'none'),
  scalingSizes: [500, 5000, 50000],
  scalingReps: quick ? 3 : 7,
  popoverRuns: quick ? 3 : 10,
  out: opt('out', quick ? join(tmpdir(), 'crosscheck-bench-quick.json') : 'bench/results/latest.json'),
};
const log = (...a) => console.error('[bench]', ...a);

// --render FILE: print the table of an earlier run's JSON, without running anything.
if (opt('render', null)) {
  process.stdout.write(render(JSON.parse(readFileSync(opt('render', null), 'utf8'))) + '\n');
  process.exit(0);
}
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;

if (!existsSync('.output/chrome-mv3/manifest.json')) {
  console.error('No build in .output/chrome-mv3: run `npx wxt build` first.');
  process.exit(1);
}

// ---------- the bench bundle and the pages ----------
const bundle = (
  await build({
    entryPoints: ['bench/page-bench.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true, // like the extension's build; and the harness evaluates it on every page load
    logLevel: 'error',
  })
).outputFiles[0].text;

const genDir = await mkdtemp(join(tmpdir(), 'crosscheck-bench-'));
const longPages = {};
for (const density of ['realistic', 'dense']) {
  const g = generateLongPage({ density });
  writeFileSync(join(genDir, `long-${density}.html`), g.html);
  longPages[density] = { bytes: Buffer.byteLength(g.html), textBytes: g.textBytes, planted: g.mentionsPlanted };
}
// Ten more paragraphs for the incremental case (same generator, another seed; the footer's <p> left out).
const appendHtml = generateLongPage({ paragraphs: 10, seed: 4242, density: 'realistic' })
  .html.match(/<p>.*?<\/p>/g)
  .slice(0, 10)
  .join('');

// Cross-origin isolation (COOP + COEP) gives performance.now() 5 µs resolution instead of 100 µs.
// Every subresource is ours (same origin) or blocked anyway, so pages load as before.
const ISOLATION = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const server = await startServer(
  { '/demo/': 'demo', '/gen/': genDir, '/corpus/': cfg.corpusDir },
  { headers: { '/': ISOLATION } },
);
const PAGES = {
  'long-realistic': { url: '/gen/long-realistic.html', about: `generated, realistic density, ${kb(longPages.realistic.bytes)} HTML` },
  'long-dense': { url: '/gen/long-dense.html', about: `generated, dense (a name in every sentence), ${kb(longPages.dense.bytes)} HTML` },
  'demo-de': { url: '/demo/de.html', about: 'demo/de.html' },
  'demo-en': { url: '/demo/en.html', about: 'demo/en.html' },
}; // prettier-ignore
function kb(n) {
  return `${(n / 1024).toFixed(0)} KB`;
}

let b = await launchBoth();
const result = { version: 1, startedAt: new Date().toISOString(), config: { ...cfg, out: undefined } };
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
      server.url(PAGES['long-realistic'].url),
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

  // ---------- corpus ----------
  if (cfg.corpus) result.corpus = await benchCorpus();

  // ---------- size ----------
  result.size = bundleSizes('.output/chrome-mv3', 'data/dataset.json');
  result.finishedAt = new Date().toISOString();
  result.durationS = Math.round((Date.now() - t0) / 1000);
  result.machine.loadAfter = loadavg().map((x) => round(x));
  result.targets = evaluateTargets(result);
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
  process.stdout.write(cfg.json ? json + '\n' : render(result) + '\n');
}
process.exit(exitCode);

// ---------- helpers ----------

/** If a browser went away mid-run (crash, or killed from outside), start both again and say so. */
async function revive(where, notes) {
  if (b.alive()) return;
  log(`a browser went away during ${where}: starting both again`);
  notes?.push(`a browser went away during ${where}; both were started again`);
  await b.close().catch(() => {});
  b = await launchBoth();
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
    contentScriptBuiltAt: statSync('.output/chrome-mv3/content-scripts/content.js').mtime.toISOString(),
  };
}

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

async function benchPage(name, def) {
  const started = Date.now();
  const url = server.url(def.url);
  const isLong = name.startsWith('long-');
  const raw = { plain: [], ext: [] };
  const notes = [];
  let naiveMode = 'all';
  const total = cfg.warmup + cfg.runs;
  for (let r = 0; r < total; r++) {
    const warm = r < cfg.warmup;
    const doNaive = naiveMode === 'all';
    log(`${name}: run ${r + 1}/${total}${warm ? ' (warm-up)' : ''} (${elapsed()})`);
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

function summarizePage(name, def, raw, notes, isLong) {
  const P = raw.plain;
  const E = raw.ext.filter((e) => e.ran);
  const pick = (arr, f) => arr.map(f).filter((x) => typeof x === 'number');
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
    },
    notes: [...new Set(notes)],
  };
  if (raw.naiveOnce?.timedOut) page.cases.naive = { ...page.cases.naive, timedOut: true, limitMs: cfg.naiveTimeoutMs };
  if (E.some((e) => e.incremental !== undefined)) {
    page.cases.incremental = summarize(pick(E, (e) => e.incremental));
    page.incremental = {
      appendedParagraphs: E[0]?.appendedNodes ?? null,
      drains: E.map((e) => e.incrementalDrains),
      ratioToFullScan: summarize(pick(E, (e) => (e.incremental ?? NaN) / e.fullScan)),
    };
  }
  if (heapPlain.length && heapExt.length) {
    const mp = quantile(heapPlain, 0.5);
    const me = quantile(heapExt, 0.5);
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
        embPlain.length && embExt.length ? Math.round(quantile(embExt, 0.5) - quantile(embPlain, 0.5)) : null,
    };
  }
  page.longTasksPerScan = E.map((e) => e.longTasksInScan);
  if (!isLong && page.cases.pipeline.n === 0) page.notes.push('the content script never scanned this page');
  return page;
}

function corpusList() {
  const rows = readFileSync(join(cfg.corpusDir, 'index.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .map(([path, lang, bytes]) => ({ path, lang, bytes: Number(bytes) }));
  if (cfg.corpusSample === 'all') return rows;
  // An even sample over the list (deterministic).
  const n = Math.min(rows.length, Number(cfg.corpusSample));
  return Array.from({ length: n }, (_, i) => rows[Math.floor((i * rows.length) / n)]);
}

async function benchCorpus() {
  const list = corpusList();
  log(`corpus: ${list.length} pages …`);
  const pages = [];
  const started = Date.now();
  // Warm-up: the first page once, not recorded.
  for (let i = -1; i < list.length; i++) {
    const item = list[Math.max(0, i)];
    const url = server.url(`/corpus/${item.path}`);
    const naive = cfg.corpusNaiveEvery > 0 && (i < 0 || i % cfg.corpusNaiveEvery === 0);
    const runs = { plain: [], ext: [] };
    const errors = [];
    for (let r = 0; r < (i < 0 ? 1 : cfg.corpusRuns); r++) {
      const p = await plainRun(b.plain, url, bundle, {
        naive,
        naiveTimeoutMs: cfg.corpusNaiveTimeoutMs,
        heap: false,
        separateRegexpLoad: false,
      });
      // Undo only where there is something to undo (on other pages it is clear() on nothing: ~0.1 ms).
      const e = await extRun(b.ext, url, { scanTimeoutMs: 8000, heap: false, appendHtml: null, undo: 'if-marks' });
      runs.plain.push(p);
      runs.ext.push(e);
      if (p.error) errors.push(`no extension: ${p.error}`);
      if (e.error) errors.push(`extension: ${e.error}`);
      await revive(item.path, errors);
    }
    if (i < 0) continue;
    const med = (f) => {
      const xs = [...runs.plain.map((p) => f(p, null)), ...runs.ext.map((e) => f(null, e))].filter(
        (x) => typeof x === 'number',
      );
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
      marks: runs.ext.find((e) => e.ran)?.marks ?? null,
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

function summarizeCorpus(pages) {
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
  ];
  const both = (a, bKey) => pages.filter((p) => typeof p[a] === 'number' && typeof p[bKey] === 'number');
  const slowerThanRegexp = both('pipeline', 'regexp').filter((p) => p.pipeline > p.regexp);
  // Naive mark.js given up after the time limit: the limit is a lower bound of its time.
  const naiveOf = (p) => p.naive ?? (p.naiveTimedOut ? cfg.corpusNaiveTimeoutMs : null);
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
    perPage: pages,
  }; // prettier-ignore
}

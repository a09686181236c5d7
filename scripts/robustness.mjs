// `npm run robustness`: the robustness and security suite against the built
// extension (see e2e/robustness/README.md for what is checked and how).
//
//   npm run robustness                     every corpus page, hostile pages and data, Firefox, manifest, lint
//   npm run -s robustness -- --json        the same, JSON on stdout (progress on stderr)
//   … --sample 40                          40 corpus pages spread over the index
//   … --only PATTERN                       corpus pages / hostile scenarios whose path or name matches
//   … --fast                               the fast subset (as in npm test)
//   … --lanes 2 --restart-every 100        corpus parallelism and browser restarts
//   … --skip firefox,lint                  leave sections out (corpus, hostile, data, live, firefox, manifest, lint)
//   … --live-minutes N                     the live page's duration (default 10; not with --fast)
//
// Needs a build (npm run build). Writes artifacts/robustness/report.{json,txt}.
// Exit code 0 only when every check passed.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer } from '../e2e/harness/server.mjs';
import { launchJailedChromium } from '../e2e/robustness/chromium-env.mjs';
import { runControls } from '../e2e/robustness/controls.mjs';
import { runCorpus } from '../e2e/robustness/corpus-run.mjs';
import {
  ambiguityIndex,
  CORPUS_DIR,
  fastSubset,
  loadBundledDataset,
  readIndex,
  sample,
} from '../e2e/robustness/corpus.mjs';
import { runFirefox } from '../e2e/robustness/firefox.mjs';
import { hostileHeaders, hostileMounts, runHostile } from '../e2e/robustness/hostile.mjs';
import { runHostileData } from '../e2e/robustness/hostile-data.mjs';
import { checkManifests, webExtLint } from '../e2e/robustness/manifest.mjs';
import { formatReport, listFailures, summarizeCorpus } from '../e2e/robustness/report.mjs';
import { firefoxPages } from '../e2e/robustness/suite.mjs';
import { makeLivePage, runLivePage } from '../e2e/robustness/live-page.mjs';

function parseArgs(argv) {
  const o = {
    json: false,
    /** @type {number | null} */
    sample: null,
    /** @type {RegExp | null} */
    only: null,
    fast: false,
    lanes: 2,
    restartEvery: 100,
    liveMinutes: 10,
    /** @type {Set<string>} */
    skip: new Set(),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--json') o.json = true;
    else if (a === '--fast') o.fast = true;
    else if (a === '--sample') o.sample = Number(next());
    else if (a === '--only') o.only = new RegExp(next(), 'i');
    else if (a === '--lanes') o.lanes = Number(next());
    else if (a === '--restart-every') o.restartEvery = Number(next());
    else if (a === '--live-minutes') o.liveMinutes = Number(next());
    else if (a === '--skip') for (const s of next().split(',')) o.skip.add(s.trim());
    else if (a === '--help' || a === '-h') {
      console.log(
        'usage: node scripts/robustness.mjs [--json] [--sample N] [--only PATTERN] [--fast] [--lanes N] [--restart-every N] [--live-minutes N] [--skip corpus,hostile,data,live,firefox,manifest,lint]',
      );
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const log = (...a) => (opts.json ? console.error : console.log)(...a);
if (!existsSync('.output/chrome-mv3/manifest.json') || !existsSync('.output/firefox-mv2/manifest.json')) {
  console.error('No build found: run `npm run build` first.');
  process.exit(1);
}

const started = new Date();
const report = {
  startedAt: started.toISOString(),
  options: {
    sample: opts.sample,
    only: opts.only?.source ?? null,
    fast: opts.fast,
    lanes: opts.lanes,
    restartEvery: opts.restartEvery,
    skip: [...opts.skip],
  },
};
// The live page (ten minutes of a ticker that appends paragraphs): not in the fast subset.
const runLive = !opts.fast && !opts.skip.has('live') && opts.liveMinutes > 0;
const liveDir = runLive ? await makeLivePage() : null;
const server = await startServer(
  { '/corpus/': CORPUS_DIR, '/demo/': 'demo', ...hostileMounts(), ...(liveDir ? { '/live/': liveDir } : {}) },
  { headers: hostileHeaders },
);

try {
  if (!opts.skip.has('manifest')) {
    log('▶ manifest hygiene');
    report.manifest = checkManifests();
  }

  const index = readIndex();
  let pages = opts.fast ? fastSubset(index) : index;
  const only = opts.only;
  if (only) pages = pages.filter((e) => only.test(e.path));
  if (opts.sample) pages = sample(pages, opts.sample);
  const controlRuns = [];
  if (!opts.skip.has('corpus') && pages.length > 0) {
    log(`▶ corpus: ${pages.length} pages, ${opts.lanes} lane(s), browsers restarted every ${opts.restartEvery} pages`);
    const isAmbiguous = ambiguityIndex(loadBundledDataset());
    const t0 = Date.now();
    const run = await runCorpus(pages, {
      server,
      lanes: opts.lanes,
      restartEvery: opts.restartEvery,
      isAmbiguous,
      controls: async (env) => {
        const c = await runControls(env, server);
        controlRuns.push(c);
        return c;
      },
      onPage: (r, i, n) => {
        const bad = r.failures.length
          ? `  ✗ ${r.failures
              .map((f) => `${f.check}: ${f.reason}`)
              .join(' | ')
              .slice(0, 300)}`
          : '';
        if (bad || (i + 1) % 25 === 0 || i + 1 === n || r.marks > 0)
          log(`  [${i + 1}/${n}] ${Math.round((Date.now() - t0) / 1000)}s ${r.path} ${r.ms}ms marks ${r.marks}${bad}`);
      },
    });
    report.corpus = summarizeCorpus(run);
  }

  if (!opts.skip.has('hostile') || !opts.skip.has('data')) {
    const [ext, ref] = await Promise.all([launchJailedChromium(), launchJailedChromium({ extension: false })]);
    try {
      if (controlRuns.length === 0) controlRuns.push(await runControls(ext, server));
      if (!opts.skip.has('hostile')) {
        log('▶ hostile pages');
        report.hostile = await runHostile(
          { ext, ref, server },
          {
            only: opts.only && !opts.fast ? opts.only : null,
            onResult: (h) =>
              log(
                `  ${h.ok ? '✓' : '✗'} ${h.name} (${h.ms} ms)${h.ok ? '' : `: ${h.problems.join(' | ').slice(0, 400)}`}`,
              ),
          },
        );
      }
      if (!opts.skip.has('data')) {
        log('▶ hostile data');
        report.hostileData = await runHostileData(ext, { demoUrl: server.url('/demo/en.html') });
        log(`  ${report.hostileData.ok ? '✓' : '✗'} ${report.hostileData.problems.join(' | ')}`);
      }
    } finally {
      await Promise.all([ext.close(), ref.close()]);
    }
  }
  report.controls = {
    ok: controlRuns.every((c) => c.ok),
    runs: controlRuns.length,
    checks: controlRuns[0]?.checks.length ?? 0,
    failed: controlRuns.flatMap((c) => c.checks.filter((x) => !x.ok)),
  };

  if (liveDir) {
    log(`▶ live page (${opts.liveMinutes} min)`);
    const [ext, ref] = await Promise.all([launchJailedChromium(), launchJailedChromium({ extension: false })]);
    try {
      report.live = await runLivePage({ ext, ref, server }, { minutes: opts.liveMinutes, log });
      log(`  ${report.live.ok ? '✓' : '✗'} live page${report.live.ok ? '' : `: ${report.live.problems.join(' | ')}`}`);
    } finally {
      await Promise.all([ext.close(), ref.close()]);
    }
  }

  if (!opts.skip.has('firefox')) {
    log('▶ Firefox');
    report.firefox = await runFirefox(firefoxPages(index, server));
    for (const p of report.firefox.pages)
      log(`  ${p.ok ? '✓' : '✗'} ${p.page} marks ${p.marks}${p.ok ? '' : `: ${p.problems.join(' | ')}`}`);
  }

  if (!opts.skip.has('lint')) {
    log('▶ web-ext lint');
    report.lint = webExtLint();
  }
} finally {
  await server.close();
}

report.finishedAt = new Date().toISOString();
report.durationMs = Date.now() - started.getTime();
report.failures = listFailures(report);
report.ok = report.failures.length === 0 && (report.controls?.ok ?? true);

const dir = resolve('artifacts/robustness');
mkdirSync(dir, { recursive: true });
const text = formatReport(report);
writeFileSync(resolve(dir, 'report.json'), JSON.stringify(report, null, 2));
writeFileSync(resolve(dir, 'report.txt'), `${text}\n`);
if (opts.json) {
  // Per-page results are in artifacts/robustness/report.json; stdout gets the summary plus them.
  process.stdout.write(`${JSON.stringify(report)}\n`);
} else {
  console.log(`\n${text}\n\n(also in artifacts/robustness/report.txt and report.json)`);
}
process.exit(report.ok ? 0 : 1);

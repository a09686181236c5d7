// The readable table and the targets (PASS/MISS with the numbers).
import { round, sum } from './stats.mjs';

const KB = 1024;

export function fmtMs(x) {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (x < 10) return x.toFixed(2);
  if (x < 100) return x.toFixed(1);
  return Math.round(x).toLocaleString('en-US');
}

export function fmtRatio(x) {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  if (x === 0) return '0×';
  if (x >= 100) return `${Math.round(x).toLocaleString('en-US')}×`;
  if (x >= 10) return `${x.toFixed(1)}×`;
  if (x >= 0.1) return `${x.toFixed(2)}×`;
  if (x >= 0.001) return `${x.toPrecision(2)}×`;
  return `${x.toExponential(1)}×`;
}

const fmtInt = (x) => (x === null || x === undefined ? '–' : Math.round(x).toLocaleString('en-US'));
const fmtKB = (b) => `${(b / KB).toFixed(1)} KB`;
const fmtMB = (b) => `${(b / KB / KB).toFixed(2)} MB`;
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const div = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : null);

function row(label, st, refs, unit = '') {
  if (!st || st.n === 0) return `${pad(label, 50)}${lpad('–', 10)}`;
  const m = st.median;
  const n = st.once ? `${st.n}*` : String(st.n);
  const cells = [
    pad(label, 50),
    lpad(fmtMs(m) + unit, 10),
    lpad(fmtMs(st.min), 10),
    lpad(fmtMs(st.max), 10),
    lpad(n, 4),
    lpad(fmtRatio(div(m, refs.floor)), 10),
    lpad(fmtRatio(div(m, refs.naive)), 10),
    lpad(fmtRatio(div(m, refs.regexp)), 10),
  ];
  return cells.join('').trimEnd();
}

function pageSection(name, p) {
  const c = p.cases;
  const refs = { floor: c.floor.median, naive: c.naive.median, regexp: c.regexp.median };
  const out = [];
  out.push('');
  out.push(`== ${name} — ${p.about}`);
  out.push(
    `   ${fmtInt(p.chars)} chars of text in ${fmtInt(p.textNodes)} text nodes; ${p.relevant ? 'relevant' : 'not relevant'} to the dataset; ` +
      `marks: Crosscheck ${fmtInt(p.marks.crosscheck)}, naive mark.js ${fmtInt(p.marks.naive)}, markRegExp ${fmtInt(p.marks.regexp)}`,
  );
  out.push(
    `${pad('case (ms)', 50)}${lpad('median', 10)}${lpad('min', 10)}${lpad('max', 10)}${lpad('n', 4)}${lpad('÷floor', 10)}${lpad('÷naive', 10)}${lpad('÷regexp', 10)}`,
  );
  out.push(row('1 floor: TreeWalker over text nodes, .data', c.floor, refs));
  out.push(row('2 matching alone: readPageText + scan', c.matching, refs));
  out.push(row('    readPageText', c.read, refs));
  out.push(row('    scan', c.scan, refs));
  out.push(row('    findHits alone (dictionary pass)', c.findHits, refs));
  out.push(row('    compileMatcher (once per page, not above)', c.compile, refs));
  const naiveLabel = `3 naive mark.js: mark(${p.aliases ?? '?'} aliases) on body`;
  if (c.naive.timedOut)
    out.push(`${pad(naiveLabel, 50)}${lpad(`> ${fmtMs(c.naive.limitMs)}`, 10)}  (timed out, run once)`);
  else out.push(row(naiveLabel + (c.naive.once ? ' *' : ''), c.naive, refs));
  out.push(row('4 mark.js markRegExp, one pattern, on body', c.regexp, refs));
  out.push(row('    until painted (next frame + a task)', c.regexpPainted, refs));
  out.push(row('5 Crosscheck full pipeline (crosscheck:full-scan)', c.pipeline, refs));
  out.push(row('    of which read (crosscheck:read)', c.extRead, refs));
  out.push(row('    of which match + compile (crosscheck:match)', c.extMatch, refs));
  out.push(row('    of which page rendering between slices (LoAF)', c.renderInScan, refs));
  out.push(row('    time to first highlight (from scan start)', c.firstHighlight, refs));
  out.push(row('    first highlight, from navigation start', c.firstHighlightAt, {}));
  out.push(row('    scan start, from navigation start', c.scanStartAt, {}));
  out.push(row('    longest task during the scan', c.longestTaskInScan, {}));
  out.push(row('      first slice (crosscheck:first-slice)', c.firstSlice, {}));
  out.push(row('      longest task reported by Long Tasks API', c.longestReportedTaskInScan, {}));
  out.push(row('      longest anim. frame (LoAF) in the scan', c.longestFrameInScan, {}));
  out.push(row('      longest LoAF work before its rendering', c.longestFrameWorkInScan, {}));
  out.push(row('    longest task of load up to scan end (API)', c.longestTaskAll, {}));
  out.push(row('6 undo (site turned off: crosscheck:undo)', c.undo, refs));
  if (c.incremental) {
    const r = div(c.incremental.median, c.pipeline.median);
    out.push(
      row(`  incremental: append ${p.incremental.appendedParagraphs} paragraphs`, c.incremental, refs) +
        `   = ${r === null ? '–' : (r * 100).toFixed(2) + ' %'} of the full scan`,
    );
  }
  if (p.heap) {
    out.push(
      `   heap (content script): JS heap +${fmtMB(p.heap.contentScriptBytes)} ` +
        `(with extension ${fmtMB(p.heap.withExtension.median)}, without ${fmtMB(p.heap.withoutExtension.median)}, medians)` +
        (p.heap.embedderDeltaBytes !== null ? `; DOM/embedder heap +${fmtMB(p.heap.embedderDeltaBytes)}` : ''),
    );
  }
  if (c.naive.once) out.push('   * naive mark.js ran once (it took more than a minute); that single run is reported');
  for (const n of p.notes) out.push(`   note: ${n}`);
  return out;
}

function scalingSection(s) {
  const out = [''];
  out.push(
    `== Dictionary scaling — ${s.page} (${fmtInt(s.chars)} chars), in one page load: median of ${s.reps} rounds after ${s.warmup} warm-up rounds`,
  );
  out.push(
    '   real dataset, then the real dataset padded with made-up entities to N aliases (same page hits; names never on the page)',
  );
  out.push(
    `${pad('dictionary', 12)}${lpad('aliases', 9)}${lpad('compiled', 10)}${lpad('entities', 10)}${lpad('valid', 7)}${lpad('compile', 10)}` +
      `${lpad('scan', 9)}${lpad('min', 8)}${lpad('max', 8)}${lpad('÷real', 8)}${lpad('findHits', 10)}${lpad('÷real', 8)}${lpad('hits', 7)}`,
  );
  const real = s.dicts[0];
  for (const d of s.dicts) {
    out.push(
      `${pad(d.label, 12)}${lpad(fmtInt(d.aliasesListed), 9)}${lpad(fmtInt(d.aliasCount), 10)}${lpad(fmtInt(d.entities), 10)}` +
        `${lpad(d.valid ? 'yes' : 'NO', 7)}${lpad(fmtMs(d.compileMs), 10)}${lpad(fmtMs(d.scan.median), 9)}${lpad(fmtMs(d.scan.min), 8)}` +
        `${lpad(fmtMs(d.scan.max), 8)}${lpad(fmtRatio(div(d.scan.median, real.scan.median)), 8)}${lpad(fmtMs(d.findHits.median), 10)}` +
        `${lpad(fmtRatio(div(d.findHits.median, real.findHits.median)), 8)}${lpad(fmtInt(d.hits), 7)}`,
    );
  }
  return out;
}

function corpusSection(c) {
  const out = [''];
  out.push(
    `== Corpus (../shared/corpus) — ${fmtInt(c.pages)} pages${c.sample !== 'all' ? ` (even sample of ${c.sample})` : ''}, ` +
      `${c.relevant} relevant to the dataset; ${c.runsPerPage} run${c.runsPerPage > 1 ? 's' : ''} of each case per page (median if more), ` +
      `after one warm-up page; naive mark.js on ${c.naiveEvery === 1 ? 'every page' : c.naiveEvery > 1 ? `one page in ${c.naiveEvery}` : 'no page'}` +
      (c.naiveTimedOut
        ? ` (given up after ${fmtMs(c.naiveTimeoutMs / 1000)} s on ${c.naiveTimedOut}: that limit counts as its time)`
        : ''),
  );
  out.push(
    `   per-page figures in ms; ratios are of totals over the pages where both figures exist${c.errors ? `; ${c.errors} pages had errors (see JSON)` : ''}`,
  );
  out.push(
    `${pad('case', 46)}${lpad('pages', 7)}${lpad('total', 11)}${lpad('p50', 9)}${lpad('p95', 9)}${lpad('max', 10)}${lpad('÷floor', 10)}${lpad('÷naive', 10)}${lpad('÷regexp', 10)}`,
  );
  const per = c.perPage;
  const ratio = (key, ref) => {
    const both = per.filter((p) => typeof p[key] === 'number' && typeof p[ref] === 'number');
    return div(sum(both.map((p) => p[key])), sum(both.map((p) => p[ref])));
  };
  const line = (label, key, withRatios = true) => {
    const st = c.stats[key];
    return (
      `${pad(label, 46)}${lpad(st.pages, 7)}${lpad(fmtMs(st.total), 11)}${lpad(fmtMs(st.p50), 9)}${lpad(fmtMs(st.p95), 9)}${lpad(fmtMs(st.max), 10)}` +
      (withRatios
        ? `${lpad(fmtRatio(ratio(key, 'floor')), 10)}${lpad(fmtRatio(ratio(key, 'naive')), 10)}${lpad(fmtRatio(ratio(key, 'regexp')), 10)}`
        : '')
    ).trimEnd();
  };
  out.push(line('1 floor', 'floor'));
  out.push(line('2 matching alone (read + scan)', 'matching'));
  out.push(line('3 naive mark.js', 'naive'));
  out.push(line('4 mark.js markRegExp', 'regexp'));
  out.push(line('    until painted', 'regexpPainted'));
  out.push(line('5 Crosscheck full pipeline', 'pipeline'));
  out.push(line('    time to first highlight (relevant pages)', 'firstHighlight', false));
  out.push(line('    longest task during the scan', 'longestTaskInScan', false));
  out.push(line('6 undo (pages with marks only)', 'undo'));
  const rs = c.relevantStats;
  out.push(
    `   relevant pages only: pipeline p50 ${fmtMs(rs.pipeline.p50)} / p95 ${fmtMs(rs.pipeline.p95)} / max ${fmtMs(rs.pipeline.max)}; ` +
      `markRegExp p50 ${fmtMs(rs.regexp.p50)} / p95 ${fmtMs(rs.regexp.p95)}`,
  );
  out.push(
    `   pages where the pipeline is slower than markRegExp: ${c.slowerThanRegexp}; less than 50× faster than naive: ${c.under50xNaive} ` +
      `(of ${c.pairs.pipelineVsNaive.pages}); a task > 50 ms during the scan: ${c.tasksOver50}`,
  );
  if (c.slowest.length) {
    out.push('   slowest pipeline pages:');
    for (const p of c.slowest.slice(0, 5))
      out.push(
        `     ${pad(p.path, 60)} pipeline ${lpad(fmtMs(p.pipeline), 7)}  matching ${lpad(fmtMs(p.matching), 7)}  regexp ${lpad(fmtMs(p.regexp), 7)}  ${fmtInt(p.chars)} chars${p.relevant ? `, relevant, ${p.marks} marks` : ''}`,
      );
  }
  if (c.worstVsRegexp.length) {
    out.push('   worst pages against markRegExp:');
    for (const p of c.worstVsRegexp.slice(0, 5))
      out.push(
        `     ${pad(p.path, 60)} pipeline ${lpad(fmtMs(p.pipeline), 7)}  regexp ${lpad(fmtMs(p.regexp), 7)}  ${fmtInt(p.chars)} chars${p.relevant ? ', relevant' : ''}`,
      );
  }
  return out;
}

/** Signed milliseconds: the added time can come out below zero when the extension does next to nothing. */
const fmtSigned = (/** @type {number | null | undefined} */ x) =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : `${x < 0 ? '−' : '+'}${fmtMs(Math.abs(x))}`;

/**
 * The headline: main-thread time the extension adds to a whole page load (CDP TaskDuration with it
 * minus without it), side by side on the off-topic page, the corpus and the story pages, against
 * the floor and markRegExp; the least a content script costs (minimal extensions).
 * @param {Record<string, any>} r
 */
function addedSection(r) {
  const out = [''];
  const c = r.corpus;
  out.push(
    '== Main-thread time added by the extension: CDP Performance.getMetrics TaskDuration of the page with the extension minus without it',
  );
  out.push(
    `   same page, fresh tab, load → main thread quiet for 1 s; runs interleaved (with/without alternating); medians of ${r.config.runs} runs per named page` +
      (c ? `, per-page median of ${c.runsPerPage} on the corpus` : ''),
  );
  out.push(
    `${pad('page', 16)}${lpad('without', 10)}${lpad('with', 10)}${lpad('added', 10)}${lpad('pairs', 10)}${lpad('CPU', 9)}` +
      `${lpad('floor', 9)}${lpad('÷floor', 9)}${lpad('regexp', 9)}${lpad('÷regexp', 9)}${lpad('marks', 8)}${lpad('task', 8)}${lpad('1st', 8)}`,
  );
  for (const [name, p] of Object.entries(r.pages ?? {})) {
    const a = p.added;
    if (!a) {
      out.push(`${pad(name, 16)}${lpad('–', 10)}`);
      continue;
    }
    const floor = p.cases.floor.median;
    const re = a.regexp?.taskMs?.median ?? null;
    out.push(
      `${pad(name, 16)}${lpad(fmtMs(a.without.median), 10)}${lpad(fmtMs(a.with.median), 10)}${lpad(fmtSigned(a.addedMs), 10)}` +
        `${lpad(fmtSigned(a.addedPairs.median), 10)}${lpad(fmtSigned(a.addedThreadMs), 9)}${lpad(fmtMs(floor), 9)}` +
        `${lpad(fmtRatio(div(a.addedMs, floor)), 9)}${lpad(fmtMs(re), 9)}${lpad(fmtRatio(div(a.addedMs, re)), 9)}` +
        `${lpad(fmtInt(a.marks), 8)}${lpad(fmtMs(p.cases.longestTaskInScan.max ?? a.longestTaskFromScan?.max), 8)}` +
        `${lpad(fmtSigned(p.cases.firstScreenAfterIdle?.median), 8)}`,
    );
  }
  if (c?.stats?.added?.pages) {
    const st = c.stats;
    out.push(
      `${pad(`corpus (${st.added.pages})`, 16)}${lpad(fmtMs(st.without.p50), 10)}${lpad('', 10)}${lpad(fmtSigned(st.added.p50), 10)}` +
        `${lpad('', 10)}${lpad(fmtSigned(st.addedThread.p50), 9)}${lpad(fmtMs(st.floor.p50), 9)}`,
    );
    out.push(
      `   corpus, added per page: p50 ${fmtSigned(st.added.p50)}, p95 ${fmtSigned(st.added.p95)}, max ${fmtSigned(st.added.max)} ms; ` +
        `pages scanned ${c.scanned} of ${c.pages}, highlighted ${c.highlighted}`,
    );
    if (st.attributed?.pages)
      out.push(
        `   the extension's own tasks (trace of a load of their own: its scripts' evaluation, callbacks and what they force): ` +
          `p50 ${fmtMs(st.attributed.p50)}, p95 ${fmtMs(st.attributed.p95)}, max ${fmtMs(st.attributed.max)} ms over ${st.attributed.pages} pages`,
      );
    if (st.attributedMessenger?.pages)
      out.push(
        `   the least a content script that asks its background costs (same trace; it reads textContent and sends one message): ` +
          `p50 ${fmtMs(st.attributedMessenger.p50)}, p95 ${fmtMs(st.attributedMessenger.p95)} ms over ${st.attributedMessenger.pages} pages`,
      );
    if (st.addedEmpty?.pages)
      out.push(
        `   the least a content script costs here (corpus p50, same method): an empty content script ${fmtSigned(st.addedEmpty.p50)} ms, ` +
          `one that reads the text with a TreeWalker ${fmtSigned(st.addedReader.p50)} ms` +
          (st.addedMessenger?.pages
            ? `, one that sends its text to its background ${fmtSigned(st.addedMessenger.p50)} ms`
            : ''),
      );
  }
  for (const [name, p] of Object.entries(r.pages ?? {})) {
    const mn = p.added?.minimal;
    if (mn && Object.keys(mn).length)
      out.push(
        `   the least a content script costs on ${name}: ` +
          Object.entries(mn)
            .map(
              ([k, v]) =>
                `${k === 'empty' ? 'an empty content script' : 'a TreeWalker reader'} ${fmtSigned(/** @type {any} */ (v).addedMs)} ms`,
            )
            .join(', '),
      );
  }
  for (const [name, p] of Object.entries(r.pages ?? {})) {
    const a = p.added;
    if (!a) continue;
    const parts = Object.entries(a.contentScriptMeasures ?? {})
      .filter(([k]) => ['read', 'match', 'full-scan', 'roundtrip', 'first-slice'].includes(k))
      .map(([k, v]) => `${k} ${fmtMs(/** @type {any} */ (v).median)}`);
    out.push(
      `   where it goes on ${name}: script ${fmtSigned(a.addedScriptMs)}, style ${fmtSigned(a.addedStyleMs)}, layout ${fmtSigned(a.addedLayoutMs)} ms` +
        (parts.length ? `; content script's measures: ${parts.join(', ')} ms` : '') +
        (a.longestTaskFromScan?.n
          ? `; longest task from scan start in these loads ${fmtMs(a.longestTaskFromScan.max)} ms (worst run)`
          : ''),
    );
  }
  out.push(
    '   added: median with − median without; pairs: median of run-by-run differences; CPU: the same from ThreadTime (CPU time, less sensitive',
  );
  out.push(
    '   to a busy machine); floor: TreeWalker read (case 1); regexp: markRegExp with every alias as main-thread time (TaskDuration of its task and the',
  );
  out.push(
    '   rendering that follows); task: longest task during the scan (worst run); 1st: first highlight on the first screen after the load event (median)',
  );
  return out;
}

/** @param {Record<string, any>} bg */
function backgroundSection(bg) {
  const out = [''];
  out.push(
    `== Background (service worker) on ${bg.page}: ${bg.runs} times, stop the worker (CDP ServiceWorker.stopWorker; stopped ${bg.stopped}), load the page, load it again`,
  );
  if (!bg.present) {
    out.push(
      '   compile cold / warm, background scan, message round trip: n/a (old design: recognition runs in the content script)',
    );
    return out;
  }
  const line = (/** @type {string} */ label, /** @type {any} */ st) =>
    `   ${pad(label, 46)}${st?.n ? `${lpad(fmtMs(st.median), 9)} ms  (min ${fmtMs(st.min)}, max ${fmtMs(st.max)}, n ${st.n})` : '        –'}`;
  out.push(line('compile, cold (crosscheck:compile, cold: true)', bg.compileCold));
  out.push(line('compile, warm (crosscheck:compile, cold: false)', bg.compileWarm));
  out.push(line('compile on the first load after a stop', bg.compileAfterStop));
  out.push(`   compiles on warm loads (a running worker): ${bg.compilesOnWarmLoads}`);
  out.push(line('background scan after a stop (crosscheck:scan)', bg.scanAfterStop));
  out.push(line('background scan, warm', bg.scanWarm));
  out.push(line('round trip after a stop (crosscheck:roundtrip)', bg.roundtripAfterStop));
  out.push(line('round trip, warm', bg.roundtripWarm));
  for (const e of bg.errors ?? []) out.push(`   note: ${e}`);
  return out;
}

function sizeSection(s) {
  const out = [''];
  out.push(
    '== Size of each entrypoint (.output/chrome-mv3: the files the browser loads for it, shared chunks included)',
  );
  out.push('   gzip: zlib default level (6), file by file; 1 KB = 1,024 bytes');
  out.push(`${pad('entrypoint', 14)}${lpad('raw', 12)}${lpad('gzip', 12)}   files`);
  for (const e of s.entries) {
    out.push(
      `${pad(e.name, 14)}${lpad(fmtKB(e.raw), 12)}${lpad(fmtKB(e.gzip), 12)}   ${e.files.map((f) => `${f.file} (${fmtKB(f.gzip)})`).join(', ')}`,
    );
  }
  out.push(
    `   for scale: data/dataset.json minified alone is ${fmtKB(s.datasetMinified.raw)} raw, ${fmtKB(s.datasetMinified.gzip)} gzip (bundled into the content script); ` +
      `whole build ${fmtKB(s.totalRaw)} in ${s.files} files`,
  );
  return out;
}

/**
 * PASS/MISS per target, with the numbers: first the targets of the background redesign (issue 12),
 * then the earlier ones.
 * @param {Record<string, any>} r
 */
export function evaluateTargets(r) {
  /** @type {{ id: string, target: string, pass: boolean, detail: string }[]} */
  const t = [];
  const named = Object.entries(r.pages ?? {});
  const corpus = r.corpus;

  {
    const p = r.pages?.offtopic;
    if (p?.added) {
      const floor = p.cases.floor.median;
      const x = div(p.added.addedMs, floor);
      t.push({
        id: 'quiet-1mb',
        target: 'off-topic 1 MB page: added main-thread time ≤ 3× the floor',
        pass: x !== null && x <= 3,
        detail: `added ${fmtSigned(p.added.addedMs)} ms (run-by-run ${fmtSigned(p.added.addedPairs.median)} ms; CPU ${fmtSigned(p.added.addedThreadMs)} ms) vs floor ${fmtMs(floor)} ms = ${fmtRatio(x)}; marks ${fmtInt(p.added.marks)}`,
      });
    }
  }
  if (corpus?.stats?.added?.pages) {
    const st = corpus.stats.added;
    t.push({
      id: 'quiet-corpus',
      target: 'corpus sample: added main-thread time ≤ 3 ms at the median (content script evaluation included)',
      pass: st.p50 !== null && st.p50 <= 3,
      detail:
        `p50 ${fmtSigned(st.p50)} ms over ${st.pages} pages (p95 ${fmtSigned(st.p95)} ms; CPU p50 ${fmtSigned(corpus.stats.addedThread.p50)} ms)` +
        (corpus.stats.attributed?.pages
          ? `; the extension's own tasks (trace) p50 ${fmtMs(corpus.stats.attributed.p50)} ms`
          : '') +
        (corpus.stats.attributedMessenger?.pages
          ? ` (a content script that only sends its text to its background: ${fmtMs(corpus.stats.attributedMessenger.p50)} ms)`
          : ''),
    });
  }
  {
    const rows = ['long-realistic', 'liveblog']
      .map((n) => [n, r.pages?.[n]])
      .filter(([, p]) => p?.added?.regexp?.taskMs?.median);
    if (rows.length) {
      const d = rows.map(([n, p]) => ({
        n,
        added: p.added.addedMs,
        re: p.added.regexp.taskMs.median,
        inPage: p.added.regexp.inPageMs.median,
      }));
      t.push({
        id: 'story-vs-regexp',
        target:
          'story pages: added main-thread time ≤ mark.js markRegExp (every alias, same body, as main-thread time)',
        pass: d.every((x) => x.added <= x.re),
        detail: d
          .map(
            (x) =>
              `${x.n} added ${fmtSigned(x.added)} vs markRegExp ${fmtMs(x.re)} ms (${fmtRatio(div(x.added, x.re))}; markRegExp's own JS ${fmtMs(x.inPage)} ms)`,
          )
          .join('; '),
      });
    }
  }
  {
    const rows = named
      .filter(([, p]) => p.story)
      .map(([n, p]) => ({ n, at: p.cases.firstScreenAfterIdle }))
      .filter((x) => x.at?.n);
    if (rows.length) {
      t.push({
        id: 'first-highlight',
        target:
          'first highlight on the first screen ≤ 100 ms after the page is idle (its load event), every story page',
        pass: rows.every((x) => x.at.median <= 100),
        detail: rows.map((x) => `${x.n} ${fmtSigned(x.at.median)} ms (worst run ${fmtSigned(x.at.max)})`).join('; '),
      });
    }
  }
  {
    const rows = named
      .filter(([, p]) => p.cases.longestTaskInScan.n || p.added?.longestTaskFromScan?.n)
      .map(([n, p]) => ({
        n,
        task: p.cases.longestTaskInScan.max ?? 0,
        script: p.added?.longestTaskFromScan?.max ?? 0,
      }));
    if (rows.length) {
      const worst = Math.max(...rows.map((x) => x.task));
      t.push({
        id: 'no-long-task',
        target: 'no task > 50 ms during the scan on any named page (worst run; the Long Tasks API and the first slice)',
        pass: worst <= 50,
        detail:
          rows.map((x) => `${x.n} ${fmtMs(x.task)}`).join('; ') +
          ` (for comparison, any task from the scan's start in the main-thread-time loads, the page's own included: ${rows.map((x) => `${x.n} ${fmtMs(x.script)}`).join('; ')})`,
      });
    }
  }
  if (r.size) {
    // A page about a story gets both stages: the first (manifest) and the full stage (injected).
    const parts = r.size.entries.filter((/** @type {any} */ e) => e.name === 'content' || e.name === 'full stage');
    const gzip = parts.reduce((/** @type {number} */ a, /** @type {any} */ e) => a + e.gzip, 0);
    t.push({
      id: 'size-45',
      target: 'content script ≤ 45 KB gzip in all (what the manifest injects, the full stage and what they import)',
      pass: gzip <= 45 * KB,
      detail:
        `${fmtKB(gzip)} gzip: ` +
        parts
          .flatMap((/** @type {any} */ e) => e.files.map((/** @type {any} */ f) => `${f.file} ${fmtKB(f.gzip)}`))
          .join(', '),
    });
  }

  {
    // A run that was given up counts with its time limit: a lower bound of naive mark.js's time.
    const ratios = named
      .filter(([, p]) => p.cases.naive.n || p.cases.naive.timedOut)
      .map(([n, p]) => ({
        n,
        naive: p.cases.naive.timedOut ? p.cases.naive.limitMs : p.cases.naive.median,
        pipe: p.cases.pipeline.median,
        timedOut: p.cases.naive.timedOut,
      }));
    const known = ratios.filter((x) => x.naive && x.pipe).map((x) => ({ ...x, r: x.naive / x.pipe }));
    const worst = [...known].sort((a, b) => a.r - b.r)[0];
    const corpusMiss = corpus ? corpus.under50xNaive : 0;
    const pass = known.length === ratios.length && known.every((x) => x.r >= 50) && corpusMiss === 0;
    t.push({
      id: 'vs-naive',
      target: 'full pipeline ≥ 50× faster than naive mark.js on every page',
      pass,
      detail:
        known
          .map(
            (x) =>
              `${x.n} ${x.timedOut ? '≥ ' : ''}${fmtRatio(x.r)} (${x.timedOut ? '> ' : ''}${fmtMs(x.naive)} / ${fmtMs(x.pipe)} ms)`,
          )
          .join('; ') +
        (corpus ? `; corpus: ${corpusMiss} of ${corpus.pairs.pipelineVsNaive.pages} pages below 50×` : '') +
        (worst ? `; worst named page ${worst.n} ${fmtRatio(worst.r)}` : ''),
    });
  }
  {
    const rows = named
      .map(([n, p]) => ({
        n,
        re: p.cases.regexp.median,
        painted: p.cases.regexpPainted?.median,
        pipe: p.cases.pipeline.median,
      }))
      .filter((x) => x.re && x.pipe);
    const corpusMiss = corpus ? corpus.slowerThanRegexp : 0;
    const pass = rows.every((x) => x.pipe <= x.re) && corpusMiss === 0;
    t.push({
      id: 'vs-regexp',
      target: 'full pipeline no slower than mark.js markRegExp over body on every page',
      pass,
      detail:
        rows
          .map(
            (x) =>
              `${x.n} pipeline ${fmtMs(x.pipe)} vs regexp ${fmtMs(x.re)} ms (${fmtRatio(x.pipe / x.re)}; ` +
              `vs regexp until painted ${fmtMs(x.painted)} ms: ${fmtRatio(div(x.pipe, x.painted))})`,
          )
          .join('; ') +
        (corpus ? `; corpus: slower on ${corpusMiss} of ${corpus.pairs.pipelineVsRegexp.pages} pages` : ''),
    });
  }
  {
    const p = r.pages?.['long-realistic'];
    if (p) {
      const x = div(p.cases.pipeline.median, p.cases.matching.median);
      t.push({
        id: 'vs-matching',
        target: 'full pipeline ≤ 2× matching alone on the realistic-density page',
        pass: x !== null && x <= 2,
        detail: `long-realistic: pipeline ${fmtMs(p.cases.pipeline.median)} ms / matching alone ${fmtMs(p.cases.matching.median)} ms = ${fmtRatio(x)}`,
      });
    }
  }
  if (r.scaling) {
    const d = r.scaling.dicts;
    const real = d[0];
    const big = d[d.length - 1];
    const x = div(big.scan.median, real.scan.median);
    const y = div(big.findHits.median, real.findHits.median);
    t.push({
      id: 'scaling',
      target: `real dataset (${real.aliasCount} aliases) → ${fmtInt(big.aliasCount)} aliases ≤ 1.5× matching time`,
      pass: x !== null && x <= 1.5,
      detail: `scan ${fmtMs(real.scan.median)} → ${fmtMs(big.scan.median)} ms = ${fmtRatio(x)}; findHits ${fmtMs(real.findHits.median)} → ${fmtMs(big.findHits.median)} ms = ${fmtRatio(y)}; compile ${fmtMs(real.compileMs)} → ${fmtMs(big.compileMs)} ms`,
    });
  }
  {
    const p = r.pages?.['long-realistic'];
    if (p?.cases.incremental) {
      const x = div(p.cases.incremental.median, p.cases.pipeline.median);
      t.push({
        id: 'incremental',
        target: 'incremental append (10 paragraphs) ≤ 5% of a full scan',
        pass: x !== null && x <= 0.05,
        detail: `${fmtMs(p.cases.incremental.median)} ms vs full scan ${fmtMs(p.cases.pipeline.median)} ms = ${x === null ? '–' : (x * 100).toFixed(2)} %`,
      });
    }
  }
  {
    const rows = ['long-realistic', 'long-dense']
      .filter((n) => r.pages?.[n])
      .map((n) => ({
        n,
        task: r.pages[n].cases.longestTaskInScan,
        first: r.pages[n].cases.firstSlice,
        api: r.pages[n].cases.longestReportedTaskInScan,
        tasks: r.pages[n].longTasksPerScan,
      }));
    if (rows.length) {
      const worst = Math.max(...rows.map((x) => x.task.max ?? 0));
      t.push({
        id: 'long-tasks',
        target: 'no main-thread task > 50 ms during the scan on the 1 MB page',
        pass: worst <= 50,
        detail: rows
          .map(
            (x) =>
              `${x.n}: longest task median ${fmtMs(x.task.median)} ms, worst run ${fmtMs(x.task.max)} ms ` +
              `(first slice ${fmtMs(x.first?.median)} ms, longest task reported by the Long Tasks API ${fmtMs(x.api.median)} ms; ` +
              `tasks > 50 ms per scan: ${x.tasks.join(', ')})`,
          )
          .join('; '),
      });
    }
  }
  if (r.size) {
    const content = r.size.entries.find((e) => e.name === 'content');
    const js = content.files.filter((f) => f.file.endsWith('.js'));
    const jsGz = js.reduce((a, f) => a + f.gzip, 0);
    t.push({
      id: 'size',
      target: 'content script ≤ 60 KB gzip with the dataset',
      pass: jsGz <= 60 * KB,
      detail: `${js.map((f) => f.file).join(' + ')}: ${fmtKB(jsGz)} gzip (${fmtKB(js.reduce((a, f) => a + f.raw, 0))} raw); with its CSS ${fmtKB(content.gzip)}; the dataset alone is ${fmtKB(r.size.datasetMinified.gzip)} gzip`,
    });
  }
  return t;
}

export function render(r) {
  const m = r.machine;
  const out = [];
  out.push('Crosscheck benchmarks (npm run bench)');
  out.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB RAM, ${m.os}; Node ${m.node}; Playwright ${m.playwright}`,
  );
  out.push(
    `Browser: Debian Chromium, ${m.chromium}, extension from .output/chrome-mv3; all non-127.0.0.1 requests blocked`,
  );
  if (r.build)
    out.push(
      `Build: commit ${r.build.commit}` +
        (r.build.uncommitted.length
          ? ` + uncommitted changes to ${r.build.uncommitted.map((l) => l.replace(/^\s*\S+\s+/, '')).join(', ')}`
          : '') +
        `; content script built ${r.build.contentScriptBuiltAt}`,
    );
  out.push(
    `Load average (1/5/15 min) before ${m.loadBefore.join(' ')}, after ${(m.loadAfter ?? []).join(' ')} (shared machine)`,
  );
  out.push(
    `Run ${r.startedAt} in ${r.durationS} s. Every figure: median of ${r.config.runs} runs after ${r.config.warmup} warm-up (min, max, n); ` +
      'every run loads the page fresh. ÷floor, ÷naive, ÷regexp: this median divided by that case’s median on the same page.',
  );
  out.push(...addedSection(r));
  if (r.background) out.push(...backgroundSection(r.background));
  for (const [name, p] of Object.entries(r.pages ?? {})) out.push(...pageSection(name, p));
  if (r.scaling) out.push(...scalingSection(r.scaling));
  if (r.popover) {
    out.push('');
    out.push(
      `== Popover — ${r.popover.page}: end of the hover-intent delay to the frame after paint (crosscheck:popover), ` +
        `${r.popover.n} hovers after ${r.popover.warmup} warm-up, over ${r.popover.items.length} items`,
    );
    out.push(
      `   median ${fmtMs(r.popover.median)} ms (min ${fmtMs(r.popover.min)}, max ${fmtMs(r.popover.max)})${r.popover.error ? ` — ${r.popover.error}` : ''}`,
    );
  }
  if (r.corpus) out.push(...corpusSection(r.corpus));
  if (r.size) out.push(...sizeSection(r.size));
  if (r.targets) {
    out.push('');
    out.push('== Targets');
    for (const x of r.targets) out.push(`${x.pass ? 'PASS' : 'MISS'}  ${x.target}\n      ${x.detail}`);
  }
  return out.join('\n');
}

export { round };

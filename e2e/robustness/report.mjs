// Summaries of a robustness run: one object for machines (--json), one text for people.
import { stats } from './compare.mjs';
import { formatLive } from './live-page.mjs';

/** Folds the per-page corpus results into totals, lists and timings. */
export function summarizeCorpus(run) {
  const results = run.results.filter(Boolean);
  const failures = results.flatMap((r) => r.failures.map((f) => ({ page: r.path, check: f.check, reason: f.reason })));
  const offTopic = results.filter((r) => !r.onStory);
  const ambiguous = offTopic.filter((r) => r.ambiguous?.length).map((r) => ({ page: r.path, marks: r.ambiguous }));
  const offTopicHighlights = offTopic
    .filter((r) => r.marks > 0)
    .map((r) => ({ page: r.path, marks: r.marks, ids: r.ids }));
  const byCheck = {};
  for (const f of failures) byCheck[f.check] = (byCheck[f.check] ?? 0) + 1;
  return {
    pages: results.length,
    pagesWithHighlights: results.filter((r) => r.marks > 0).length,
    highlights: results.reduce((a, r) => a + (r.marks ?? 0), 0),
    highlightsScriptsOn: results.reduce((a, r) => a + (r.marksScriptsOn ?? 0), 0),
    relevantByCore: results.filter((r) => r.relevant).length,
    onStory: results.filter((r) => r.onStory).map((r) => ({ page: r.path, why: r.onStoryWhy, relevant: r.relevant })),
    offTopic: {
      pages: offTopic.length,
      ambiguousHighlights: ambiguous.reduce((a, x) => a + x.marks.length, 0),
      ambiguous,
      pagesWithHighlights: offTopicHighlights.length,
      highlights: offTopicHighlights.reduce((a, x) => a + x.marks, 0),
      highlighted: offTopicHighlights,
      relevantByCore: offTopic.filter((r) => r.relevant).map((r) => r.path),
    },
    network: {
      pageRequests: results.reduce((a, r) => a + (r.pageRequests ?? 0), 0),
      pageRequestsBlocked: results.reduce((a, r) => a + (r.blockedPage ?? 0), 0),
      extensionRequests: failures.filter((f) => f.check === 'network').length,
    },
    pageErrors: results.reduce((a, r) => a + (r.pageErrors ?? 0), 0),
    extensionErrors: failures.filter((f) => f.check === 'errors').length,
    failures,
    failuresByCheck: byCheck,
    notes: results.flatMap((r) => (r.notes ?? []).map((n) => ({ page: r.path, note: n }))),
    time: {
      totalMs: run.ms,
      lanes: run.lanes,
      perPageMs: stats(results.map((r) => r.ms)),
      scanMs: stats(results.map((r) => r.scanMs)),
      scanMsScriptsOn: stats(results.map((r) => r.scanMsScriptsOn)),
      slowest: [...results]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5)
        .map((r) => ({ page: r.path, ms: r.ms, scanMs: r.scanMs, bytes: r.bytes })),
    },
    controls: {
      runs: run.controls.length,
      ok: run.controls.every((c) => c.ok),
      failed: run.controls.flatMap((c) => c.checks.filter((x) => !x.ok)),
    },
    results,
  };
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const mins = (ms) => `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;

/** The readable report. */
export function formatReport(r) {
  const out = [];
  const line = (s = '') => out.push(s);
  line(`Crosscheck robustness — ${r.startedAt}`);
  line(`Result: ${r.ok ? 'PASS' : 'FAIL'} in ${mins(r.durationMs)}${r.options?.fast ? ' (fast subset)' : ''}`);
  line();
  if (r.controls) {
    line(
      `Positive controls (monitors see deliberate requests and errors): ${r.controls.ok ? 'ok' : 'FAILED'} (${r.controls.checks} checks × ${r.controls.runs} browser launches)`,
    );
    for (const c of r.controls.failed ?? []) line(`  ✗ ${c.name} ${c.detail}`);
    line();
  }
  if (r.corpus) {
    const c = r.corpus;
    line(`Corpus (Chromium, built extension; ${c.pages} pages, ${c.time.lanes} lane(s)): ${mins(c.time.totalMs)}`);
    const rows = [
      ['pages', c.pages],
      ['pages with highlights', c.pagesWithHighlights],
      ['highlights (scripts off / on)', `${c.highlights} / ${c.highlightsScriptsOn}`],
      ['relevant by the recognition core', c.relevantByCore],
      ['on the story by the independent rule', c.onStory.length],
      ['off-topic pages', c.offTopic.pages],
      ['  highlights from ambiguous aliases there', c.offTopic.ambiguousHighlights],
      ['  any highlights there', `${c.offTopic.highlights} on ${c.offTopic.pagesWithHighlights} pages`],
      [
        'requests by the pages (blocked: not 127.0.0.1)',
        `${c.network.pageRequests} (${c.network.pageRequestsBlocked})`,
      ],
      ['requests by the extension', c.network.extensionRequests],
      ['errors of the pages themselves', c.pageErrors],
      ['pages with extension errors', c.extensionErrors],
      [
        'time per page (mean / p50 / p95 / max)',
        `${c.time.perPageMs.mean} / ${c.time.perPageMs.p50} / ${c.time.perPageMs.p95} / ${c.time.perPageMs.max} ms`,
      ],
      [
        'extension full scan, scripts off (p50 / p95 / max)',
        `${c.time.scanMs.p50} / ${c.time.scanMs.p95} / ${c.time.scanMs.max} ms`,
      ],
      [
        'extension full scan, scripts on (p50 / p95 / max)',
        `${c.time.scanMsScriptsOn.p50} / ${c.time.scanMsScriptsOn.p95} / ${c.time.scanMsScriptsOn.max} ms`,
      ],
      [
        'failures',
        c.failures.length
          ? Object.entries(c.failuresByCheck)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')
          : 0,
      ],
    ];
    for (const [k, v] of rows) line(`  ${pad(k, 52)} ${v}`);
    if (c.onStory.length) {
      line('  On the story (independent rule):');
      for (const s of c.onStory) line(`    ${s.page} — ${s.why}; core: ${s.relevant ? 'relevant' : 'not relevant'}`);
    }
    if (c.offTopic.ambiguous.length) {
      line('  Ambiguous-alias highlights on off-topic pages:');
      for (const a of c.offTopic.ambiguous) line(`    ${a.page}: ${a.marks.join(', ')}`);
    }
    if (c.offTopic.highlighted.length) {
      line('  Off-topic pages with highlights:');
      for (const a of c.offTopic.highlighted)
        line(
          `    ${a.page}: ${a.marks} (${Object.entries(a.ids)
            .map(([k, v]) => `${k}×${v}`)
            .join(', ')})`,
        );
    }
    line('  Slowest pages:');
    for (const s of c.time.slowest)
      line(`    ${lpad(s.ms, 6)} ms  scan ${s.scanMs ?? '–'} ms  ${Math.round(s.bytes / 1024)} kB  ${s.page}`);
    line();
  }
  if (r.hostile) {
    line(`Hostile pages (Chromium): ${r.hostile.filter((h) => h.ok).length}/${r.hostile.length} pass`);
    for (const h of r.hostile) {
      line(`  ${h.ok ? '✓' : '✗'} ${pad(h.name, 22)} ${lpad(secs(h.ms), 7)}  ${h.what}`);
      for (const p of h.problems) line(`      ✗ ${p}`);
      const m = brief(h.metrics);
      if (m) line(`      ${m}`);
    }
    line();
  }
  if (r.hostileData) {
    line(`Hostile data (import through the options page): ${r.hostileData.ok ? 'pass' : 'FAIL'}`);
    for (const s of r.hostileData.steps)
      line(`  ${s.ok ? '✓' : '✗'} ${s.name}${s.ok || !s.detail ? '' : ` — ${s.detail}`}`);
    line();
  }
  if (r.live) {
    line(formatLive(r.live));
    line();
  }
  if (r.firefox) {
    line(`Firefox (${r.firefox.version ?? 'firefox-esr'}): ${r.firefox.ok ? 'pass' : 'FAIL'}`);
    for (const p of r.firefox.pages) {
      line(`  ${p.ok ? '✓' : '✗'} ${pad(p.page, 60)} marks ${p.marks}`);
      for (const x of p.problems) line(`      ✗ ${x}`);
    }
    line();
  }
  if (r.manifest) {
    line(`Manifest hygiene: ${r.manifest.ok ? 'pass' : 'FAIL'}`);
    for (const c of r.manifest.checks) line(`  ${c.ok ? '✓' : '✗'} ${c.name}${c.ok ? '' : ` — ${c.detail}`}`);
    line('  http(s) strings in the bundles:');
    for (const u of r.manifest.urls) line(`    ${u.url} — ${u.why}`);
    line();
  }
  if (r.lint) {
    line(
      `web-ext lint (Firefox build): ${r.lint.errors.length} errors, ${r.lint.warnings.length} warnings, ${r.lint.notices.length} notices`,
    );
    for (const e of r.lint.errors) line(`  ✗ error ${e.code} ${e.file ?? ''}: ${e.message}`);
    for (const w of r.lint.warnings)
      line(`  warning ${w.code} ${w.file ?? ''}: ${w.message}\n      why: ${w.explanation ?? 'UNEXPLAINED'}`);
    line();
  }
  const failures = listFailures(r);
  line(`Failures: ${failures.length}`);
  for (const f of failures) line(`  ${f}`);
  return out.join('\n');
}

function brief(metrics = {}) {
  const keep = Object.entries(metrics).filter(
    ([k, v]) => k !== 'popover' && k !== 'markStyle' && k !== 'frames' && (typeof v !== 'object' || v === null),
  );
  const frames = metrics.frames ? ` frames: ${metrics.frames.map((f) => `${f.frame}:${f.marks}`).join(' ')}` : '';
  return keep.map(([k, v]) => `${k} ${v}`).join(', ') + frames;
}

/** Every failure of the run as one line: where, and why. */
export function listFailures(r) {
  const out = [];
  for (const c of r.controls?.failed ?? []) out.push(`controls: ${c.name} ${c.detail}`);
  for (const f of r.corpus?.failures ?? []) out.push(`corpus ${f.page} [${f.check}]: ${f.reason}`);
  for (const h of r.hostile ?? []) for (const p of h.problems) out.push(`hostile ${h.name}: ${p}`);
  for (const p of r.hostileData?.problems ?? []) out.push(`hostile data: ${p}`);
  for (const p of r.firefox?.pages ?? []) for (const x of p.problems) out.push(`firefox ${p.page}: ${x}`);
  for (const p of r.firefox?.problems ?? []) out.push(`firefox: ${p}`);
  for (const c of r.manifest?.checks ?? []) if (!c.ok) out.push(`manifest: ${c.name} — ${c.detail}`);
  for (const e of r.lint?.errors ?? []) out.push(`web-ext lint: ${e.code} ${e.file ?? ''} ${e.message}`);
  for (const p of r.live?.problems ?? []) out.push(`live page: ${p}`);
  return out;
}

// Hostile pages (e2e/pages/hostile/), made for these tests, in Chromium with the
// built extension. Each scenario compares the page with the extension against
// the same page in a browser without it (scripts on in both: the pages'
// scripts are deterministic), and returns { name, ok, problems, metrics }.
// A problem is a sentence saying what is wrong; no problem, no failure.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROME_BUILD } from '../harness/chromium.mjs';
import { firstDifference, movedBoxes } from './compare.mjs';
import { dialogInPage, markPointInPage, markStyleInPage } from './dom.mjs';

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

export const CSP = "default-src 'none'; style-src 'none'; script-src 'none'";

/** The server mounts the hostile pages need (give them to startServer). */
export const hostileMounts = (dir = 'e2e/pages/hostile') => ({ '/hostile/': dir, '/hostile-csp/': dir });
export const hostileHeaders = { '/hostile-csp/': { 'content-security-policy': CSP } };

const alpha = (color) => {
  const m = /rgba?\(([^)]+)\)/.exec(color ?? '');
  if (!m) return 1;
  const parts = (m[1] ?? '').split(/[ ,/]+/).filter(Boolean);
  return parts.length > 3 ? Number(parts[3]) : 1;
};

/**
 * Everything a scenario needs: the two browsers, the server, and shared steps.
 * @param {{ ext: any, ref: any, server: { url(p: string): string }, manifest: any }} env
 */
function makeKit({ ext, ref, server, manifest }) {
  const kit = {
    ext,
    ref,
    manifest,
    url: (path) => server.url(path),
    /** Loads `path` in both browsers; waits for the content script's summary. */
    async openBoth(path, { summaryTimeout = 15_000, initScript = null } = {}) {
      const [refTab, tab] = await Promise.all([
        ref.open(server.url(`${path}${path.includes('?') ? '&' : '?'}side=reference`), {
          js: true,
          waitUntil: 'load',
          initScript,
        }),
        ext.open(server.url(`${path}${path.includes('?') ? '&' : '?'}side=extension`), {
          js: true,
          waitUntil: 'load',
          initScript,
        }),
      ]);
      const summary = summaryTimeout ? await ext.waitForSummary(tab.page.url(), summaryTimeout) : null;
      return { refTab, tab, summary };
    },
    /** Hovers a mark with the mouse (CDP input, not the page's events) and reads the popover. */
    async hover(tab, id) {
      const point = await tab.evalIsolated(markPointInPage, id ?? null);
      if (!point) return { open: false, why: 'no mark to hover' };
      await tab.page.mouse.move(1, 1);
      await tab.page.mouse.move(point.x, point.y, { steps: 3 });
      const deadline = Date.now() + 4000;
      let d;
      do {
        await sleep(100);
        d = await tab.evalIsolated(dialogInPage);
      } while (!d.open && Date.now() < deadline);
      return { ...d, mark: point };
    },
    /** Turns the extension off for 127.0.0.1, waits for the marks to go, snapshots, turns it back on. */
    async undo(tab, own = 0) {
      await ext.setSiteEnabled(false);
      const left = await tab.waitForMarks((n) => n === own, 8000);
      const snap = await tab.snapshot({});
      await ext.setSiteEnabled(true);
      return { left, snap };
    },
  };
  return kit;
}

/** The checks every story page gets. Returns the problems found. */
async function standardChecks(kit, { refTab, tab, summary }, opts = {}) {
  const problems = [];
  const metrics = {};
  const minMarks = opts.minMarks ?? 3;
  if (minMarks > 0 && !summary) problems.push('no page summary from the content script');
  // The page's own `mark.cc-mark` elements (if any) are there without the extension too.
  const own = (await refTab.snapshot({ html: false })).marks.length;
  if (minMarks > 0) await tab.waitForMarks((n) => n - own >= minMarks, 5000);
  else await sleep(opts.settleMs ?? 500);
  const [refSnap, snap] = await Promise.all([refTab.snapshot({ boxes: true }), tab.snapshot({ boxes: true })]);
  const added = snap.marks.length - own;
  metrics.marks = added;
  if (minMarks > 0 && added < minMarks) problems.push(`only ${added} marks (expected ≥ ${minMarks})`);
  if (minMarks === 0 && added > 0) problems.push(`${added} marks where none belong`);
  const d = firstDifference(refSnap.text, snap.text);
  if (d) problems.push(`text changed ${d}`);
  const bad = snap.marks.filter((m) => m.forbidden || !m.visible);
  if (bad.length)
    problems.push(
      `${bad.length} marks in forbidden or hidden places: ${bad
        .slice(0, 3)
        .map((m) => `“${m.text}” in ${m.forbidden ?? 'hidden'}`)
        .join(', ')}`,
    );
  if (snap.templateMarks) problems.push(`${snap.templateMarks} marks inside <template>`);
  if (opts.boxes !== false) {
    const moved = movedBoxes(refSnap.boxes, snap.boxes);
    if (moved.moved)
      problems.push(`layout moved: ${moved.moved} of ${moved.total} paragraphs/headings, ${moved.examples.join('; ')}`);
  }
  if (opts.hover !== false && minMarks > 0) {
    const dialog = await kit.hover(tab, opts.hoverId);
    metrics.popover = dialog.open ? { rect: dialog.rect, style: dialog.style } : dialog;
    problems.push(...popoverProblems(dialog));
  }
  if (opts.undo !== false && minMarks > 0) {
    const { left, snap: undone } = await kit.undo(tab, own);
    if (left !== own) problems.push(`${left - own} marks left after turning off`);
    const u = firstDifference(refSnap.html, undone.html);
    if (u) problems.push(`DOM after turning off differs from the page without the extension ${u}`);
  }
  return { problems, metrics, refSnap, snap };
}

function popoverProblems(d) {
  const p = [];
  if (!d.open) return [`popover did not open on hover (${d.why ?? (d.host ? 'host present, no dialog' : 'no host')})`];
  if (!d.visible) p.push('popover open but not visible');
  if (!d.onTop) p.push('popover not on top at its own center');
  const [x, y, w, h] = d.rect;
  const [vw, vh] = d.viewport;
  if (w < 150 || h < 40) p.push(`popover too small: ${w}×${h}`);
  if (x < -1 || y < -1 || x + w > vw + 1 || y + h > vh + 1) p.push(`popover outside the viewport: ${d.rect.join(',')}`);
  const s = d.style;
  if (parseFloat(s.fontSize) < 11) p.push(`popover font-size ${s.fontSize}`);
  if (alpha(s.color) < 0.9) p.push(`popover text color ${s.color}`);
  if (alpha(s.backgroundColor) < 0.9) p.push(`popover background ${s.backgroundColor}`);
  if (s.visibility !== 'visible') p.push(`popover visibility ${s.visibility}`);
  if (s.direction !== 'ltr') p.push(`popover direction ${s.direction} (its German/English text needs ltr)`);
  if (s.writingMode !== 'horizontal-tb') p.push(`popover writing-mode ${s.writingMode}`);
  if (s.textTransform !== 'none') p.push(`popover text-transform ${s.textTransform}`);
  if (parseFloat(s.letterSpacing) < 0) p.push(`popover letter-spacing ${s.letterSpacing}`);
  if (d.host.transform !== 'none' || d.host.filter !== 'none' || d.host.clipPath !== 'none' || d.host.opacity !== '1')
    p.push(`popover host restyled by the page: ${JSON.stringify(d.host)}`);
  return p;
}

/** Extension errors and requests seen by a tab's monitors and by the service worker since `mark`. */
function extensionNoise(kit, tabs, since) {
  const problems = [];
  for (const t of tabs) {
    for (const e of t.errors.extension) problems.push(`extension ${e.kind}: ${e.message.split('\n')[0]}`);
    for (const r of t.requests.filter((x) => x.by === 'extension')) problems.push(`extension request: ${r.url}`);
  }
  for (const e of kit.ext.sw.errors.slice(since.swErrors))
    problems.push(`service worker ${e.kind}: ${e.message.split('\n')[0]}`);
  for (const r of kit.ext.sw.requests.slice(since.swRequests).filter((x) => x.network))
    problems.push(`service worker request: ${r.url}`);
  for (const b of kit.ext.blocked.slice(since.blocked).filter((x) => x.by === 'extension'))
    problems.push(`extension request blocked: ${b.url}`);
  return problems;
}

/**
 * Scenarios that fail for a reason outside lib/ and entrypoints/, reported and
 * waiting for a fix: `npm test` runs them as TODO (still run, still shown),
 * `npm run robustness` counts them as failures. Delete an entry once fixed.
 */
export const KNOWN_ISSUES = {};

/** The scenarios, in order. Each: { name, what, run(kit) → { problems, metrics, tabs } }. */
export const SCENARIOS = [
  {
    name: 'css-restyle',
    what: 'page CSS restyles every <mark>, anything with role/tabindex/aria, unknown custom elements and inherited properties',
    async run(kit) {
      const o = await kit.openBoth('/hostile/css-restyle.html');
      const r = await standardChecks(kit, o, { minMarks: 5 });
      const st = await o.tab.evalIsolated(markStyleInPage);
      r.metrics.markStyle = st;
      if (st) {
        if (st.display !== 'inline' || st.position !== 'static')
          r.problems.push(`mark display/position ${st.display}/${st.position}`);
        if (st.padding !== '0px' || st.margin !== '0px' || st.borderWidth !== '0px')
          r.problems.push(`mark box ${st.padding}/${st.margin}/${st.borderWidth}`);
        if (st.fontSize !== st.parentFontSize || st.letterSpacing !== st.parentLetterSpacing)
          r.problems.push(
            `mark font ${st.fontSize}/${st.letterSpacing} vs parent ${st.parentFontSize}/${st.parentLetterSpacing}`,
          );
        if (st.transform !== 'none' || st.opacity !== '1')
          r.problems.push(`mark transform/opacity ${st.transform}/${st.opacity}`);
      }
      return { ...r, tabs: [o.tab, o.refTab] };
    },
  },
  {
    name: 'mark-pseudo',
    what: 'page CSS adds ::before/::after content to every <mark> (MDN’s screen-reader pattern, and visible brackets)',
    async run(kit) {
      const o = await kit.openBoth('/hostile/mark-pseudo.html');
      const r = await standardChecks(kit, o, { minMarks: 5 });
      const pseudo = await o.tab.evalIsolated(() =>
        [...document.querySelectorAll('mark.cc-mark')]
          .map((m) => [getComputedStyle(m, '::before').content, getComputedStyle(m, '::after').content])
          .filter(([b, a]) => b !== 'none' || a !== 'none'),
      );
      r.metrics.marksWithPseudoContent = pseudo.length;
      if (pseudo.length)
        r.problems.push(
          `the page’s mark::before/::after content shows (or is read aloud) on ${pseudo.length} of the extension’s marks: ${pseudo[0].join(' … ')}`,
        );
      return { ...r, tabs: [o.tab, o.refTab] };
    },
  },
  {
    name: 'prototype-tamper',
    what: 'page scripts replace Node/Element/Document prototype methods, MutationObserver, setTimeout, JSON, customElements.define, document.body',
    async run(kit) {
      const o = await kit.openBoth('/hostile/prototype-tamper.html');
      const r = await standardChecks(kit, o, { minMarks: 5 });
      const traps = await o.tab.evalMain(
        '({ set: window.__trapsSet === true, calls: Object.assign({}, window.__trapCalls), still: Node.prototype.appendChild.__trap === true })',
      );
      r.metrics.traps = traps;
      if (!traps.set || !traps.still) r.problems.push('the page’s traps were not in place (the test proves nothing)');
      const called = Object.entries(traps.calls).filter(([, n]) => n > 0);
      if (called.length)
        r.problems.push(
          `the extension called into the page’s world: ${called.map(([k, n]) => `${k}×${n}`).join(', ')}`,
        );
      return { ...r, tabs: [o.tab, o.refTab] };
    },
  },
  {
    name: 'mark-remover',
    what: 'the page unwraps every <mark> at once and normalizes, again and again',
    async run(kit) {
      const o = await kit.openBoth('/hostile/mark-remover.html');
      const problems = [];
      const metrics = {};
      const t = o.tab;
      const started = await t.evalMain('performance.now()');
      await sleep(7000);
      const seen = await t.evalMain(
        '({ now: performance.now(), removals: window.__removals.slice(), records: window.__records ?? 0, longTasks: window.__longTasks.slice() })',
      );
      const scans = await t.evalIsolated(() =>
        performance.getEntriesByName('crosscheck:incremental').map((e) => e.startTime),
      );
      const last = (list, ms) => list.filter((x) => x > seen.now - ms).length;
      const longInWindow = seen.longTasks.filter(([s]) => s >= started);
      metrics.removals = seen.removals.length;
      metrics.removalsLast3s = last(seen.removals, 3000);
      metrics.incrementalScans = scans.length;
      metrics.incrementalScansLast3s = last(scans, 3000);
      metrics.mutationRecords = seen.records;
      metrics.longTaskMs = Math.round(longInWindow.reduce((a, [, d]) => a + d, 0));
      metrics.maxLongTaskMs = Math.round(Math.max(0, ...longInWindow.map(([, d]) => d)));
      if (seen.removals.length === 0) problems.push('the page never removed a mark (the test proves nothing)');
      // One round = the extension re-marks the page (≤ ~20 marks), the page unwraps them all.
      const perRound = 20;
      if (metrics.incrementalScansLast3s > 3)
        problems.push(`still rescanning after 4 s: ${metrics.incrementalScansLast3s} scans in the last 3 s`);
      if (metrics.removalsLast3s > 3 * perRound)
        problems.push(`still fighting after 4 s: ${metrics.removalsLast3s} removals in the last 3 s`);
      if (scans.length > 200) problems.push(`unbounded: ${scans.length} rescans in 7 s`);
      if (seen.removals.length > 200 * perRound) problems.push(`unbounded: ${seen.removals.length} removals in 7 s`);
      if (metrics.longTaskMs > 700) problems.push(`main thread busy: ${metrics.longTaskMs} ms of long tasks in 7 s`);
      const [refSnap, snap] = await Promise.all([o.refTab.snapshot({}), t.snapshot({})]);
      const d = firstDifference(refSnap.text, snap.text);
      if (d) problems.push(`text changed ${d}`);
      return { problems, metrics, tabs: [o.tab, o.refTab] };
    },
  },
  {
    name: 'huge-text-node',
    what: 'one text node of 1 MiB with ~500 mentions of the story',
    async run(kit) {
      const o = await kit.openBoth('/hostile/huge-text-node.html', { summaryTimeout: 60_000 });
      const problems = [];
      const metrics = {};
      const t = o.tab;
      if (!o.summary) problems.push('no page summary within 60 s');
      metrics.summaryAfterMs = Date.now() - t.openedAt;
      const info = await t.evalMain(
        '({ long: window.__longTasks.slice(), same: document.getElementById("big").textContent === window.__bigText, len: window.__bigText.length })',
      );
      const scans = await t.evalIsolated(() =>
        performance
          .getEntriesByType('measure')
          .filter((e) => e.name.startsWith('crosscheck:'))
          .map((e) => [e.name, Math.round(e.duration)]),
      );
      metrics.measures = Object.fromEntries(scans);
      metrics.maxLongTaskMs = Math.round(Math.max(0, ...info.long.map(([, d]) => d)));
      metrics.marks = await t.marks();
      if (metrics.marks < 1000) problems.push(`only ${metrics.marks} marks in the 1 MiB node (expected > 1000)`);
      if (!info.same) problems.push('the text of the 1 MiB node changed');
      if (metrics.maxLongTaskMs > 3000) problems.push(`a long task of ${metrics.maxLongTaskMs} ms`);
      const { left } = await (async () => {
        await kit.ext.setSiteEnabled(false);
        return { left: await t.waitForMarks((n) => n === 0, 15_000) };
      })();
      const restored = await t.evalMain(
        '(() => { const p = document.getElementById("big"); return { nodes: p.childNodes.length, same: p.firstChild === window.__bigNode, data: window.__bigNode.data === window.__bigText }; })()',
      );
      await kit.ext.setSiteEnabled(true);
      metrics.restored = restored;
      if (left !== 0) problems.push(`${left} marks left after turning off`);
      if (restored.nodes !== 1 || !restored.same || !restored.data)
        problems.push(
          `after turning off the paragraph has ${restored.nodes} nodes; same node object: ${restored.same}; same text: ${restored.data}`,
        );
      return { problems, metrics, tabs: [o.tab, o.refTab] };
    },
  },
  {
    name: 'deep-nesting',
    what: '2,000 rendered nested divs and 5,000 DOM levels (display: contents), the story at several depths',
    async run(kit) {
      const o = await kit.openBoth('/hostile/deep-nesting.html');
      const ids = [
        'rendered-10',
        'rendered-1000',
        'rendered-1999',
        'rendered-deepest',
        'dom-only-10',
        'dom-only-1000',
        'dom-only-4999',
        'dom-only-deepest',
      ];
      const marksAt = (list) =>
        o.tab.evalIsolated(
          (l) => l.map((id) => [id, document.getElementById(id)?.querySelectorAll('mark.cc-mark').length ?? -1]),
          list,
        );
      await o.tab.waitForMarks((n) => n >= 8, 10_000);
      const where = Object.fromEntries(await marksAt(ids));
      const r = await standardChecks(kit, o, { minMarks: 8 });
      r.metrics.marksAt = where;
      const missing = ids.filter((id) => !(where[id] > 0));
      if (missing.length) r.problems.push(`no mark in ${missing.join(', ')}`);
      return { ...r, tabs: [o.tab, o.refTab] };
    },
  },
  {
    name: 'frames',
    what: 'a same-origin iframe, a srcdoc iframe, an about:blank iframe written by script, a frame in a srcdoc frame',
    async run(kit) {
      const o = await kit.openBoth('/hostile/frames.html');
      const r = await standardChecks(kit, o, { minMarks: 2, undo: false });
      await sleep(1000);
      const frames = async (tab) => {
        const out = [];
        const walk = (node, depth) => {
          out.push({ id: node.frame.id, url: node.frame.url, name: node.frame.name ?? '', depth });
          for (const c of node.childFrames ?? []) walk(c, depth + 1);
        };
        walk(await tab.frameTree(), 0);
        return out;
      };
      const [refFrames, extFrames] = await Promise.all([frames(o.refTab), frames(o.tab)]);
      const rows = [];
      for (let i = 1; i < extFrames.length; i++) {
        const f = extFrames[i];
        const [a, b] = await Promise.all([o.refTab.snapshot({}, refFrames[i]?.id), o.tab.snapshot({}, f.id)]);
        const label = f.url.startsWith('about:') ? f.url : new URL(f.url).pathname;
        rows.push({ frame: label, url: f.url, depth: f.depth, marks: b.marks.length });
        const d = firstDifference(a.text, b.text);
        if (d) r.problems.push(`text of frame ${label} changed ${d}`);
        if (b.marks.some((m) => m.forbidden || !m.visible))
          r.problems.push(`forbidden or hidden marks in frame ${label}`);
      }
      r.metrics.frames = rows;
      // Frames with an http(s) URL get the content script (all_frames). about:srcdoc
      // and about:blank frames get it only with match_about_blank in the manifest:
      // then they must be highlighted too, else they must stay untouched.
      const aboutToo = kit.manifest?.content_scripts?.some((c) => c.match_about_blank) === true;
      r.metrics.matchAboutBlank = aboutToo;
      for (const row of rows) {
        const about = row.url.startsWith('about:') || row.url === kit.url('/hostile/frames.html?side=extension');
        if ((!about || aboutToo) && row.marks === 0)
          r.problems.push(`no highlights in frame ${row.frame} (depth ${row.depth})`);
        if (about && !aboutToo && row.marks > 0)
          r.problems.push(`${row.marks} marks in ${row.frame} without match_about_blank?`);
      }
      return { ...r, tabs: [o.tab, o.refTab] };
    },
  },
  {
    name: 'frameset',
    what: 'a frameset document (no <body> element): its frames are highlighted, the top document stays as it is',
    async run(kit) {
      const o = await kit.openBoth('/hostile/frameset.html', { summaryTimeout: 10_000 });
      const problems = [];
      const metrics = {};
      const childIds = async (tab) => ((await tab.frameTree()).childFrames ?? []).map((c) => c.frame.id);
      const [refIds, extIds] = await Promise.all([childIds(o.refTab), childIds(o.tab)]);
      if (extIds.length !== 2) problems.push(`expected 2 frames, found ${extIds.length}`);
      metrics.frames = [];
      for (let i = 0; i < extIds.length; i++) {
        const marks = await o.tab.waitForMarks((n) => n >= 3, 10_000, extIds[i]);
        const [a, b] = await Promise.all([o.refTab.snapshot({}, refIds[i]), o.tab.snapshot({}, extIds[i])]);
        metrics.frames.push({ frame: new URL(b.url).pathname, marks });
        if (marks < 3) problems.push(`frame ${b.url}: only ${marks} marks`);
        const d = firstDifference(a.text, b.text);
        if (d) problems.push(`frame ${b.url}: text changed ${d}`);
      }
      const [a, b] = await Promise.all([o.refTab.snapshot({}), o.tab.snapshot({})]);
      const d = firstDifference(a.html, b.html);
      if (d) problems.push(`the frameset document changed ${d}`);
      return { problems, metrics, tabs: [o.tab, o.refTab] };
    },
  },
  {
    name: 'shadow-dom',
    what: 'the page’s own open and closed shadow roots, a slot, a custom element wrapping light DOM',
    async run(kit) {
      const o = await kit.openBoth('/hostile/shadow-dom.html');
      const r = await standardChecks(kit, o, { minMarks: 3 });
      const inside = await o.tab.evalMain(
        '(() => { const open = document.getElementById("open-host").shadowRoot; return { open: open.innerHTML === window.__shadowBefore.open, closed: window.__closed.innerHTML === window.__shadowBefore.closed, marksInOpen: open.querySelectorAll("mark").length, marksInClosed: window.__closed.querySelectorAll("mark").length }; })()',
      );
      r.metrics.shadow = inside;
      if (!inside.open || !inside.closed)
        r.problems.push(`the page’s shadow content changed: ${JSON.stringify(inside)}`);
      return { ...r, tabs: [o.tab, o.refTab] };
    },
  },
  {
    name: 'body-removed',
    what: 'the page removes document.body at DOMContentLoaded (a document without body), a new body comes 1.5 s later',
    async run(kit) {
      const o = await kit.openBoth('/hostile/body-removed.html', { summaryTimeout: 0 });
      await sleep(3000);
      const state = await o.tab.evalMain(
        '({ newBody: window.__newBody === true, late: document.getElementById("late")?.textContent ?? null })',
      );
      const problems = [];
      if (!state.newBody || !state.late)
        problems.push(`the page’s own script did not finish: ${JSON.stringify(state)}`);
      const [a, b] = await Promise.all([o.refTab.snapshot({}), o.tab.snapshot({})]);
      const d = firstDifference(a.html, b.html);
      if (d) problems.push(`DOM differs from the page without the extension ${d}`);
      return { problems, metrics: { marks: b.marks.length }, tabs: [o.tab, o.refTab] };
    },
  },
  {
    name: 'body-swap',
    what: 'after the highlights, the page replaces its body with a new one; then Crosscheck is turned off and on',
    async run(kit) {
      const o = await kit.openBoth('/hostile/body-swap.html');
      const problems = [];
      const metrics = {};
      const t = o.tab;
      metrics.marksBefore = await t.waitForMarks((n) => n >= 3, 5000);
      await Promise.all([t.evalMain('window.__swapBody()'), o.refTab.evalMain('window.__swapBody()')]);
      await sleep(800);
      metrics.marksAfterSwap = await t.marks();
      await kit.ext.setSiteEnabled(false);
      await sleep(500);
      const offSnap = await t.snapshot({});
      await kit.ext.setSiteEnabled(true);
      metrics.marksAfterOn = await t.waitForMarks((n) => n >= 2, 5000);
      if (metrics.marksAfterOn < 2)
        problems.push(`turning on again did not highlight the new body (${metrics.marksAfterOn} marks)`);
      await kit.ext.setSiteEnabled(false);
      const left = await t.waitForMarks((n) => n === 0, 5000);
      const [a, b] = await Promise.all([o.refTab.snapshot({}), t.snapshot({})]);
      await kit.ext.setSiteEnabled(true);
      if (left !== 0) problems.push(`${left} marks left after turning off`);
      const d = firstDifference(a.html, b.html);
      if (d) problems.push(`new body after off/on/off differs from the page without the extension ${d}`);
      const d2 = firstDifference(a.html, offSnap.html);
      if (d2) problems.push(`new body right after turning off differs ${d2}`);
      return { problems, metrics, tabs: [o.tab, o.refTab] };
    },
  },
  {
    name: 'xhtml',
    what: 'an XHTML document served as application/xhtml+xml (with CDATA and inline SVG)',
    async run(kit) {
      const o = await kit.openBoth('/hostile/story.xhtml');
      const r = await standardChecks(kit, o, { minMarks: 5 });
      r.metrics.contentType = r.snap.contentType;
      if (r.snap.contentType !== 'application/xhtml+xml') r.problems.push(`served as ${r.snap.contentType}`);
      return { ...r, tabs: [o.tab, o.refTab] };
    },
  },
  {
    name: 'svg-document',
    what: 'an SVG document (image/svg+xml) with the story in <text> and in a foreignObject',
    async run(kit) {
      const o = await kit.openBoth('/hostile/story.svg', { summaryTimeout: 0 });
      const r = await standardChecks(kit, o, { minMarks: 0, settleMs: 2500, boxes: false });
      r.metrics.contentType = r.snap.contentType;
      const d = firstDifference(r.refSnap.html, r.snap.html);
      if (d) r.problems.push(`SVG document changed ${d}`);
      return { ...r, tabs: [o.tab, o.refTab] };
    },
  },
  {
    name: 'strict-csp',
    what: "Content-Security-Policy: default-src 'none'; style-src 'none'; script-src 'none' (header): highlights styled, popover styled as without CSP",
    async run(kit) {
      const listen =
        "window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, sample: e.sample }));";
      const o = await kit.openBoth('/hostile-csp/strict-csp.html', { initScript: listen });
      const r = await standardChecks(kit, o, { minMarks: 5, undo: false });
      const st = await o.tab.evalIsolated(markStyleInPage);
      r.metrics.markBackground = st?.backgroundColor;
      if (!st || alpha(st.backgroundColor) === 0)
        r.problems.push(`highlights unstyled under CSP (background ${st?.backgroundColor})`);
      const violations = await o.tab.evalMain('window.__violations.slice()');
      r.metrics.violations = violations;
      if (violations.length)
        r.problems.push(
          `CSP violations: ${violations.map((v) => `${v.directive} ${v.blocked} ${v.source ?? ''}`).join('; ')}`,
        );
      const csp = o.tab.response ? (await o.tab.response.allHeaders())['content-security-policy'] : null;
      if (csp !== CSP) r.problems.push(`the page was not served with the CSP (${csp})`);
      // Control: the same file without CSP; the popover must look the same.
      const c = await kit.ext.open(kit.url('/hostile/strict-csp.html?side=control'), { js: true, waitUntil: 'load' });
      await c.waitForMarks((n) => n >= 5, 10_000);
      const control = await kit.hover(c);
      const underCsp = r.metrics.popover?.style;
      if (control.open && underCsp) {
        const diff = Object.keys(control.style).filter((k) => control.style[k] !== underCsp[k]);
        if (diff.length)
          r.problems.push(
            `popover styled differently under CSP: ${diff.map((k) => `${k} ${underCsp[k]} vs ${control.style[k]}`).join('; ')}`,
          );
      } else if (!control.open) r.problems.push('control page: popover did not open');
      // Positive control for the violation listener: the page's own inline style is refused.
      await o.tab.evalMain(
        "document.head.appendChild(Object.assign(document.createElement('style'), { textContent: 'p{color:red}' })); 1",
      );
      await sleep(200);
      const after = await o.tab.evalMain('window.__violations.length');
      if (after <= violations.length)
        r.problems.push(
          'the CSP violation listener saw no violation from a page-made inline style (the check proves nothing)',
        );
      return { ...r, tabs: [o.tab, o.refTab, c] };
    },
  },
  {
    name: 'own-marks',
    what: 'the page has its own <mark>s, some with class cc-mark and data-crosscheck-id, and a span.cc-mark[role=button]',
    async run(kit) {
      const o = await kit.openBoth('/hostile/own-marks.html');
      const r = await standardChecks(kit, o, { minMarks: 3 });
      return { ...r, tabs: [o.tab, o.refTab] };
    },
  },
  {
    name: 'custom-element-squat',
    what: 'the page defines <crosscheck-popover> itself (closed shadow root, display:none, empties itself)',
    async run(kit) {
      const o = await kit.openBoth('/hostile/custom-element-squat.html');
      // The page owns the element name: the extension cannot attach its shadow
      // root, so there is no popover here (checked: the highlights, the text, the
      // undo, and no uncaught error).
      const r = await standardChecks(kit, o, { minMarks: 3, hover: false });
      r.metrics.squatted = await o.tab.evalMain('window.__squatted');
      const d = await kit.hover(o.tab);
      r.metrics.popoverOpens = d.open;
      if (!r.metrics.squatted) r.problems.push('the page’s element was never constructed (the test proves nothing)');
      return { ...r, tabs: [o.tab, o.refTab] };
    },
  },
  {
    name: 'design-mode',
    what: 'document.designMode = "on": the whole page is an editor',
    async run(kit) {
      const o = await kit.openBoth('/hostile/design-mode.html', { summaryTimeout: 10_000 });
      const r = await standardChecks(kit, o, { minMarks: 0, settleMs: 1000 });
      return { ...r, tabs: [o.tab, o.refTab] };
    },
  },
];

/** The shared steps for scenarios, over a pair of browsers (with and without the extension). */
export function hostileKit({ ext, ref, server }) {
  const manifest = JSON.parse(readFileSync(resolve(CHROME_BUILD, 'manifest.json'), 'utf8'));
  return makeKit({ ext, ref, server, manifest });
}

/** Runs one scenario; the extension's own errors and requests meanwhile are problems too. */
export async function runScenario(kit, s) {
  const { ext } = kit;
  const t0 = Date.now();
  const since = { swErrors: ext.sw.errors.length, swRequests: ext.sw.requests.length, blocked: ext.blocked.length };
  let out;
  try {
    out = await s.run(kit);
  } catch (e) {
    out = {
      problems: [`harness: ${String(/** @type {Error} */ (e)?.message ?? e).split('\n')[0]}`],
      metrics: {},
      tabs: [],
    };
  }
  const tabs = (out.tabs ?? []).filter(Boolean);
  const extTabs = tabs.filter((t) => t.page.context() === ext.context);
  const problems = [...out.problems, ...extensionNoise(kit, extTabs, since)];
  const pageErrors = extTabs.reduce((a, t) => a + t.errors.page.length, 0);
  for (const t of tabs) await t.close();
  return {
    name: s.name,
    what: s.what,
    ok: problems.length === 0,
    problems,
    metrics: { ...out.metrics, pageErrors },
    ms: Date.now() - t0,
  };
}

/**
 * Runs the scenarios (all, or those whose name matches `only`) in the given browsers.
 * @param {{ ext: any, ref: any, server: { url(p: string): string } }} browsers
 * @param {{ only?: RegExp | null, onResult?: (result: Awaited<ReturnType<typeof runScenario>>) => void }} [options]
 */
export async function runHostile({ ext, ref, server }, { only = null, onResult } = {}) {
  const kit = hostileKit({ ext, ref, server });
  const results = [];
  for (const s of SCENARIOS) {
    if (only && !only.test(s.name)) continue;
    const result = await runScenario(kit, s);
    results.push(result);
    onResult?.(result);
  }
  return results;
}

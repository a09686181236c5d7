// Every page of the corpus, served from 127.0.0.1, in Chromium with the built
// extension. The method (see README.md beside this file):
//
// - Reference: the same page in a second Chromium WITHOUT the extension, with
//   the page's scripts disabled (Emulation.setScriptExecutionDisabled). With no
//   script the DOM is a pure function of the bytes (no dates, no random, no
//   document.write), so both browsers build the very same DOM; content scripts
//   still run when page scripts are off (the extension's isolated world is not
//   the page's). External requests are blocked in both.
// - Pass 1 (scripts off, extension on): wait for the content script's page
//   summary (its "done" message to the background), then compare with the
//   reference: body.textContent identical; the exact serialization identical
//   when there are no marks; boxes of paragraphs/headings/list items within
//   0.5 px; no mark inside forbidden or hidden elements. Pages with marks are
//   then turned off through settings (disabledSites = 127.0.0.1, written in the
//   service worker exactly where the popup's switch writes it); once every
//   mark is gone the serialization (text-node splits included) must equal the
//   reference's, the popover host excepted.
// - Pass 2 (scripts on, extension on): the page as a reader gets it (its
//   inline scripts run; external ones are blocked), for uncaught exceptions and
//   console errors of the extension, and for forbidden marks again.
// - In both passes: every request is attributed (page or extension), the
//   service worker's requests and errors are watched too.
import { launchJailedChromium } from './chromium-env.mjs';
import { firstDifference, movedBoxes } from './compare.mjs';
import { corpusUrlPath, onStory } from './corpus.mjs';

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * @param {{path:string, lang:string, bytes:number}[]} entries
 * @param {{ server: {url(p:string):string}, lanes?: number, restartEvery?: number, isAmbiguous(mark): boolean,
 *           onPage?(result, i, n): void, controls?(env): Promise<{ok:boolean}> }} opts
 */
export async function runCorpus(entries, opts) {
  const restartEvery = opts.restartEvery ?? 100;
  const lanes = Math.max(1, Math.min(opts.lanes ?? 1, entries.length));
  const results = new Array(entries.length);
  const controls = [];
  const started = Date.now();
  let next = 0;
  let done = 0;

  // Each lane has its own pair of browsers (turning the extension off for
  // 127.0.0.1 must not touch another lane's page) and takes the next page.
  const lane = async () => {
    /** @type {Awaited<ReturnType<typeof launchJailedChromium>> | null} */
    let ext = null;
    /** @type {Awaited<ReturnType<typeof launchJailedChromium>> | null} */
    let ref = null;
    let sinceLaunch = 0;
    const launch = async () => {
      await Promise.all([ext?.close(), ref?.close()]);
      [ext, ref] = await Promise.all([launchJailedChromium(), launchJailedChromium({ extension: false })]);
      sinceLaunch = 0;
      if (opts.controls) controls.push(await opts.controls(ext));
    };
    try {
      for (let i = next++; i < entries.length; i = next++) {
        if (!ext || sinceLaunch >= restartEvery) await launch();
        sinceLaunch++;
        let result;
        try {
          result = await checkPage(entries[i], ext, ref, opts);
        } catch (e) {
          result = harnessFailure(entries[i], e);
          await launch(); // the browsers may be gone: start afresh
        }
        results[i] = result;
        opts.onPage?.(result, done++, entries.length);
      }
    } finally {
      // (assigned in `launch`, which flow analysis does not follow)
      const [e, r] = /** @type {(Awaited<ReturnType<typeof launchJailedChromium>> | null)[]} */ ([ext, ref]);
      await Promise.all([e?.close(), r?.close()]);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return { results, controls, lanes, ms: Date.now() - started };
}

function harnessFailure(entry, e) {
  return {
    path: entry.path,
    lang: entry.lang,
    bytes: entry.bytes,
    ms: 0,
    failures: [{ check: 'harness', reason: String(e?.message ?? e).split('\n')[0] }],
  };
}

/** One corpus page in both browsers; returns its result (failures listed). */
export async function checkPage(entry, ext, ref, opts) {
  const t0 = Date.now();
  const base = opts.server.url(corpusUrlPath(entry.path));
  const failures = [];
  const notes = [];
  const fail = (check, reason) => failures.push({ check, reason });
  const sw0 = { requests: ext.sw.requests.length, errors: ext.sw.errors.length, blocked: ext.blocked.length };

  // Reference and pass 1 load side by side.
  const [refTab, off] = await Promise.all([
    ref.open(`${base}?cc=reference`, { js: false, waitUntil: 'load' }),
    ext.open(`${base}?cc=scripts-off`, { js: false, waitUntil: 'load' }),
  ]);
  const result = {
    path: entry.path,
    lang: entry.lang,
    bytes: entry.bytes,
    ms: 0,
    /** @type {boolean | null} */
    relevant: null,
    marks: 0,
    /** @type {Record<string, number>} */
    ids: {},
    /** @type {string[]} */
    ambiguous: [],
    onStory: false,
    /** @type {string | null} */
    onStoryWhy: null,
    scanMs: null,
    scanMsScriptsOn: null,
    marksScriptsOn: 0,
    pageRequests: 0,
    pageErrors: 0,
    failures,
    notes,
  };
  try {
    if (refTab.loadError && off.loadError) {
      notes.push(`page does not load: ${refTab.loadError}`);
    } else if (off.loadError) {
      fail('load', `with the extension: ${off.loadError}`);
    }
    const offUrl = off.page.url();
    const summary = await ext.waitForSummary(offUrl, 15_000);
    if (!summary && off.page.url() !== offUrl) notes.push(`scripts off: the page navigated to ${off.page.url()}`);
    else if (!summary) fail('done', 'no page summary from the content script within 15 s (scripts off)');
    result.relevant = summary?.relevant ?? null;

    const [refSnap, snap] = await Promise.all([
      refTab.snapshot({ boxes: true, readable: true }),
      off.snapshot({ boxes: true }),
    ]);
    const story = onStory(refSnap.readable);
    result.onStory = story.on;
    result.onStoryWhy = story.why;
    result.marks = snap.marks.length;
    for (const m of snap.marks) result.ids[m.id] = (result.ids[m.id] ?? 0) + 1;
    result.ambiguous = snap.marks.filter(opts.isAmbiguous).map((m) => `${m.id}: “${m.text}”`);
    result.scanMs = snap.measures.find(([n]) => n === 'full-scan')?.[1] ?? null;
    if (snap.url !== refSnap.url.replace('cc=reference', 'cc=scripts-off')) notes.push(`navigated to ${snap.url}`);

    const textDiff = firstDifference(refSnap.text, snap.text);
    if (textDiff) fail('text', `body.textContent changed ${textDiff}`);
    checkMarks(snap, fail, true);
    if (snap.marks.length === 0) {
      const d = firstDifference(refSnap.html, snap.html);
      if (d) fail('dom', `DOM changed without any highlight ${d}`);
    }
    let moved = movedBoxes(refSnap.boxes, snap.boxes);
    if (moved.moved > 0) {
      // Late images and fonts settle at different moments in the two browsers: look again once both are still.
      await sleep(1000);
      const [refAgain, again] = await Promise.all([refTab.snapshot({ boxes: true }), off.snapshot({ boxes: true })]);
      // Boxes that move in the page without the extension too (CSS animations run with scripts off) are not ours.
      const own = new Set(movedBoxes(refSnap.boxes, refAgain.boxes).indexes);
      const second = movedBoxes(refAgain.boxes, again.boxes, 0.5, own);
      if (own.size) notes.push(`${own.size} boxes move by themselves (animated), left out of the layout check`);
      if (second.moved === 0) notes.push(`layout settled late (${moved.moved} boxes differed at first)`);
      moved = second;
    }
    if (moved.moved > 0)
      fail(
        'layout',
        `${moved.moved} of ${moved.total} paragraphs/headings moved > 0.5 px: ${moved.examples.join('; ')}`,
      );

    if (snap.marks.length > 0) {
      await ext.setSiteEnabled(false);
      const left = await off.waitForMarks((n) => n === 0, 8000);
      if (left !== 0) fail('undo', `${left} marks left 8 s after turning off`);
      const undone = await off.snapshot({});
      const d = firstDifference(refSnap.html, undone.html);
      if (d) fail('undo', `DOM after turning off differs from the page before ${d}`);
      await off.close();
      await ext.setSiteEnabled(true);
    }
    collectTab(off, result, fail, 'scripts off');
  } finally {
    await Promise.all([refTab.close(), off.close()]);
  }

  // Pass 2: the page's own scripts on.
  const on = await ext.open(`${base}?cc=scripts-on`, { js: true, waitUntil: 'domcontentloaded' });
  try {
    const onUrl = on.page.url();
    const summary = await ext.waitForSummary(onUrl, 15_000);
    // A page whose scripts navigate it away to a blocked URL ends on Chromium's error page, which keeps
    // the page's URL in the address bar (page.url()) but is a chrome-error:// document: no content script.
    const docUrl = summary ? null : await on.page.evaluate(() => document.URL).catch(() => null);
    if (!summary && (on.page.url() !== onUrl || on.loadError))
      notes.push(`scripts on: the page navigated to ${on.page.url()} ${on.loadError ?? ''}`);
    else if (!summary && docUrl?.startsWith('chrome-error:'))
      notes.push('scripts on: the page navigated itself to a blocked URL (Chromium error page)');
    else if (!summary) fail('done', 'no page summary from the content script within 15 s (scripts on)');
    await sleep(150);
    const snap = await on.snapshot({ html: false });
    result.marksScriptsOn = snap.marks.length;
    result.scanMsScriptsOn = snap.measures.find(([n]) => n === 'full-scan')?.[1] ?? null;
    checkMarks(snap, fail, false);
    const hidden = snap.marks.filter((m) => !m.visible).length;
    if (hidden) notes.push(`scripts on: ${hidden} marks in elements the page's scripts hid later`);
    collectTab(on, result, fail, 'scripts on');
  } finally {
    await on.close();
  }

  const swRequests = ext.sw.requests.slice(sw0.requests);
  const swErrors = ext.sw.errors.slice(sw0.errors);
  const blockedExt = ext.blocked.slice(sw0.blocked).filter((b) => b.by === 'extension');
  if (swRequests.some((r) => r.network) || blockedExt.length)
    fail(
      'network',
      `service worker requested ${[...swRequests.map((r) => r.url), ...blockedExt.map((b) => b.url)].slice(0, 3).join(', ')}`,
    );
  if (swErrors.length)
    fail(
      'errors',
      `service worker: ${swErrors
        .map((e) => e.message)
        .slice(0, 2)
        .join(' | ')}`,
    );
  result.blockedPage = ext.blocked.slice(sw0.blocked).filter((b) => b.by === 'page').length;
  // Keep the guard's list short over a long run.
  if (ext.blocked.length > 5000) ext.blocked.splice(0, ext.blocked.length);
  result.ms = Date.now() - t0;
  return result;
}

function checkMarks(snap, fail, strictVisibility) {
  const forbidden = snap.marks.filter((m) => m.forbidden);
  if (forbidden.length)
    fail(
      'forbidden',
      `${forbidden.length} marks inside ${[...new Set(forbidden.map((m) => m.forbidden))].join(', ')}: ${forbidden
        .slice(0, 3)
        .map((m) => `“${m.text}”`)
        .join(', ')}`,
    );
  if (snap.templateMarks) fail('forbidden', `${snap.templateMarks} marks inside <template> contents`);
  if (strictVisibility) {
    const hidden = snap.marks.filter((m) => !m.visible);
    if (hidden.length)
      fail(
        'hidden',
        `${hidden.length} marks in hidden elements: ${hidden
          .slice(0, 3)
          .map((m) => `“${m.text}”`)
          .join(', ')}`,
      );
  }
}

function collectTab(tab, result, fail, pass) {
  const ext = tab.requests.filter((r) => r.by === 'extension');
  if (ext.length)
    fail(
      'network',
      `${pass}: the extension requested ${ext
        .slice(0, 3)
        .map((r) => r.url)
        .join(', ')}`,
    );
  result.pageRequests += tab.requests.filter((r) => r.by === 'page').length;
  result.pageErrors += tab.errors.page.length;
  if (tab.errors.extension.length)
    fail(
      'errors',
      `${pass}: ${tab.errors.extension
        .slice(0, 2)
        .map((e) => `${e.kind}: ${e.message.split('\n')[0]}`)
        .join(' | ')}`,
    );
}

/**
 * Many stories, measured (Node): `npm run -s bench:packs [-- --json] [-- --sizes 1,100,1000]`; with
 * `-- --browser [--runs 5]` the per-page figures in Chromium with the built extension instead (browser.mjs).
 *
 * For 1, 100 and 1,000 stories (the bundled pack plus synthetic ones, see
 * synthetic.ts):
 * - compile: `compilePacks` over every pack (`mergePacks` + the one
 *   dictionary; what the background does when packs change), time and
 *   retained heap;
 * - per page: what the background does for a page (`PacksRecognizer.scan`:
 *   one pass of the merged dictionary, then relevance only for the stories
 *   with anchoring hits, each by its own matcher) on an off-topic page (a
 *   corpus page from ../shared/corpus, else generated text) and a story page
 *   (demo/de.html): the first page (story matchers compiled on first use)
 *   and the median of five more; with how many stories were candidates;
 * - import of a 1,000-story file: a .zip of 1,000 pack files, imported all or
 *   none by the pack store (validation, migration, one IndexedDB transaction;
 *   fake-indexeddb in Node, so storage time is not a browser's), its size, and
 *   the bytes stored; listing (from the stored summaries) and loading the
 *   enabled packs;
 * - restart of a stopped background with those packs: cold compile (load the
 *   enabled packs + `compilePacks`) against cold restore (read the saved
 *   snapshot + `restorePacks`), each until the off-topic page is answered;
 *   the snapshot's save time and size, and the heap the restored form holds.
 */
import 'fake-indexeddb/auto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePacks, restorePacks, type PacksRecognizer, type PacksSnapshot } from '../../core/pack/recognizer';
import type { Pack } from '../../core/pack/schema';
import { bundledPack } from '../../data/bundled-pack';
import { computeStandings } from '../../core/dataset/conflicts';
import { tellingItems } from '../../core/views/highlight-plan';
import { buildPopoverView, type PopoverTarget } from '../../core/views/popover-view';
import { viewIndex } from '../../core/views/view-index';
import { PackStore } from '../../lib/storage/pack-store';
import { decodeHtml, htmlToVisibleText } from '../../scripts/lib/visible-text';
import { storiesZip } from './stories-file';
import { syntheticPacks } from './synthetic';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (t: number) => Math.round(t * 10) / 10;
const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;

function pageText(file: string): string {
  return htmlToVisibleText(decodeHtml(readFileSync(file)));
}

const OFF_TOPIC_FILE = path.resolve(ROOT, '../shared/corpus/readability/002.html');
const offTopic = existsSync(OFF_TOPIC_FILE)
  ? { name: 'corpus readability/002.html', text: pageText(OFF_TOPIC_FILE) }
  : {
      name: 'generated off-topic text',
      text: 'Der Stadtrat beschloss am Montag einen neuen Haushalt für Schulen und Straßen. '.repeat(200),
    };
const story = { name: 'demo/de.html', text: pageText(path.join(ROOT, 'demo/de.html')) };

/** Pages scanned per figure after the first (median and best reported). */
const RUNS = 31;

function measure(count: number) {
  const packs: Pack[] = [bundledPack(), ...syntheticPacks(count - 1)];
  const before = heap();
  const t0 = performance.now();
  const recognizer = compilePacks(packs);
  const t1 = performance.now();
  const retained = heap() - before;
  const page = (text: string) => {
    // The compile's garbage is collected first (as in a background between compile and pages), so that the
    // figures are the page's own cost, not a major GC of a 1,000-story heap that happens to fall into them.
    heap();
    const s0 = performance.now();
    let scan = recognizer.scan(text);
    const first = performance.now() - s0;
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      scan = recognizer.scan(text);
      times.push(performance.now() - s);
    }
    return {
      firstMs: ms(first),
      ms: ms(median(times)),
      minMs: ms(Math.min(...times)),
      candidates: scan.stories.length,
      relevant: scan.packs,
    };
  };
  const offTopicPage = page(offTopic.text);
  const storyPage = page(story.text);
  const result = {
    stories: count,
    aliases: recognizer.matcher.aliasCount,
    entities: recognizer.dataset.entities.length,
    claims: recognizer.dataset.claims.length,
    compileMs: ms(t1 - t0),
    retainedMB: mb(retained),
    offTopic: offTopicPage,
    storyPage,
    storyMatchers: recognizer.storiesCompiled,
  };
  return result;
}

async function measureImport(count: number) {
  const { zip, jsonBytes } = storiesZip(syntheticPacks(count));
  const store = await PackStore.open({ bundled: [bundledPack()], name: `bench-${Date.now()}` });
  const t0 = performance.now();
  const outcome = await store.importFile('stories.zip', zip);
  const t1 = performance.now();
  if (!outcome.ok) throw new Error(outcome.error);
  const parts = (performance.getEntriesByName('crosscheck:import').at(-1) as PerformanceMeasure | undefined)?.detail as
    { readMs: number; validateMs: number; writeMs: number } | undefined;
  const listed = await store.list();
  const t2 = performance.now();
  const enabled = await store.enabledPacks();
  const t3 = performance.now();
  const restart = await measureRestart(store);
  store.close();
  return {
    restart,
    stories: count,
    zipMB: mb(zip.length),
    jsonMB: mb(jsonBytes),
    storedMB: mb(listed.filter((p) => p.imported).reduce((n, p) => n + p.bytes, 0)),
    importMs: ms(t1 - t0),
    importParts: parts
      ? { readMs: ms(parts.readMs), validateMs: ms(parts.validateMs), writeMs: ms(parts.writeMs) }
      : null,
    listMs: ms(t2 - t1),
    loadEnabledMs: ms(t3 - t2),
    installed: outcome.installed.length,
    enabled: enabled.length,
  };
}

/** Bytes of the typed arrays of a snapshot's dictionary (its strings not counted). */
function arrayBytes(s: PacksSnapshot): number {
  return Object.values(s.dict).reduce((n: number, v) => n + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0);
}

/**
 * A background that starts again over the stored packs: compile from the packs (as before), or restore the saved
 * compile (lib/background/recognition.ts), each until the off-topic page is answered.
 */
async function measureRestart(store: PackStore) {
  heap();
  const key = await store.enabledKey('bench');
  const c0 = performance.now();
  const packs = await store.enabledPacks();
  const c1 = performance.now();
  const full = compilePacks(packs);
  const disputed = new Set(
    computeStandings(full.dataset)
      .filter((st) => st.disputed)
      .map((st) => st.subject),
  );
  const telling = tellingItems(full.dataset);
  const c2 = performance.now();
  const expected = full.scan(offTopic.text);
  const c3 = performance.now();
  // The first popover of a compiling background: the views' index of the whole merge, then the view.
  const v0 = performance.now();
  viewIndex(full.dataset);
  const v1 = performance.now();
  const snapshot = full.snapshot();
  const s0 = performance.now();
  await store.saveCompiled(key, { packs: snapshot, disputed, telling });
  const s1 = performance.now();
  const bytes = arrayBytes(snapshot);
  // Cold restore: read the saved compile back, restore, answer the off-topic page (its candidate packs read).
  const before = heap();
  const r0 = performance.now();
  let loaded = await store.loadCompiled(await store.enabledKey('bench'));
  const r1 = performance.now();
  if (!loaded) throw new Error('no saved compile');
  const quick = restorePacks(loaded.packs);
  loaded = null; // as the background: only the restored form is kept
  const r2 = performance.now();
  const answer = await quick.scan(offTopic.text, {}, (id) => store.get(id));
  const r3 = performance.now();
  if (JSON.stringify(answer) !== JSON.stringify(expected)) throw new Error('the restored answer differs');
  const retained = heap() - before;
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const w = performance.now();
    await quick.scan(offTopic.text, {}, (id) => store.get(id));
    warm.push(performance.now() - w);
  }
  // The first popovers after the restart (lib/background/recognition.ts `popover`): the packs that hold the
  // item read and merged alone (core/pack/views.ts), then the view; each checked against the full compile's.
  const popovers = popoverTargets(full).map(({ name, target }) => {
    const opts = {
      lang: 'en' as const,
      t: (key: string, ...a: unknown[]) => `${key} ${a.join(' ')}`,
      pageSource: null,
    };
    const p0 = performance.now();
    const fullView = buildPopoverView(full.dataset, target, opts);
    return { name, target, opts, fullViewMs: performance.now() - p0, fullView };
  });
  const popoverRows = [];
  for (const p of popovers) {
    const p0 = performance.now();
    const some = await quick.popoverData(p.target, (id) => store.get(id));
    const view = some && buildPopoverView(some.dataset, p.target, p.opts);
    const p1 = performance.now();
    if (JSON.stringify(view) !== JSON.stringify(p.fullView)) throw new Error(`the popover of ${p.name} differs`);
    popoverRows.push({
      name: p.name,
      packs: some!.parts.length,
      firstMs: ms(p1 - p0),
      // Before: every enabled pack read and compiled, the whole merge's views' index, the view.
      compiledMs: ms(c1 - c0 + (c2 - c1) + (v1 - v0) + p.fullViewMs),
    });
  }
  return {
    compile: { loadMs: ms(c1 - c0), compileMs: ms(c2 - c1), scanMs: ms(c3 - c2), totalMs: ms(c3 - c0) },
    snapshot: {
      saveMs: ms(s1 - s0),
      arraysMB: mb(bytes),
      stringChars: snapshot.dict.strings.length + snapshot.dict.tokens.length,
    },
    restore: {
      readMs: ms(r1 - r0),
      restoreMs: ms(r2 - r1),
      firstScanMs: ms(r3 - r2),
      totalMs: ms(r3 - r0),
      retainedMB: mb(retained),
      warmScanMs: ms(median(warm)),
      packsRead: quick.storiesCompiled,
    },
    popovers: popoverRows,
  };
}

/**
 * Popovers to open after a restart: a name of the story page (the bundled pack's Donald Trump), the entity
 * the most stories share, and a sentence of a synthetic story about a shared person.
 */
function popoverTargets(full: PacksRecognizer): { name: string; target: PopoverTarget }[] {
  const { membership } = full.merged;
  let most = '';
  for (const e of full.dataset.entities)
    if ((membership.get(e.id)?.length ?? 0) > (membership.get(most)?.length ?? 0)) most = e.id;
  const sharedClaim = full.dataset.claims.find(
    (c) => (membership.get(c.subject)?.length ?? 0) > 1 && c.id.includes('--'),
  );
  return [
    { name: 'story page: donald-trump', target: { type: 'entity', id: 'donald-trump' } },
    ...(most ? [{ name: `most shared entity (${most})`, target: { type: 'entity' as const, id: most } }] : []),
    ...(sharedClaim
      ? [
          {
            name: `sentence about a shared person (${sharedClaim.aspect})`,
            target: { type: 'claim' as const, aspect: sharedClaim.aspect, value: sharedClaim.value },
          },
        ]
      : []),
  ];
}

const args = process.argv.slice(2);
const sizesArg = args[args.indexOf('--sizes') + 1];
const sizes = args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [1, 100, 1000];
if (args.includes('--browser')) {
  // The per-page figures in Chromium with the built extension (bench/packs/browser.mjs), not the Node figures.
  const runsArg = args[args.indexOf('--runs') + 1];
  const dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-stories-'));
  const zipFor = async (stories: number) => {
    const file = path.join(dir, `stories-${stories}.zip`);
    writeFileSync(file, storiesZip(syntheticPacks(stories)).zip);
    return file;
  };
  // A .mjs of the JavaScript harness (type-checked by tsconfig.mjs.json), loaded by its URL.
  const browser = (await import(new URL('./browser.mjs', import.meta.url).href)) as {
    runBrowser: (o: { sizes: number[]; runs: number; zipFor: typeof zipFor; json: boolean }) => Promise<unknown>;
  };
  await browser.runBrowser({
    sizes,
    runs: args.includes('--runs') && runsArg ? Number(runsArg) : 5,
    zipFor,
    json: args.includes('--json'),
  });
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
const rows = sizes.map(measure);
const imported = await measureImport(Math.max(...sizes));
if (args.includes('--json')) {
  console.log(
    JSON.stringify({ gc: Boolean(gc), offTopic: offTopic.name, story: story.name, rows, import: imported }, null, 2),
  );
} else {
  if (!gc) console.log('(run with node --expose-gc for retained-heap figures: npm run -s bench:packs does)');
  console.log(`off-topic page: ${offTopic.name}; story page: ${story.name}\n`);
  console.log(
    'stories | aliases | compile ms | retained MB | off-topic page ms: median / best (first) | candidates | story page ms: median / best (first) | candidates | story page relevant to',
  );
  for (const r of rows)
    console.log(
      `${r.stories} | ${r.aliases} | ${r.compileMs} | ${r.retainedMB} | ${r.offTopic.ms} / ${r.offTopic.minMs} (${r.offTopic.firstMs}) | ${r.offTopic.candidates} | ${r.storyPage.ms} / ${r.storyPage.minMs} (${r.storyPage.firstMs}) | ${r.storyPage.candidates} | ${r.storyPage.relevant.join(', ') || '-'}${r.offTopic.relevant.length ? ` (off-topic relevant to ${r.offTopic.relevant.join(', ')}!)` : ''}`,
    );
  const [a, b] = [rows[0], rows[rows.length - 1]];
  if (a && b && a !== b)
    console.log(
      `\n${a.stories} → ${b.stories} stories (median; best): off-topic page ×${(b.offTopic.ms / a.offTopic.ms).toFixed(2)}; ×${(b.offTopic.minMs / a.offTopic.minMs).toFixed(2)}, story page ×${(b.storyPage.ms / a.storyPage.ms).toFixed(2)}; ×${(b.storyPage.minMs / a.storyPage.minMs).toFixed(2)}`,
    );
  const i = imported;
  console.log(
    `\nimport of a ${i.stories}-story .zip (${i.zipMB} MB; ${i.jsonMB} MB of JSON): ${i.importMs} ms${i.importParts ? ` (read ${i.importParts.readMs} + validate ${i.importParts.validateMs} + write ${i.importParts.writeMs})` : ''}, ${i.storedMB} MB stored; list ${i.listMs} ms, load enabled packs ${i.loadEnabledMs} ms`,
  );
  const { compile: c, snapshot: sn, restore: r } = i.restart;
  console.log(
    `\nfirst popover after the restart (before: every enabled pack loaded + compiled + the views' index + the view):\n${i.restart.popovers
      .map((p) => `  ${p.name}: ${p.firstMs} ms (${p.packs} packs read and merged); before ${p.compiledMs} ms`)
      .join('\n')}`,
  );
  console.log(
    `\nrestart with ${i.enabled} enabled packs, until the off-topic page is answered: cold compile ${c.totalMs} ms (load packs ${c.loadMs} + compile ${c.compileMs} + scan ${c.scanMs}); cold restore ${r.totalMs} ms (read the saved compile ${r.readMs} + restore ${r.restoreMs} + scan ${r.firstScanMs}, ${r.packsRead} candidate pack read and compiled), restored form ${r.retainedMB} MB retained, then ${r.warmScanMs} ms a page; snapshot ${sn.arraysMB} MB of arrays + ${sn.stringChars} characters of strings, saved in ${sn.saveMs} ms`,
  );
}

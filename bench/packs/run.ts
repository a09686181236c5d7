/**
 * Many stories, measured (Node): `npm run -s bench:packs [-- --json] [-- --sizes 1,100,1000]`.
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
 *   the bytes stored.
 */
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { compilePacks } from '../../core/pack/recognizer';
import type { Pack } from '../../core/pack/schema';
import { bundledPack } from '../../data/bundled-pack';
import { PackStore } from '../../lib/storage/pack-store';
import { decodeHtml, htmlToVisibleText } from '../../scripts/lib/visible-text';
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
  const packs = syntheticPacks(count);
  const files: Record<string, Uint8Array> = {};
  let jsonBytes = 0;
  for (const p of packs) {
    const bytes = strToU8(JSON.stringify(p));
    jsonBytes += bytes.length;
    files[`${p.pack.id}.json`] = bytes;
  }
  const zip = zipSync(files, { level: 6 });
  const store = await PackStore.open({ bundled: [bundledPack()], name: `bench-${Date.now()}` });
  const t0 = performance.now();
  const outcome = await store.importFile('stories.zip', zip);
  const t1 = performance.now();
  if (!outcome.ok) throw new Error(outcome.error);
  const listed = await store.list();
  const t2 = performance.now();
  const enabled = await store.enabledPacks();
  const t3 = performance.now();
  store.close();
  return {
    stories: count,
    zipMB: mb(zip.length),
    jsonMB: mb(jsonBytes),
    storedMB: mb(listed.filter((p) => p.imported).reduce((n, p) => n + p.bytes, 0)),
    importMs: ms(t1 - t0),
    listMs: ms(t2 - t1),
    loadEnabledMs: ms(t3 - t2),
    installed: outcome.installed.length,
    enabled: enabled.length,
  };
}

const args = process.argv.slice(2);
const sizesArg = args[args.indexOf('--sizes') + 1];
const sizes = args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [1, 100, 1000];
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
    `\nimport of a ${i.stories}-story .zip (${i.zipMB} MB; ${i.jsonMB} MB of JSON): ${i.importMs} ms, ${i.storedMB} MB stored; list ${i.listMs} ms, load enabled packs ${i.loadEnabledMs} ms`,
  );
}

/**
 * The corpus check: recognition stays quiet on real pages about other things.
 * Node only; used by `npm run evaluate -- --corpus` and its test.
 *
 * The corpus (`../shared/corpus`, read in place, never copied; see its
 * README) is a folder of saved HTML pages listed in `index.tsv` (path
 * relative to the folder, the declared `<html lang>`, size in bytes; one
 * header line). None of them is about the dataset's story. Every page is
 * decoded as the `scan` CLI decodes a saved page (`decode-html.ts`), read by
 * the extension's own reader and scanned by its core (`page-dom.ts`), exactly
 * as `evaluate` does for the coverage pages, and counted:
 *
 * - pages judged relevant;
 * - pages with any highlight: the mentions the extension would mark (the core
 *   returns none on a page it judges not relevant, so any highlight here is
 *   a highlight on a page about something else);
 * - events recognized and disputed claims flagged;
 * - ambiguous-alias highlights: mentions through an alias the dataset marks
 *   as ambiguous (a common word, "Merz" the clothing brand);
 * - pages that could not be read (a reader error is a broken page).
 *
 * The right result is 0 for every count; the pages behind a non-zero count
 * are named.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Matcher } from '../../core/recognize/index';
import { decodeHtml } from './decode-html';
import { readHtmlPage } from './page-dom';

export interface CorpusEntry {
  /** Relative to the corpus folder. */
  path: string;
  lang: string;
  bytes: number;
}

/** Reads `index.tsv` of a corpus folder: one entry per page, in index order. */
export async function readCorpusIndex(dir: string): Promise<CorpusEntry[]> {
  const file = path.join(dir, 'index.tsv');
  const lines = (await readFile(file, 'utf8')).split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t');
  if (header[0] !== 'path') throw new Error(`${file}: the first line must be the header "path<TAB>lang<TAB>bytes"`);
  const entries: CorpusEntry[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const [p, lang, bytes] = line.split('\t');
    if (!p) throw new Error(`${file}:${i + 2}: no path`);
    entries.push({ path: p, lang: lang ?? '', bytes: Number(bytes ?? 0) });
  });
  return entries;
}

/** `n` items spread evenly over `items` (every k-th, from the first), or all of them when `n` is not smaller. */
export function evenSample<T>(items: readonly T[], n: number): T[] {
  if (n >= items.length) return [...items];
  if (n <= 0) return [];
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(items[Math.floor((i * items.length) / n)] as T);
  return out;
}

/** One finding on a corpus page. */
export interface CorpusFinding {
  page: string;
  /** What was found: the evidence, the highlighted texts, the event ids, the claims. */
  what: string[];
}

export interface CorpusCheck {
  dir: string;
  /** Pages scanned (the index's pages, or the sample). */
  pages: number;
  /** Pages in the index. */
  indexed: number;
  /** Characters of visible text read, over all pages. */
  characters: number;
  relevant: CorpusFinding[];
  highlighted: CorpusFinding[];
  events: CorpusFinding[];
  claims: CorpusFinding[];
  ambiguous: CorpusFinding[];
  unreadable: CorpusFinding[];
  /** Sum of the counts: 0 is the right result. */
  total: number;
}

export interface CorpusCheckOptions {
  /** Scan only this many pages, spread evenly over the index. */
  sample?: number;
  /** Called after every page (progress). */
  onPage?: (done: number, of: number) => void;
}

/** Scans the pages of a corpus folder as the extension would, and counts what it would show. */
export async function checkCorpus(dir: string, matcher: Matcher, opts: CorpusCheckOptions = {}): Promise<CorpusCheck> {
  const index = await readCorpusIndex(dir);
  const entries = opts.sample === undefined ? index : evenSample(index, opts.sample);
  const check: CorpusCheck = {
    dir,
    pages: entries.length,
    indexed: index.length,
    characters: 0,
    relevant: [],
    highlighted: [],
    events: [],
    claims: [],
    ambiguous: [],
    unreadable: [],
    total: 0,
  };
  let done = 0;
  for (const entry of entries) {
    let read;
    try {
      read = await readHtmlPage(decodeHtml(await readFile(path.join(dir, entry.path))));
    } catch (err) {
      check.unreadable.push({ page: entry.path, what: [(err as Error).message] });
      opts.onPage?.(++done, entries.length);
      continue;
    }
    check.characters += read.text.length;
    const r = matcher.scan(read.text, { page: read.page });
    const page = entry.path;
    if (r.relevant) check.relevant.push({ page, what: [`score ${r.relevance.score}`, ...r.relevance.reasons] });
    if (r.mentions.length)
      check.highlighted.push({ page, what: r.mentions.map((m) => `${m.kind} ${m.id}: "${m.text}"`) });
    const amb = r.mentions.filter((m) => m.ambiguous);
    if (amb.length) check.ambiguous.push({ page, what: amb.map((m) => `${m.id}: "${m.text}"`) });
    if (r.events.length) check.events.push({ page, what: r.events.map((e) => `${e.id} (${e.evidence.join('; ')})`) });
    if (r.claims.length)
      check.claims.push({ page, what: r.claims.map((c) => `${c.aspect} = ${c.value}: "${c.sentence}"`) });
    opts.onPage?.(++done, entries.length);
  }
  check.total = COUNTS.reduce((a, [key]) => a + countOf(check, key), 0);
  return check;
}

type CountKey = 'relevant' | 'highlighted' | 'events' | 'claims' | 'ambiguous' | 'unreadable';

const COUNTS: Array<[CountKey, string]> = [
  ['relevant', 'pages judged relevant'],
  ['highlighted', 'pages with any highlight'],
  ['events', 'events recognized'],
  ['claims', 'disputed claims flagged'],
  ['ambiguous', 'ambiguous-alias highlights'],
  ['unreadable', 'pages that could not be read'],
];

/** The count of one kind: pages for relevant / highlighted / unreadable, findings for the others. */
export function countOf(check: CorpusCheck, key: CountKey): number {
  if (key === 'relevant' || key === 'highlighted' || key === 'unreadable') return check[key].length;
  return check[key].reduce((a, f) => a + f.what.length, 0);
}

const oneLine = (s: string, max = 200) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** The readable report: every count, and the pages behind a non-zero one. */
export function formatCorpusCheck(check: CorpusCheck): string {
  const sampled = check.pages < check.indexed ? ` (an even sample of ${check.indexed})` : '';
  const lines = [
    `Corpus check of ${check.dir}: ${check.pages} pages${sampled}, ${check.characters} characters of visible text`,
    '',
  ];
  for (const [key, label] of COUNTS) {
    lines.push(`  ${label.padEnd(30)} ${countOf(check, key)}`);
    for (const f of check[key]) {
      lines.push(`    ${f.page}`);
      for (const w of f.what) lines.push(`      ${oneLine(w)}`);
    }
  }
  lines.push(
    '',
    check.total === 0 ? 'Quiet on every page: nothing found.' : `${check.total} findings on pages about other things.`,
  );
  return lines.join('\n');
}

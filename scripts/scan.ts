/**
 * Scans files with the recognition core, as the extension would scan a page.
 *
 *   npm run -s scan -- [--json] [--dataset FILE.json] FILE...
 *
 * `.html` / `.htm` files are parsed into a DOM and read by the extension's
 * own reader (`lib/content/page-text.ts`, via `scripts/lib/page-dom.ts`), with what
 * the page says about itself (`lib/content/page-meta.ts`: its published date and
 * title) as the scan's page context, so the CLI reports what the extension
 * would; any other file is read as UTF-8 text, without page context.
 * Default output is a readable report per file; `--json` prints ONE JSON
 * array with an object per file that could be read:
 *   { file, relevant, relevance: { relevant, score, evidence: [...] },
 *     page: { published, title } | null, source, mentions: [{ text, start, end, kind, id, name }],
 *     events: [{ id, title, evidence }],
 *     claims: [{ subject, aspect, value, sentence, start, end, agree, disagree }] }
 * (`name` / `title` are the English canonical names; offsets are into the
 * scanned text, i.e. the visible text for HTML.)
 *
 * Exit codes: 0 all files scanned; 1 some file could not be read (named on
 * stderr; the others are still scanned and reported); 2 usage error.
 * `--dataset` scans with another dataset file instead of the bundled one.
 */
import { readFile } from 'node:fs/promises';
import { bundledDataset } from '../data/index';
import { compileMatcher, type Matcher, type ScanResult } from '../core/recognize/index';
import { parseDataset } from '../core/dataset/validate';
import type { Dataset } from '../core/dataset/schema';
import type { PageContext } from '../core/recognize/index';
import { readHtmlPage } from './lib/page-dom';
import { decodeHtml } from './lib/decode-html';
import { parseCliArgs } from './lib/cli-args';

const USAGE = `Usage: npm run -s scan -- [--json] [--dataset FILE.json] FILE...

Scans .html (visible text) and .txt files for the dataset's people, places,
events and disputed claims, and tells whether each file is about the story.

  --json             one JSON array with an object per file
  --dataset FILE     use this dataset file instead of the bundled one
`;

interface FileReport {
  file: string;
  text: string;
  page: PageContext | null;
  result: ScanResult;
}

function jsonOf(dataset: Dataset, r: FileReport) {
  const entityName = new Map(dataset.entities.map((e) => [e.id, e.name.en]));
  const eventTitle = new Map(dataset.events.map((e) => [e.id, e.title.en]));
  return {
    file: r.file,
    relevant: r.result.relevant,
    relevance: { relevant: r.result.relevant, score: r.result.relevance.score, evidence: r.result.relevance.reasons },
    page: r.page ? { published: r.page.published ?? null, title: r.page.title ?? null } : null,
    source: r.result.source,
    mentions: r.result.mentions.map((m) => ({
      text: m.text,
      start: m.start,
      end: m.end,
      kind: m.kind,
      id: m.id,
      name: (m.kind === 'event' ? eventTitle.get(m.id) : entityName.get(m.id)) ?? m.id,
    })),
    events: r.result.events.map((e) => ({ id: e.id, title: eventTitle.get(e.id) ?? e.id, evidence: e.evidence })),
    claims: r.result.claims.map((c) => ({
      subject: c.subject,
      aspect: c.aspect,
      value: c.value,
      sentence: c.sentence,
      start: c.start,
      end: c.end,
      agree: c.agree,
      disagree: c.disagree,
    })),
  };
}

function oneLine(s: string, max = 220): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function readable(dataset: Dataset, r: FileReport): string {
  const res = r.result;
  const lines: string[] = [`== ${r.file} (${r.text.length} characters)`];
  if (r.page)
    lines.push(`page: published ${r.page.published ?? 'unknown'}, title "${oneLine(r.page.title ?? '', 100)}"`);
  lines.push(`relevant: ${res.relevant ? 'yes' : 'no'} (score ${res.relevance.score})`);
  for (const reason of res.relevance.reasons) lines.push(`  ${reason}`);
  if (!res.relevant) return lines.join('\n');

  const source = res.source ? dataset.sources.find((s) => s.id === res.source) : undefined;
  lines.push(`source: ${source ? `${source.id} — ${source.title} (${source.file})` : 'none'}`);
  for (const q of res.sourceEvidence) lines.push(`  quote: "${oneLine(q, 120)}"`);

  const groups = new Map<string, { label: string; count: number; forms: Set<string>; ambiguous: number }>();
  for (const m of res.mentions) {
    const key = `${m.kind}:${m.id}`;
    let g = groups.get(key);
    if (!g) {
      const name =
        m.kind === 'event'
          ? dataset.events.find((e) => e.id === m.id)?.title.en
          : dataset.entities.find((e) => e.id === m.id)?.name.en;
      g = { label: `${name ?? m.id} [${m.kind} ${m.id}]`, count: 0, forms: new Set(), ambiguous: 0 };
      groups.set(key, g);
    }
    g.count++;
    g.forms.add(m.text.replace(/\s+/g, ' '));
    if (m.ambiguous) g.ambiguous++;
  }
  lines.push(`mentions: ${res.mentions.length}`);
  for (const g of [...groups.values()].sort((a, b) => b.count - a.count)) {
    const amb = g.ambiguous ? `, ${g.ambiguous} ambiguous` : '';
    lines.push(`  ${g.label} ×${g.count}${amb}: ${[...g.forms].map((f) => `"${f}"`).join(', ')}`);
  }
  lines.push(`events: ${res.events.length}`);
  for (const e of res.events) {
    const title = dataset.events.find((x) => x.id === e.id)?.title.en ?? e.id;
    lines.push(`  ${e.id} — ${title}`);
    lines.push(`    ${e.evidence.join('; ')}`);
  }
  lines.push(`disputed claims: ${res.claims.length}`);
  for (const c of res.claims) {
    lines.push(
      `  ${c.aspect} (subject ${c.subject}) → ${c.value}; agree: ${c.agree.join(', ') || '—'}; disagree: ${c.disagree.join(', ') || '—'}`,
    );
    lines.push(`    [${c.start}–${c.end}] "${oneLine(c.sentence)}"`);
  }
  return lines.join('\n');
}

async function readText(file: string): Promise<{ text: string; page: PageContext | null }> {
  const bytes = await readFile(file);
  if (!/\.html?$/i.test(file)) return { text: new TextDecoder('utf-8').decode(bytes), page: null };
  const read = await readHtmlPage(decodeHtml(bytes));
  return { text: read.text, page: read.page };
}

async function main(argv: string[]): Promise<number> {
  const args = parseCliArgs(argv, { flags: ['json'], values: { dataset: 'a file' } });
  if ('error' in args) {
    process.stderr.write(`scan: ${args.error}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const json = args.flags.has('json');
  const datasetFile = args.values.dataset ?? null;
  const files = args.positionals;
  if (files.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }

  let dataset: Dataset;
  try {
    dataset = datasetFile ? parseDataset(JSON.parse(await readFile(datasetFile, 'utf8'))) : bundledDataset;
  } catch (err) {
    process.stderr.write(
      `scan: cannot load the dataset${datasetFile ? ` ${datasetFile}` : ''}: ${(err as Error).message}\n`,
    );
    return 2;
  }
  const matcher: Matcher = compileMatcher(dataset);

  let failed = false;
  const reports: FileReport[] = [];
  for (const file of files) {
    let read: { text: string; page: PageContext | null };
    try {
      read = await readText(file);
    } catch (err) {
      failed = true;
      const e = err as NodeJS.ErrnoException;
      const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.message;
      process.stderr.write(`scan: cannot read ${file}: ${why}\n`);
      continue;
    }
    const { text, page } = read;
    const report = { file, text, page, result: matcher.scan(text, page ? { page } : {}) };
    if (json) reports.push(report);
    else process.stdout.write(`${readable(dataset, report)}\n\n`);
  }
  if (json)
    process.stdout.write(
      `${JSON.stringify(
        reports.map((r) => jsonOf(dataset, r)),
        null,
        2,
      )}\n`,
    );
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`scan: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 2;
  },
);

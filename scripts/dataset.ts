/**
 * The dataset from the command line (`npm run -s dataset -- …`):
 *
 *   (no flag)       readable overview of the bundled dataset: counts, then
 *                   every disagreement with its values, sources and the
 *                   sources that are silent on it
 *   --json          one JSON object: sources, entities, events, aspects,
 *                   claims, conflicts (disputed standings) and agreements
 *                   (undisputed ones)
 *   --check FILE    validates another dataset file; exit 0 when valid, 1 when
 *                   not (one line per error: JSON path and the rule broken)
 *   --help          this text
 *
 * Unknown flags, two modes at once or a stray argument print the usage and
 * exit 2 (parsed by `lib/cli-args.ts`, as `scan` and `evaluate` are).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeStandings, type AspectStanding } from '../core/dataset/conflicts';
import type { Dataset } from '../core/dataset/schema';
import { validateDataset, type DatasetError } from '../core/dataset/validate';
import { parseCliArgs } from './lib/cli-args';

const BUNDLED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data/dataset.json');

const USAGE = `Usage: npm run -s dataset -- [--json | --check FILE | --help]

  (no flag)     overview of the bundled dataset and its disagreements
  --json        the bundled dataset and its computed conflicts as one JSON object
  --check FILE  validate a dataset file (exit 0 valid, 1 invalid)
  --help        show this text
`;

type Loaded = { ok: true; dataset: Dataset } | { ok: false; errors: DatasetError[] };

function load(file: string): Loaded {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, errors: [{ path: '$', message: `cannot be read (${(e as Error).message})` }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    let where = '';
    if (pos && !/line \d+/.test(message)) {
      const before = text.slice(0, Number(pos[1])).split('\n');
      where = `, line ${before.length} column ${(before[before.length - 1] ?? '').length + 1}`;
    }
    return { ok: false, errors: [{ path: '$', message: `must be valid JSON (${message}${where})` }] };
  }
  const result = validateDataset(json);
  return result.ok ? { ok: true, dataset: result.dataset } : { ok: false, errors: result.errors };
}

/** A standing as the CLI reports it (without the redundant `disputed` flag). */
function plain(s: AspectStanding) {
  return { subject: s.subject, aspect: s.aspect, positions: s.positions, silent: s.silent };
}

function counts(d: Dataset, standings: AspectStanding[]): string {
  const disputed = standings.filter((s) => s.disputed).length;
  return (
    `${d.sources.length} sources, ${d.entities.length} entities, ${d.events.length} events, ` +
    `${d.aspects.length} aspects, ${d.claims.length} claims, ${disputed} disagreement${disputed === 1 ? '' : 's'}`
  );
}

function overview(d: Dataset): string {
  const standings = computeStandings(d);
  const sources = new Map(d.sources.map((s) => [s.id, s]));
  const names = new Map<string, string>([
    ...d.entities.map((e) => [e.id, e.name.en] as const),
    ...d.events.map((e) => [e.id, e.title.en] as const),
  ]);
  const aspects = new Map(d.aspects.map((a) => [a.id, a]));
  const claims = new Map(d.claims.map((c) => [c.id, c]));
  const source = (id: string) => {
    const s = sources.get(id);
    if (!s) return id;
    const name = s.publisher ?? s.title;
    return `${id} (${name.length > 40 ? `${name.slice(0, 39)}…` : name})`;
  };

  const lines: string[] = [];
  lines.push(`${d.name}`);
  lines.push(counts(d, standings));
  const kinds = new Map<string, number>();
  for (const e of d.entities) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  lines.push(`entities by kind: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}`);
  lines.push(`agreements (undisputed aspects with claims): ${standings.filter((s) => !s.disputed).length}`);
  lines.push('');
  lines.push('Sources:');
  for (const s of d.sources) {
    const date = s.published ? `${s.published.value} (${s.published.precision})` : 'date unknown';
    lines.push(
      `  ${s.id}  ${s.title}${s.titleSupplied ? ' [title supplied]' : ''} — ${s.publisher ?? 'no publisher named'}, ${date}`,
    );
  }
  const conflicts = standings.filter((s) => s.disputed);
  lines.push('');
  lines.push(`Disagreements (${conflicts.length}):`);
  conflicts.forEach((s, i) => {
    const aspect = aspects.get(s.aspect);
    lines.push('');
    lines.push(`${i + 1}. ${names.get(s.subject) ?? s.subject}: ${aspect?.label.en ?? s.aspect}  [${s.aspect}]`);
    for (const p of s.positions) {
      const label = aspect?.values.find((x) => x.value === p.value)?.label.en ?? p.value;
      lines.push(`   - ${label} [${p.value}]: ${p.sources.map(source).join(', ')}`);
      for (const id of p.claims) {
        const c = claims.get(id);
        if (c) lines.push(`       ${c.source}: “${c.quote}”`);
      }
    }
    lines.push(`   silent: ${s.silent.length ? s.silent.map(source).join(', ') : 'none'}`);
  });
  return lines.join('\n');
}

function main(argv: string[]): number {
  const args = parseCliArgs(argv, {
    flags: ['json'],
    values: { check: 'a file' },
    positionals: { max: 0, what: 'argument' },
  });
  const unknown = (why: string) => {
    process.stderr.write(`${why}: ${argv.join(' ')}\n\n${USAGE}`);
    return 2;
  };
  if ('error' in args) return unknown(`Unknown or incomplete arguments (${args.error})`);
  const json = args.flags.has('json');
  const check = args.values.check;
  if (Number(args.help) + Number(json) + Number(check !== undefined) > 1)
    return unknown('One of --json, --check, --help');
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (check !== undefined) {
    const loaded = load(check);
    if (!loaded.ok) return fail(check, loaded.errors);
    const d = loaded.dataset;
    process.stdout.write(`OK: ${check} is a valid dataset "${d.name}": ${counts(d, computeStandings(d))}\n`);
    return 0;
  }
  const loaded = load(BUNDLED);
  if (!loaded.ok) return fail(BUNDLED, loaded.errors);
  const d = loaded.dataset;
  if (!json) {
    process.stdout.write(overview(d) + '\n');
    return 0;
  }
  const standings = computeStandings(d);
  const out = {
    sources: d.sources,
    entities: d.entities,
    events: d.events,
    aspects: d.aspects,
    claims: d.claims,
    conflicts: standings.filter((s) => s.disputed).map(plain),
    agreements: standings.filter((s) => !s.disputed).map(plain),
  };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  return 0;
}

function fail(file: string, errors: DatasetError[]): number {
  process.stderr.write(`INVALID: ${file} (${errors.length} error${errors.length === 1 ? '' : 's'})\n`);
  for (const e of errors) process.stderr.write(`  ${e.path}: ${e.message}\n`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));

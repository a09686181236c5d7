/**
 * The pack tool's commands (`npm run -s pack -- <command>`); scripts/pack.ts
 * only calls `runPack`. Exit codes: 0 done, 1 the input is invalid or the
 * words are not found, 2 wrong usage.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledPack } from '../../../data/bundled-pack';
import { checkPack, formatCheck, readCorpus } from './check';
import { formatErrors, infos, knownPacks, loadPack, readText, UsageError } from './io';
import { packToJsonLd } from './jsonld';
import { newPack } from './new';
import { findQuote } from './text';

export const USAGE = `Usage: npm run -s pack -- <command>

  new --id ID --title T [--out FILE] [--with PACK]... REPORT...
        a skeleton pack from report files (to FILE or standard output)
  quote REPORT "words"
        the passage of REPORT with these words, exactly as the report writes it
  check PACK [--with PACK]... [--corpus DIR | --no-corpus] [--corpus-limit N]
        validation and a coverage report (exit 1 when invalid)
  build PACK --out FILE [--with PACK]...
        the importable file (validated, migrated, compact)
  export [PACK] --format jsonld [--lang en|de] [--out FILE]
        the claims as schema.org Claim items with Web Annotation quote selectors
        (default: the bundled pack, to standard output)

--with PACK: other packs to reuse entities from and check collisions against
(the bundled pack always counts). The default corpus is ../shared/corpus.
`;

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  cwd: string;
  today: string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEFAULT_CORPUS = path.resolve(ROOT, '../shared/corpus');

interface Parsed {
  flags: Map<string, string[]>;
  bools: Set<string>;
  args: string[];
}

function parse(argv: string[], valued: string[], booleans: string[]): Parsed {
  const flags = new Map<string, string[]>();
  const bools = new Set<string>();
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      if (booleans.includes(a)) bools.add(a);
      else if (valued.includes(a)) {
        const value = argv[++i];
        if (value === undefined) throw new UsageError(`${a} needs a value`);
        flags.set(a, [...(flags.get(a) ?? []), value]);
      } else throw new UsageError(`unknown option ${a}`);
    } else args.push(a);
  }
  return { flags, bools, args };
}

const one = (p: Parsed, flag: string): string | undefined => p.flags.get(flag)?.at(-1);

export function runPack(argv: string[], io: CliIo): number {
  const [command, ...rest] = argv;
  const abs = (f: string) => path.resolve(io.cwd, f);
  const write = (file: string | undefined, text: string) => {
    if (file) writeFileSync(abs(file), text);
    else io.out(text);
  };
  try {
    switch (command) {
      case 'new': {
        const p = parse(rest, ['--id', '--title', '--out', '--with'], []);
        const id = one(p, '--id');
        const title = one(p, '--title');
        if (!id || !title) throw new UsageError('new needs --id and --title');
        const pack = newPack({
          id,
          title,
          reports: p.args.map((f) => ({ file: f, text: readText(abs(f)) })),
          known: knownPacks((p.flags.get('--with') ?? []).map(abs)),
          today: io.today,
        });
        write(one(p, '--out'), `${JSON.stringify(pack, null, 2)}\n`);
        io.err(
          `${pack.sources.length} sources, ${pack.entities.length} candidate entities (${pack.entities.filter((e) => e.key).length} with a key from a known pack). Next: edit the TODOs, add events, questions (aspects) and claims (pack quote), then pack check.\n`,
        );
        return 0;
      }
      case 'quote': {
        const p = parse(rest, [], []);
        const [report, words] = p.args;
        if (!report || !words || p.args.length > 2) throw new UsageError('quote needs REPORT and "words"');
        const matches = findQuote(readText(abs(report)), words);
        if (matches.length === 0) {
          io.err(`not found in ${report}: "${words}"\n`);
          return 1;
        }
        for (const m of matches) io.out(`${m.verbatim}\n`);
        io.err(
          `${matches.length === 1 ? 'found once' : `found ${matches.length} times`}, line ${matches.map((m) => m.line).join(', ')}${matches.some((m) => m.verbatim.includes('\n')) ? ' (spans a line break)' : ''}\n`,
        );
        return 0;
      }
      case 'check': {
        const p = parse(rest, ['--with', '--corpus', '--corpus-limit'], ['--no-corpus', '--json']);
        const [file] = p.args;
        if (!file || p.args.length > 1) throw new UsageError('check needs one PACK');
        const known = knownPacks((p.flags.get('--with') ?? []).map(abs));
        const loaded = loadPack(abs(file), infos(known), io.today);
        if (!loaded.ok) {
          io.err(`${file}: invalid\n${formatErrors(loaded.errors)}\n`);
          return 1;
        }
        const corpusDir = p.bools.has('--no-corpus') ? null : abs(one(p, '--corpus') ?? DEFAULT_CORPUS);
        const limit = Number(one(p, '--corpus-limit') ?? Infinity);
        const corpus = corpusDir && existsSync(corpusDir) ? readCorpus(corpusDir, limit) : null;
        const report = checkPack(loaded.pack, known, corpus);
        if (loaded.migratedFrom < 2)
          io.err(`${file}: a version-${loaded.migratedFrom} file, migrated for this check\n`);
        io.out(p.bools.has('--json') ? `${JSON.stringify(report, null, 2)}\n` : formatCheck(loaded.pack, report));
        return 0;
      }
      case 'build': {
        const p = parse(rest, ['--out', '--with'], []);
        const [file] = p.args;
        const out = one(p, '--out');
        if (!file || !out || p.args.length > 1) throw new UsageError('build needs PACK and --out FILE');
        const known = knownPacks((p.flags.get('--with') ?? []).map(abs));
        const loaded = loadPack(abs(file), infos(known), io.today);
        if (!loaded.ok) {
          io.err(`${file}: invalid\n${formatErrors(loaded.errors)}\n`);
          return 1;
        }
        const json = JSON.stringify(loaded.pack);
        writeFileSync(abs(out), json);
        io.err(
          `${out}: ${loaded.pack.pack.id} revision ${loaded.pack.pack.revision}, ${loaded.pack.claims.length} claims, ${Buffer.byteLength(json)} bytes. Import it in the options page (Story packs).\n`,
        );
        return 0;
      }
      case 'export': {
        const p = parse(rest, ['--format', '--lang', '--out', '--with'], []);
        if (one(p, '--format') !== 'jsonld') throw new UsageError('export needs --format jsonld');
        const lang = one(p, '--lang') ?? 'en';
        if (lang !== 'en' && lang !== 'de') throw new UsageError('--lang must be en or de');
        const [file] = p.args;
        let pack = bundledPack();
        if (file) {
          const loaded = loadPack(abs(file), [], io.today);
          if (!loaded.ok) {
            io.err(`${file}: invalid\n${formatErrors(loaded.errors)}\n`);
            return 1;
          }
          pack = loaded.pack;
        }
        write(one(p, '--out'), `${JSON.stringify(packToJsonLd(pack, lang), null, 2)}\n`);
        return 0;
      }
      case undefined:
      case '--help':
      case 'help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

/**
 * Scores recognition on a labelled folder of real coverage, or checks that it
 * stays quiet on a corpus of pages about other things.
 *
 *   npm run -s evaluate -- [--json] [--dataset FILE.json] [DIR]
 *   npm run -s evaluate -- --corpus [--sample N] [--json] [--dataset FILE.json] [DIR]
 *
 * DIR defaults to `../shared/coverage`, with `--corpus` to `../shared/corpus`.
 * Each page is turned into the page a browser would show (a coverage excerpt)
 * or decoded (a saved corpus page), read by the extension's reader and scanned
 * by its core; see `scripts/lib/evaluation.ts` and `scripts/lib/corpus-check.ts`
 * for what is scored and counted.
 * Exit codes: 0 done (with `--corpus`: nothing found); 1 with `--corpus`:
 * something found on the corpus (the pages are named); 2 usage error or
 * unreadable folder.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundledDataset } from '../data/index';
import { compileMatcher } from '../core/recognize/index';
import { parseDataset } from '../core/dataset/validate';
import type { Dataset } from '../core/dataset/schema';
import { parseCliArgs } from './lib/cli-args';
import { checkCorpus, formatCorpusCheck } from './lib/corpus-check';
import { evaluateFolder, formatEvaluation } from './lib/evaluation';

const USAGE = `Usage: npm run -s evaluate -- [--json] [--dataset FILE.json] [DIR]
       npm run -s evaluate -- --corpus [--sample N] [--json] [--dataset FILE.json] [DIR]

Scores recognition on a labelled folder (pages/*.txt + labels.json, the format
of ../shared/coverage, the default): relevance, persons, events and disputed
claims, per page and in total.

With --corpus, scans every page of a corpus folder (index.tsv + saved HTML
pages about other things, the format of ../shared/corpus, the default) and
counts pages judged relevant, pages with any highlight, events, claims and
ambiguous-alias highlights, naming the pages; all should be 0 (exit 1 if not).

  --json             the whole evaluation as JSON
  --dataset FILE     use this dataset file instead of the bundled one
  --corpus           check a corpus folder instead of scoring a labelled one
  --sample N         with --corpus: only N pages, spread evenly over the index
`;

async function main(argv: string[]): Promise<number> {
  const args = parseCliArgs(argv, {
    flags: ['json', 'corpus'],
    values: { dataset: 'a file', sample: 'a number of pages' },
    positionals: { max: 1, what: 'folder' },
  });
  if ('error' in args) {
    process.stderr.write(`evaluate: ${args.error}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const json = args.flags.has('json');
  const corpus = args.flags.has('corpus');
  const datasetFile = args.values.dataset ?? null;
  let sample: number | undefined;
  if (args.values.sample !== undefined) {
    sample = Number(args.values.sample);
    if (!corpus || !Number.isInteger(sample) || sample < 1) {
      process.stderr.write(`evaluate: --sample needs --corpus and a whole number of pages ≥ 1\n\n${USAGE}`);
      return 2;
    }
  }
  const folder = path.resolve(
    args.positionals[0] ?? path.join(process.cwd(), '..', 'shared', corpus ? 'corpus' : 'coverage'),
  );
  let dataset: Dataset;
  try {
    dataset = datasetFile ? parseDataset(JSON.parse(await readFile(datasetFile, 'utf8'))) : bundledDataset;
  } catch (err) {
    process.stderr.write(`evaluate: cannot load the dataset ${datasetFile ?? ''}: ${(err as Error).message}\n`);
    return 2;
  }
  const matcher = compileMatcher(dataset);

  if (corpus) {
    let check;
    try {
      check = await checkCorpus(folder, matcher, {
        sample,
        onPage: process.stderr.isTTY
          ? (done, of) => process.stderr.write(done === of ? '\r\x1b[K' : `\r${done}/${of} pages`)
          : undefined,
      });
    } catch (err) {
      process.stderr.write(`evaluate: cannot check the corpus ${folder}: ${(err as Error).message}\n`);
      return 2;
    }
    process.stdout.write(json ? `${JSON.stringify(check, null, 2)}\n` : `${formatCorpusCheck(check)}\n`);
    return check.total === 0 ? 0 : 1;
  }

  let evaluation;
  try {
    evaluation = await evaluateFolder(folder, dataset, matcher);
  } catch (err) {
    process.stderr.write(`evaluate: cannot evaluate ${folder}: ${(err as Error).message}\n`);
    return 2;
  }
  process.stdout.write(json ? `${JSON.stringify(evaluation, null, 2)}\n` : `${formatEvaluation(evaluation)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`evaluate: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 2;
  },
);

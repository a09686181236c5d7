/**
 * Scores recognition on a labelled folder of real coverage.
 *
 *   npm run -s evaluate -- [--json] [--dataset FILE.json] [DIR]
 *
 * DIR defaults to `../shared/coverage`. Each excerpt is turned into the page
 * a browser would show, read by the extension's reader and scanned by its
 * core; see `scripts/lib/evaluation.ts` for what is scored and how.
 * Exit codes: 0 done; 2 usage error or unreadable folder.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundledDataset } from '../data/index';
import { compileMatcher } from '../core/recognize/index';
import { parseDataset } from '../core/dataset/validate';
import type { Dataset } from '../core/dataset/schema';
import { evaluateFolder, formatEvaluation } from './lib/evaluation';

const USAGE = `Usage: npm run -s evaluate -- [--json] [--dataset FILE.json] [DIR]

Scores recognition on a labelled folder (pages/*.txt + labels.json, the format
of ../shared/coverage, the default): relevance, persons, events and disputed
claims, per page and in total.

  --json             the whole evaluation as JSON
  --dataset FILE     use this dataset file instead of the bundled one
`;

async function main(argv: string[]): Promise<number> {
  let json = false;
  let datasetFile: string | null = null;
  let dir: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--json') json = true;
    else if (a === '--dataset') {
      const next = argv[++i];
      if (!next) {
        process.stderr.write(`evaluate: --dataset needs a file\n\n${USAGE}`);
        return 2;
      }
      datasetFile = next;
    } else if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE);
      return 0;
    } else if (a === '--') continue;
    else if (a.startsWith('--')) {
      process.stderr.write(`evaluate: unknown option ${a}\n\n${USAGE}`);
      return 2;
    } else if (dir === null) dir = a;
    else {
      process.stderr.write(`evaluate: one folder only\n\n${USAGE}`);
      return 2;
    }
  }
  const folder = path.resolve(dir ?? path.join(process.cwd(), '..', 'shared', 'coverage'));
  let dataset: Dataset;
  try {
    dataset = datasetFile ? parseDataset(JSON.parse(await readFile(datasetFile, 'utf8'))) : bundledDataset;
  } catch (err) {
    process.stderr.write(`evaluate: cannot load the dataset ${datasetFile ?? ''}: ${(err as Error).message}\n`);
    return 2;
  }
  let evaluation;
  try {
    evaluation = await evaluateFolder(folder, dataset, compileMatcher(dataset));
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

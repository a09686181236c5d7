/**
 * How `data/dataset.json` gets into the extension (a Vite plugin, wired in
 * wxt.config.ts): validated at BUILD time, then bundled in the compact,
 * lossless layout of core/dataset/compact.ts, so that the content script
 * carries neither the validator nor the dataset's repeated key names.
 *
 * The build fails, naming the JSON path of every bad field, when the file
 * does not validate; and also when validation would change it (valibot trims
 * strings, for instance), because the extension uses the file as is: the
 * bundled copy must be exactly the validated `Dataset`.
 *
 * Unit tests and node scripts import the JSON directly (data/index.ts); only
 * the extension build goes through this plugin.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { decodeCompact, encodeCompact } from '../../core/dataset/compact';
import { parseDataset } from '../../core/dataset/validate';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATASET_FILE = path.join(ROOT, 'data', 'dataset.json');
const DECODER = path.join(ROOT, 'core', 'dataset', 'compact.ts');
const MODULE_ID = '\0crosscheck:bundled-dataset';

/** The first JSON path where `a` and `b` differ, or null. */
export function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return at;
  if (Array.isArray(a) !== Array.isArray(b)) return at;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) {
    const here = Array.isArray(a) ? `${at}[${key}]` : `${at}.${key}`;
    if (Object.hasOwn(ra, key) !== Object.hasOwn(rb, key)) return here;
    const diff = firstDifference(ra[key], rb[key], here);
    if (diff) return diff;
  }
  return null;
}

/**
 * The JS module that stands for the dataset file in the extension build.
 * Throws a `DatasetValidationError` (every bad field with its JSON path) when
 * `json` is not a valid dataset, and an `Error` naming the path when
 * validation changes it or the compact layout would not give it back exactly.
 */
export function bundledDatasetModule(json: unknown, decoder = DECODER): string {
  const dataset = parseDataset(json);
  const changed = firstDifference(dataset, json);
  if (changed) {
    throw new Error(
      `data/dataset.json: ${changed} differs from its validated form (surrounding whitespace?); ` +
        'the extension bundles the file as is, so it must be stored exactly as validated',
    );
  }
  const compact = encodeCompact(json);
  const lost = firstDifference(decodeCompact(compact), json);
  if (lost) throw new Error(`data/dataset.json: the compact layout does not round-trip at ${lost}`);
  return [
    `import { parseCompact } from ${JSON.stringify(decoder)};`,
    `export default /* @__PURE__ */ parseCompact(${JSON.stringify(JSON.stringify(compact))});`,
    '',
  ].join('\n');
}

export function bundledDatasetPlugin(): Plugin {
  return {
    name: 'crosscheck:bundled-dataset',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('dataset.json')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && path.resolve(resolved.id) === DATASET_FILE ? MODULE_ID : null;
    },
    load(id) {
      if (id !== MODULE_ID) return null;
      this.addWatchFile(DATASET_FILE);
      return bundledDatasetModule(JSON.parse(readFileSync(DATASET_FILE, 'utf8')));
    },
  };
}

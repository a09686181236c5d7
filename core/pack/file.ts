/**
 * Pack files as the options page receives them: bytes in, the parsed JSON of
 * one or more packs out (not validated yet: see validate.ts), or a clear
 * error. Pure module (fflate is plain JavaScript).
 *
 * - `.json`: one pack (or a version-1 dataset, migrated later);
 * - `.zip` with `manifest.json` (the manifest: the `pack` object, or a file
 *   `{ "pack": … }`) and `dataset.json` beside it: one pack;
 * - `.zip` with `*.json` pack files and no `manifest.json`: several packs,
 *   imported all or none (a collection, e.g. a newsroom's stories).
 * Folders inside the zip are ignored (the first level that has JSON files counts).
 */
import { strFromU8, unzipSync } from 'fflate';

/** Uncompressed bytes a zip may unpack to; a larger one is refused before it is inflated. */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

export interface PackFileEntry {
  /** Where it came from: the file name, or `archive.zip/inner.json`. */
  name: string;
  value: unknown;
  /** Its JSON's size in bytes (UTF-8, as in the file; a manifest and dataset pair: both). */
  bytes: number;
}

export type PackFileResult = { ok: true; packs: PackFileEntry[] } | { ok: false; error: string };

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function parseJson(name: string, text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    return { ok: false, error: `${name}: not valid JSON (${(e as Error).message})` };
  }
}

export function readPackFile(name: string, bytes: Uint8Array): PackFileResult {
  if (!isZip(bytes)) {
    if (/\.zip$/i.test(name)) return { ok: false, error: `${name}: not a zip archive` };
    const parsed = parseJson(name, strFromU8(bytes));
    return parsed.ok ? { ok: true, packs: [{ name, value: parsed.value, bytes: bytes.length }] } : parsed;
  }
  let files: Record<string, Uint8Array>;
  let total = 0;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!/\.json$/i.test(f.name) || f.name.startsWith('__MACOSX/')) return false;
        total += f.originalSize;
        if (total > MAX_UNZIPPED_BYTES) throw new Error(`unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MiB`);
        return true;
      },
    });
  } catch (e) {
    return { ok: false, error: `${name}: cannot be unpacked (${(e as Error).message})` };
  }
  const names = Object.keys(files);
  const depth = (n: string) => n.split('/').length;
  const top = Math.min(...names.map(depth));
  const level = names.filter((n) => depth(n) === top).sort();
  if (level.length === 0) return { ok: false, error: `${name}: holds no .json file` };
  const read = (inner: string) => parseJson(`${name}/${inner}`, strFromU8(files[inner]!));
  const manifestName = level.find((n) => /(^|\/)manifest\.json$/i.test(n));
  if (manifestName) {
    const datasetName = level.find((n) => /(^|\/)dataset\.json$/i.test(n));
    if (!datasetName) return { ok: false, error: `${name}: has manifest.json but no dataset.json beside it` };
    const manifest = read(manifestName);
    if (!manifest.ok) return manifest;
    const dataset = read(datasetName);
    if (!dataset.ok) return dataset;
    const m = manifest.value;
    const pack = typeof m === 'object' && m !== null && 'pack' in m ? (m as { pack: unknown }).pack : m;
    if (typeof dataset.value !== 'object' || dataset.value === null || Array.isArray(dataset.value))
      return { ok: false, error: `${name}/${datasetName}: must be a JSON object` };
    const bytes = files[manifestName]!.length + files[datasetName]!.length;
    return { ok: true, packs: [{ name: `${name}/${manifestName}`, value: { pack, ...dataset.value }, bytes }] };
  }
  const packs: PackFileEntry[] = [];
  for (const inner of level) {
    const parsed = read(inner);
    if (!parsed.ok) return parsed;
    packs.push({ name: `${name}/${inner}`, value: parsed.value, bytes: files[inner]!.length });
  }
  return { ok: true, packs };
}

/** Files for the pack tool (Node): reading packs and reports, the packs a new pack is checked against. */
import { readFileSync } from 'node:fs';
import type { DatasetError } from '../../../core/dataset/validate';
import { readPackFile } from '../../../core/pack/file';
import type { Pack } from '../../../core/pack/schema';
import { installedInfo, validatePack, type InstalledPackInfo } from '../../../core/pack/validate';
import { bundledPack } from '../../../data/bundled-pack';

export class UsageError extends Error {}

export type Loaded = { ok: true; pack: Pack; migratedFrom: number } | { ok: false; errors: DatasetError[] };

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new UsageError(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** A pack file (.json or .zip), validated against `others`. */
export function loadPack(file: string, others: readonly InstalledPackInfo[] = [], today?: string): Loaded {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return { ok: false, errors: [{ path: '$', message: `cannot be read (${(e as Error).message})` }] };
  }
  const read = readPackFile(file, bytes);
  if (!read.ok) return { ok: false, errors: [{ path: '$', message: read.error }] };
  if (read.packs.length !== 1)
    return { ok: false, errors: [{ path: '$', message: `must hold one pack (holds ${read.packs.length})` }] };
  const r = validatePack(read.packs[0]!.value, today ? { installed: others, today } : { installed: others });
  return r.ok ? { ok: true, pack: r.pack, migratedFrom: r.migratedFrom } : r;
}

/** The bundled pack and the packs given with `--with`, validated (a bad one is a usage error). */
export function knownPacks(files: readonly string[]): Pack[] {
  const packs: Pack[] = [bundledPack()];
  for (const f of files) {
    const r = loadPack(f);
    if (!r.ok) throw new UsageError(`${f}: not a valid pack (${r.errors[0]!.path}: ${r.errors[0]!.message})`);
    packs.push(r.pack);
  }
  return packs;
}

export const infos = (packs: readonly Pack[], except?: string): InstalledPackInfo[] =>
  packs.filter((p) => p.pack.id !== except).map(installedInfo);

export const formatErrors = (errors: readonly DatasetError[]): string =>
  errors.map((e) => `${e.path}: ${e.message}`).join('\n');

/**
 * Pack format versions and the migrations between them. Pure module.
 *
 * - Version 1: the bare dataset of core/dataset/schema.ts (`version: 1`, a
 *   `name`, no manifest): the bundled `data/dataset.json` and every dataset
 *   exported before packs existed.
 * - Version 2: the dataset with a `pack` manifest (manifest.ts).
 *
 * `migratePack` brings an older file up to `PACK_SCHEMA_VERSION`, one step at
 * a time; each step is a pure function with its own test. It only reshapes:
 * validation comes after it (validate.ts).
 */
import { foldName } from '../dataset/fold';
import { PACK_SCHEMA_VERSION } from './manifest';

export interface MigrateOptions {
  /** Today, YYYY-MM-DD: the `created` date of a manifest made for a version-1 file. */
  today: string;
}

export type MigrateResult =
  { ok: true; value: Record<string, unknown>; from: number } | { ok: false; path: string; message: string };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A pack id made from a dataset name: folded, slugged, at most 64 characters, cut at a hyphen. */
export function slugOf(name: string): string {
  let slug = foldName(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > 64) slug = slug.slice(0, 64).replace(/-[^-]*$/, '');
  return slug.length >= 3 && slug !== 'key' ? slug : `dataset-${slug || 'unnamed'}`.slice(0, 64);
}

/** 1 → 2: wrap the bare dataset with a manifest made from what it says about itself. */
export function migrate1to2(data: Record<string, unknown>, options: MigrateOptions): Record<string, unknown> {
  const name = typeof data.name === 'string' && data.name.trim() ? data.name.trim() : 'Imported dataset';
  const languages: string[] = [];
  for (const s of Array.isArray(data.sources) ? data.sources : []) {
    const lang = isRecord(s) ? s.language : undefined;
    if ((lang === 'de' || lang === 'en') && !languages.includes(lang)) languages.push(lang);
  }
  return {
    pack: {
      id: slugOf(name),
      title: { de: name, en: name },
      revision: 1,
      schemaVersion: 2,
      languages: languages.length ? languages : ['de'],
      created: options.today,
      license: 'not stated',
      attribution: 'not stated',
      homepage: null,
    },
    ...data,
  };
}

/** Migration from version N to N + 1, by N. */
const MIGRATIONS: Record<number, (data: Record<string, unknown>, options: MigrateOptions) => Record<string, unknown>> =
  {
    1: migrate1to2,
  };

/** The format version of a parsed file, or an error naming where it is unreadable. */
export function schemaVersionOf(data: Record<string, unknown>): MigrateResult | number {
  if (!Object.hasOwn(data, 'pack')) {
    if (data.version === 1) return 1;
    return { ok: false, path: '$.pack', message: 'is required (a pack manifest, or a dataset with "version": 1)' };
  }
  if (!isRecord(data.pack)) return { ok: false, path: '$.pack', message: 'must be an object' };
  const version = data.pack.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 2)
    return { ok: false, path: '$.pack.schemaVersion', message: `must be an integer from 2 to ${PACK_SCHEMA_VERSION}` };
  return version;
}

export function migratePack(input: Record<string, unknown>, options: MigrateOptions): MigrateResult {
  const from = schemaVersionOf(input);
  if (typeof from !== 'number') return from;
  if (from > PACK_SCHEMA_VERSION)
    return {
      ok: false,
      path: '$.pack.schemaVersion',
      message: `must be at most ${PACK_SCHEMA_VERSION} (this pack needs a newer Crosscheck)`,
    };
  let value = input;
  for (let version = from; version < PACK_SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, path: '$.pack.schemaVersion', message: `has no migration from ${version}` };
    value = step(value, options);
  }
  return { ok: true, value, from };
}

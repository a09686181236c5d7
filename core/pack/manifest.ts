/**
 * A pack's manifest: what a story pack is, who made it and which revision it
 * is. The pack file is a dataset (core/dataset/schema.ts) with this manifest
 * in a top-level `pack` field; see `schema.ts`. Pure module.
 */
import * as v from 'valibot';
import { isCalendarDate, LANGS, LocalizedSchema } from '../dataset/schema';

/** The pack format this code reads and writes. Version 1 is the bare dataset, without a manifest. */
export const PACK_SCHEMA_VERSION = 2;

/** Pack ids that cannot be used: they name things of the merged dictionary (see merge.ts). */
export const RESERVED_PACK_IDS: readonly string[] = ['key'];

const nonEmpty = v.pipe(v.string('must be a string'), v.trim(), v.nonEmpty('must not be empty'));

/** Pack ids: 3–64 characters, lowercase ASCII letters, digits and single hyphens. */
export const PackIdSchema = v.pipe(
  v.string('must be a string'),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug (a-z, 0-9, single hyphens)'),
  v.minLength(3, 'must be at least 3 characters'),
  v.maxLength(64, 'must be at most 64 characters'),
  v.check((id) => !RESERVED_PACK_IDS.includes(id), `must not be a reserved word (${RESERVED_PACK_IDS.join(', ')})`),
);

export const PackManifestSchema = v.strictObject({
  id: PackIdSchema,
  /** The story's title in both interface languages. */
  title: LocalizedSchema,
  /** Raised by the author with every published change; a higher revision updates an installed pack. */
  revision: v.pipe(
    v.number('must be a number'),
    v.integer('must be an integer'),
    v.minValue(1, 'must be at least 1'),
    v.maxValue(Number.MAX_SAFE_INTEGER, 'must be a safe integer'),
  ),
  schemaVersion: v.literal(PACK_SCHEMA_VERSION, `must be ${PACK_SCHEMA_VERSION}`),
  /** Languages of the pack's reports. */
  languages: v.pipe(
    v.array(v.picklist(LANGS, 'must be "de" or "en"'), 'must be an array of languages'),
    v.minLength(1, 'must list at least one language'),
    v.check((list) => new Set(list).size === list.length, 'must not list a language twice'),
  ),
  /** The day the revision was made, YYYY-MM-DD. */
  created: v.pipe(
    v.string('must be a string'),
    v.check((d) => d.length === 10 && isCalendarDate(d), 'must be a date YYYY-MM-DD'),
  ),
  /** The licence of the pack's own texts (summaries, descriptions), e.g. "CC-BY-4.0". */
  license: nonEmpty,
  /** Who made the pack. */
  attribution: nonEmpty,
  /** Shown to the reader as text, never fetched. */
  homepage: v.nullable(
    v.pipe(nonEmpty, v.regex(/^https?:\/\/[^\s/]+\S*$/, 'must be an http(s) address or null'), v.maxLength(2000)),
  ),
});
export type PackManifest = v.InferOutput<typeof PackManifestSchema>;

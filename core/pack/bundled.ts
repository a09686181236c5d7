/**
 * The bundled pack is assembled from two files, so that the dataset file
 * stays as it is: `data/dataset.json` (the dataset, edited by hand) and
 * `data/pack.json` (its manifest, and the entity keys by entity id). Pure
 * module: the caller passes both parsed files.
 */
import * as v from 'valibot';
import type { Dataset } from '../dataset/schema';
import { EntityKeySchema, IdSchema } from '../dataset/schema';
import type { DatasetError } from '../dataset/validate';
import { validatePack, type PackValidation } from './validate';

const WrapperSchema = v.strictObject({
  pack: v.unknown(),
  keys: v.record(IdSchema, EntityKeySchema),
});

/** Dataset + wrapper → the pack file (not yet validated). Unknown entity ids in `keys` are errors. */
export function assemblePack(dataset: Dataset | Record<string, unknown>, wrapper: unknown): PackValidation {
  const parsed = v.safeParse(WrapperSchema, wrapper);
  if (!parsed.success) {
    const issue = parsed.issues[0]!;
    const path = (issue.path ?? []).map((p) => `.${String(p.key)}`).join('');
    return { ok: false, errors: [{ path: `data/pack.json $${path}`, message: issue.message }] };
  }
  const { pack, keys } = parsed.output;
  const entities = Array.isArray(dataset.entities) ? (dataset.entities as Record<string, unknown>[]) : [];
  const known = new Set(entities.map((e) => e.id));
  const errors: DatasetError[] = Object.keys(keys)
    .filter((id) => !known.has(id))
    .map((id) => ({ path: `data/pack.json $.keys.${id}`, message: 'must name an entity id of the dataset' }));
  if (errors.length) return { ok: false, errors };
  const withKeys = entities.map((e) => {
    const key = keys[e.id as string];
    if (key === undefined) return e;
    const { id, kind, ...rest } = e;
    return { id, kind, key, ...rest };
  });
  return validatePack({ pack, ...dataset, entities: withKeys });
}

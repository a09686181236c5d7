/**
 * The pack file: a dataset (core/dataset/schema.ts, unchanged) with the
 * manifest (`manifest.ts`) in a top-level `pack` field. Composition, not a
 * copy: the dataset part is validated by `validateDataset`, the manifest by
 * its own schema, and the pack rules (`validate.ts`) hold between them.
 *
 * ```json
 * { "pack": { "id": "…", "title": {…}, "revision": 3, "schemaVersion": 2, … },
 *   "version": 1, "name": "…", "sources": […], "entities": […], … }
 * ```
 *
 * Pure module.
 */
import type { Dataset } from '../dataset/schema';
import type { PackManifest } from './manifest';

export type Pack = Dataset & { pack: PackManifest };

/** Item counts shown in the options page. */
export interface PackCounts {
  sources: number;
  entities: number;
  events: number;
  aspects: number;
  claims: number;
}

export function packCounts(p: Dataset): PackCounts {
  return {
    sources: p.sources.length,
    entities: p.entities.length,
    events: p.events.length,
    aspects: p.aspects.length,
    claims: p.claims.length,
  };
}

/** The dataset part of a pack (without the manifest). */
export function datasetOf(p: Pack): Dataset {
  const { pack: _manifest, ...dataset } = p;
  return dataset;
}

/**
 * The bundled dataset as the first pack: `dataset.json` with the manifest and
 * entity keys of `pack.json` (core/pack/bundled.ts). Validated when first
 * used; the unit tests check that it validates (data/__tests__/bundled-pack.test.ts).
 */
import { assemblePack } from '../core/pack/bundled';
import type { Pack } from '../core/pack/schema';
import { DatasetValidationError } from '../core/dataset/validate';
import { bundledDataset } from './index';
import wrapper from './pack.json';

let cached: Pack | null = null;

export function bundledPack(): Pack {
  if (cached) return cached;
  const result = assemblePack(bundledDataset, wrapper);
  if (!result.ok) throw new DatasetValidationError(result.errors);
  cached = result.pack;
  return cached;
}

/**
 * The dataset that ships with the extension: `dataset.json`, as is.
 *
 * It is not validated at run time: the build validates it (and fails, naming
 * the JSON path of every bad field) before bundling it in a compact layout,
 * and the unit tests validate it too (data/__tests__/dataset.test.ts),
 * including that validation leaves it unchanged, so the file IS the
 * validated `Dataset`. See scripts/lib/bundled-dataset.ts. Datasets a user
 * imports are validated when they are imported (lib/storage/dataset-store.ts).
 */
import { indexDataset, type DatasetIndex } from '../core/dataset/index';
import type { Dataset } from '../core/dataset/schema';
import raw from './dataset.json';

export const bundledDataset = raw as Dataset;

/** The typed index over the bundled dataset (built on first use). */
export function bundledIndex(): DatasetIndex {
  return indexDataset(bundledDataset);
}

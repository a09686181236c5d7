/**
 * The dataset that ships with the extension: `dataset.json`, validated once at
 * load (a broken bundle fails loudly at build and test time, never silently
 * at run time).
 */
import { indexDataset, type DatasetIndex } from '../core/dataset/index';
import type { Dataset } from '../core/dataset/schema';
import { parseDataset } from '../core/dataset/validate';
import raw from './dataset.json';

export const bundledDataset: Dataset = parseDataset(raw);

/** The typed index over the bundled dataset (built on first use). */
export function bundledIndex(): DatasetIndex {
  return indexDataset(bundledDataset);
}

/**
 * A cheap structural check for a dataset that was fully validated before it
 * was stored (`validateDataset` when the user imported it, and again after
 * every extension update; see lib/storage/dataset-store.ts). It does not replace that
 * validation: it only keeps something that is plainly not a dataset of this
 * format (an older format, a value edited by hand) from reaching the
 * recognizer, so that the content script need not bundle the validator.
 *
 * Pure module: no DOM, no browser API.
 */
import type { Dataset } from './schema';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

const COLLECTIONS = ['sources', 'entities', 'events', 'aspects', 'claims'] as const;

export function looksLikeDataset(x: unknown): x is Dataset {
  return (
    isRecord(x) &&
    x.version === 1 &&
    typeof x.name === 'string' &&
    COLLECTIONS.every((key) => {
      const list = x[key];
      return Array.isArray(list) && list.every((item) => isRecord(item) && typeof item.id === 'string');
    })
  );
}

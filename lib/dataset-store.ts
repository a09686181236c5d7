/**
 * Which dataset is active: one the user imported (kept in `storage.local`),
 * else the bundled one. An import is validated first and stored only when it
 * is valid, so a malformed file never replaces the last good data; a stored
 * dataset that no longer validates (edited by hand, older format) is ignored
 * with a console warning and the bundled one is used.
 */
import { storage } from 'wxt/utils/storage';
import type { Dataset } from '../core/dataset/schema';
import { validateDataset } from '../core/dataset/validate';
import { bundledDataset } from '../data/index';

const importedItem = storage.defineItem<unknown>('local:imported-dataset');

export type ImportResult = { ok: true; name: string } | { ok: false; error: string };

export async function importDataset(text: string): Promise<ImportResult> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not valid JSON (${(e as Error).message})` };
  }
  const result = validateDataset(json);
  if (!result.ok) {
    const first = result.errors[0]!;
    const more = result.errors.length > 1 ? ` (+${result.errors.length - 1} more)` : '';
    return { ok: false, error: `${first.path}: ${first.message}${more}` };
  }
  await importedItem.setValue(json);
  return { ok: true, name: result.dataset.name };
}

export async function resetToBundled(): Promise<void> {
  await importedItem.removeValue();
}

export async function loadActiveDataset(): Promise<{ dataset: Dataset; imported: boolean }> {
  const stored = await importedItem.getValue().catch(() => null);
  if (stored !== null && stored !== undefined) {
    const result = validateDataset(stored);
    if (result.ok) return { dataset: result.dataset, imported: true };
    console.warn('Crosscheck: the imported dataset is invalid, using the bundled one:', result.errors[0]);
  }
  return { dataset: bundledDataset, imported: false };
}

/** Calls `cb` when the user imports or resets a dataset. */
export function watchActiveDataset(cb: () => void): () => void {
  return importedItem.watch(() => cb());
}

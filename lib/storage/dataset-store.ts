/**
 * Which dataset is active: one the user imported (kept in `storage.local`),
 * else the bundled one.
 *
 * Storage only ever holds a dataset that passed `validateDataset`: an import
 * is validated first and stored (in its validated form) only when it is
 * valid, so a malformed file never replaces the last good data; and after
 * every install or update the background validates the stored dataset again
 * with the new version's rules (`recheckImportedDataset`) and drops one that
 * no longer validates, with a console warning. Readers (the content script,
 * the popup, the options page) therefore need no validator: they check only
 * that the stored value is shaped like a dataset (`looksLikeDataset`) and
 * otherwise use the bundled one.
 */
import { storage } from 'wxt/utils/storage';
import { looksLikeDataset } from '../../core/dataset/guard';
import type { Dataset } from '../../core/dataset/schema';
import { validateDataset } from '../../core/dataset/validate';
import { bundledDataset } from '../../data/index';

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
  await importedItem.setValue(result.dataset);
  return { ok: true, name: result.dataset.name };
}

export async function resetToBundled(): Promise<void> {
  await importedItem.removeValue();
}

export async function loadActiveDataset(): Promise<{ dataset: Dataset; imported: boolean }> {
  const stored = await importedItem.getValue().catch(() => null);
  if (stored !== null) {
    if (looksLikeDataset(stored)) return { dataset: stored, imported: true };
    console.warn('Crosscheck: the imported dataset is not a dataset of this format, using the bundled one');
  }
  return { dataset: bundledDataset, imported: false };
}

/**
 * Validates the stored dataset with this version's rules (run by the
 * background after every install or update): a valid one is stored again in
 * its validated form, one that no longer validates (an older format) is
 * removed with a console warning that names the first bad field, and the
 * bundled dataset is used, as it already was for it.
 */
export async function recheckImportedDataset(): Promise<void> {
  const stored = await importedItem.getValue();
  if (stored === null) return;
  const result = validateDataset(stored);
  if (result.ok) {
    if (JSON.stringify(result.dataset) !== JSON.stringify(stored)) await importedItem.setValue(result.dataset);
    return;
  }
  const first = result.errors[0]!;
  console.warn(`Crosscheck: the imported dataset is invalid (${first.path}: ${first.message}), using the bundled one`);
  await importedItem.removeValue();
}

/** Calls `cb` when the user imports or resets a dataset. */
export function watchActiveDataset(cb: () => void): () => void {
  return importedItem.watch(() => cb());
}

/**
 * Versioned migrations of what the extension keeps, run by the background at
 * its start before the first compile (`local:store-version`, one step per
 * version, each with its test).
 *
 * 1 → 2, one store: before story packs, the options page's Data section kept
 * ONE imported dataset in `storage.local` (`imported-dataset`, the bare
 * dataset of format version 1). It moves into the pack store as an imported
 * pack (migrated 1 → 2 by the pack format's own migration, validated like
 * every import), and the old item is removed only once the pack is stored. A
 * dataset that does not validate, or a failed write (a full disk), leaves
 * the old item where it was and the version at 1, with a console warning
 * naming the reason: nothing is lost, and the next start tries again. A
 * migrated dataset whose id is taken (an import of the bundled dataset itself)
 * gets the id `<id>-imported`.
 */
import { storage } from 'wxt/utils/storage';
import { migrate1to2 } from '../../core/pack/migrate';
import type { PackStore } from './pack-store';

export const STORE_VERSION = 2;
const versionItem = storage.defineItem<number>('local:store-version', { fallback: 1 });
/** The Data section's item (removed with it). */
const legacyDataset = storage.defineItem<unknown>('local:imported-dataset');

export interface MigrationReport {
  from: number;
  to: number;
  /** Id of the pack the old imported dataset became. */
  moved: string | null;
  /** Why a step could not be done (the data stays where it was). */
  error: string | null;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

async function oneStore(packs: PackStore, today: string): Promise<{ moved: string | null; error: string | null }> {
  const old = await legacyDataset.getValue();
  if (old === null) return { moved: null, error: null };
  if (!isRecord(old)) return { moved: null, error: 'the stored dataset is not an object' };
  const value = Object.hasOwn(old, 'pack') ? old : migrate1to2(old, { today });
  const manifest = value.pack as Record<string, unknown>;
  const installed = new Set((await packs.list()).map((p) => p.id));
  if (typeof manifest.id === 'string' && installed.has(manifest.id)) {
    value.pack = { ...manifest, id: `${manifest.id}-imported`.slice(0, 64) };
  }
  const outcome = await packs.importValues([{ name: 'imported-dataset', value }]);
  if (!outcome.ok) return { moved: null, error: outcome.error };
  await legacyDataset.removeValue();
  return { moved: outcome.installed[0]?.id ?? null, error: null };
}

export async function migrateStores(packs: PackStore, today = new Date().toISOString().slice(0, 10)) {
  const from = await versionItem.getValue();
  const report: MigrationReport = { from, to: from, moved: null, error: null };
  if (from < 2) {
    const step = await oneStore(packs, today);
    report.moved = step.moved;
    report.error = step.error;
    if (step.error) {
      console.warn(`Crosscheck: the dataset imported before packs stays where it was: ${step.error}`);
      return report;
    }
    await versionItem.setValue(2);
    report.to = 2;
  }
  return report;
}

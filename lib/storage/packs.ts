/**
 * The extension's pack store (pack-store.ts) with the bundled packs, and a
 * change signal for every context: IndexedDB has no change events across
 * pages, so every change also bumps `local:packs-changed` in
 * `storage.local`, which the background (to recompile its matcher) and open
 * options pages watch.
 */
import { storage } from 'wxt/utils/storage';
import { bundledPack } from '../../data/bundled-pack';
import { BUILD_ID } from './build-id';
import { PackStore, type SavedCompile } from './pack-store';

const changed = storage.defineItem<number>('local:packs-changed', { fallback: 0 });

export function openPacks(): Promise<PackStore> {
  return PackStore.open({ bundled: [bundledPack()], onChange: () => void changed.setValue(Date.now()) });
}

/** Calls `cb` after any context changed the installed packs. */
export function watchPacks(cb: () => void): () => void {
  return changed.watch(() => cb());
}

/**
 * The form of what the background saves of a compile (core/pack/recognizer.ts
 * `PacksSnapshot` and pack-store.ts `SavedCompile`). Raise it when that form
 * changes; the build id changes with the code anyway, this says so in the key.
 */
export const SNAPSHOT_FORMAT = 2;

/** What a saved compile must have been made by to be restored: this form, this build, this version. */
export function snapshotSalt(version: string, build: string = BUILD_ID): string {
  return `snapshot ${SNAPSHOT_FORMAT} · build ${build} · version ${version}`;
}

/**
 * The background's saved compile in the pack store (see `RecognitionService`'s
 * `CompiledCache`), keyed by the snapshot's form, the build's own id (a hash
 * of the background's code, so that a dev rebuild with the same version
 * compiles anew: scripts/lib/build-id.ts), the extension's version and a hash
 * of the enabled packs' ids and revisions.
 */
export function compiledCache(store: Promise<PackStore>, version: string, build: string = BUILD_ID) {
  const salt = snapshotSalt(version, build);
  return {
    key: async () => (await store).enabledKey(salt),
    load: async (key: string) => (await store).loadCompiled(key),
    save: async (key: string, saved: SavedCompile) => (await store).saveCompiled(key, saved),
    loadPack: async (id: string) => (await store).get(id),
  };
}

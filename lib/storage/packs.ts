/**
 * The extension's pack store (pack-store.ts) with the bundled packs, and a
 * change signal for every context: IndexedDB has no change events across
 * pages, so every change also bumps `local:packs-changed` in
 * `storage.local`, which the background (to recompile its matcher) and open
 * options pages watch.
 */
import { storage } from 'wxt/utils/storage';
import { bundledPack } from '../../data/bundled-pack';
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
 * The background's saved compile in the pack store (see `RecognitionService`'s
 * `CompiledCache`), keyed by the enabled packs and `salt` (the extension's
 * version: a new version compiles anew).
 */
export function compiledCache(store: Promise<PackStore>, salt: string) {
  return {
    key: async () => (await store).enabledKey(salt),
    load: async (key: string) => (await store).loadCompiled(key),
    save: async (key: string, saved: SavedCompile) => (await store).saveCompiled(key, saved),
    loadPack: async (id: string) => (await store).get(id),
  };
}

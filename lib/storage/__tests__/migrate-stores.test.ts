import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import raw from '../../../data/dataset.json';
import { bundledPack } from '../../../data/bundled-pack';
import { PackStore } from '../pack-store';
import { migrateStores, STORE_VERSION } from '../migrate-stores';

let n = 0;
let store: PackStore;
const local = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];
const oldDataset = (name: string) => ({ ...(JSON.parse(JSON.stringify(raw)) as typeof raw), name });

describe('store migration 1 → 2: the Data section’s dataset becomes a pack', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    store = await PackStore.open({ bundled: [bundledPack()], name: `migrate-${n++}` });
  });
  afterEach(() => {
    store.close();
    vi.restoreAllMocks();
  });

  it('moves an imported dataset into the pack store once, then removes the old item', async () => {
    await fakeBrowser.storage.local.set({ 'imported-dataset': oldDataset('Meine Daten') });
    const report = await migrateStores(store, '2026-12-01');
    expect(report).toEqual({ from: 1, to: STORE_VERSION, moved: 'meine-daten', error: null });
    const listed = await store.list();
    expect(listed.map((p) => p.id)).toEqual([bundledPack().pack.id, 'meine-daten']);
    expect(listed[1]).toMatchObject({ imported: true, enabled: true, revision: 1, title: { de: 'Meine Daten' } });
    expect((await store.get('meine-daten'))?.claims).toHaveLength(raw.claims.length);
    expect(await local('imported-dataset')).toBeUndefined();
    expect(await local('store-version')).toBe(2);
    // Once: a second start changes nothing.
    expect(await migrateStores(store)).toEqual({ from: 2, to: 2, moved: null, error: null });
    expect(await store.list()).toHaveLength(2);
  });

  it('gives a dataset whose id is taken (the bundled one imported again) its own id', async () => {
    const bundled = bundledPack();
    await fakeBrowser.storage.local.set({ 'imported-dataset': { ...oldDataset('x'), pack: { ...bundled.pack } } });
    const report = await migrateStores(store, '2026-12-01');
    expect(report.moved).toBe(`${bundled.pack.id}-imported`);
  });

  it('only marks the version when nothing was imported before', async () => {
    expect(await migrateStores(store)).toEqual({ from: 1, to: 2, moved: null, error: null });
    expect(await store.list()).toHaveLength(1);
  });

  it('leaves an invalid dataset where it was, and tries again at the next start', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bad = oldDataset('Kaputt');
    bad.claims[0]!.source = 'nowhere';
    await fakeBrowser.storage.local.set({ 'imported-dataset': bad });
    const report = await migrateStores(store, '2026-12-01');
    expect(report.to).toBe(1);
    expect(report.error).toMatch(/\$\.claims\[0\]\.source/);
    expect(warn).toHaveBeenCalledOnce();
    expect(await local('imported-dataset')).toEqual(bad);
    expect(await local('store-version')).toBeUndefined();
    expect(await store.list()).toHaveLength(1);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import raw from '../../../data/dataset.json';
import { bundledDataset } from '../../../data/index';
import {
  importDataset,
  loadActiveDataset,
  recheckImportedDataset,
  resetToBundled,
  watchActiveDataset,
} from '../dataset-store';

const copy = () => JSON.parse(JSON.stringify(raw)) as typeof raw;
const stored = async () => (await fakeBrowser.storage.local.get('imported-dataset'))['imported-dataset'];

describe('dataset store', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('uses the bundled dataset until one is imported', async () => {
    expect(await loadActiveDataset()).toEqual({ dataset: bundledDataset, imported: false });
  });

  it('stores an import in its validated form, and every reader gets it', async () => {
    const d = copy();
    d.name = '  My data  ';
    const seen: number[] = [];
    const unwatch = watchActiveDataset(() => seen.push(1));
    expect(await importDataset(JSON.stringify(d))).toEqual({ ok: true, name: 'My data' });
    const active = await loadActiveDataset();
    expect(active.imported).toBe(true);
    expect(active.dataset.name).toBe('My data');
    expect(active.dataset.claims).toEqual(raw.claims);
    await resetToBundled();
    expect(await loadActiveDataset()).toEqual({ dataset: bundledDataset, imported: false });
    unwatch();
    expect(seen).toEqual([1, 1]);
  });

  it('rejects a malformed import naming the field, and keeps the last good data', async () => {
    const good = copy();
    good.name = 'Good';
    await importDataset(JSON.stringify(good));
    const bad = copy();
    (bad.events[1] as { place: string | null }).place = 'no-such-place';
    expect(await importDataset(JSON.stringify(bad))).toEqual({
      ok: false,
      error: '$.events[1].place: must name an entity id (unknown "no-such-place")',
    });
    expect(await importDataset('{"version": 1,')).toMatchObject({ ok: false, error: /^not valid JSON/ });
    expect((await loadActiveDataset()).dataset.name).toBe('Good');
  });

  it('ignores a stored value that is not shaped like a dataset', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ 'imported-dataset': { ...copy(), version: 2 } });
    expect(await loadActiveDataset()).toEqual({ dataset: bundledDataset, imported: false });
    expect(warn).toHaveBeenCalledOnce();
  });

  it('after an update, drops a stored dataset that no longer validates and normalizes a valid one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await recheckImportedDataset(); // nothing stored: nothing to do
    expect(await stored()).toBeUndefined();

    const old = copy();
    old.name = ' Stored by an older version ';
    await fakeBrowser.storage.local.set({ 'imported-dataset': old });
    await recheckImportedDataset();
    expect(((await stored()) as { name: string }).name).toBe('Stored by an older version');

    const invalid = copy();
    (invalid.claims[0] as { value: string }).value = 'maybe';
    await fakeBrowser.storage.local.set({ 'imported-dataset': invalid });
    await recheckImportedDataset();
    expect(await stored()).toBeUndefined();
    expect(warn.mock.calls[0]?.[0]).toMatch(/\$\.claims\[0\]\.value: must be one of the values of aspect/);
    expect(await loadActiveDataset()).toEqual({ dataset: bundledDataset, imported: false });
  });
});

import 'fake-indexeddb/auto';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { arcticPack } from '../../../core/pack/__tests__/fixture';
import { bundledDataset } from '../../../data/index';
import { bundledPack } from '../../../data/bundled-pack';
import { openDB } from 'idb';
import { compilePacks } from '../../../core/pack/recognizer';
import { validatePack } from '../../../core/pack/validate';
import { BUILD_ID } from '../build-id';
import { DB_VERSION, PackStore, QUOTA_MESSAGE, type PackDB } from '../pack-store';
import { compiledCache, SNAPSHOT_FORMAT } from '../packs';

const BUNDLED = 'nato-ukraine-security-guarantees-2025-08';
const ARCTIC = 'arctic-summit-tromso';
const json = (x: unknown) => strToU8(JSON.stringify(x));
let n = 0;
const stores: PackStore[] = [];
async function open(onChange?: () => void) {
  const s = await PackStore.open({
    bundled: [bundledPack()],
    name: `test-${n++}`,
    onChange,
    today: () => '2026-12-01',
  });
  stores.push(s);
  return s;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  vi.restoreAllMocks();
});

/** Everything a user could see of the store. */
async function snapshot(s: PackStore) {
  const list = await s.list();
  return { list, files: await Promise.all(list.map((p) => s.exportPack(p.id))) };
}

describe('PackStore', () => {
  it('lists the bundled pack, on, not removable', async () => {
    const s = await open();
    const [b] = await s.list();
    expect(b).toMatchObject({ id: BUNDLED, revision: 1, bundled: true, imported: false, enabled: true });
    expect(b!.counts.claims).toBe(bundledDataset.claims.length);
    await expect(s.remove(BUNDLED)).rejects.toThrow(/comes with Crosscheck/);
  });

  it('imports a .json pack, updates it by revision, refuses the same or a lower revision', async () => {
    const changed = vi.fn();
    const s = await open(changed);
    const r1 = await s.importFile('arctic.json', json(arcticPack()));
    expect(r1).toEqual({
      ok: true,
      installed: [{ id: ARCTIC, title: arcticPack().pack.title, revision: 1, updatedFrom: null }],
    });
    expect(changed).toHaveBeenCalledTimes(1);
    expect((await s.list()).map((p) => [p.id, p.revision, p.imported])).toEqual([
      [BUNDLED, 1, false],
      [ARCTIC, 1, true],
    ]);
    const r2 = await s.importFile('arctic.json', json(arcticPack({ revision: 2 })));
    expect(r2.ok && r2.installed[0]?.updatedFrom).toBe(1);
    const before = await snapshot(s);
    const same = await s.importFile('arctic.json', json(arcticPack({ revision: 2 })));
    expect(same).toEqual({
      ok: false,
      error: expect.stringContaining('revision 2 of "arctic-summit-tromso" is already installed'),
    });
    const lower = await s.importFile('arctic.json', json(arcticPack({ revision: 1 })));
    expect(lower.ok || lower.error).toContain('older than the installed revision 2');
    expect(await snapshot(s)).toEqual(before);
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('refuses an invalid file naming the path and the rule, and changes nothing', async () => {
    const s = await open();
    await s.importFile('arctic.json', json(arcticPack()));
    await s.setEnabled(BUNDLED, false);
    const before = await snapshot(s);
    const bad = arcticPack({ revision: 5 });
    bad.claims[1]!.value = 'maybe';
    const r = await s.importFile('arctic.json', json(bad));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/^\$\.claims\[1\]\.value: must be one of the values of aspect "trump-attendance"/);
    expect(r.errors?.[0]?.path).toBe('$.claims[1].value');
    expect(await s.importFile('x.json', strToU8('{"pack": '))).toMatchObject({
      ok: false,
      error: expect.stringContaining('not valid JSON'),
    });
    expect(await snapshot(s)).toEqual(before);
  });

  it('imports a zip with a manifest and a dataset', async () => {
    const s = await open();
    const { pack, ...dataset } = arcticPack();
    const zip = zipSync({ 'manifest.json': json({ pack }), 'dataset.json': json(dataset) });
    const r = await s.importFile('arctic.zip', zip);
    expect(r.ok).toBe(true);
    expect((await s.get(ARCTIC))?.claims).toHaveLength(2);
  });

  it('imports a zip of several packs all or none', async () => {
    const s = await open();
    const other = arcticPack({ id: 'arctic-two' });
    other.entities[1]!.id = 'host';
    other.events[0]!.participants = ['trump', 'host'];
    const bad = arcticPack({ id: 'arctic-three' });
    bad.pack.revision = -1;
    const before = await snapshot(s);
    const refused = await s.importFile(
      'many.zip',
      zipSync({ 'a.json': json(arcticPack()), 'b.json': json(other), 'c.json': json(bad) }),
    );
    expect(refused).toMatchObject({ ok: false, error: 'many.zip/c.json: $.pack.revision: must be at least 1' });
    expect(await snapshot(s)).toEqual(before);
    const ok = await s.importFile('many.zip', zipSync({ 'a.json': json(arcticPack()), 'b.json': json(other) }));
    expect(ok.ok && ok.installed.map((i) => i.id)).toEqual([ARCTIC, 'arctic-two']);
  });

  it('migrates a version-1 dataset on import', async () => {
    const s = await open();
    const old = { ...structuredClone(bundledDataset), name: 'Alte Daten' };
    const r = await s.importFile('old.json', json(old));
    expect(r.ok && r.installed[0]).toMatchObject({ id: 'alte-daten', revision: 1 });
    expect((await s.get('alte-daten'))?.pack.created).toBe('2026-12-01');
  });

  it('lets an imported higher revision of the bundled pack stand in for it until removed', async () => {
    const s = await open();
    const newer = { ...structuredClone(bundledPack()), pack: { ...bundledPack().pack, revision: 2 } };
    expect((await s.importFile('b.json', json(newer))).ok).toBe(true);
    expect((await s.list()).map((p) => [p.id, p.revision, p.bundled, p.imported])).toEqual([[BUNDLED, 2, true, true]]);
    await s.remove(BUNDLED);
    expect((await s.list()).map((p) => [p.id, p.revision, p.imported])).toEqual([[BUNDLED, 1, false]]);
  });

  it('turns packs on and off, removes and exports them', async () => {
    const s = await open();
    await s.importFile('arctic.json', json(arcticPack()));
    await s.setEnabled(BUNDLED, false);
    expect((await s.enabledPacks()).map((p) => p.pack.id)).toEqual([ARCTIC]);
    const exported = await s.exportPack(ARCTIC);
    expect(JSON.parse(exported)).toEqual(await s.get(ARCTIC));
    await s.remove(ARCTIC);
    expect((await s.list()).map((p) => p.id)).toEqual([BUNDLED]);
    // The exported file imports again as it was.
    expect((await s.importFile('arctic.json', strToU8(exported))).ok).toBe(true);
    await expect(s.setEnabled('nope', true)).rejects.toThrow(/no pack "nope"/);
  });

  it('turns a full disk into a clear message and keeps every pack', async () => {
    const s = await open();
    await s.importFile('arctic.json', json(arcticPack()));
    const before = await snapshot(s);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const r = await s.importFile('arctic.json', json(arcticPack({ revision: 9 })));
    expect(r).toEqual({ ok: false, error: QUOTA_MESSAGE });
    vi.restoreAllMocks();
    expect(await snapshot(s)).toEqual(before);
  });

  it('upgrades a version-1 database: the list comes from summaries written for the packs it holds', async () => {
    const name = `test-${n++}`;
    const r = validatePack(arcticPack({ revision: 3 }), { today: '2026-12-01' });
    if (!r.ok) throw new Error('fixture');
    // A database as version 1 of the store left it: packs and on/off only.
    const v1 = await openDB<PackDB>(name, 1, {
      upgrade(db) {
        db.createObjectStore('packs', { keyPath: 'id' });
        db.createObjectStore('enabled');
      },
    });
    await v1.put('packs', { id: ARCTIC, pack: r.pack, installedAt: 5, bytes: 1234 });
    await v1.put('enabled', false, ARCTIC);
    v1.close();

    const s = await PackStore.open({ bundled: [bundledPack()], name, today: () => '2026-12-01' });
    stores.push(s);
    expect(DB_VERSION).toBe(2);
    expect((await s.list()).map((p) => [p.id, p.revision, p.imported, p.enabled, p.bytes, p.counts.claims])).toEqual([
      [BUNDLED, 1, false, true, expect.any(Number), bundledDataset.claims.length],
      [ARCTIC, 3, true, false, 1234, r.pack.claims.length],
    ]);
    // Imports are judged against the migrated summaries: the same revision is refused, a higher one updates.
    expect(await s.importFile('a.json', json(arcticPack({ revision: 3 })))).toMatchObject({ ok: false });
    const up = await s.importFile('a.json', json(arcticPack({ revision: 4 })));
    expect(up.ok && up.installed[0]?.updatedFrom).toBe(3);
    expect((await s.list()).find((p) => p.id === ARCTIC)?.revision).toBe(4);
    await s.remove(ARCTIC);
    expect((await s.list()).map((p) => p.id)).toEqual([BUNDLED]);
  });

  it('keeps one saved compile under the key of the enabled packs, which changes with them', async () => {
    const s = await open();
    const k1 = await s.enabledKey('v1');
    expect(await s.loadCompiled(k1)).toBeNull();
    const snapshot = compilePacks([bundledPack()]).snapshot();
    await s.saveCompiled(k1, { packs: snapshot, disputed: new Set(['a']), telling: new Set(['b']) });
    const back = await s.loadCompiled(k1);
    expect(back?.packs.dict.edgeHash).toEqual(snapshot.dict.edgeHash);
    expect(back?.packs.anchors).toEqual(snapshot.anchors);
    expect(back?.disputed).toEqual(new Set(['a']));
    expect(await s.loadCompiled(await s.enabledKey('v2'))).toBeNull(); // another version of the extension
    await s.importFile('arctic.json', json(arcticPack()));
    const k2 = await s.enabledKey('v1');
    expect(k2).not.toBe(k1);
    expect(await s.loadCompiled(k2)).toBeNull();
    await s.setEnabled(ARCTIC, false);
    expect(await s.enabledKey('v1')).toBe(k1);
    const arctic = await s.get(ARCTIC);
    await s.importValues([{ name: 'a.json', value: { ...arctic, pack: { ...arctic!.pack, revision: 5 } } }]);
    await s.setEnabled(ARCTIC, true);
    expect(await s.enabledKey('v1')).not.toBe(k2); // a new revision of a pack
  });

  it('restores a compile only for the build that saved it (a dev rebuild with the same version compiles anew)', async () => {
    const s = await open();
    const store = Promise.resolve(s);
    const saved = {
      packs: compilePacks([bundledPack()]).snapshot(),
      disputed: new Set<string>(),
      telling: new Set<string>(),
    };
    const built = compiledCache(store, '0.1.0', 'build-a');
    await built.save(await built.key(), saved);
    expect(await built.load(await built.key())).not.toBeNull();
    const rebuilt = compiledCache(store, '0.1.0', 'build-b');
    expect(await rebuilt.load(await rebuilt.key())).toBeNull();
    const released = compiledCache(store, '0.2.0', 'build-a');
    expect(await released.load(await released.key())).toBeNull();
    expect(await built.key()).toContain(`snapshot ${SNAPSHOT_FORMAT} · build build-a · version 0.1.0`);
    expect(await compiledCache(store, '0.1.0').key()).toContain(`build ${BUILD_ID}`);
  });
});

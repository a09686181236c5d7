import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../data/index';
import { migrate1to2, migratePack, slugOf } from '../migrate';
import { validatePack } from '../validate';

describe('migration 1 → 2 (bare dataset → pack)', () => {
  it('wraps the dataset with a manifest made from its name and sources', () => {
    const out = migrate1to2({ ...bundledDataset }, { today: '2026-12-01' });
    expect(out.pack).toEqual({
      id: 'nato-und-sicherheitsgarantien-fur-die-ukraine-august-2025',
      title: { de: bundledDataset.name, en: bundledDataset.name },
      revision: 1,
      schemaVersion: 2,
      languages: ['de'],
      created: '2026-12-01',
      license: 'not stated',
      attribution: 'not stated',
      homepage: null,
    });
    expect(out.claims).toBe(bundledDataset.claims);
  });

  it('makes a version-1 file a valid pack, and says it was migrated', () => {
    const r = validatePack(structuredClone(bundledDataset), { today: '2026-12-01' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.migratedFrom).toBe(1);
  });

  it('lists the languages of the sources, in order', () => {
    const out = migrate1to2(
      { version: 1, name: 'x', sources: [{ language: 'en' }, { language: 'de' }, { language: 'en' }] },
      { today: '2026-12-01' },
    );
    expect((out.pack as { languages: string[] }).languages).toEqual(['en', 'de']);
  });

  it('slugs names into valid pack ids', () => {
    expect(slugOf('Weißes Haus — Gipfel')).toBe('weisses-haus-gipfel');
    expect(slugOf('Ü')).toBe('dataset-u');
    expect(slugOf('a'.repeat(40) + ' ' + 'b'.repeat(40))).toBe('a'.repeat(40));
    expect(slugOf('Key')).toBe('dataset-key');
  });
});

describe('migratePack', () => {
  it('leaves a current pack as it is', () => {
    const input = { pack: { schemaVersion: 2 }, version: 1 };
    expect(migratePack(input, { today: '2026-12-01' })).toEqual({ ok: true, value: input, from: 2 });
  });
  it('refuses an unknown or newer version, naming the path', () => {
    expect(migratePack({ version: 7 }, { today: '2026-12-01' })).toMatchObject({ ok: false, path: '$.pack' });
    expect(migratePack({ pack: { schemaVersion: 3 } }, { today: '2026-12-01' })).toMatchObject({
      ok: false,
      path: '$.pack.schemaVersion',
    });
    expect(migratePack({ pack: { schemaVersion: '2' } }, { today: '2026-12-01' })).toMatchObject({ ok: false });
  });
});

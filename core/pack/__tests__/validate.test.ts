import { describe, expect, it } from 'vitest';
import { bundledPack } from '../../../data/bundled-pack';
import { decideImport, InstalledIndex, installedInfo, validatePack } from '../validate';
import { arcticPack, validArcticPack } from './fixture';

const clone = <T>(x: T): T => structuredClone(x);

describe('validatePack', () => {
  it('accepts the test pack and keeps the entity key', () => {
    const r = validatePack(arcticPack());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(2);
    expect(r.pack.pack.id).toBe('arctic-summit-tromso');
    expect(r.pack.entities[0]?.key).toBe('Q22686');
  });

  it('accepts the bundled pack, with keys for well-known people', () => {
    const p = bundledPack();
    expect(p.pack.schemaVersion).toBe(2);
    expect(p.entities.find((e) => e.id === 'donald-trump')?.key).toBe('Q22686');
  });

  it.each([
    [(p: ReturnType<typeof arcticPack>) => void (p.pack.id = 'Arctic Summit'), '$.pack.id', 'must be a slug'],
    [(p: ReturnType<typeof arcticPack>) => void (p.pack.id = 'ab'), '$.pack.id', 'at least 3'],
    [(p: ReturnType<typeof arcticPack>) => void (p.pack.id = 'key'), '$.pack.id', 'reserved'],
    [(p: ReturnType<typeof arcticPack>) => void (p.pack.revision = 1.5), '$.pack.revision', 'must be an integer'],
    [(p: ReturnType<typeof arcticPack>) => void (p.pack.revision = 0), '$.pack.revision', 'at least 1'],
    [(p: ReturnType<typeof arcticPack>) => void (p.pack.created = '2026-02-30'), '$.pack.created', 'YYYY-MM-DD'],
    [(p: ReturnType<typeof arcticPack>) => void (p.pack.languages = ['de', 'de']), '$.pack.languages', 'twice'],
    [(p: ReturnType<typeof arcticPack>) => void (p.pack.homepage = 'javascript:alert(1)'), '$.pack.homepage', 'http'],
    [(p: ReturnType<typeof arcticPack>) => void (p.pack.schemaVersion = 9), '$.pack.schemaVersion', 'newer'],
    [(p: ReturnType<typeof arcticPack>) => void (p.pack.languages = ['en']), '$.sources[0].language', 'languages'],
    [(p: ReturnType<typeof arcticPack>) => void (p.entities[1]!.key = 'Q22686'), '$.entities[1].key', 'unique'],
    [(p: ReturnType<typeof arcticPack>) => void (p.entities[1]!.key = 'q5'), '$.entities[1].key', 'Wikidata'],
    [(p: ReturnType<typeof arcticPack>) => void (p.claims[0]!.source = 'zz'), '$.claims[0].source', 'source id'],
  ])('refuses a bad field, naming the path and the rule (%#)', (spoil, path, rule) => {
    const p = clone(arcticPack());
    spoil(p);
    const r = validatePack(p);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((x) => x.path === path);
    expect(e, JSON.stringify(r.errors)).toBeDefined();
    expect(e!.message).toContain(rule);
  });

  it('names a missing manifest field and an unknown one', () => {
    const p = clone(arcticPack()) as Record<string, unknown> & { pack: Record<string, unknown> };
    delete p.pack.license;
    p.pack.extra = 1;
    const r = validatePack(p);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContainEqual({ path: '$.pack.license', message: 'is required' });
    expect(r.errors).toContainEqual({ path: '$.pack.extra', message: 'is not an allowed field' });
  });

  it('refuses a key that names another kind of thing in an installed pack', () => {
    const p = clone(arcticPack());
    p.entities[2]!.key = 'Q22686'; // a place keyed as Donald Trump
    p.entities[0]!.key = 'Q1';
    const r = validatePack(p, { installed: [installedInfo(bundledPack())] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]?.path).toBe('$.entities[2].key');
    expect(r.errors[0]?.message).toContain('is a person there');
  });

  it('judges keys against an index of the installed packs as against their list (an import of many packs)', () => {
    const p = clone(arcticPack());
    p.entities[2]!.key = 'Q22686'; // a place keyed as Donald Trump
    p.entities[0]!.key = 'Q1';
    const info = (id: string, kind: 'person' | 'place' | 'organization') => ({
      id,
      title: { de: id, en: id },
      revision: 1,
      keys: { Q22686: kind } as Record<string, 'person' | 'place' | 'organization'>,
    });
    const list = [info('a', 'person'), info('b', 'organization'), info('c', 'place')];
    const index = new InstalledIndex(list);
    const paths = (installed: Parameters<typeof validatePack>[1]) => {
      const r = validatePack(p, installed);
      return r.ok ? [] : r.errors.map((e) => e.message.match(/pack "(\w)"/)?.[1]);
    };
    expect(paths({ installed: index })).toEqual(['a', 'b']);
    expect(paths({ installed: index })).toEqual(paths({ installed: list }));
    index.set(info('a', 'place')); // an update of "a"
    index.set(info('b', 'person')); // … and of "b", which goes last
    index.set(info('d', 'organization'));
    expect(paths({ installed: index })).toEqual(['b', 'd']);
    index.delete('b');
    expect(paths({ installed: index })).toEqual(['d']);
    expect(decideImport(validArcticPack(), index)).toEqual({ kind: 'install' });
  });

  it('refuses what is not an object', () => {
    expect(validatePack([])).toEqual({
      ok: false,
      errors: [{ path: '$', message: 'must be an object, not an array' }],
    });
    expect(validatePack({})).toMatchObject({ ok: false, errors: [{ path: '$.pack' }] });
  });
});

describe('decideImport', () => {
  const at = (revision: number) => {
    const r = validatePack(arcticPack({ revision }));
    if (!r.ok) throw new Error('fixture');
    return r.pack;
  };
  const installed = [installedInfo(at(2))];
  it('installs a new id, updates with a higher revision, refuses the same or a lower one', () => {
    expect(decideImport(at(1), [])).toEqual({ kind: 'install' });
    expect(decideImport(at(3), installed)).toEqual({ kind: 'update', from: 2 });
    const same = decideImport(at(2), installed);
    expect(same.kind).toBe('refuse');
    expect(same.kind === 'refuse' && same.message).toContain('already installed');
    const lower = decideImport(at(1), installed);
    expect(lower.kind === 'refuse' && lower.message).toContain('older than the installed revision 2');
  });
});

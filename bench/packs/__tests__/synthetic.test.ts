import { describe, expect, it } from 'vitest';
import { mergePacks } from '../../../core/pack/merge';
import { validatePack } from '../../../core/pack/validate';
import { syntheticPacks, transliterate } from '../synthetic';

describe('synthetic packs', () => {
  const packs = syntheticPacks(12);

  it('are valid packs with the shapes of a real story', () => {
    for (const p of packs) {
      const r = validatePack(p);
      expect(r.ok, JSON.stringify(!r.ok && r.errors.slice(0, 3))).toBe(true);
      expect(p.entities).toHaveLength(50);
      expect(p.events).toHaveLength(15);
      expect(p.aspects).toHaveLength(70);
      expect(p.claims).toHaveLength(150);
    }
    expect(new Set(packs.map((p) => p.pack.id)).size).toBe(12);
  });

  it('write names with diacritics and transliterations', () => {
    const aliases = packs.flatMap((p) => p.entities.flatMap((e) => e.aliases));
    expect(aliases.some((a) => /[Łłüöäéèøšžčęąőűăşţ]/.test(a))).toBe(true);
    expect(transliterate('schewtschenko')).toBe('shevchenko');
  });

  it('share people across stories, which merging makes one item', () => {
    const merged = mergePacks(packs);
    const keyed = new Set(merged.dataset.entities.filter((e) => e.key).map((e) => e.id));
    const shared = [...merged.membership.entries()].filter(([id, m]) => keyed.has(id) && m.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    expect(merged.dataset.entities.length).toBeLessThan(12 * 50);
  });

  it('are deterministic', () => {
    expect(JSON.stringify(syntheticPacks(3))).toBe(JSON.stringify(syntheticPacks(3)));
  });
});

import { describe, expect, it } from 'vitest';
import { buildPopoverView, type PopoverTarget } from '../../views/popover-view';
import { nsId } from '../merge';
import { compilePacks, restorePacks } from '../recognizer';
import type { Pack } from '../schema';
import { validatePack } from '../validate';
import { packsHolding } from '../views';
import { arcticPack } from './fixture';

const t = (key: string, ...args: unknown[]) => `${key}${args.length ? `(${args.join(', ')})` : ''}`;

/** The Arctic pack under another id, its Tromsø keyed (Q25288) and named as given. */
function arcticAs(id: string, tromso: string): Pack {
  const raw = arcticPack({ id });
  raw.entities = raw.entities.map((e) =>
    e.id === 'tromso' ? { ...e, key: 'Q25288', name: { de: tromso, en: tromso } } : e,
  );
  const r = validatePack(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.pack;
}

describe('popovers from some of the packs (views.ts)', () => {
  const packs = [arcticAs('arctic-a', 'Tromsø (A)'), arcticAs('arctic-b', 'Tromsø (B)')];
  const full = compilePacks(packs);
  const quick = restorePacks(structuredClone(full.snapshot()));
  const load = async (id: string) => packs.find((p) => p.pack.id === id) ?? null;

  it('reads the packs that hold the item: its own, or every pack of a shared (keyed) entity', () => {
    const s = full.snapshot();
    expect(packsHolding([nsId('arctic-b', 'summit')], s.order, s.views)).toEqual(['arctic-b']);
    expect(packsHolding(['summit'], s.order, s.views)).toEqual(['arctic-a']);
    expect(packsHolding(['tromso'], s.order, s.views)).toEqual(['arctic-a', 'arctic-b']);
  });

  it('shows a shared entity under the whole merge’s name when its first pack is not read', async () => {
    const target: PopoverTarget = { type: 'event', id: nsId('arctic-b', 'summit') };
    const some = await quick.popoverData(target, load);
    expect(some?.parts.map((p) => p.manifest.id)).toEqual(['arctic-b']);
    const opts = { lang: 'en' as const, t, pageSource: null };
    const view = buildPopoverView(some!.dataset, target, opts);
    expect(view?.description).toContain('Tromsø (A)');
    expect(view).toEqual(buildPopoverView(full.dataset, target, opts));
  });

  it('says null when a pack it needs is gone', async () => {
    const none = await quick.popoverData({ type: 'entity', id: 'tromso' }, async (id) =>
      id === 'arctic-b' ? null : load(id),
    );
    expect(none).toBeNull();
  });
});

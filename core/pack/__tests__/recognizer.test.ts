import { describe, expect, it } from 'vitest';
import { bundledPack } from '../../../data/bundled-pack';
import { keyId, nsId } from '../merge';
import { compilePacks } from '../recognizer';
import { validatePack } from '../validate';
import type { Pack } from '../schema';
import { ARCTIC_REPORT_1, ARCTIC_REPORT_2, arcticPack } from './fixture';

const arctic = (): Pack => {
  const r = validatePack(arcticPack());
  if (!r.ok) throw new Error('fixture');
  return r.pack;
};
const BUNDLED = 'nato-ukraine-security-guarantees-2025-08';
const ARCTIC = 'arctic-summit-tromso';
const NATO_PAGE =
  'Die Nato-Militärchefs berieten in einer Videokonferenz über Sicherheitsgarantien für die Ukraine. ' +
  'Admiral Giuseppe Cavo Dragone leitete das Treffen, Wolodymyr Selenskyj begrüßte die Gespräche.';

describe('compilePacks: one matcher over every enabled pack', () => {
  const r = compilePacks([bundledPack(), arctic()]);

  it('reports only the stories a page is about, with their names, events and disputed sentences', () => {
    const page = r.scan(`${ARCTIC_REPORT_1}\n${ARCTIC_REPORT_2}`);
    expect(page.packs).toEqual([ARCTIC]);
    expect(page.mentions.every((m) => r.merged.membership.get(m.id)?.includes(ARCTIC))).toBe(true);
    expect(page.mentions.map((m) => m.id)).toContain(keyId('Q22686'));
    expect(page.events.map((e) => e.id)).toEqual([nsId(ARCTIC, 'summit')]);
    expect(page.claims.map((c) => c.value).sort()).toEqual(['in-person', 'video']);
  });

  it('reports both stories on a page about both, and nothing on an off-topic page', () => {
    expect(r.scan(`${NATO_PAGE}\n${ARCTIC_REPORT_1}`).packs).toEqual([BUNDLED, ARCTIC]);
    const off = r.scan('Donald Trump spielte am Wochenende Golf in Schottland.');
    expect(off).toMatchObject({ packs: [], mentions: [], events: [], claims: [], source: null });
  });

  it('finds the same on a story page as the story’s pack alone', () => {
    const alone = compilePacks([bundledPack()]).scan(NATO_PAGE);
    const together = r.scan(NATO_PAGE);
    expect(together.packs).toEqual(alone.packs);
    expect(together.mentions.map((m) => [m.start, m.end])).toEqual(alone.mentions.map((m) => [m.start, m.end]));
  });

  it('takes the stories from the context for an appended chunk', () => {
    expect(r.scan('Ingrid Solberg-Haugen', { packs: [ARCTIC] }).mentions.map((m) => m.id)).toEqual([
      nsId(ARCTIC, 'solberg-haugen'),
    ]);
  });
});

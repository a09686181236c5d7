import { describe, expect, it } from 'vitest';
import { bundledPack } from '../../../data/bundled-pack';
import { compileMatcher } from '../../recognize/matcher';
import { nsId } from '../merge';
import { compilePacks, mergeMentions, restorePacks } from '../recognizer';
import { ARCTIC, ARCTIC_REPORT_1, ARCTIC_REPORT_2, BUNDLED, validArcticPack as arctic } from './fixture';

const NATO_PAGE =
  'Die Nato-Militärchefs berieten in einer Videokonferenz über Sicherheitsgarantien für die Ukraine. ' +
  'Admiral Giuseppe Cavo Dragone leitete das Treffen, Wolodymyr Selenskyj begrüßte die Gespräche.';

describe('compilePacks: one dictionary over every enabled pack, relevance per story', () => {
  const r = compilePacks([bundledPack(), arctic()]);

  it('reports only the stories a page is about, with their names, events and disputed sentences', () => {
    const page = r.scan(`${ARCTIC_REPORT_1}\n${ARCTIC_REPORT_2}`);
    expect(page.packs).toEqual([ARCTIC]);
    expect(page.mentions.every((m) => r.merged.membership.get(m.id)?.includes(ARCTIC))).toBe(true);
    expect(page.mentions.map((m) => m.id)).toContain('donald-trump'); // shared with the bundled pack
    expect(page.events.map((e) => e.id)).toEqual([nsId(ARCTIC, 'summit')]);
    expect(page.claims.map((c) => c.value).sort()).toEqual(['in-person', 'video']);
    expect(page.stories.find((s) => s.pack === ARCTIC)?.relevant).toBe(true);
  });

  it('reports both stories on a page about both, and nothing on an off-topic page', () => {
    const both = r.scan(`${NATO_PAGE}\n${ARCTIC_REPORT_1}`);
    expect(both.packs).toEqual([BUNDLED, ARCTIC]);
    const starts = both.mentions.map((m) => m.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const off = r.scan('Donald Trump spielte am Wochenende Golf in Schottland.');
    expect(off).toMatchObject({ packs: [], stories: [], mentions: [], events: [], claims: [], source: null });
    expect(off.hits).toBeGreaterThan(0); // Trump is found, but a famous name makes no story a candidate
  });

  it('finds what the story’s dataset alone finds on a story page', () => {
    const alone = compileMatcher(bundledPack()).scan(NATO_PAGE);
    const together = r.scan(NATO_PAGE);
    expect(together.packs).toEqual([BUNDLED]);
    expect(together.mentions).toEqual(alone.mentions);
    expect(together.events.map((e) => e.id)).toEqual(alone.events.map((e) => e.id));
  });

  it('compiles a story’s matcher only when a page has hits of that story', () => {
    const fresh = compilePacks([bundledPack(), arctic()]);
    fresh.scan('Donald Trump spielte am Wochenende Golf in Schottland.');
    expect(fresh.storiesCompiled).toBe(0);
    fresh.scan(ARCTIC_REPORT_1);
    fresh.scan(ARCTIC_REPORT_2);
    const once = fresh.storiesCompiled;
    expect(once).toBeGreaterThanOrEqual(1);
    fresh.scan(ARCTIC_REPORT_2);
    fresh.scan(ARCTIC_REPORT_1);
    expect(fresh.storiesCompiled).toBe(once); // kept, not compiled again
  });

  it('restores from a stored snapshot: the same answers, reading only the packs a page makes candidates', async () => {
    // What IndexedDB would give back: a structured clone.
    const quick = restorePacks(structuredClone(r.snapshot()));
    const packs = new Map([bundledPack(), arctic()].map((p) => [p.pack.id, p]));
    const read: string[] = [];
    const loadPack = async (id: string) => {
      read.push(id);
      return packs.get(id) ?? null;
    };
    const quiet = [
      'Donald Trump spielte am Wochenende Golf in Schottland.',
      'Der Stadtrat beschloss am Montag einen neuen Haushalt für Schulen und Straßen.',
    ];
    for (const text of quiet) expect(await quick.scan(text, {}, loadPack)).toEqual(r.scan(text));
    expect(read).toEqual([]); // no story was a candidate: no pack read
    const context = { page: { url: 'https://example.org/', title: 'Nato' } };
    for (const text of [NATO_PAGE, ARCTIC_REPORT_1, `${NATO_PAGE}\n${ARCTIC_REPORT_2}`]) {
      const full = r.scan(text, context);
      expect(full.stories.length).toBeGreaterThan(0);
      expect(await quick.scan(text, context, loadPack)).toEqual(full);
      const known = { ...context, packs: full.packs };
      expect(await quick.scan(text, known, loadPack)).toEqual(r.scan(text, known));
    }
    expect(read).toEqual([BUNDLED, ARCTIC]); // each once
    expect(quick.storiesCompiled).toBe(2);
    expect(await restorePacks(r.snapshot()).scan(NATO_PAGE, {}, async () => null)).toBeNull();
  });

  it('keeps at most `storyCache` story matchers', () => {
    const small = compilePacks([bundledPack(), arctic()], { storyCache: 1 });
    small.scan(NATO_PAGE);
    small.scan(ARCTIC_REPORT_1);
    small.scan(NATO_PAGE);
    expect(small.storiesCompiled).toBe(3);
  });

  it('takes the stories from the context for an appended chunk', () => {
    expect(r.scan('Ingrid Solberg-Haugen', { packs: [ARCTIC] }).mentions.map((m) => m.id)).toEqual([
      nsId(ARCTIC, 'solberg-haugen'),
    ]);
  });
});

describe('mergeMentions', () => {
  const m = (start: number, end: number, id: string) => ({
    start,
    end,
    text: 'x'.repeat(end - start),
    kind: 'person' as const,
    id,
    ambiguous: false,
  });
  it('keeps text order and drops a name two stories share once', () => {
    expect(
      mergeMentions([
        [m(0, 5, 'a'), m(10, 12, 'b')],
        [m(0, 5, 'a'), m(6, 8, 'c')],
      ]).map((x) => x.id),
    ).toEqual(['a', 'c', 'b']);
  });
  it('keeps the longer of two overlapping names', () => {
    expect(mergeMentions([[m(3, 5, 'short')], [m(3, 9, 'long')]]).map((x) => x.id)).toEqual(['long']);
  });
});

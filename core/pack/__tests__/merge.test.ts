import { describe, expect, it } from 'vitest';
import { bundledPack } from '../../../data/bundled-pack';
import { compileMatcher } from '../../recognize/matcher';
import { keyId, mergePacks, nsId, splitId } from '../merge';
import { judgeStories, mentionsForStories, storiesOf } from '../stories';
import { validatePack } from '../validate';
import type { Pack } from '../schema';
import { ARCTIC_REPORT_1, ARCTIC_REPORT_2, arcticPack } from './fixture';

const arctic = (): Pack => {
  const r = validatePack(arcticPack());
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.pack;
};
const BUNDLED = 'nato-ukraine-security-guarantees-2025-08';
const ARCTIC = 'arctic-summit-tromso';

describe('mergePacks', () => {
  const merged = mergePacks([bundledPack(), arctic()]);

  it('namespaces every id and reference per pack', () => {
    const d = merged.dataset;
    expect(d.sources.map((s) => s.id)).toContain(nsId(ARCTIC, 'a1'));
    const claim = d.claims.find((c) => c.id === nsId(ARCTIC, 'c2'))!;
    expect(claim).toMatchObject({ source: nsId(ARCTIC, 'a2'), aspect: nsId(ARCTIC, 'trump-attendance') });
    const summit = d.events.find((e) => e.id === nsId(ARCTIC, 'summit'))!;
    expect(summit.place).toBe(nsId(ARCTIC, 'tromso'));
    expect(summit.participants).toEqual([keyId('Q22686'), nsId(ARCTIC, 'solberg-haugen')]);
    expect(splitId(nsId(ARCTIC, 'c2'))).toEqual({ pack: ARCTIC, id: 'c2' });
    expect(splitId(keyId('Q22686'))).toBeNull();
  });

  it('makes entities with the same key one item in both packs, with the union of aliases and evidence', () => {
    const trumps = merged.dataset.entities.filter((e) => e.key === 'Q22686');
    expect(trumps).toHaveLength(1);
    const t = trumps[0]!;
    expect(t.id).toBe('key--q22686');
    expect(t.aliases).toContain('President Trump'); // only in the Arctic pack
    expect(t.aliases).toContain('Donald J. Trump'); // only in the bundled pack
    expect(new Set(t.evidence.map((q) => splitId(q.source)?.pack))).toEqual(new Set([BUNDLED, ARCTIC]));
    expect(merged.membership.get(t.id)).toEqual([BUNDLED, ARCTIC]);
    expect(merged.origins.get(t.id)).toEqual([
      { pack: BUNDLED, id: 'donald-trump' },
      { pack: ARCTIC, id: 'trump' },
    ]);
    expect(merged.dataset.claims.filter((c) => c.subject === t.id).length).toBeGreaterThan(2);
  });

  it('keeps every item of every pack', () => {
    const b = bundledPack();
    const a = arctic();
    expect(merged.dataset.claims).toHaveLength(b.claims.length + a.claims.length);
    expect(merged.dataset.entities).toHaveLength(b.entities.length + a.entities.length - 1);
    expect(merged.parts.map((p) => p.manifest.id)).toEqual([BUNDLED, ARCTIC]);
  });

  it('groups what each story reported about a shared person, the page’s story first', () => {
    const stories = storiesOf(merged, keyId('Q22686'), [ARCTIC]);
    expect(stories.map((s) => s.pack.id)).toEqual([ARCTIC, BUNDLED]);
    expect(stories[0]!.claims.map((c) => c.value)).toEqual(['in-person', 'video']);
    expect(stories[0]!.sources.map((s) => s.id)).toEqual([nsId(ARCTIC, 'a1'), nsId(ARCTIC, 'a2')]);
    expect(storiesOf(merged, nsId(ARCTIC, 'tromso')).map((s) => s.pack.id)).toEqual([ARCTIC]);
  });
});

describe('judgeStories (one scan of the merged matcher, relevance per story)', () => {
  const merged = mergePacks([bundledPack(), arctic()]);
  const matcher = compileMatcher(merged.dataset);
  const judge = (text: string) => {
    const scan = matcher.scan(text, { relevant: true });
    const stories = judgeStories(merged, scan, matcher.findHits(text));
    const relevant = stories.filter((s) => s.relevant).map((s) => s.pack);
    return { scan, stories, relevant };
  };

  it('finds the Arctic story on an Arctic page, not the NATO one', () => {
    const { relevant, scan } = judge(`${ARCTIC_REPORT_1}\n${ARCTIC_REPORT_2}`);
    expect(relevant).toEqual([ARCTIC]);
    const ids = mentionsForStories(merged, scan, relevant).map((m) => m.id);
    expect(ids).toContain(keyId('Q22686'));
    expect(ids).toContain(nsId(ARCTIC, 'summit'));
  });

  it('finds both stories on a page about both', () => {
    const nato =
      'Die Nato-Militärchefs berieten in einer Videokonferenz über Sicherheitsgarantien für die Ukraine. ' +
      'Admiral Giuseppe Cavo Dragone leitete das Treffen, Wolodymyr Selenskyj begrüßte die Gespräche.';
    const { relevant } = judge(`${nato}\n${ARCTIC_REPORT_1}`);
    expect(relevant).toEqual([BUNDLED, ARCTIC]);
  });

  it('finds no story on an off-topic page that names Trump', () => {
    const { relevant, scan } = judge('Donald Trump spielte am Wochenende Golf in Schottland.');
    expect(relevant).toEqual([]);
    expect(mentionsForStories(merged, scan, relevant)).toEqual([]);
  });
});

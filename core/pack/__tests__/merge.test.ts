import { describe, expect, it } from 'vitest';
import { bundledPack } from '../../../data/bundled-pack';
import { computeStandings } from '../../dataset/conflicts';
import { mergePacks, nsId } from '../merge';
import { storiesOf } from '../stories';
import { validatePack } from '../validate';
import type { Pack } from '../schema';
import { arcticPack } from './fixture';

const arctic = (): Pack => {
  const r = validatePack(arcticPack());
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.pack;
};
const BUNDLED = 'nato-ukraine-security-guarantees-2025-08';
const ARCTIC = 'arctic-summit-tromso';

describe('mergePacks', () => {
  const merged = mergePacks([bundledPack(), arctic()]);

  it('keeps the first pack’s ids and namespaces every id and reference of the others', () => {
    const d = merged.dataset;
    expect(d.sources.map((s) => s.id)).toContain(nsId(ARCTIC, 'a1'));
    const claim = d.claims.find((c) => c.id === nsId(ARCTIC, 'c2'))!;
    expect(claim).toMatchObject({ source: nsId(ARCTIC, 'a2'), aspect: nsId(ARCTIC, 'trump-attendance') });
    const summit = d.events.find((e) => e.id === nsId(ARCTIC, 'summit'))!;
    expect(summit.place).toBe(nsId(ARCTIC, 'tromso'));
    expect(summit.participants).toEqual(['donald-trump', nsId(ARCTIC, 'solberg-haugen')]);
    const bundled = bundledPack();
    expect(d.claims.slice(0, bundled.claims.length).map((c) => c.id)).toEqual(bundled.claims.map((c) => c.id));
    expect(merged.membership.get(nsId(ARCTIC, 'c2'))).toEqual([ARCTIC]);
    expect(merged.origins.get(nsId(ARCTIC, 'c2'))).toEqual([{ pack: ARCTIC, id: 'c2' }]);
  });

  it('makes entities with the same key one item in both packs, with the union of aliases and evidence', () => {
    const trumps = merged.dataset.entities.filter((e) => e.key === 'Q22686');
    expect(trumps).toHaveLength(1);
    const t = trumps[0]!;
    expect(t.id).toBe('donald-trump'); // the merged id of its first occurrence
    expect(t.aliases).toContain('President Trump'); // only in the Arctic pack
    expect(t.aliases).toContain('Donald J. Trump'); // only in the bundled pack
    expect(new Set(t.evidence.map((q) => merged.membership.get(q.source)?.[0]))).toEqual(new Set([BUNDLED, ARCTIC]));
    expect(merged.membership.get(t.id)).toEqual([BUNDLED, ARCTIC]);
    expect(merged.origins.get(t.id)).toEqual([
      { pack: BUNDLED, id: 'donald-trump' },
      { pack: ARCTIC, id: 'trump' },
    ]);
    expect(merged.dataset.claims.filter((c) => c.subject === t.id).length).toBeGreaterThan(2);
  });

  it('takes the story’s own ids when the bundled pack is off (another pack is first)', () => {
    const alone = mergePacks([arctic()]);
    expect(alone.dataset.events.map((e) => e.id)).toEqual(arctic().events.map((e) => e.id));
    const term = bundledPack().topic!.de[0]!;
    expect(mergePacks([arctic(), bundledPack()]).topicPacks.get(term)).toEqual([BUNDLED]);
  });

  it('counts a source silent only on its own story’s questions', () => {
    const standings = computeStandings(merged.dataset);
    const attendance = standings.find((s) => s.aspect === nsId(ARCTIC, 'trump-attendance'))!;
    expect(attendance.silent).toEqual([]); // bundled reports name Trump, but say nothing on the Arctic summit
    const alone = computeStandings(bundledPack());
    const own = standings.filter((s) => !s.aspect.includes('--'));
    expect(own.map((s) => s.silent)).toEqual(alone.map((s) => s.silent));
  });

  it('keeps every item of every pack', () => {
    const b = bundledPack();
    const a = arctic();
    expect(merged.dataset.claims).toHaveLength(b.claims.length + a.claims.length);
    expect(merged.dataset.entities).toHaveLength(b.entities.length + a.entities.length - 1);
    expect(merged.parts.map((p) => p.manifest.id)).toEqual([BUNDLED, ARCTIC]);
  });

  it('groups what each story reported about a shared person, the page’s story first', () => {
    const stories = storiesOf(merged, 'donald-trump', [ARCTIC]);
    expect(stories.map((s) => s.pack.id)).toEqual([ARCTIC, BUNDLED]);
    expect(stories[0]!.claims.map((c) => c.value)).toEqual(['in-person', 'video']);
    expect(stories[0]!.sources.map((s) => s.id)).toEqual([nsId(ARCTIC, 'a1'), nsId(ARCTIC, 'a2')]);
    expect(storiesOf(merged, nsId(ARCTIC, 'tromso')).map((s) => s.pack.id)).toEqual([ARCTIC]);
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { computeConflicts, computeStandings } from '../conflicts';
import { indexDataset } from '../index';
import { parseDataset } from '../validate';
import type { Dataset, DatasetInput } from '../schema';

const L = (de: string, en = de) => ({ de, en });

/**
 * Builds a small dataset: sources s0..s4, subjects `trump` (entity) and
 * `summit` (event), and the aspects and claims given. Claims are written
 * compactly as [source, aspect, value] (their subject is the aspect's).
 */
function build(
  aspects: Array<{ id: string; subject?: string; values: string[] }>,
  claims: Array<[string, string, string]>,
): Dataset {
  const input: DatasetInput = {
    version: 1,
    name: 'conflicts',
    sources: ['s0', 's1', 's2', 's3', 's4'].map((id) => ({
      id,
      file: `${id}.txt`,
      title: id,
      titleSupplied: false,
      publisher: null,
      language: 'de' as const,
      published: null,
    })),
    entities: [
      {
        id: 'trump',
        kind: 'person',
        name: L('Trump'),
        aliases: ['Trump'],
        ambiguous: [],
        description: L('x'),
        evidence: [{ source: 's0', quote: 'Trump' }],
      },
    ],
    events: [
      {
        id: 'summit',
        title: L('Gipfel'),
        date: null,
        status: 'happened',
        place: null,
        participants: ['trump'],
        summary: L('x'),
        triggers: { de: ['Gipfel in Alaska'], en: [] },
        cues: { de: [], en: [] },
        before: [],
        after: [],
        evidence: [{ source: 's0', quote: 'Gipfel' }],
      },
    ],
    aspects: aspects.map((a) => ({
      id: a.id,
      subject: a.subject ?? 'trump',
      label: L(a.id),
      values: a.values.map((value) => ({ value, label: L(value) })),
    })),
    claims: claims.map(([source, aspect, value], i) => ({
      id: `c${i}`,
      source,
      subject: aspects.find((a) => a.id === aspect)?.subject ?? 'trump',
      aspect,
      value,
      summary: L('x'),
      quote: 'x',
    })),
  };
  return parseDataset(input);
}

describe('computeStandings', () => {
  it('groups claims into positions with their sources and claims', () => {
    const d = build(
      [{ id: 'air', values: ['offered', 'option'] }],
      [
        ['s0', 'air', 'offered'],
        ['s4', 'air', 'option'],
      ],
    );
    expect(computeStandings(d)).toEqual([
      {
        subject: 'trump',
        aspect: 'air',
        positions: [
          { value: 'offered', sources: ['s0'], claims: ['c0'] },
          { value: 'option', sources: ['s4'], claims: ['c1'] },
        ],
        silent: [],
        disputed: true,
      },
    ]);
  });

  it('counts a source as silent only when it reports on the subject but not on the aspect', () => {
    const d = build(
      [
        { id: 'air', values: ['offered', 'option'] },
        { id: 'troops', values: ['ruled-out'] },
        { id: 'venue', subject: 'summit', values: ['alaska'] },
      ],
      [
        ['s0', 'air', 'offered'],
        ['s4', 'air', 'option'],
        ['s1', 'troops', 'ruled-out'],
        ['s2', 'troops', 'ruled-out'],
        // s3 reports on the summit only: not silent on Trump's air support.
        ['s3', 'venue', 'alaska'],
      ],
    );
    const air = computeStandings(d).find((s) => s.aspect === 'air');
    expect(air?.silent).toEqual(['s1', 's2']);
    const troops = computeStandings(d).find((s) => s.aspect === 'troops');
    expect(troops?.silent).toEqual(['s0', 's4']);
    expect(troops?.disputed).toBe(false);
    expect(computeStandings(d).find((s) => s.aspect === 'venue')?.silent).toEqual([]);
  });

  it('puts a self-contradicting source in both positions and does not call it silent', () => {
    const d = build(
      [{ id: 'who', subject: 'summit', values: ['ministers', 'chiefs'] }],
      [
        ['s0', 'who', 'ministers'],
        ['s1', 'who', 'ministers'],
        ['s1', 'who', 'chiefs'],
        ['s2', 'who', 'chiefs'],
      ],
    );
    const [who] = computeStandings(d);
    expect(who?.positions).toEqual([
      { value: 'ministers', sources: ['s0', 's1'], claims: ['c0', 'c1'] },
      { value: 'chiefs', sources: ['s1', 's2'], claims: ['c2', 'c3'] },
    ]);
    expect(who?.silent).toEqual([]);
    expect(who?.disputed).toBe(true);
  });

  it('orders positions by number of sources, ties by the order of the aspect values', () => {
    const d = build(
      [{ id: 'size', values: ['a', 'b', 'c'] }],
      [
        ['s0', 'size', 'c'],
        ['s1', 'size', 'b'],
        ['s2', 'size', 'c'],
        ['s3', 'size', 'a'],
      ],
    );
    expect(computeStandings(d)[0]?.positions.map((p) => p.value)).toEqual(['c', 'a', 'b']);
  });

  it('lists sources in dataset order and each source once, however the claims are ordered', () => {
    const d = build(
      [{ id: 'size', values: ['a', 'b'] }],
      [
        ['s3', 'size', 'a'],
        ['s0', 'size', 'a'],
        ['s3', 'size', 'a'],
        ['s1', 'size', 'b'],
      ],
    );
    const [size] = computeStandings(d);
    expect(size?.positions[0]).toEqual({ value: 'a', sources: ['s0', 's3'], claims: ['c0', 'c1', 'c2'] });
    // Two sources still beat one source with many claims.
    expect(size?.positions.map((p) => p.value)).toEqual(['a', 'b']);
  });

  it('skips aspects without claims and keeps the dataset order of aspects', () => {
    const d = build(
      [
        { id: 'first', values: ['x'] },
        { id: 'empty', values: ['x'] },
        { id: 'last', values: ['x', 'y'] },
      ],
      [
        ['s1', 'last', 'y'],
        ['s0', 'first', 'x'],
      ],
    );
    expect(computeStandings(d).map((s) => s.aspect)).toEqual(['first', 'last']);
  });

  it('a value no claim takes is not a position', () => {
    const d = build([{ id: 'air', values: ['offered', 'option', 'refused'] }], [['s0', 'air', 'option']]);
    expect(computeStandings(d)[0]?.positions.map((p) => p.value)).toEqual(['option']);
    expect(computeStandings(d)[0]?.disputed).toBe(false);
  });
});

describe('computeConflicts', () => {
  it('keeps only disputed aspects', () => {
    const d = build(
      [
        { id: 'agreed', values: ['x', 'y'] },
        { id: 'disputed', values: ['x', 'y'] },
      ],
      [
        ['s0', 'agreed', 'x'],
        ['s1', 'agreed', 'x'],
        ['s0', 'disputed', 'x'],
        ['s1', 'disputed', 'y'],
      ],
    );
    expect(computeConflicts(d).map((c) => c.aspect)).toEqual(['disputed']);
  });
});

describe('indexDataset', () => {
  const d = build(
    [
      { id: 'air', values: ['offered', 'option'] },
      { id: 'venue', subject: 'summit', values: ['alaska'] },
      { id: 'unused', values: ['x'] },
    ],
    [
      ['s0', 'air', 'offered'],
      ['s4', 'air', 'option'],
      ['s3', 'venue', 'alaska'],
    ],
  );
  const ix = indexDataset(d);

  it('maps ids to items', () => {
    expect(ix.sources.get('s4')?.file).toBe('s4.txt');
    expect(ix.entities.get('trump')?.kind).toBe('person');
    expect(ix.events.get('summit')?.status).toBe('happened');
    expect(ix.aspects.get('venue')?.subject).toBe('summit');
    expect(ix.claims.get('c1')?.value).toBe('option');
  });

  it('groups claims, aspects, standings and events', () => {
    expect(ix.claimsBySubject.get('trump')?.map((c) => c.id)).toEqual(['c0', 'c1']);
    expect(ix.claimsByAspect.get('venue')?.map((c) => c.id)).toEqual(['c2']);
    expect(ix.claimsBySource.get('s4')?.map((c) => c.id)).toEqual(['c1']);
    expect(ix.aspectsBySubject.get('trump')?.map((a) => a.id)).toEqual(['air', 'unused']);
    expect(ix.standingsBySubject.get('trump')?.map((s) => s.aspect)).toEqual(['air']);
    expect(ix.standingByAspect.get('unused')).toBeUndefined();
    expect(ix.conflicts.map((c) => c.aspect)).toEqual(['air']);
    expect(ix.eventsByParticipant.get('trump')?.map((e) => e.id)).toEqual(['summit']);
    expect(ix.eventsByPlace.size).toBe(0);
  });

  it('resolves subjects and is memoized per dataset', () => {
    expect(ix.subject('trump')).toEqual({ kind: 'entity', entity: d.entities[0] });
    expect(ix.subject('summit')?.kind).toBe('event');
    expect(ix.subject('s0')).toBeUndefined();
    expect(indexDataset(d)).toBe(ix);
  });
});

import { describe, expect, it } from 'vitest';
import type { PageSummary } from '../../../core/page-summary';
import { buildBriefView } from '../brief-view';
import { parseDataset } from '../../dataset/validate';
import { fixture, fixtureInput, pageSummary } from './fixture';
import { de, en } from './locale';

const summary = (over: Partial<PageSummary> = {}): PageSummary => pageSummary({ disputed: false, ...over });

describe('buildBriefView', () => {
  const d = fixture();

  it('gives the story at a glance: one line of what happened, how many sources, the disputes one line each', () => {
    const view = buildBriefView(d, 'conf', en)!;
    expect(view.headline.length).toBeLessThanOrEqual(view.summary.length);
    expect(view.headline).toMatch(/[.!?]$/);
    expect(view.sourcesLine).toMatch(/^\d of 4 sources report on it$/);
    expect(view.disputes.map((l) => `${l.question} — ${l.tally}`)).toEqual([
      'How many took part? — 32 (2) · 30 (1)',
      'Did Trump offer US air support? — offered (1) · one option (1) · not mentioned (2)',
    ]);
    expect(view.disputes[1]!.positions[0]!.sources[0]!.quotes.length).toBeGreaterThan(0);
    expect(view.disputes.every((l) => l.page === null)).toBe(true);
  });

  it('puts first what the page says, with how many of the others say so', () => {
    const view = buildBriefView(d, 'conf', {
      ...en,
      summary: summary({ claims: ['trump-air'], assertions: [{ aspect: 'trump-air', value: 'offered' }] }),
    })!;
    expect(view.disputes[0]!.aspect).toBe('trump-air');
    expect(view.disputes[0]!.page).toMatchObject({
      says: 'This page says “offered”',
      others: '1 source says so, 1 says “one option”, 2 do not mention it.',
    });
    const german = buildBriefView(d, 'conf', {
      ...de,
      summary: summary({ claims: ['trump-air'], assertions: [{ aspect: 'trump-air', value: 'option' }] }),
    })!;
    expect(german.disputes[0]!.page?.others).toBe('1 Quelle sagt das auch, 1 sagt „angeboten“, 2 erwähnen es nicht.');
  });

  it('gives the facts in the interface language', () => {
    const view = buildBriefView(d, 'conf', de)!;
    expect(view).toMatchObject({
      title: 'Videokonferenz',
      date: '20. August 2025',
      dateIso: '2025-08-20',
      place: 'Brüssel',
      status: 'stattgefunden',
      summary: 'Die Chefs trafen sich.',
    });
    expect(view.participants).toEqual([{ id: 'nato', name: 'NATO', kind: 'organization', kindLabel: 'Organisation' }]);
  });

  it('orders the timeline by date, places the undated event after what it follows and marks it', () => {
    const view = buildBriefView(d, 'conf', en)!;
    expect(view.timeline.map((i) => [i.id, i.current, i.undated])).toEqual([
      ['summit', false, false],
      ['white-house', false, false],
      ['conf', true, false],
      ['paris', false, true],
    ]);
    expect(view.timeline[3]).toMatchObject({ date: 'date not stated', dateIso: null, status: 'planned' });
  });

  it('builds the matrix: disputed rows first, the event’s own questions, the story’s disputed ones', () => {
    const { matrix } = buildBriefView(d, 'conf', en)!;
    expect(matrix.columns.map((c) => c.id)).toEqual(['s-a', 's-b', 's-c', 's-d']);
    // trump-troops (agreed, about a participant of a related event) is left to that event's brief.
    expect(matrix.rows.map((r) => [r.aspect, r.disputed])).toEqual([
      ['conf-count', true],
      ['trump-air', true],
      ['conf-format', false],
    ]);
    const air = matrix.rows[1]!;
    expect(air.subjectName).toBe('Donald Trump');
    const offered = { key: 'A', label: 'offered', position: 0 };
    const option = { key: 'B', label: 'one option', position: 1 };
    expect(air.values).toEqual([offered, option]);
    expect(air.cells).toEqual([
      { source: 's-a', state: 'reported', values: [offered] },
      { source: 's-b', state: 'silent' },
      { source: 's-c', state: 'silent' },
      { source: 's-d', state: 'reported', values: [option] },
    ]);
    const count = matrix.rows[0]!;
    expect(count.cells[3]).toEqual({ source: 's-d', state: 'not-covered' });
  });

  it('spells out every disagreement', () => {
    expect(buildBriefView(d, 'conf', en)!.matrix.disagreements).toEqual([
      {
        aspect: 'conf-count',
        question: 'How many took part?',
        statement: '“32” according to Agency A and A supplied title that is rather…; “30” according to Shared Pub.',
      },
      {
        aspect: 'trump-air',
        question: 'Did Trump offer US air support?',
        statement:
          '“offered” according to Agency A; “one option” according to Shared Pub: two; not mentioned by A supplied title that is rather… and Shared Pub.',
      },
    ]);
    expect(buildBriefView(d, 'conf', de)!.matrix.disagreements[1]!.statement).toBe(
      '„angeboten“ laut Agency A; „eine Option“ laut Shared Pub: two; nicht erwähnt von A supplied title that is rather… und Shared Pub.',
    );
  });

  it('lists all sources, the page being read last as "This page"', () => {
    const view = buildBriefView(d, 'conf', { ...en, summary: summary({ source: 's-b' }) })!;
    expect(view.sources.map((s) => [s.id, s.short])).toEqual([
      ['s-a', 'Agency A'],
      ['s-c', 'Shared Pub'],
      ['s-d', 'Shared Pub: two'],
      ['s-b', 'This page'],
    ]);
    expect(view.sources[0]).toMatchObject({ date: '20 August 2025', titleSupplied: false, publisher: 'Agency A' });
    expect(view.sources[1]).toMatchObject({ date: 'date not stated', dateIso: null });
    expect(view.matrix.columns.at(-1)).toMatchObject({ id: 's-b', thisPage: true });
  });

  it('returns null for an unknown event', () => {
    expect(buildBriefView(d, 'nope', en)).toBeNull();
  });

  it('places undated events: before what they precede, after what they follow if they happened, else last', () => {
    const input = fixtureInput();
    input.events.push({
      ...input.events[2]!,
      id: 'prelude',
      date: null,
      before: [],
      after: ['summit'],
      status: 'happened',
    });
    input.events.push({
      ...input.events[2]!,
      id: 'aftermath',
      date: null,
      before: ['summit'],
      after: [],
      status: 'happened',
    });
    const view = buildBriefView(parseDataset(input), 'conf', en)!;
    expect(view.timeline.map((i) => i.id)).toEqual(['prelude', 'summit', 'aftermath', 'white-house', 'conf', 'paris']);
  });
});

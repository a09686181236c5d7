import { describe, expect, it } from 'vitest';
import { buildPopoverView } from '../popover-view';
import { fixture } from './fixture';
import { de, en } from './locale';

const chips = (refs: { short: string }[]) => refs.map((r) => r.short);

describe('buildPopoverView for an entity', () => {
  const d = fixture();

  it('puts the disputed aspect first, with positions, sources and silent sources', () => {
    const view = buildPopoverView(d, { type: 'entity', id: 'trump' }, en)!;
    expect(view.heading).toBe('Donald Trump');
    expect(view.kindLabel).toBe('Person');
    expect(view.description).toBe('US president');
    expect(view.disputes.map((a) => a.id)).toEqual(['trump-air']);
    const [air] = view.disputes;
    expect(air!.question).toBe('Did Trump offer US air support?');
    expect(air!.positions.map((p) => [p.label, p.sources.map((s) => s.id)])).toEqual([
      ['offered', ['s-a']],
      ['one option', ['s-d']],
    ]);
    expect(air!.silent.map((s) => s.id)).toEqual(['s-b', 's-c']);
    expect(view.agreements.map((a) => a.id)).toEqual(['trump-troops']);
  });

  it('names sources by their short name, else publisher or shortened title, each distinct, full title on hover', () => {
    const view = buildPopoverView(d, { type: 'entity', id: 'trump' }, en)!;
    const air = view.disputes[0]!;
    expect(air.positions[0]!.sources[0]).toMatchObject({ number: 1, short: 'Agency A', name: 'Agency A' });
    expect(air.positions[0]!.sources[0]!.tooltip).toBe('Conference report · Agency A · 20 August 2025');
    expect(air.positions[1]!.sources[0]).toMatchObject({
      number: 4,
      short: 'Shared Pub: two',
      shortSupplied: true,
    });
    expect(air.silent.map((s) => s.short)).toEqual(['A supplied title that is rather…', 'Shared Pub']);
    const shortNames = d.sources.map(
      (s) =>
        buildPopoverView(d, { type: 'entity', id: 'trump' }, en)!.reports.find((r) => r.source.id === s.id)?.source
          .short,
    );
    expect(new Set(shortNames).size).toBe(shortNames.length);
  });

  it('tells apart two reports of one publisher that have no short name', () => {
    const same = fixture();
    delete same.sources[3]!.shortName;
    const view = buildPopoverView(same, { type: 'entity', id: 'trump' }, en)!;
    expect(view.reports.map((r) => r.source.short)).toEqual([
      'Agency A',
      'A supplied title that is rather…',
      'Shared Pub',
      'Shared Pub (4)',
    ]);
  });

  it('says in one line per source what it reported', () => {
    const view = buildPopoverView(d, { type: 'entity', id: 'trump' }, en)!;
    expect(view.reports.map((r) => r.line)).toEqual([
      expect.stringMatching(/^s-a says /),
      's-b says ruled-out',
      expect.any(String),
      expect.any(String),
    ]);
    expect(view.disputeLines.map((l) => `${l.question} — ${l.tally}`)).toEqual([
      'Did Trump offer US air support? — offered (1) · one option (1) · not mentioned (2)',
    ]);
  });

  it('lists per source what it reported, with the quote, and sources that only name it last', () => {
    const view = buildPopoverView(d, { type: 'entity', id: 'trump' }, en)!;
    expect(view.reports.map((r) => r.source.id)).toEqual(['s-a', 's-b', 's-c', 's-d']);
    const b = view.reports[1]!;
    expect(b.source).toMatchObject({ publisher: 'publisher not named', publisherNamed: false, titleSupplied: true });
    expect(b.source.date).toBe('August 2025');
    expect(b.source.language).toBe('German');
    expect(b.claims).toEqual([
      {
        id: 'c3',
        question: 'Did Trump rule out US troops?',
        summary: 's-b says ruled-out',
        quote: 'Truppen ausgeschlossen',
      },
    ]);
    const nato = buildPopoverView(d, { type: 'entity', id: 'nato' }, en)!;
    expect(nato.reports).toHaveLength(1);
    expect(nato.reports[0]).toMatchObject({ claims: [], namedIn: ['die NATO tagte'] });
  });

  it('lists the events and opens the main story’s brief', () => {
    const view = buildPopoverView(d, { type: 'entity', id: 'trump' }, en)!;
    expect(view.events.map((e) => e.id).sort()).toEqual(['summit', 'white-house']);
    expect(view.briefEvent).toBe('conf');
    expect(buildPopoverView(d, { type: 'entity', id: 'loner' }, en)!.briefEvent).toBe('conf');
  });

  it('resolves everything to German', () => {
    const view = buildPopoverView(d, { type: 'entity', id: 'trump' }, de)!;
    expect(view.kindLabel).toBe('Person');
    expect(view.description).toBe('US-Präsident');
    expect(view.disputes[0]!.positions[1]!.label).toBe('eine Option');
    expect(view.reports[1]!.source.publisher).toBe('Herausgeber nicht genannt');
    expect(view.reports[1]!.source.language).toBe('Deutsch');
  });

  it('shows the page being read as "This page", last and apart', () => {
    const view = buildPopoverView(d, { type: 'entity', id: 'trump' }, { ...en, pageSource: 's-a' })!;
    expect(view.pageIsSource).toBe(true);
    expect(view.reports.map((r) => r.source.id)).toEqual(['s-b', 's-c', 's-d']);
    expect(view.thisPage?.source).toMatchObject({ id: 's-a', short: 'This page', thisPage: true });
    const troops = view.agreements[0]!;
    expect(chips(troops.silent)).toEqual(['Shared Pub: two', 'This page']);
  });

  it('returns null for an unknown id', () => {
    expect(buildPopoverView(d, { type: 'entity', id: 'nobody' }, en)).toBeNull();
  });
});

describe('buildPopoverView for an event', () => {
  it('describes date, place and status and lists the related events', () => {
    const view = buildPopoverView(fixture(), { type: 'event', id: 'conf' }, en)!;
    expect(view.kindLabel).toBe('Event');
    expect(view.heading).toBe('Video conference');
    expect(view.description).toBe('20 August 2025 · Brussels · happened');
    expect(view.disputes.map((a) => a.id)).toEqual(['conf-count']);
    expect(view.agreements.map((a) => a.id)).toEqual(['conf-format']);
    expect(view.events.map((e) => e.id).sort()).toEqual(['paris', 'summit', 'white-house']);
    expect(view.briefEvent).toBe('conf');
  });
});

describe('buildPopoverView for a disputed sentence', () => {
  it('leads with the aspect and says who agrees with the sentence and who does not', () => {
    const view = buildPopoverView(fixture(), { type: 'claim', aspect: 'trump-air', value: 'option' }, en)!;
    expect(view.kind).toBe('claim');
    expect(view.heading).toBe('Did Trump offer US air support?');
    expect(view.description).toBe('Donald Trump');
    expect(view.verdict?.says).toBe('This sentence says: one option');
    expect(view.verdict?.agreeing.map((s) => s.id)).toEqual(['s-d']);
    expect(view.verdict?.contradicting.map((p) => p.value)).toEqual(['offered']);
    expect(view.verdict?.agreesText).toBe('This sentence agrees with: Shared Pub: two');
    expect(view.verdict?.contradictsText).toBe('It contradicts: “offered” according to Agency A');
    expect(view.disputes.map((a) => a.id)).toEqual(['trump-air']);
    expect(view.reports.flatMap((r) => r.claims.map((c) => c.id))).toEqual(['c1', 'c2']);
  });

  it('leaves the page itself out of the verdict', () => {
    const view = buildPopoverView(
      fixture(),
      { type: 'claim', aspect: 'trump-air', value: 'option' },
      { ...de, pageSource: 's-d' },
    )!;
    expect(view.verdict?.agreesText).toBe('Dieser Satz stimmt überein mit: keine');
    expect(view.thisPage?.claims.map((c) => c.id)).toEqual(['c2']);
  });
});

/**
 * `compileMatcher` works for any valid dataset, not just the bundled story:
 * here a football transfer, built inline, plus a minimal and a large
 * generated dictionary.
 */
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../dataset/validate';
import type { DatasetInput } from '../../dataset/schema';
import { compileMatcher } from '../index';

const L = (de: string, en: string = de) => ({ de, en });
const ev = (source: string, quote: string) => [{ source, quote }];

const football: DatasetInput = {
  version: 1,
  name: 'Transfer story',
  sources: [
    { id: 'kicker', file: 'a.txt', title: 'A', titleSupplied: false, publisher: null, language: 'de', published: null },
    { id: 'sun', file: 'b.txt', title: 'B', titleSupplied: false, publisher: null, language: 'en', published: null },
  ],
  entities: [
    {
      id: 'kane',
      kind: 'person',
      name: L('Harry Kane'),
      aliases: ['Harry Kane', 'Kane'],
      ambiguous: [],
      description: L('Stürmer', 'Striker'),
      evidence: ev('kicker', 'Kane unterschrieb bis 2027, teilte der Verein am Samstag mit.'),
    },
    {
      id: 'bayern',
      kind: 'organization',
      name: L('FC Bayern München', 'Bayern Munich'),
      aliases: ['FC Bayern München', 'FC Bayern', 'Bayern Munich', 'Bayern'],
      ambiguous: ['Bayern'],
      description: L('Verein', 'Club'),
      evidence: ev('kicker', 'FC Bayern'),
    },
    {
      id: 'deligt',
      kind: 'person',
      name: L('Matthijs de Ligt'),
      aliases: ['Matthijs de Ligt', 'de Ligt'],
      ambiguous: [],
      description: L('Verteidiger', 'Defender'),
      evidence: ev('sun', 'de Ligt'),
    },
    {
      id: 'spurs',
      kind: 'organization',
      name: L('Tottenham Hotspur'),
      aliases: ['Tottenham Hotspur', 'Tottenham', 'Spurs'],
      ambiguous: ['Spurs'],
      description: L('Verein', 'Club'),
      evidence: ev('sun', 'Spurs'),
    },
    {
      id: 'munich',
      kind: 'place',
      name: L('München', 'Munich'),
      aliases: ['München', 'Munich'],
      ambiguous: [],
      description: L('Stadt', 'City'),
      evidence: ev('kicker', 'München'),
    },
  ],
  events: [
    {
      id: 'transfer',
      title: L('Kanes Wechsel nach München', "Kane's move to Munich"),
      date: { value: '2023-08', precision: 'month' },
      status: 'happened',
      place: 'munich',
      participants: ['kane', 'bayern', 'spurs'],
      summary: L('Rekordtransfer', 'Record transfer'),
      triggers: { de: ['Rekordtransfer', 'Wechsel'], en: ['record transfer', 'move'] },
      cues: { de: ['Medizincheck'], en: ['medical'] },
      before: [],
      after: [],
      evidence: ev('kicker', 'Rekordtransfer'),
    },
  ],
  aspects: [
    {
      id: 'fee',
      subject: 'transfer',
      label: L('Wie hoch war die Ablöse?', 'How high was the fee?'),
      values: [
        { value: '100m', label: L('100 Millionen'), signals: { de: ['100 Millionen'], en: ['€100m', '100 million'] } },
        { value: '120m', label: L('120 Millionen'), signals: { de: ['120 Millionen'], en: ['€120m', '120 million'] } },
      ],
      cues: { de: ['Ablöse', 'Ablösesumme'], en: ['fee'] },
    },
  ],
  claims: [
    {
      id: 'k1',
      source: 'kicker',
      subject: 'transfer',
      aspect: 'fee',
      value: '100m',
      summary: L('100'),
      quote: 'Die Ablöse beträgt 100 Millionen Euro plus Boni, bestätigte der Klub.',
    },
    {
      id: 's1',
      source: 'sun',
      subject: 'transfer',
      aspect: 'fee',
      value: '120m',
      summary: L('120'),
      quote: 'Spurs banked a fee of 120 million euros in the end, we understand.',
    },
  ],
};

describe('any valid dataset', () => {
  const matcher = compileMatcher(parseDataset(football));

  it('recognizes its own names, events and disputed claims', () => {
    const text =
      'Harry Kane hat den Medizincheck in München bestanden. Der Rekordtransfer vom Tottenham Hotspur zum FC Bayern ' +
      'ist perfekt; die Ablöse liegt bei 100 Millionen Euro. Auch de Ligt gratulierte, in Bayern feierten die Fans.';
    const r = matcher.scan(text);
    expect(r.relevant).toBe(true);
    expect(r.mentions.map((m) => [m.text, m.kind, m.id, m.ambiguous])).toEqual([
      ['Harry Kane', 'person', 'kane', false],
      ['München', 'place', 'munich', false],
      ['Rekordtransfer', 'event', 'transfer', false],
      ['Tottenham Hotspur', 'organization', 'spurs', false],
      ['FC Bayern', 'organization', 'bayern', false],
      ['de Ligt', 'person', 'deligt', false],
      ['Bayern', 'organization', 'bayern', true],
    ]);
    expect(r.events.map((e) => e.evidence)).toEqual([
      [
        'trigger "Rekordtransfer"',
        'key term "Medizincheck"',
        'place munich',
        'participant kane',
        'participant spurs',
        'participant bayern',
      ],
    ]);
    expect(r.claims.map((c) => [c.value, c.agree, c.disagree])).toEqual([['100m', ['kicker'], ['sun']]]);
  });

  it('recognizes its own sources', () => {
    const claimQuote = football.claims[0]!.quote;
    const evidenceQuote = football.entities[0]!.evidence[0]!.quote;
    const both = matcher.scan(`Transfer-Ticker. ${claimQuote} Harry Kane lächelte. ${evidenceQuote} Mehr bald.`);
    expect(both.relevant).toBe(true);
    expect(both.source).toBe('kicker');
    expect(both.sourceEvidence).toEqual([claimQuote, evidenceQuote]);
    // One of the two quotes is not enough.
    expect(matcher.scan(`Transfer-Ticker. ${claimQuote} Harry Kane lächelte.`, { relevant: true }).source).toBeNull();
  });

  it('stays quiet on a text that only shares an ambiguous word', () => {
    const r = matcher.scan('Urlaub in Bayern: Wandern, Seen und ein Wechsel der Jahreszeiten. Spurs im Schnee.');
    expect(r.relevant).toBe(false);
    expect(r.mentions).toEqual([]);
  });

  it('a dataset with no events, aspects or claims still matches names', () => {
    const minimal = compileMatcher(
      parseDataset({ ...football, events: [], aspects: [], claims: [] } satisfies DatasetInput),
    );
    expect(minimal.findHits('Kane und de Ligt').map((h) => [h.kind, h.id])).toEqual([
      ['alias', 'kane'],
      ['alias', 'deligt'],
    ]);
    expect(minimal.aliasCount).toBe(13);
  });

  it('a large generated dictionary finds the same names with the same offsets', () => {
    const big = structuredClone(football);
    for (let i = 0; i < 5000; i++) {
      const name = `Spieler${i.toString(36)}`;
      big.entities.push({
        id: `gen-${i}`,
        kind: 'person',
        name: L(name),
        aliases: [name, `Vorname${i} ${name}`],
        ambiguous: [],
        description: L('x'),
        evidence: ev('kicker', 'x'),
      });
    }
    const large = compileMatcher(parseDataset(big));
    expect(large.aliasCount).toBe(13 + 10000);
    const n = (i: number) => `Spieler${i.toString(36)}`;
    const text = `Kane traf, Vorname77 ${n(77)} und ${n(4399)} jubelten, de Ligt auch. Spielerzzz ist keiner.`;
    expect(large.findHits(text).map((h) => [h.text, h.id])).toEqual([
      ['Kane', 'kane'],
      [`Vorname77 ${n(77)}`, 'gen-77'],
      [n(4399), 'gen-4399'],
      ['de Ligt', 'deligt'],
    ]);
    const small = matcher.findHits(text).filter((h) => h.kind === 'alias');
    expect(small.map((h) => h.text)).toEqual(['Kane', 'de Ligt']);
  });
});

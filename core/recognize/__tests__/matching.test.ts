/**
 * The one-pass matcher: names in real-world German and English text.
 * Texts are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher, foldToken, type Hit, type Mention } from '../index';
import { linkSpans } from '../hits';
import { fixture } from './fixture';

const matcher = compileMatcher(fixture);

/** Alias hits as [text, entity id]. */
function names(text: string): Array<[string, string]> {
  return matcher
    .findHits(text)
    .filter((h) => h.kind === 'alias')
    .map((h) => [h.text, h.id]);
}

/** Every hit's offsets reproduce its text. */
function expectExactOffsets(text: string, items: Array<Hit | Mention>): void {
  for (const h of items) expect(text.slice(h.start, h.end)).toBe(h.text);
}

describe('folding', () => {
  it('lower-cases, strips diacritics and invisible characters, spells out ß', () => {
    expect(foldToken('Erdoğan')).toBe('erdogan');
    expect(foldToken('ERDOĞAN')).toBe('erdogan');
    expect(foldToken('Außenminister')).toBe('aussenminister');
    expect(foldToken('Selen\u00ADskyj')).toBe('selenskyj');
    expect(foldToken('Sel\u200Benskyj')).toBe('selenskyj');
    expect(foldToken('Łukaszenka')).toBe('lukaszenka');
    expect(foldToken('Zelenskyy')).toBe('zelenskyy');
  });
});

describe('names', () => {
  it('finds inflected and possessive forms, German and English', () => {
    const text = "Putins Sprecher, Selenskyjs Büro und Trumps Team; Trump's aide and Trump’s plan.";
    expect(names(text)).toEqual([
      ['Putins', 'putin'],
      ['Selenskyjs', 'zelensky'],
      ['Trumps', 'trump'],
      ['Trump', 'trump'],
      ['Trump', 'trump'],
    ]);
  });

  it('inflects the last word of a multi-word name', () => {
    expect(names('Wolodymyr Selenskyjs Besuch')).toEqual([['Wolodymyr Selenskyjs', 'zelensky']]);
  });

  it('strips only the listed endings, and only down to a stem of 3 or more characters', () => {
    expect(names('Die Natos und des Ruttes')).toEqual([['Natos', 'nato']]);
    expect(names('Trumpf, Putinismus, Trumpet, die USs')).toEqual([]);
  });

  it('finds the name part of hyphenated compounds, with the offsets of the name only', () => {
    const text = 'Der Nato-Beitritt, der Ukraine-Krieg und eine Anti-Trump-Demo.';
    const hits = matcher.findHits(text).filter((h) => h.kind === 'alias');
    expect(hits.map((h) => [h.text, h.start])).toEqual([
      ['Nato', text.indexOf('Nato')],
      ['Trump', text.indexOf('Trump')],
    ]);
    expectExactOffsets(text, hits);
  });

  it('matches ALL-CAPS headlines', () => {
    expect(names('KEIN NATO-BEITRITT: SELENSKYJ TRIFFT TRUMP')).toEqual([
      ['NATO', 'nato'],
      ['SELENSKYJ', 'zelensky'],
      ['TRUMP', 'trump'],
    ]);
    expect(names('SELENSKYJS PLAN')).toEqual([['SELENSKYJS', 'zelensky']]);
  });

  it('treats names as proper nouns: lower-case words are not names', () => {
    // "trump" the card-game verb, "putin" in a lower-case slug.
    expect(names('In this game you trump the ace; a putin bowl.')).toEqual([]);
    // Alias tokens written in lower case ("der") match any case, the capitalized ones must stay capitalized.
    expect(names('die Koalition der Willigen, die koalition der willigen')).toEqual([
      ['Koalition der Willigen', 'coalition'],
    ]);
    // Short all-caps aliases need all caps: English "us" and "Us" are not the USA.
    expect(names('Join us. Us and them. The US and the USA.')).toEqual([
      ['US', 'usa'],
      ['USA', 'usa'],
    ]);
  });

  it('handles soft hyphens, NBSP and line breaks inside names', () => {
    const text = 'Selen\u00ADskyj traf Donald\u00A0Trump, dann Donald\nTrump und Donald\r\n   Trump.';
    const hits = matcher.findHits(text).filter((h) => h.kind === 'alias');
    expect(hits.map((h) => [h.text, h.id])).toEqual([
      ['Selen\u00ADskyj', 'zelensky'],
      ['Donald\u00A0Trump', 'trump'],
      ['Donald\nTrump', 'trump'],
      ['Donald\r\n   Trump', 'trump'],
    ]);
    expectExactOffsets(text, hits);
  });

  it('finds names inside typographic quotes and next to dashes', () => {
    const text = '„Trump“ – ‚Putin‘ — »Selenskyj« “Nato” ’Merz’ (Dragone)';
    expect(names(text)).toEqual([
      ['Trump', 'trump'],
      ['Putin', 'putin'],
      ['Selenskyj', 'zelensky'],
      ['Nato', 'nato'],
      ['Merz', 'merz'],
      ['Dragone', 'dragone'],
    ]);
  });

  it('does not join words across sentence punctuation or dashes', () => {
    // "Donald. Trump" is not "Donald Trump"; "Koalition – der Willigen" is not the group.
    expect(names('Es sprach Donald. Trump schwieg.')).toEqual([['Trump', 'trump']]);
    expect(names('Koalition – der Willigen')).toEqual([]);
  });

  it('prefers the longest match and never overlaps', () => {
    const text = 'US-Präsident Donald Trump, Giuseppe Cavo Dragone, Cavo Dragone und die Koalition der Willigen.';
    const hits = matcher.findHits(text).filter((h) => h.kind === 'alias');
    expect(hits.map((h) => h.text)).toEqual([
      'US-Präsident',
      'Donald Trump',
      'Giuseppe Cavo Dragone',
      'Cavo Dragone',
      'Koalition der Willigen',
    ]);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.start).toBeGreaterThanOrEqual(hits[i - 1]!.end);
    expectExactOffsets(text, hits);
  });

  it('matches punctuation written in a phrase, including a trailing period', () => {
    expect(names('Treffen in Washington, D.C. am Montag')).toEqual([['Washington, D.C.', 'washington']]);
    expect(names('Treffen in Washington am Montag')).toEqual([['Washington', 'washington']]);
  });

  it('folds diacritics both ways and keeps transliterations apart', () => {
    expect(names('Erdogan, ERDOĞAN, Erdoğan, Recep Tayyip Erdogan')).toEqual([
      ['Erdogan', 'erdogan'],
      ['ERDOĞAN', 'erdogan'],
      ['Erdoğan', 'erdogan'],
      ['Recep Tayyip Erdogan', 'erdogan'],
    ]);
    // Zelenskyy and Selenskyj are aliases; "Zelenskyj" is a spelling the fixture does not list.
    expect(names('Zelenskyy, Selenskyj, Zelenskyj')).toEqual([
      ['Zelenskyy', 'zelensky'],
      ['Selenskyj', 'zelensky'],
    ]);
  });

  it('ignores names inside URLs and e-mail addresses', () => {
    const text =
      'Siehe https://example.org/trump-putin und www.putin.example/Trump oder putin@kremlin.example; Trump antwortete (https://x.example/Nato).';
    const hits = matcher.findHits(text).filter((h) => h.kind === 'alias');
    expect(hits.map((h) => [h.text, h.start])).toEqual([['Trump', text.indexOf('Trump antwortete')]]);
  });

  it('finds link spans without swallowing the sentence punctuation after them', () => {
    const text = 'Mehr unter https://example.org/a. Oder an Trump@Example.org, danke.';
    const spans = linkSpans(text);
    expect(spans).toEqual([
      text.indexOf('https'),
      text.indexOf('/a.') + 2,
      text.indexOf('Trump@'),
      text.indexOf(', danke'),
    ]);
  });

  it('keeps exact UTF-16 offsets after astral characters and combining marks', () => {
    const text = '😀 Erdog\u0306an und 𝒳 Trump';
    const hits = matcher.findHits(text).filter((h) => h.kind === 'alias');
    expect(hits.map((h) => h.text)).toEqual(['Erdog\u0306an', 'Trump']);
    expectExactOffsets(text, hits);
  });

  it('flags ambiguous aliases', () => {
    const hits = matcher.findHits('Dan Caine und Caine').filter((h) => h.kind === 'alias');
    expect(hits.map((h) => [h.text, h.ambiguous])).toEqual([
      ['Dan Caine', false],
      ['Caine', true],
    ]);
  });

  it('reports triggers, cues and signals as separate hit kinds that may overlap names', () => {
    const text = 'Der Trump-Putin-Gipfel; Trump stellte Luftunterstützung in Aussicht.';
    const hits = matcher.findHits(text);
    expect(hits.map((h) => [h.kind, h.text, h.value ?? null])).toEqual([
      ['alias', 'Trump', null],
      ['trigger', 'Trump-Putin-Gipfel', null],
      ['alias', 'Putin', null],
      ['alias', 'Trump', null],
      ['aspect-cue', 'Luftunterstützung', null],
      ['signal', 'in Aussicht', 'offered'],
    ]);
    expectExactOffsets(text, hits);
  });

  it('counts the compiled aliases once per entity and folded spelling ("NATO" = "Nato")', () => {
    const all = fixture.entities.flatMap((e) => e.aliases.map((a) => `${e.id}:${a}`));
    const distinct = new Set(fixture.entities.flatMap((e) => e.aliases.map((a) => `${e.id}:${foldToken(a)}`)));
    expect(distinct.size).toBe(all.length - 1);
    expect(matcher.aliasCount).toBe(distinct.size);
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { foldName } from '../fold';
import { isCalendarDate } from '../schema';
import { DatasetValidationError, parseDataset, validateDataset, type DatasetError } from '../validate';

/** A small valid dataset; every test breaks one thing in a fresh copy. */
function valid() {
  const L = (de: string, en: string) => ({ de, en });
  return {
    version: 1,
    name: 'Test',
    sources: [
      {
        id: 'r0',
        file: 'r0.txt',
        title: 'Bericht null',
        titleSupplied: false,
        publisher: null,
        language: 'de',
        published: { value: '2025-08-20', precision: 'day' },
      },
      {
        id: 'r1',
        file: 'r1.txt',
        title: 'Bericht eins',
        titleSupplied: true,
        publisher: 'Blatt',
        language: 'en',
        published: { value: '2025-08-18', precision: 'week', basis: 'written that week' },
      },
    ],
    entities: [
      {
        id: 'trump',
        kind: 'person',
        name: L('Donald Trump', 'Donald Trump'),
        aliases: ['Donald Trump', 'Trump', 'US-Präsident'],
        ambiguous: ['US-Präsident'],
        description: L('US-Präsident', 'US president'),
        evidence: [{ source: 'r0', quote: 'Trump' }],
      },
      {
        id: 'alaska',
        kind: 'place',
        name: L('Alaska', 'Alaska'),
        aliases: ['Alaska'],
        ambiguous: [],
        description: L('US-Bundesstaat', 'US state'),
        evidence: [{ source: 'r1', quote: 'Alaska' }],
      },
    ],
    events: [
      {
        id: 'summit',
        title: L('Gipfel', 'Summit'),
        date: { value: '2025-08-15', precision: 'day' },
        status: 'happened',
        place: 'alaska',
        participants: ['trump'],
        summary: L('Gipfel in Alaska', 'Summit in Alaska'),
        triggers: { de: ['Gipfel in Alaska'], en: [] },
        cues: { de: [], en: ['August 15'] },
        before: [] as string[],
        after: ['talks'],
        evidence: [{ source: 'r0', quote: 'Gipfel' }],
      },
      {
        id: 'talks',
        title: L('Gespräche', 'Talks'),
        date: null,
        status: 'planned',
        place: null,
        participants: [] as string[],
        summary: L('Weitere Gespräche', 'Further talks'),
        triggers: { de: [], en: ['further talks'] },
        cues: { de: [], en: [] },
        before: ['summit'],
        after: [] as string[],
        evidence: [{ source: 'r1', quote: 'talks' }],
      },
    ],
    aspects: [
      {
        id: 'air',
        subject: 'trump',
        label: L('Luftunterstützung?', 'Air support?'),
        values: [
          { value: 'offered', label: L('angeboten', 'offered'), signals: { de: ['in Aussicht'], en: ['offered'] } },
          { value: 'option', label: L('Option', 'option') },
        ],
        cues: { de: ['Luftunterstützung'], en: ['air support'] },
      },
    ],
    claims: [
      {
        id: 'air-r0',
        source: 'r0',
        subject: 'trump',
        aspect: 'air',
        value: 'offered',
        summary: L('angeboten', 'offered'),
        quote: 'Luftunterstützung in Aussicht',
      },
    ],
  };
}

type Input = ReturnType<typeof valid>;

function errorsOf(input: unknown): DatasetError[] {
  const r = validateDataset(input);
  if (r.ok) throw new Error('expected the dataset to be invalid');
  return r.errors;
}

/** Breaks a fresh valid dataset with `mutate` and expects exactly this error. */
function expectError(mutate: (d: Input) => unknown, path: string, message: string | RegExp) {
  const d = valid();
  const result = mutate(d);
  const errors = errorsOf(result === undefined ? d : result);
  const found = errors.find((e) => e.path === path);
  expect(found, `no error at ${path}; got ${JSON.stringify(errors)}`).toBeDefined();
  if (typeof message === 'string') expect(found!.message).toBe(message);
  else expect(found!.message).toMatch(message);
}

describe('validateDataset', () => {
  it('accepts a valid dataset and returns it typed', () => {
    const r = validateDataset(valid());
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.dataset.sources.map((s) => s.id)).toEqual(['r0', 'r1']);
      expect(r.dataset.claims[0]?.value).toBe('offered');
    }
  });

  it('trims strings on the way in', () => {
    const d = valid();
    d.name = '  Test  ';
    const r = validateDataset(d);
    expect(r.ok && r.dataset.name).toBe('Test');
  });

  describe('the document itself', () => {
    it.each([
      ['a number', 5, 'must be an object'],
      ['null', null, 'must be an object'],
      ['a string', 'dataset', 'must be an object'],
      ['an array', [], 'must be an object, not an array'],
    ])('rejects %s at $', (_, input, message) => {
      expect(errorsOf(input)).toEqual([{ path: '$', message }]);
    });

    it('rejects another version', () => expectError((d) => ({ ...d, version: 2 }), '$.version', 'must be 1'));
    it('rejects a missing name', () => {
      expectError(
        (d) => {
          const { name: _omit, ...rest } = d;
          return rest;
        },
        '$.name',
        'is required',
      );
    });
    it('rejects an empty name', () => expectError((d) => ({ ...d, name: '   ' }), '$.name', 'must not be empty'));
    it('rejects an extra top-level field', () =>
      expectError((d) => ({ ...d, comment: 'x' }), '$.comment', 'is not an allowed field'));
    it('rejects no sources', () =>
      expectError((d) => ({ ...d, sources: [] }), '$.sources', 'must list at least one source'));
    it('rejects a collection that is not an array', () =>
      expectError((d) => ({ ...d, claims: {} }), '$.claims', 'must be an array'));
    it('rejects an array where an object belongs, once', () => {
      const d = valid() as unknown as { sources: unknown[] };
      d.sources[1] = [];
      const errors = errorsOf(d);
      expect(errors.filter((e) => e.path.startsWith('$.sources[1]'))).toEqual([
        { path: '$.sources[1]', message: 'must be an object, not an array' },
      ]);
    });
  });

  describe('wrong types and missing or extra fields', () => {
    it('source: titleSupplied must be boolean', () =>
      expectError(
        (d) => void ((d.sources[0] as Record<string, unknown>).titleSupplied = 'yes'),
        '$.sources[0].titleSupplied',
        'must be true or false',
      ));
    it('source: publisher must be a string or null', () =>
      expectError(
        (d) => void ((d.sources[0] as Record<string, unknown>).publisher = 5),
        '$.sources[0].publisher',
        'must be a string',
      ));
    it('source: language must be de or en', () =>
      expectError((d) => void (d.sources[0]!.language = 'fr'), '$.sources[0].language', 'must be "de" or "en"'));
    it('source: file is required', () =>
      expectError(
        (d) => void delete (d.sources[0] as Partial<Input['sources'][0]>).file,
        '$.sources[0].file',
        'is required',
      ));
    it('source: published is required (null allowed)', () =>
      expectError(
        (d) => void delete (d.sources[0] as Partial<Input['sources'][0]>).published,
        '$.sources[0].published',
        'is required',
      ));
    it('source: extra field', () =>
      expectError(
        (d) => void ((d.sources[0] as Record<string, unknown>).url = 'x'),
        '$.sources[0].url',
        'is not an allowed field',
      ));
    it('entity: kind must be known', () =>
      expectError(
        (d) => void (d.entities[0]!.kind = 'city'),
        '$.entities[0].kind',
        'must be person, organization, place or group',
      ));
    it('entity: aliases must be an array of strings', () =>
      expectError(
        (d) => void ((d.entities[0] as Record<string, unknown>).aliases = 'Trump'),
        '$.entities[0].aliases',
        'must be an array of strings',
      ));
    it('entity: an alias must be a string', () =>
      expectError(
        (d) => void ((d.entities[0]!.aliases as unknown[])[1] = 7),
        '$.entities[0].aliases[1]',
        'must be a string',
      ));
    it('entity: at least one alias', () =>
      expectError(
        (d) => void ((d.entities[0]!.aliases = []), (d.entities[0]!.ambiguous = [])),
        '$.entities[0].aliases',
        'must list at least one alias',
      ));
    it('entity: no blank alias', () =>
      expectError((d) => void (d.entities[0]!.aliases[0] = '  '), '$.entities[0].aliases[0]', 'must not be empty'));
    it('entity: localized text needs en', () =>
      expectError(
        (d) => void ((d.entities[0] as Record<string, unknown>).name = { de: 'Trump' }),
        '$.entities[0].name.en',
        'must be an object with exactly the keys "de" and "en"',
      ));
    it('entity: localized text takes no other language', () =>
      expectError(
        (d) => void ((d.entities[0]!.name as Record<string, string>).fr = 'Trump'),
        '$.entities[0].name.fr',
        'must be an object with exactly the keys "de" and "en"',
      ));
    it('entity: at least one evidence quote', () =>
      expectError(
        (d) => void (d.entities[0]!.evidence = []),
        '$.entities[0].evidence',
        'must cite at least one quote',
      ));
    it('entity: evidence quote must not be empty', () =>
      expectError(
        (d) => void (d.entities[0]!.evidence[0]!.quote = ''),
        '$.entities[0].evidence[0].quote',
        'must not be empty',
      ));
    it('event: status must be known', () =>
      expectError(
        (d) => void (d.events[0]!.status = 'done'),
        '$.events[0].status',
        'must be happened, planned, proposed or ongoing',
      ));
    it('event: triggers need both language lists', () =>
      expectError(
        (d) => void ((d.events[0] as Record<string, unknown>).triggers = { de: ['Gipfel in Alaska'] }),
        '$.events[0].triggers.en',
        'must be an object with the keys "de" and "en" (and optionally "fr", "it", "es", "pl")',
      ));
    it('event: participants must be an array', () =>
      expectError(
        (d) => void ((d.events[0] as Record<string, unknown>).participants = 'trump'),
        '$.events[0].participants',
        'must be an array',
      ));
    it('event: at least one trigger phrase', () =>
      expectError(
        (d) => void (d.events[1]!.triggers = { de: [], en: [] }),
        '$.events[1].triggers',
        'must list at least one trigger phrase',
      ));
    it('aspect: at least one value', () =>
      expectError((d) => void (d.aspects[0]!.values = []), '$.aspects[0].values', 'must list at least one value'));
    it('aspect: signals take no extra keys', () =>
      expectError(
        (d) => void ((d.aspects[0]!.values[0]!.signals as Record<string, unknown>).ru = []),
        '$.aspects[0].values[0].signals.ru',
        'must be an object with the keys "de" and "en" (and optionally "fr", "it", "es", "pl")',
      ));
    it('claim: quote is required', () =>
      expectError(
        (d) => void delete (d.claims[0] as Partial<Input['claims'][0]>).quote,
        '$.claims[0].quote',
        'is required',
      ));
    it('claim: summary must be localized', () =>
      expectError(
        (d) => void ((d.claims[0] as Record<string, unknown>).summary = 'angeboten'),
        '$.claims[0].summary',
        'must be an object with exactly the keys "de" and "en"',
      ));
  });

  describe('ids', () => {
    it.each([
      ['upper case', 'Trump'],
      ['a space', 'donald trump'],
      ['an underscore', 'donald_trump'],
      ['a double hyphen', 'donald--trump'],
      ['a leading hyphen', '-trump'],
      ['a trailing hyphen', 'trump-'],
      ['umlauts', 'präsident'],
    ])('rejects an id with %s', (_, id) =>
      expectError(
        (d) => void (d.entities[0]!.id = id),
        '$.entities[0].id',
        'must be a slug (a-z, 0-9, single hyphens)',
      ),
    );
    it('rejects an id longer than 80 characters', () =>
      expectError((d) => void (d.claims[0]!.id = 'a'.repeat(81)), '$.claims[0].id', 'must be at most 80 characters'));
    it('rejects a non-string id', () =>
      expectError(
        (d) => void ((d.sources[0] as Record<string, unknown>).id = 0),
        '$.sources[0].id',
        'must be a string',
      ));
    it('rejects a value slug that is not a slug', () =>
      expectError(
        (d) => void (d.aspects[0]!.values[1]!.value = 'Only Option'),
        '$.aspects[0].values[1].value',
        'must be a slug (a-z, 0-9, single hyphens)',
      ));
    it('rejects a duplicate id within a collection', () =>
      expectError(
        (d) => void d.sources.push({ ...d.sources[0]!, file: 'other.txt' }),
        '$.sources[2].id',
        'must be unique (already used at $.sources[0].id)',
      ));
    it('rejects an id used in two collections', () =>
      expectError(
        (d) => void (d.events[1]!.id = 'alaska'),
        '$.events[1].id',
        'must be unique (already used at $.entities[1].id)',
      ));
    it('rejects two sources with the same file', () =>
      expectError(
        (d) => void (d.sources[1]!.file = 'r0.txt'),
        '$.sources[1].file',
        'must be unique (same as $.sources[0].file)',
      ));
    it('rejects a duplicate value within an aspect', () =>
      expectError(
        (d) => void (d.aspects[0]!.values[1]!.value = 'offered'),
        '$.aspects[0].values[1].value',
        'must be unique within the aspect ("offered" repeats)',
      ));
  });

  describe('dangling references', () => {
    it('entity evidence source', () =>
      expectError(
        (d) => void (d.entities[1]!.evidence[0]!.source = 'r9'),
        '$.entities[1].evidence[0].source',
        'must name a source id (unknown "r9")',
      ));
    it('event evidence source', () =>
      expectError(
        (d) => void (d.events[0]!.evidence[0]!.source = 'r9'),
        '$.events[0].evidence[0].source',
        'must name a source id (unknown "r9")',
      ));
    it('event place', () =>
      expectError(
        (d) => void (d.events[0]!.place = 'nowhere'),
        '$.events[0].place',
        'must name an entity id (unknown "nowhere")',
      ));
    it('event place of another kind', () =>
      expectError(
        (d) => void (d.events[0]!.place = 'trump'),
        '$.events[0].place',
        'must name an entity of kind place ("trump" is a person)',
      ));
    it('event participant', () =>
      expectError(
        (d) => void d.events[0]!.participants.push('putin'),
        '$.events[0].participants[1]',
        'must name an entity id (unknown "putin")',
      ));
    it('event before', () =>
      expectError(
        (d) => void d.events[1]!.before.push('gone'),
        '$.events[1].before[1]',
        'must name an event id (unknown "gone")',
      ));
    it('event after', () =>
      expectError(
        (d) => void (d.events[0]!.after[0] = 'gone'),
        '$.events[0].after[0]',
        'must name an event id (unknown "gone")',
      ));
    it('event after naming an entity, not an event', () =>
      expectError(
        (d) => void (d.events[0]!.after[0] = 'trump'),
        '$.events[0].after[0]',
        'must name an event id (unknown "trump")',
      ));
    it('event naming itself', () =>
      expectError(
        (d) => void (d.events[0]!.before = ['summit']),
        '$.events[0].before[0]',
        'must not name the event itself',
      ));
    it('aspect subject', () =>
      expectError(
        (d) => void (d.aspects[0]!.subject = 'obama'),
        '$.aspects[0].subject',
        'must name an entity or event id (unknown "obama")',
      ));
    it('claim source', () =>
      expectError(
        (d) => void (d.claims[0]!.source = 'r9'),
        '$.claims[0].source',
        'must name a source id (unknown "r9")',
      ));
    it('claim subject', () =>
      expectError(
        (d) => void (d.claims[0]!.subject = 'obama'),
        '$.claims[0].subject',
        'must name an entity or event id (unknown "obama")',
      ));
    it('claim aspect', () =>
      expectError(
        (d) => void (d.claims[0]!.aspect = 'ground'),
        '$.claims[0].aspect',
        'must name an aspect id (unknown "ground")',
      ));
  });

  describe('cross-field rules', () => {
    it('claim value must be one of the aspect values', () =>
      expectError(
        (d) => void (d.claims[0]!.value = 'refused'),
        '$.claims[0].value',
        'must be one of the values of aspect "air" (offered, option)',
      ));
    it('claim subject must equal the aspect subject', () =>
      expectError(
        (d) => void (d.claims[0]!.subject = 'summit'),
        '$.claims[0].subject',
        'must equal the subject of aspect "air" ("trump")',
      ));
    it('ambiguous alias must be one of the aliases', () =>
      expectError(
        (d) => void d.entities[0]!.ambiguous.push('Donald'),
        '$.entities[0].ambiguous[1]',
        'must be one of the entity\'s aliases ("Donald" is not)',
      ));
    it('ambiguous aliases are compared case- and diacritic-insensitively', () => {
      const d = valid();
      d.entities[0]!.ambiguous = ['us-prasident'];
      expect(validateDataset(d).ok).toBe(true);
    });
    it('an alias must not belong to two entities (case and diacritics folded)', () =>
      expectError(
        (d) => void d.entities[1]!.aliases.push('TRÜMP'),
        '$.entities[1].aliases[1]',
        'must not be an alias of another entity ("TRÜMP" is also at $.entities[0].aliases[1])',
      ));
    it('the same alias twice within one entity is allowed', () => {
      const d = valid();
      d.entities[0]!.aliases.push('trump');
      expect(validateDataset(d).ok).toBe(true);
    });
    it('reports every reference error, not just the first', () => {
      const d = valid();
      d.claims[0]!.source = 'r9';
      d.events[0]!.place = 'nowhere';
      expect(errorsOf(d).map((e) => e.path)).toEqual(['$.events[0].place', '$.claims[0].source']);
    });
  });

  describe('dates', () => {
    const date =
      (value: unknown, precision: unknown = 'day', extra: object = {}) =>
      (d: Input) =>
        void ((d.sources[0] as Record<string, unknown>).published = { value, precision, ...extra });
    const rule =
      'value must be a valid date written to its precision (day/week: YYYY-MM-DD, month: YYYY-MM, year: YYYY)';
    it('rejects a day that does not exist', () => expectError(date('2025-02-30'), '$.sources[0].published', rule));
    it('rejects 31 April', () => expectError(date('2025-04-31'), '$.sources[0].published', rule));
    it('rejects month 13', () => expectError(date('2025-13', 'month'), '$.sources[0].published', rule));
    it('rejects a value shorter than its precision', () =>
      expectError(date('2025-08', 'day'), '$.sources[0].published', rule));
    it('rejects a value longer than its precision', () =>
      expectError(date('2025-08-20', 'year'), '$.sources[0].published', rule));
    it('rejects another format', () =>
      expectError(date('20.08.2025'), '$.sources[0].published.value', 'must be YYYY, YYYY-MM or YYYY-MM-DD'));
    it('rejects a number', () => expectError(date(20250820), '$.sources[0].published.value', 'must be a string'));
    it('rejects an unknown precision', () =>
      expectError(date('2025', 'decade'), '$.sources[0].published.precision', 'must be day, week, month or year'));
    it('rejects an empty basis', () =>
      expectError(date('2025-08-20', 'day', { basis: ' ' }), '$.sources[0].published.basis', 'must not be empty'));
    it('rejects an extra field', () =>
      expectError(
        date('2025-08-20', 'day', { approx: true }),
        '$.sources[0].published.approx',
        'is not an allowed field',
      ));
    it('rejects a bad event date too', () =>
      expectError(
        (d) => void (d.events[0]!.date = { value: '2025-02-29', precision: 'day' }),
        '$.events[0].date',
        rule,
      ));
    it('accepts 29 February in a leap year, months and years', () => {
      const d = valid();
      d.events[0]!.date = { value: '2024-02-29', precision: 'day' };
      (d.sources[0] as Record<string, unknown>).published = { value: '2025-08', precision: 'month' };
      (d.sources[1] as Record<string, unknown>).published = { value: '2025', precision: 'year' };
      expect(validateDataset(d).ok).toBe(true);
    });
    it('isCalendarDate', () => {
      expect(isCalendarDate('2025-08-20')).toBe(true);
      expect(isCalendarDate('2025-02-29')).toBe(false);
      expect(isCalendarDate('2025-00')).toBe(false);
      expect(isCalendarDate('2025-08-00')).toBe(false);
      expect(isCalendarDate('0099-01-01')).toBe(true);
      expect(isCalendarDate('2025-8-1')).toBe(false);
    });
  });
});

describe('parseDataset', () => {
  it('returns the dataset when valid', () => {
    expect(parseDataset(valid()).name).toBe('Test');
  });
  it('throws a DatasetValidationError listing path and rule of each error', () => {
    const d = valid();
    d.claims[0]!.source = 'r9';
    d.claims[0]!.value = 'refused';
    let thrown: unknown;
    try {
      parseDataset(d);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DatasetValidationError);
    const err = thrown as DatasetValidationError;
    expect(err.errors).toHaveLength(2);
    expect(err.message).toContain('Invalid dataset (2 errors)');
    expect(err.message).toContain('$.claims[0].source: must name a source id (unknown "r9")');
    expect(err.message).toContain('$.claims[0].value: must be one of the values of aspect "air"');
  });
});

describe('foldName', () => {
  it('folds case, diacritics, ß and hyphens', () => {
    expect(foldName('Weißes Haus')).toBe('weisses haus');
    expect(foldName('WEISSES-HAUS')).toBe('weisses haus');
    expect(foldName('Brüssel')).toBe('brussel');
    expect(foldName('  Kreml  Chef ')).toBe('kreml chef');
    expect(foldName('Kremlchef')).not.toBe(foldName('Kreml-Chef'));
  });
});

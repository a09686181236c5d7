/**
 * The dataset format: what Crosscheck knows. Everything the extension shows
 * comes from a value that passed this schema (see `validate.ts`), whether it is
 * the bundled dataset or one a user imports.
 *
 * Pure module: no DOM, no browser API.
 */
import * as v from 'valibot';

export const LANGS = ['de', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const nonEmpty = v.pipe(v.string('must be a string'), v.trim(), v.nonEmpty('must not be empty'));

/** Ids are short slugs: lowercase ASCII letters, digits and hyphens. */
export const IdSchema = v.pipe(
  v.string('must be a string'),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug (a-z, 0-9, single hyphens)'),
  v.maxLength(80, 'must be at most 80 characters'),
);

/** A text in both interface languages. */
export const LocalizedSchema = v.strictObject(
  { de: nonEmpty, en: nonEmpty },
  'must be an object with exactly the keys "de" and "en"',
);
export type Localized = v.InferOutput<typeof LocalizedSchema>;

/** Further languages pages are written in; their phrases are optional. */
export const PAGE_LANGS = ['fr', 'it', 'es', 'pl'] as const;

const phraseList = v.array(nonEmpty, 'must be an array of strings');

/** Phrases per language: German and English (either list may be empty), optionally French, Italian, Spanish, Polish. */
export const PhrasesSchema = v.strictObject(
  {
    de: phraseList,
    en: phraseList,
    fr: v.optional(phraseList),
    it: v.optional(phraseList),
    es: v.optional(phraseList),
    pl: v.optional(phraseList),
  },
  'must be an object with the keys "de" and "en" (and optionally "fr", "it", "es", "pl")',
);
export type Phrases = v.InferOutput<typeof PhrasesSchema>;

/** Every phrase of every language. */
export function allPhrases(p: Phrases): string[] {
  return [...p.de, ...p.en, ...(p.fr ?? []), ...(p.it ?? []), ...(p.es ?? []), ...(p.pl ?? [])];
}

/**
 * A date as precise as the reports make it. `value` is ISO 8601 cut to the
 * precision: `2025-08-20` (day, or the Monday..Sunday week it lies in for
 * `week`), `2025-08` (month), `2025` (year).
 */
/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real calendar date (no 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year); // years 0..99 are not 1900..1999
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const FuzzyDateSchema = v.pipe(
  v.strictObject({
    value: v.pipe(
      v.string('must be a string'),
      v.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
    ),
    precision: v.picklist(['day', 'week', 'month', 'year'], 'must be day, week, month or year'),
    /** How the date follows from the text, when it is not stated outright. */
    basis: v.optional(nonEmpty),
  }),
  v.check(
    (d) => ({ day: 10, week: 10, month: 7, year: 4 })[d.precision] === d.value.length && isCalendarDate(d.value),
    'value must be a valid date written to its precision (day/week: YYYY-MM-DD, month: YYYY-MM, year: YYYY)',
  ),
);
export type FuzzyDate = v.InferOutput<typeof FuzzyDateSchema>;

/** A verbatim quote from one report. */
export const QuoteSchema = v.strictObject({
  source: IdSchema,
  quote: nonEmpty,
});
export type Quote = v.InferOutput<typeof QuoteSchema>;

export const SourceSchema = v.strictObject({
  id: IdSchema,
  /** The report's file name in shared/seeds. */
  file: nonEmpty,
  /** The report's own headline, or a faithful descriptive one (then `titleSupplied`). */
  title: nonEmpty,
  titleSupplied: v.boolean('must be true or false'),
  /** The publisher as the text names it, or null. */
  publisher: v.nullable(nonEmpty),
  language: v.picklist(LANGS, 'must be "de" or "en"'),
  published: v.nullable(FuzzyDateSchema),
  /**
   * How the interface names the source in chips, the matrix and the popover: the publisher where it
   * is known, else a short title. Distinct across sources. Without it the publisher, or the title cut short.
   */
  shortName: v.optional(v.pipe(nonEmpty, v.maxLength(32, 'must be at most 32 characters'))),
  /** The short name is the dataset's own (not the publisher's name as the text gives it). */
  shortNameSupplied: v.optional(v.boolean('must be true or false')),
});
export type Source = v.InferOutput<typeof SourceSchema>;

/** A Wikidata item id: `Q` and a number without leading zeros. */
export const EntityKeySchema = v.pipe(
  v.string('must be a string'),
  v.regex(/^Q[1-9][0-9]*$/, 'must be a Wikidata id (Q and a number, e.g. Q22686)'),
);

export const ENTITY_KINDS = ['person', 'organization', 'place', 'group'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const EntitySchema = v.strictObject({
  id: IdSchema,
  kind: v.picklist(ENTITY_KINDS, 'must be person, organization, place or group'),
  /** A stable key where one exists: the Wikidata id ("Q22686"); the same key in two packs is one item. */
  key: v.optional(EntityKeySchema),
  name: LocalizedSchema,
  /**
   * Every spelling German and English pages use, including transliterations
   * and titles ("US-Präsident"). Matched case- and diacritic-insensitively,
   * with inflection and possessive endings; see core/recognize.
   */
  aliases: v.pipe(v.array(nonEmpty, 'must be an array of strings'), v.minLength(1, 'must list at least one alias')),
  /** The subset of `aliases` that is ambiguous out of context ("Merz", "Paris"). */
  ambiguous: v.array(nonEmpty, 'must be an array of strings'),
  description: LocalizedSchema,
  /**
   * How much naming it says about the story (evidence weight for relevance):
   * `story` — named mostly in this story (Cavo Dragone, Grynkewich);
   * `topic` — a regular actor of the field, named in many other stories
   * (Trump, Putin, NATO); `general` — named on pages about anything (news
   * agencies, countries). Default: `general` for places, `topic` otherwise.
   */
  specificity: v.optional(v.picklist(['story', 'topic', 'general'], 'must be story, topic or general')),
  /** Where the reports name it (at least one verbatim quote). */
  evidence: v.pipe(v.array(QuoteSchema), v.minLength(1, 'must cite at least one quote')),
});
export type Entity = v.InferOutput<typeof EntitySchema>;

export const EVENT_STATUSES = ['happened', 'planned', 'proposed', 'ongoing'] as const;

export const EventSchema = v.strictObject({
  id: IdSchema,
  title: LocalizedSchema,
  date: v.nullable(FuzzyDateSchema),
  status: v.picklist(EVENT_STATUSES, 'must be happened, planned, proposed or ongoing'),
  /** Entity id of the place (kind place), or null. */
  place: v.nullable(IdSchema),
  /** Entity ids. */
  participants: v.array(IdSchema),
  summary: LocalizedSchema,
  /** Phrases that name the event on a page ("Videokonferenz der Nato-Militärchefs"). */
  triggers: PhrasesSchema,
  /** Further phrases that support a trigger (dates as pages write them, key terms). */
  cues: PhrasesSchema,
  /** Related events: what came before and what followed or is to follow. */
  before: v.array(IdSchema),
  after: v.array(IdSchema),
  evidence: v.pipe(v.array(QuoteSchema), v.minLength(1, 'must cite at least one quote')),
});
export type CrosscheckEvent = v.InferOutput<typeof EventSchema>;

export const AspectValueSchema = v.strictObject({
  /** Normalized value, a slug ("offered", "option"). */
  value: IdSchema,
  label: LocalizedSchema,
  /** Phrases that, in a sentence with one of the aspect's cues, assert this value. */
  signals: v.optional(PhrasesSchema),
});
export type AspectValue = v.InferOutput<typeof AspectValueSchema>;

export const AspectSchema = v.strictObject({
  id: IdSchema,
  /** Entity or event id. */
  subject: IdSchema,
  /** The question the claims answer ("Did Trump offer US air support?"). */
  label: LocalizedSchema,
  values: v.pipe(v.array(AspectValueSchema), v.minLength(1, 'must list at least one value')),
  /**
   * Phrases that show a sentence is about this aspect ("Luftunterstützung",
   * "Unterstützung + Luft"), written as concept patterns (see
   * core/recognize/patterns.ts). Value signals are written the same way.
   */
  cues: v.optional(PhrasesSchema),
  /**
   * Who must be named in the sentence for it to be about the subject's
   * position (for "Trump's air support": Trump, the USA, the White House, or
   * "amerikanisch*"): entities by id (any of their aliases) and further
   * patterns. Without `actors`, no one needs to be named.
   */
  actors: v.optional(
    v.strictObject({
      entities: v.array(IdSchema),
      terms: v.optional(PhrasesSchema),
    }),
  ),
  /**
   * Other actors whose version of the thing is not the subject's ("European
   * jets", "Ukraine's air defence"): when one of them stands right before the
   * cue and closer than any actor, the sentence is not about the subject.
   */
  others: v.optional(PhrasesSchema),
});
export type Aspect = v.InferOutput<typeof AspectSchema>;

export const ClaimSchema = v.strictObject({
  id: IdSchema,
  source: IdSchema,
  subject: IdSchema,
  aspect: IdSchema,
  value: IdSchema,
  /** The claim in the project's own words. */
  summary: LocalizedSchema,
  /** Verbatim from the source's report. */
  quote: nonEmpty,
});
export type Claim = v.InferOutput<typeof ClaimSchema>;

export const DatasetSchema = v.strictObject({
  /** Format version of this file. */
  version: v.literal(1, 'must be 1'),
  /** A name for the data pack, shown in the options page. */
  name: nonEmpty,
  sources: v.pipe(
    v.array(SourceSchema),
    v.minLength(1, 'must list at least one source'),
    v.check(
      (list) => new Set(list.flatMap((s) => s.shortName ?? [])).size === list.filter((s) => s.shortName).length,
      'every shortName must differ from the others',
    ),
  ),
  /**
   * Terms of the story's subject, in every language pages use
   * ("Sicherheitsgarantien", "security guarantees", "garanties de
   * sécurité"): evidence that a page is about the story (see
   * core/recognize/relevance.ts).
   */
  topic: v.optional(PhrasesSchema),
  entities: v.array(EntitySchema),
  events: v.array(EventSchema),
  aspects: v.array(AspectSchema),
  claims: v.array(ClaimSchema),
});
export type DatasetInput = v.InferInput<typeof DatasetSchema>;
export type Dataset = v.InferOutput<typeof DatasetSchema>;

/**
 * How a source is named in the interface: a short chip ("3 IT BOLTWISE") and
 * a full entry (title, publisher, date, language). When the page being read is
 * itself one of the reports, that source is "This page" and goes last.
 */
import type { Lang } from '../dataset/schema';
import { formatDate, joinList, machineDate, type ViewLocale } from './locale';
import type { ViewIndex } from './view-index';

export interface SourceRef {
  id: string;
  /** 1-based number of the source in the dataset. */
  number: number;
  /** Chip text: publisher or shortened title; "This page" for the page being read. */
  short: string;
  /** Name for running text: the short name, or "this page". */
  name: string;
  /** The report's full title, for a tooltip. */
  title: string;
  /** Full title, publisher and date in one line, for hover and focus. */
  tooltip: string;
  /** The short name is the dataset's own rather than the publisher's. */
  shortSupplied: boolean;
  thisPage: boolean;
}

export interface SourceDetails extends SourceRef {
  titleSupplied: boolean;
  /** The publisher, or "publisher not named". */
  publisher: string;
  publisherNamed: boolean;
  date: string;
  dateIso: string | null;
  /** "German" / "Deutsch". */
  language: string;
  /** The report's language, for `lang` attributes on its title and quotes. */
  languageCode: Lang;
}

export function sourceRef(index: ViewIndex, id: string, locale: ViewLocale, pageSource: string | null): SourceRef {
  const source = index.sources.get(id);
  const names = index.sourceNames.get(id);
  const thisPage = id === pageSource;
  const short = thisPage ? locale.t('thisPage') : (names?.short ?? id);
  return {
    id,
    number: names?.number ?? 0,
    short,
    name: thisPage ? locale.t('thisPageInText') : short,
    title: source?.title ?? id,
    tooltip: [
      source?.title ?? id,
      source?.publisher ?? locale.t('publisherUnknown'),
      formatDate(source?.published ?? null, locale),
    ].join(' · '),
    shortSupplied: names?.shortSupplied ?? false,
    thisPage,
  };
}

export function sourceDetails(
  index: ViewIndex,
  id: string,
  locale: ViewLocale,
  pageSource: string | null,
): SourceDetails {
  const source = index.sources.get(id);
  return {
    ...sourceRef(index, id, locale, pageSource),
    titleSupplied: source?.titleSupplied ?? false,
    publisher: source?.publisher ?? locale.t('publisherUnknown'),
    publisherNamed: Boolean(source?.publisher),
    date: formatDate(source?.published ?? null, locale),
    dateIso: machineDate(source?.published ?? null),
    language: locale.t(source?.language === 'en' ? 'language_en' : 'language_de'),
    languageCode: source?.language ?? 'de',
  };
}

/** Source ids in dataset order, the page being read last. */
export function orderSources(index: ViewIndex, ids: Iterable<string>, pageSource: string | null): string[] {
  const rank = (id: string) => (id === pageSource ? Infinity : (index.sourceNames.get(id)?.number ?? 0));
  return [...new Set(ids)].sort((a, b) => rank(a) - rank(b));
}

/** "Nato-Planspiele, IT BOLTWISE: „Zukunft“ and this page" for running text. */
export function namesOf(refs: SourceRef[], locale: ViewLocale): string {
  return joinList(
    refs.map((r) => r.name),
    locale,
  );
}

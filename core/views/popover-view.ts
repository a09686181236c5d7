/**
 * What the popover shows for a highlighted name, event or disputed sentence:
 * disagreements first, then agreements, then what each source reported.
 */
import type { AspectStanding } from '../dataset/conflicts';
import type { Dataset, EntityKind } from '../dataset/schema';
import { aspectView, type AspectView, type PositionView } from './aspect-view';
import { buildDisputeLines, type DisputeLineView } from './dispute-lines';
import { formatDate, machineDate, type ViewLocale } from './locale';
import { namesOf, orderSources, sourceDetails, type SourceDetails, type SourceRef } from './source-view';
import { eventLine, subjectName } from './subject-text';
import { viewIndex, type ViewIndex } from './view-index';

export type PopoverTarget =
  | { type: 'entity' | 'event'; id: string }
  /** A disputed sentence on the page that asserts `value` on `aspect`. */
  | { type: 'claim'; aspect: string; value: string };

export interface ClaimView {
  id: string;
  /** The aspect's question. */
  question: string;
  /** The claim in the interface language. */
  summary: string;
  /** Verbatim from the report (German). */
  quote: string;
}

export interface SourceReportView {
  source: SourceDetails;
  /** What the source reports on the subject. */
  claims: ClaimView[];
  /** Where a source that reports nothing about it names it (verbatim quotes). */
  namedIn: string[];
  /** What it reported, in one line: its first claim (and how many more), or that it only names it. */
  line: string;
}

export interface EventLinkView {
  id: string;
  title: string;
  date: string;
  dateIso: string | null;
}

/** For a disputed sentence: where the other sources stand on what it says. */
export interface SentenceVerdict {
  /** "This sentence says: offered" */
  says: string;
  /** Sources (not the page itself) that report the sentence's value. */
  agreeing: SourceRef[];
  /** The other positions, with their sources. */
  contradicting: PositionView[];
  /** "This sentence agrees with: A and B" */
  agreesText: string;
  /** "It contradicts: B (an option)" */
  contradictsText: string;
}

/** A story (pack) that reports on a name several stories share. */
export interface StoryGroupView {
  id: string;
  title: string;
  /** The page being read is about this story. */
  onPage: boolean;
  /** Ids of its sources among `reports`. */
  sources: string[];
}

export interface PopoverView {
  kind: EntityKind | 'event' | 'claim';
  kindLabel: string;
  heading: string;
  /** One line: the entity's description, the event's date · place · status, or the sentence's claim. */
  description: string;
  verdict: SentenceVerdict | null;
  disputes: AspectView[];
  /** The disputes one line each ("question — offered (1) · an option (1) · not mentioned (2)"). */
  disputeLines: DisputeLineView[];
  agreements: AspectView[];
  /** Sources that report on it or name it, dataset order, the page being read left out. */
  reports: SourceReportView[];
  /** The page being read, when it is one of the reports and reports on or names this. */
  thisPage: SourceReportView | null;
  /** The page being read is one of the reports (show the note that the lists are about the others). */
  pageIsSource: boolean;
  /** Events the entity takes part in or that take place there; for an event, the related ones. */
  events: EventLinkView[];
  /** What "Open the full event brief" opens. */
  briefEvent: string | null;
  /**
   * For a name several stories share: the stories, the page's own first;
   * `reports` then come story by story in this order.
   */
  stories?: StoryGroupView[];
}

export interface PopoverOptions extends ViewLocale {
  /** Dataset source id of the page being read, if it is one of the reports. */
  pageSource?: string | null;
}

/** The popover for `target`, or null when the dataset does not know it. */
export function buildPopoverView(dataset: Dataset, target: PopoverTarget, opts: PopoverOptions): PopoverView | null {
  const index = viewIndex(dataset);
  const pageSource = opts.pageSource && index.sources.has(opts.pageSource) ? opts.pageSource : null;
  return target.type === 'claim'
    ? claimPopover(index, target.aspect, target.value, opts, pageSource)
    : subjectPopover(index, target.id, opts, pageSource);
}

function subjectPopover(
  index: ViewIndex,
  id: string,
  locale: ViewLocale,
  pageSource: string | null,
): PopoverView | null {
  const entity = index.entities.get(id);
  const event = index.events.get(id);
  if (!entity && !event) return null;
  const aspects = (index.standingsBySubject.get(id) ?? []).map((s) => aspectView(index, s, locale, pageSource));
  const { reports, thisPage } = sourceReports(index, id, () => true, locale, pageSource);
  return {
    kind: entity ? entity.kind : 'event',
    kindLabel: locale.t(`kind_${entity ? entity.kind : 'event'}`),
    heading: subjectName(index, id, locale.lang),
    description: entity ? entity.description[locale.lang] : event ? eventLine(index, event, locale) : '',
    verdict: null,
    disputes: aspects.filter((a) => a.disputed),
    disputeLines: buildDisputeLines(
      index,
      aspects.filter((a) => a.disputed),
      [],
      locale,
      pageSource,
    ),
    agreements: aspects.filter((a) => !a.disputed),
    reports,
    thisPage,
    pageIsSource: pageSource !== null,
    events: eventLinks(index, id, locale),
    briefEvent: briefEventFor(index, id),
  };
}

function claimPopover(
  index: ViewIndex,
  aspectId: string,
  value: string,
  locale: ViewLocale,
  pageSource: string | null,
): PopoverView | null {
  const standing = index.standingByAspect.get(aspectId);
  if (!standing) return null;
  const view = aspectView(index, standing, locale, pageSource);
  const { reports, thisPage } = sourceReports(index, standing.subject, (a) => a === aspectId, locale, pageSource);
  return {
    kind: 'claim',
    kindLabel: locale.t('kind_claim'),
    heading: view.question,
    description: subjectName(index, standing.subject, locale.lang),
    verdict: verdictFor(index, standing, value, locale, pageSource),
    disputes: view.disputed ? [view] : [],
    disputeLines: [],
    agreements: view.disputed ? [] : [view],
    reports,
    thisPage,
    pageIsSource: pageSource !== null,
    events: eventLinks(index, standing.subject, locale),
    briefEvent: briefEventFor(index, standing.subject),
  };
}

/** The standing as the other sources see it: the page's own claims left out. */
function withoutPage(standing: AspectStanding, pageSource: string | null): AspectStanding {
  if (!pageSource) return standing;
  return {
    ...standing,
    positions: standing.positions
      .map((p) => ({ ...p, sources: p.sources.filter((s) => s !== pageSource) }))
      .filter((p) => p.sources.length > 0),
    silent: standing.silent.filter((s) => s !== pageSource),
  };
}

function verdictFor(
  index: ViewIndex,
  standing: AspectStanding,
  value: string,
  locale: ViewLocale,
  pageSource: string | null,
): SentenceVerdict {
  const others = aspectView(index, withoutPage(standing, pageSource), locale, pageSource);
  const label = index.aspects.get(standing.aspect)?.values.find((v) => v.value === value)?.label[locale.lang] ?? value;
  const agreeing = others.positions.find((p) => p.value === value)?.sources ?? [];
  const contradicting = others.positions.filter((p) => p.value !== value);
  return {
    says: locale.t('sentenceSays', label),
    agreeing,
    contradicting,
    agreesText: locale.t('sentenceAgrees', namesOf(agreeing, locale)),
    contradictsText: locale.t(
      'sentenceDisagrees',
      contradicting.length === 0
        ? locale.t('none')
        : contradicting.map((p) => locale.t('disputePosition', p.label, namesOf(p.sources, locale))).join('; '),
    ),
  };
}

function sourceReports(
  index: ViewIndex,
  subject: string,
  aspectFilter: (aspect: string) => boolean,
  locale: ViewLocale,
  pageSource: string | null,
): { reports: SourceReportView[]; thisPage: SourceReportView | null } {
  const claimsBySource = new Map<string, ClaimView[]>();
  for (const c of index.claimsBySubject.get(subject) ?? []) {
    if (!aspectFilter(c.aspect)) continue;
    const list = claimsBySource.get(c.source) ?? [];
    list.push({
      id: c.id,
      question: index.aspects.get(c.aspect)?.label[locale.lang] ?? c.aspect,
      summary: c.summary[locale.lang],
      quote: c.quote,
    });
    claimsBySource.set(c.source, list);
  }
  const namedIn = new Map<string, string[]>();
  for (const q of index.evidence.get(subject) ?? []) {
    if (claimsBySource.has(q.source)) continue;
    namedIn.set(q.source, [...(namedIn.get(q.source) ?? []), q.quote]);
  }
  const all = orderSources(index, [...claimsBySource.keys(), ...namedIn.keys()], pageSource).map((id) => {
    const claims = claimsBySource.get(id) ?? [];
    const first = claims[0]?.summary;
    return {
      source: sourceDetails(index, id, locale, pageSource),
      claims,
      namedIn: namedIn.get(id) ?? [],
      line:
        first === undefined
          ? locale.t('namedOnlyLine')
          : claims.length > 1
            ? locale.t('reportLineMore', first, claims.length - 1)
            : first,
    };
  });
  // Sources that report on it before those that only name it.
  const reporting = all.filter((r) => !r.source.thisPage && r.claims.length > 0);
  const naming = all.filter((r) => !r.source.thisPage && r.claims.length === 0);
  return { reports: [...reporting, ...naming], thisPage: all.find((r) => r.source.thisPage) ?? null };
}

function eventLinks(index: ViewIndex, id: string, locale: ViewLocale): EventLinkView[] {
  const related = index.relatedEvents.get(id);
  const events = related
    ? [...related.before, ...related.after].flatMap((e) => index.events.get(e) ?? [])
    : (index.eventsByEntity.get(id) ?? []);
  return events.map((e) => ({
    id: e.id,
    title: e.title[locale.lang],
    date: formatDate(e.date, locale),
    dateIso: machineDate(e.date),
  }));
}

/**
 * An event opens its own brief. An entity opens the main event's brief when it
 * belongs to that story (the brief's matrix covers it), else the brief of its
 * most prominent event, else again the main one.
 */
function briefEventFor(index: ViewIndex, id: string): string | null {
  if (index.events.has(id)) return id;
  if (index.mainStory.has(id)) return index.mainEvent;
  return index.eventsByEntity.get(id)?.[0]?.id ?? index.mainEvent;
}

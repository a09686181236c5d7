/** The full brief of one event, for the toolbar popup. */
import type { Dataset, EntityKind } from '../dataset/schema';
import type { PageSummary } from '../../core/page-summary';
import { formatDate, machineDate, type ViewLocale } from './locale';
import { buildDisputeLines, firstSentence, type DisputeLineView } from './dispute-lines';
import { buildMatrix, type MatrixView } from './matrix';
import { orderSources, sourceDetails, type SourceDetails } from './source-view';
import { subjectName } from './subject-text';
import { buildTimeline, type TimelineItem } from './timeline';
import { storySubjects, viewIndex } from './view-index';

export interface ParticipantView {
  id: string;
  name: string;
  kind: EntityKind;
  kindLabel: string;
}

export interface BriefView {
  id: string;
  title: string;
  date: string;
  dateIso: string | null;
  /** The place's name, or null when the data names none. */
  place: string | null;
  status: string;
  summary: string;
  /** What happened, in one line (the summary's first sentence). */
  headline: string;
  /** "4 of 5 sources report on it" */
  sourcesLine: string;
  /** The disagreements, one line each; those the page takes a side in first. */
  disputes: DisputeLineView[];
  participants: ParticipantView[];
  timeline: TimelineItem[];
  matrix: MatrixView;
  /** All sources, dataset order, the page being read last. */
  sources: SourceDetails[];
}

export interface BriefOptions extends ViewLocale {
  /** What the content script found on the page the brief is opened for. */
  summary?: PageSummary | null;
}

export function buildBriefView(dataset: Dataset, eventId: string, opts: BriefOptions): BriefView | null {
  const index = viewIndex(dataset);
  const event = index.events.get(eventId);
  if (!event) return null;
  const pageSource = opts.summary?.source && index.sources.has(opts.summary.source) ? opts.summary.source : null;
  const timeline = buildTimeline(index, eventId, opts);
  const subjects = {
    direct: storySubjects(index.events, [eventId]),
    story: storySubjects(
      index.events,
      timeline.map((item) => item.id),
    ),
  };
  const matrix = buildMatrix(index, subjects, opts, pageSource);
  const total = index.sources.size;
  const reporting = new Set([
    ...event.evidence.map((q) => q.source),
    ...(index.claimsBySubject.get(event.id) ?? []).map((c) => c.source),
  ]).size;
  return {
    id: event.id,
    title: event.title[opts.lang],
    date: formatDate(event.date, opts),
    dateIso: machineDate(event.date),
    place: event.place ? subjectName(index, event.place, opts.lang) : null,
    status: opts.t(`status_${event.status}`),
    summary: event.summary[opts.lang],
    headline: firstSentence(event.summary[opts.lang]),
    sourcesLine: reporting === 1 ? opts.t('sourcesCountOne', total) : opts.t('sourcesCount', reporting, total),
    disputes: buildDisputeLines(index, matrix.disputed, opts.summary?.assertions ?? [], opts, pageSource),
    participants: event.participants.flatMap((id) => {
      const entity = index.entities.get(id);
      if (!entity) return [];
      return { id, name: entity.name[opts.lang], kind: entity.kind, kindLabel: opts.t(`kind_${entity.kind}`) };
    }),
    timeline,
    matrix,
    sources: orderSources(index, index.sources.keys(), pageSource).map((id) =>
      sourceDetails(index, id, opts, pageSource),
    ),
  };
}

/**
 * The who-reported-what matrix of an event brief.
 *
 * Rows are questions (aspects with claims):
 * - every question about the event itself, its place and its participants;
 * - and the disputed questions about the rest of its story: the events of its
 *   timeline with their places and participants (that is where, for the
 *   chiefs' conference, Trump's air-support offer lives). Agreed details of
 *   those are left to their own briefs, to keep the matrix readable.
 * Disputed rows come first, then the event's own subjects before the story's,
 * then dataset order. Columns are all sources, the page being read last.
 *
 * Each row lists its values under letters (A, B, …, most supported first);
 * a cell holds the letter(s) of the source's value(s), or tells apart "not
 * mentioned" (the source reports on the subject but not on this question)
 * from "does not cover it" (the source says nothing about the subject).
 */
import { aspectView, disagreementView, type AspectView, type DisagreementView } from './aspect-view';
import type { ViewLocale } from './locale';
import { orderSources, sourceRef, type SourceRef } from './source-view';
import { subjectName } from './subject-text';
import type { ViewIndex } from './view-index';

export interface MatrixValue {
  /** "A", "B", … in order of support. */
  key: string;
  label: string;
  /** 0 = most supported. */
  position: number;
}

export type MatrixCell =
  | { source: string; state: 'reported'; values: MatrixValue[] }
  | { source: string; state: 'silent' }
  | { source: string; state: 'not-covered' };

export interface MatrixRow {
  aspect: string;
  subjectName: string;
  question: string;
  disputed: boolean;
  values: MatrixValue[];
  /** One per column, in column order. */
  cells: MatrixCell[];
}

export interface MatrixView {
  columns: SourceRef[];
  rows: MatrixRow[];
  /** Each disputed row spelled out, in row order. */
  disagreements: DisagreementView[];
  /** The disputed rows' questions with their positions, in row order. */
  disputed: AspectView[];
}

export interface MatrixSubjects {
  /** The event, its place and participants: all their questions. */
  direct: string[];
  /** The rest of the story: only their disputed questions. */
  story: string[];
}

const letter = (i: number) => String.fromCharCode(65 + (i % 26));

export function buildMatrix(
  index: ViewIndex,
  subjects: MatrixSubjects,
  locale: ViewLocale,
  pageSource: string | null,
): MatrixView {
  const columnIds = orderSources(index, index.sources.keys(), pageSource);
  const direct = new Set(subjects.direct);
  const candidates = [...subjects.direct, ...subjects.story.filter((s) => !direct.has(s))].flatMap((subject, rank) =>
    (index.standingsBySubject.get(subject) ?? [])
      .filter((s) => direct.has(subject) || s.disputed)
      .map((s) => ({ view: aspectView(index, s, locale, pageSource), rank })),
  );
  const ordered = candidates
    .map((c, i) => ({ ...c, i }))
    .sort((a, b) => Number(b.view.disputed) - Number(a.view.disputed) || a.rank - b.rank || a.i - b.i)
    .map((c) => c.view);

  return {
    columns: columnIds.map((id) => sourceRef(index, id, locale, pageSource)),
    rows: ordered.map((view) => matrixRow(index, view, columnIds, locale)),
    disagreements: ordered.filter((v) => v.disputed).map((v) => disagreementView(v, locale)),
    disputed: ordered.filter((v) => v.disputed),
  };
}

function matrixRow(index: ViewIndex, view: AspectView, columnIds: string[], locale: ViewLocale): MatrixRow {
  const values = view.positions.map((p, position) => ({ key: letter(position), label: p.label, position }));
  const silent = new Set(view.silent.map((s) => s.id));
  return {
    aspect: view.id,
    subjectName: subjectName(index, view.subject, locale.lang),
    question: view.question,
    disputed: view.disputed,
    values,
    cells: columnIds.map((source): MatrixCell => {
      const held = values.filter((_, i) => view.positions[i]?.sources.some((s) => s.id === source));
      if (held.length > 0) return { source, state: 'reported', values: held };
      return { source, state: silent.has(source) ? 'silent' : 'not-covered' };
    }),
  };
}

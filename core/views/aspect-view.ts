/**
 * One question the reports answer (an aspect), with the positions the sources
 * take on it and the sources that report on its subject but are silent on it.
 */
import type { AspectStanding } from '../dataset/conflicts';
import type { ViewLocale } from './locale';
import { namesOf, orderSources, sourceRef, type SourceRef } from './source-view';
import type { ViewIndex } from './view-index';

export interface PositionView {
  value: string;
  label: string;
  sources: SourceRef[];
}

export interface AspectView {
  id: string;
  subject: string;
  /** The question ("Did Trump offer US air support?"). */
  question: string;
  disputed: boolean;
  /** Most-supported first. */
  positions: PositionView[];
  /** Sources that report on the subject but do not mention this. */
  silent: SourceRef[];
}

export function aspectView(
  index: ViewIndex,
  standing: AspectStanding,
  locale: ViewLocale,
  pageSource: string | null,
): AspectView {
  const aspect = index.aspects.get(standing.aspect);
  const refs = (ids: string[]) =>
    orderSources(index, ids, pageSource).map((id) => sourceRef(index, id, locale, pageSource));
  return {
    id: standing.aspect,
    subject: standing.subject,
    question: aspect?.label[locale.lang] ?? standing.aspect,
    disputed: standing.disputed,
    positions: standing.positions.map((p) => ({
      value: p.value,
      label: aspect?.values.find((v) => v.value === p.value)?.label[locale.lang] ?? p.value,
      sources: refs(p.sources),
    })),
    silent: refs(standing.silent),
  };
}

export interface DisagreementView {
  aspect: string;
  /** The question ("Did Trump offer US air support?"). */
  question: string;
  /** Who says what: "“offered” according to A [1]; “an option” according to B [5]; not mentioned by C [2]." */
  statement: string;
}

/** The disagreement spelled out; `question` and `statement` together read as one sentence. */
export function disagreementView(view: AspectView, locale: ViewLocale): DisagreementView {
  const parts = view.positions.map((p) => locale.t('disputePosition', p.label, namesOf(p.sources, locale)));
  if (view.silent.length > 0) parts.push(locale.t('disputeSilent', namesOf(view.silent, locale)));
  return { aspect: view.id, question: view.question, statement: `${parts.join('; ')}.` };
}

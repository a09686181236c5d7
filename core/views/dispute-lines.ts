/**
 * The disagreements of a brief as one line each ("Did Trump offer US air
 * support? — offered (1) · only an option (1) · not mentioned (2)"), each
 * opening to the positions with the sources' quotes. A disagreement the page
 * itself takes a side in comes first, with what the page says and how many
 * of the other sources say the same.
 */
import type { Lang } from '../dataset/schema';
import type { AspectView } from './aspect-view';
import { aspectView } from './aspect-view';
import type { ViewLocale } from './locale';
import { sourceDetails, type SourceDetails, type SourceRef } from './source-view';
import { subjectName } from './subject-text';
import type { ViewIndex } from './view-index';

/** A claim the page being read makes: a sentence that takes a side on a disputed aspect. */
export interface PageAssertion {
  aspect: string;
  value: string;
}

export interface QuotedSource {
  source: SourceDetails;
  /** Verbatim quotes of this source for the position. */
  quotes: string[];
  quoteLang: Lang;
}

export interface DisputePositionView {
  value: string;
  label: string;
  sources: QuotedSource[];
}

export interface PageSaysView {
  value: string;
  label: string;
  /** "This page says “offered”" */
  says: string;
  /** "1 source says so, 1 says “only an option”, 2 do not mention it." */
  others: string;
}

export interface DisputeLineView {
  aspect: string;
  subjectName: string;
  question: string;
  /** "offered (1) · only an option (1) · not mentioned (2)", the page itself not counted. */
  tally: string;
  positions: DisputePositionView[];
  silent: SourceRef[];
  /** What the page being read says on it, when it takes a side. */
  page: PageSaysView | null;
}

export function buildDisputeLines(
  index: ViewIndex,
  disputed: AspectView[],
  assertions: readonly PageAssertion[],
  locale: ViewLocale,
  pageSource: string | null,
): DisputeLineView[] {
  const asserted = new Map<string, string>();
  for (const a of assertions) if (!asserted.has(a.aspect)) asserted.set(a.aspect, a.value);
  // The page's disagreements first (also those outside this brief's matrix), then the brief's own.
  const views = new Map<string, AspectView>();
  for (const aspect of asserted.keys()) {
    const standing = index.standingByAspect.get(aspect);
    if (standing?.disputed) views.set(aspect, aspectView(index, standing, locale, pageSource));
  }
  for (const v of disputed) if (!views.has(v.id)) views.set(v.id, v);
  return [...views.values()].map((v) => disputeLine(index, v, asserted.get(v.id) ?? null, locale, pageSource));
}

function disputeLine(
  index: ViewIndex,
  view: AspectView,
  pageValue: string | null,
  locale: ViewLocale,
  pageSource: string | null,
): DisputeLineView {
  const { t } = locale;
  const others = (refs: SourceRef[]) => refs.filter((r) => !r.thisPage);
  const claims = (index.claimsBySubject.get(view.subject) ?? []).filter((c) => c.aspect === view.id);
  const positions = view.positions.map((p) => ({
    value: p.value,
    label: p.label,
    sources: p.sources.map((ref) => {
      const source = sourceDetails(index, ref.id, locale, pageSource);
      return {
        source,
        quotes: claims.filter((c) => c.source === ref.id && c.value === p.value).map((c) => c.quote),
        quoteLang: source.languageCode,
      };
    }),
  }));
  const silent = others(view.silent);
  const tally = [
    ...view.positions
      .map((p) => ({ label: p.label, n: others(p.sources).length }))
      .filter((p) => p.n > 0)
      .map((p) => `${p.label} (${p.n})`),
    ...(silent.length > 0 ? [t('tallySilent', silent.length)] : []),
  ].join(' · ');

  let page: PageSaysView | null = null;
  if (pageValue !== null) {
    const label =
      index.aspects.get(view.id)?.values.find((x) => x.value === pageValue)?.label[locale.lang] ?? pageValue;
    const same = others(view.positions.find((p) => p.value === pageValue)?.sources ?? []).length;
    const parts = [
      same === 0 ? t('pageSaysNone') : same === 1 ? t('pageSaysOne') : t('pageSaysMany', same),
      ...view.positions
        .filter((p) => p.value !== pageValue && others(p.sources).length > 0)
        .map((p) => {
          const n = others(p.sources).length;
          return n === 1 ? t('otherSaysOne', p.label) : t('otherSaysMany', p.label, n);
        }),
      ...(silent.length === 0 ? [] : [silent.length === 1 ? t('silentOne') : t('silentMany', silent.length)]),
    ];
    page = { value: pageValue, label, says: t('pageSays', label), others: `${parts.join(', ')}.` };
  }

  return {
    aspect: view.id,
    subjectName: subjectName(index, view.subject, locale.lang),
    question: view.question,
    tally,
    positions,
    silent,
    page,
  };
}

/** The first sentence (or clause before a semicolon) of a summary: what happened, in one line. */
export function firstSentence(text: string): string {
  const m = /^.*?[.;!?](?=\s|$)/s.exec(text.trim());
  const s = (m ? m[0] : text).trim().replace(/;$/, '.');
  return s;
}

/** What the content script recognized on the page, grouped by kind for the popup. */
import type { Dataset } from '../dataset/schema';
import type { PageSummary, RecognizedItem } from '../../core/page-summary';
import type { ViewLocale } from './locale';
import { subjectName } from './subject-text';
import { viewIndex } from './view-index';

type Kind = RecognizedItem['kind'];

/** Group order in the popup. */
export const RECOGNIZED_KINDS: readonly Kind[] = ['event', 'person', 'organization', 'place', 'group'];

export interface RecognizedItemView {
  id: string;
  name: string;
  count: number;
  /** "3 × on this page" */
  countLabel: string;
  /** The sources disagree on something about it. */
  disputed: boolean;
}

export interface RecognizedGroupView {
  kind: Kind;
  heading: string;
  items: RecognizedItemView[];
}

export interface RecognizedView {
  groups: RecognizedGroupView[];
  /** Number of distinct recognized items. */
  total: number;
}

export function buildRecognizedView(summary: PageSummary, dataset: Dataset, locale: ViewLocale): RecognizedView {
  const index = viewIndex(dataset);
  const known = summary.items.filter((item) => index.entities.has(item.id) || index.events.has(item.id));
  const groups = RECOGNIZED_KINDS.map((kind) => ({
    kind,
    heading: locale.t(`group_${kind}`),
    items: known
      .filter((item) => item.kind === kind)
      .map((item) => ({
        id: item.id,
        name: subjectName(index, item.id, locale.lang),
        count: item.count,
        countLabel: locale.t('mentionsCount', item.count),
        disputed: (index.standingsBySubject.get(item.id) ?? []).some((s) => s.disputed),
      }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, locale.lang)),
  })).filter((group) => group.items.length > 0);
  return { groups, total: known.length };
}

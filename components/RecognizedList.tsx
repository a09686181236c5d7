/**
 * What was recognized on the page, grouped by kind; choosing one shows it on
 * the page. Long lists start with the first `limit` items and a button to
 * show them all.
 */
import { useId, useState } from 'preact/hooks';
import type { RecognizedView } from '../core/views';
import type { Translate } from '../core/translate';
import { DisputeIcon } from './icons';

export interface RecognizedListProps {
  view: RecognizedView;
  t: Translate;
  onSelect: (id: string) => void;
  /** How many items to show before "Show all". */
  limit?: number;
}

export function RecognizedList({ view, t, onSelect, limit = 8 }: RecognizedListProps) {
  const [expanded, setExpanded] = useState(false);
  const groupsId = useId();
  const collapsible = view.total > limit;
  let left = collapsible && !expanded ? limit : Infinity;
  const groups = view.groups
    .map((group) => {
      const items = group.items.slice(0, Math.max(0, left));
      left -= items.length;
      return { ...group, shown: items };
    })
    .filter((group) => group.shown.length > 0);

  return (
    <div class="cc-recognized">
      <p class="cc-hint">{t('popupRecognizedHint')}</p>
      <div id={groupsId}>
        {groups.map((group) => (
          <section key={group.kind} class="cc-rec-group" aria-labelledby={`rec-${group.kind}`}>
            <h3 id={`rec-${group.kind}`}>
              {group.heading} <span class="cc-count">({group.items.length})</span>
            </h3>
            <ul>
              {group.shown.map((item) => (
                <li key={item.id}>
                  <button type="button" class="cc-rec-item" title={t('showOnPage')} onClick={() => onSelect(item.id)}>
                    <span class="cc-rec-name">{item.name}</span>
                    {item.disputed && (
                      <span class="cc-flag">
                        <DisputeIcon />
                        {t('disputedRow')}
                      </span>
                    )}
                    <span class="cc-rec-count">{item.countLabel}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {collapsible && (
        <button
          type="button"
          class="cc-link-button cc-rec-more"
          aria-expanded={expanded}
          aria-controls={groupsId}
          onClick={() => setExpanded((e) => !e)}
        >
          {expanded ? t('showFewerRecognized') : t('showAllRecognized', view.total)}
        </button>
      )}
    </div>
  );
}

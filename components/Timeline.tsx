/** The event's timeline as an ordered list; other events can be opened from it. */
import type { TimelineItem } from '../core/views';
import type { Translate } from '../core/translate';

export interface TimelineProps {
  items: TimelineItem[];
  t: Translate;
  onSelectEvent?: (eventId: string) => void;
}

export function Timeline({ items, t, onSelectEvent }: TimelineProps) {
  return (
    <ol class="cc-timeline">
      {items.map((item) => (
        <li
          key={item.id}
          class={item.current ? 'cc-tl-item cc-tl-item--current' : 'cc-tl-item'}
          aria-current={item.current ? 'true' : undefined}
        >
          <time class="cc-tl-date" dateTime={item.dateIso ?? undefined}>
            {item.date}
          </time>
          {item.current || !onSelectEvent ? (
            <span class="cc-tl-title">{item.title}</span>
          ) : (
            <button type="button" class="cc-tl-title cc-link-button" onClick={() => onSelectEvent(item.id)}>
              {item.title}
            </button>
          )}
          <span class="cc-tl-meta">
            {[item.status, item.current && t('timelineCurrent'), item.undated && t('timelineUndated')]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </li>
      ))}
    </ol>
  );
}

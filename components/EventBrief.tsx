/**
 * Everything about one event: facts, disagreements spelled out, the
 * who-reported-what matrix, the timeline, who took part and the sources.
 */
import type { BriefView } from '../core/views';
import type { Translate } from '../core/translate';
import { DisputeIcon } from './icons';
import { SourceList } from './SourceList';
import { Timeline } from './Timeline';
import { WhoReportedMatrix } from './WhoReportedMatrix';

export interface EventBriefProps {
  view: BriefView;
  t: Translate;
  /** Switches the brief to another event (from the timeline). */
  onSelectEvent?: (eventId: string) => void;
}

export function EventBrief({ view, t, onSelectEvent }: EventBriefProps) {
  const id = (part: string) => `brief-${part}`;
  return (
    <article class="cc-brief" aria-labelledby={id('title')}>
      <h2 id={id('title')} class="cc-brief-title">
        {view.title}
      </h2>
      <dl class="cc-facts">
        <div>
          <dt>{t('when')}</dt>
          <dd>
            <time dateTime={view.dateIso ?? undefined}>{view.date}</time>
          </dd>
        </div>
        {view.place && (
          <div>
            <dt>{t('where')}</dt>
            <dd>{view.place}</dd>
          </div>
        )}
        <div>
          <dt>{t('statusLabel')}</dt>
          <dd>{view.status}</dd>
        </div>
      </dl>
      <p class="cc-summary">{view.summary}</p>

      {view.matrix.disagreements.length > 0 && (
        <section class="cc-section cc-section--disputes" aria-labelledby={id('disputes')}>
          <h3 id={id('disputes')}>
            <DisputeIcon />
            {t('disagreements')}
          </h3>
          <ul class="cc-dispute-list">
            {view.matrix.disagreements.map((d) => (
              <li key={d.aspect}>
                <strong>{d.question}</strong> {d.statement}
              </li>
            ))}
          </ul>
        </section>
      )}

      {view.matrix.rows.length > 0 && (
        <section class="cc-section" aria-labelledby={id('matrix')}>
          <h3 id={id('matrix')}>{t('matrix')}</h3>
          <WhoReportedMatrix matrix={view.matrix} t={t} />
        </section>
      )}

      {view.timeline.length > 1 && (
        <section class="cc-section" aria-labelledby={id('timeline')}>
          <h3 id={id('timeline')}>{t('timeline')}</h3>
          <Timeline items={view.timeline} t={t} onSelectEvent={onSelectEvent} />
        </section>
      )}

      {view.participants.length > 0 && (
        <section class="cc-section" aria-labelledby={id('participants')}>
          <h3 id={id('participants')}>{t('participants')}</h3>
          <ul class="cc-participants">
            {view.participants.map((p) => (
              <li key={p.id}>
                <span class="cc-participant-name">{p.name}</span> <span class="cc-tag">{p.kindLabel}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section class="cc-section" aria-labelledby={id('sources')}>
        <h3 id={id('sources')}>{t('sources')}</h3>
        <SourceList sources={view.sources} t={t} />
      </section>
    </article>
  );
}

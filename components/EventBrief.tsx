/**
 * Everything about one event, for the toolbar popup. At a glance: the event,
 * its date and status, one line of what happened, how many sources, and the
 * disagreements one line each. On demand, in sections that remember whether
 * they were open: what the page names, the who-reported-what matrix, the
 * timeline, who took part and the sources.
 */
import type { ComponentChildren } from 'preact';
import type { BriefView } from '../core/views';
import type { Translate } from '../core/translate';
import { Disclosure } from './Disclosure';
import { DisputeLines } from './DisputeLines';
import { AgreeIcon, DisputeIcon } from './icons';
import { SourceList } from './SourceList';
import { Timeline } from './Timeline';
import { WhoReportedMatrix } from './WhoReportedMatrix';

export const BRIEF_SECTIONS = ['recognized', 'matrix', 'timeline', 'participants', 'sources'] as const;
export type BriefSection = (typeof BRIEF_SECTIONS)[number];

export interface EventBriefProps {
  view: BriefView;
  t: Translate;
  /** Sections open now. */
  open?: ReadonlySet<string>;
  onToggleSection?: (id: BriefSection, open: boolean) => void;
  /** The recognized list of the page, shown as the first section. */
  recognized?: { title: ComponentChildren; body: ComponentChildren } | null;
  /** Shown between the story and its disagreements (the event picker). */
  picker?: ComponentChildren;
  /** Switches the brief to another event (from the timeline). */
  onSelectEvent?: (eventId: string) => void;
}

export function EventBrief({
  view,
  t,
  open = new Set(),
  onToggleSection = () => {},
  recognized,
  picker,
  onSelectEvent,
}: EventBriefProps) {
  const id = (part: string) => `brief-${part}`;
  const section = (key: BriefSection, title: ComponentChildren, body: ComponentChildren) => (
    <Disclosure id={key} title={title} open={open.has(key)} onToggle={(_, isOpen) => onToggleSection(key, isOpen)}>
      {body}
    </Disclosure>
  );
  return (
    <article class="cc-brief" aria-labelledby={id('title')}>
      <header class="cc-story">
        <h2 id={id('title')} class="cc-brief-title">
          {view.title}
        </h2>
        <p class="cc-story-facts">
          <time dateTime={view.dateIso ?? undefined}>{view.date}</time>
          {view.place && <> · {view.place}</>} · <span class={`cc-status`}>{view.status}</span>
        </p>
        <p class="cc-summary" title={view.summary}>
          {view.headline}
        </p>
        <p class="cc-meta">{view.sourcesLine}</p>
      </header>
      {picker}

      <section class="cc-section cc-section--disputes" aria-labelledby={id('disputes')}>
        <h3 id={id('disputes')}>
          {view.disputes.length > 0 ? <DisputeIcon /> : <AgreeIcon />}
          {t('disagreements')} {view.disputes.length > 0 && <span class="cc-count">({view.disputes.length})</span>}
        </h3>
        {view.disputes.length > 0 ? (
          <DisputeLines lines={view.disputes} t={t} />
        ) : (
          <p class="cc-muted">{t('noDisputesHere')}</p>
        )}
      </section>

      <div class="cc-sections">
        {recognized && section('recognized', recognized.title, recognized.body)}
        {view.matrix.rows.length > 0 &&
          section(
            'matrix',
            <>
              {t('matrix')} <span class="cc-count">({view.matrix.rows.length})</span>
            </>,
            <WhoReportedMatrix matrix={view.matrix} t={t} />,
          )}
        {view.timeline.length > 1 &&
          section(
            'timeline',
            <>
              {t('timeline')} <span class="cc-count">({view.timeline.length})</span>
            </>,
            <Timeline items={view.timeline} t={t} onSelectEvent={onSelectEvent} />,
          )}
        {view.participants.length > 0 &&
          section(
            'participants',
            <>
              {t('participants')} <span class="cc-count">({view.participants.length})</span>
            </>,
            <ul class="cc-participants">
              {view.participants.map((p) => (
                <li key={p.id}>
                  <span class="cc-participant-name">{p.name}</span> <span class="cc-tag">{p.kindLabel}</span>
                </li>
              ))}
            </ul>,
          )}
        {section(
          'sources',
          <>
            {t('sources')} <span class="cc-count">({view.sources.length})</span>
          </>,
          <SourceList sources={view.sources} t={t} />,
        )}
      </div>
    </article>
  );
}

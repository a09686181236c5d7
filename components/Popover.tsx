/**
 * The content of the popover for a highlight. It leads with the answer: for
 * a name, the disagreements about it one line each, then what each source
 * reported, one line per source; for a disputed sentence, what it says and
 * who agrees or disagrees. Agreements, events and the way to the full brief
 * follow. The dialog wrapper (focus, positioning, Escape) is the caller's;
 * `headingId` lets it point aria-labelledby at the heading.
 */
import type { Lang } from '../core/dataset/schema';
import type { PopoverView, SourceReportView } from '../core/views';
import type { Translate } from '../core/translate';
import { AspectBlock } from './AspectBlock';
import { DisputeLines } from './DisputeLines';
import { AgreeIcon, CloseIcon, DisputeIcon } from './icons';
import { QuoteToggle } from './QuoteToggle';
import { SourceChip } from './SourceChip';

export interface PopoverProps {
  view: PopoverView;
  /** The interface language. */
  lang: Lang;
  t: Translate;
  headingId: string;
  onClose: () => void;
  /** Opens the brief of an event in the toolbar popup (or a tab). */
  onOpenBrief: (eventId: string) => void;
}

export function Popover({ view, lang, t, headingId, onClose, onOpenBrief }: PopoverProps) {
  const id = (part: string) => `${headingId}-${part}`;
  const isClaim = view.kind === 'claim';
  return (
    <div class={`cc-popover cc-popover--${view.kind}`} lang={lang}>
      <header class="cc-head">
        <div class="cc-head-text">
          <p class="cc-kind">{view.kindLabel}</p>
          <h2 id={headingId} class="cc-title">
            {view.heading}
          </h2>
        </div>
        <button type="button" class="cc-close" aria-label={t('close')} title={t('close')} onClick={onClose}>
          <CloseIcon />
        </button>
      </header>
      <p class="cc-desc">{view.description}</p>

      {view.verdict && (
        <div class="cc-verdict">
          <p class="cc-verdict-says">{view.verdict.says}</p>
          <p>{view.verdict.agreesText}</p>
          <p>{view.verdict.contradictsText}</p>
        </div>
      )}

      {view.pageIsSource && <p class="cc-note">{t('thisPageNote')}</p>}

      {view.disputes.length > 0 ? (
        <section class="cc-section cc-section--disputes" aria-labelledby={id('disputes')}>
          <h3 id={id('disputes')} class="cc-section-title">
            <DisputeIcon />
            {t('disagreements')}
          </h3>
          {isClaim ? (
            view.disputes.map((a) => <AspectBlock key={a.id} aspect={a} t={t} titled={false} />)
          ) : (
            <DisputeLines lines={view.disputeLines} t={t} />
          )}
        </section>
      ) : (
        !isClaim && (
          <p class="cc-none">
            <AgreeIcon />
            {t('noDisagreements')}
          </p>
        )
      )}

      {(view.reports.length > 0 || view.thisPage) && (
        <section class="cc-section" aria-labelledby={id('reports')}>
          <h3 id={id('reports')} class="cc-section-title">
            {t('whoReported')}
          </h3>
          {view.stories ? (
            // A name several stories share: what each story's sources reported, story by story.
            view.stories.map((story) => (
              <div key={story.id} class="cc-story">
                <h4 class="cc-story-title">
                  {story.title}
                  {story.onPage && (
                    <>
                      {' '}
                      <span class="cc-tag">{t('storyOnThisPage')}</span>
                    </>
                  )}
                </h4>
                <ul class="cc-reports">
                  {view.reports
                    .filter((r) => story.sources.includes(r.source.id))
                    .map((r) => (
                      <SourceReport key={r.source.id} report={r} t={t} />
                    ))}
                  {view.thisPage && story.sources.includes(view.thisPage.source.id) && (
                    <SourceReport report={view.thisPage} t={t} />
                  )}
                </ul>
              </div>
            ))
          ) : (
            <ul class="cc-reports">
              {view.reports.map((r) => (
                <SourceReport key={r.source.id} report={r} t={t} />
              ))}
              {view.thisPage && <SourceReport report={view.thisPage} t={t} />}
            </ul>
          )}
        </section>
      )}

      {view.agreements.length > 0 && (
        <details class="cc-section cc-more">
          <summary class="cc-section-title">
            <AgreeIcon />
            {t('agreementsCount', view.agreements.length)}
          </summary>
          {view.agreements.map((a) => (
            <AspectBlock key={a.id} aspect={a} t={t} titled={!isClaim} />
          ))}
        </details>
      )}

      {view.events.length > 0 && (
        <section class="cc-section" aria-labelledby={id('events')}>
          <h3 id={id('events')} class="cc-section-title">
            {t('takesPartIn')}
          </h3>
          <ul class="cc-events">
            {view.events.map((e) => (
              <li key={e.id}>
                <button type="button" class="cc-event" onClick={() => onOpenBrief(e.id)}>
                  <span class="cc-event-title">{e.title}</span>
                  <time class="cc-event-date" dateTime={e.dateIso ?? undefined}>
                    {e.date}
                  </time>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {view.briefEvent && (
        <footer class="cc-foot">
          <button type="button" class="cc-primary" onClick={() => view.briefEvent && onOpenBrief(view.briefEvent)}>
            {t('openBrief')}
          </button>
        </footer>
      )}
    </div>
  );
}

/** One line per source (its short name and what it reported); it opens to the full title, claims and quotes. */
function SourceReport({ report, t }: { report: SourceReportView; t: Translate }) {
  const { source } = report;
  return (
    <li class={source.thisPage ? 'cc-report cc-report--page' : 'cc-report'}>
      <details>
        <summary class="cc-report-line">
          <SourceChip source={source} tip={false} /> <span class="cc-report-says">{report.line}</span>
        </summary>
        <p class="cc-report-head">
          <cite lang={source.languageCode}>{source.title}</cite>
        </p>
        <p class="cc-meta">
          {[source.publisher, source.date, source.language].join(' · ')}
          {source.titleSupplied && ` · ${t('titleSupplied')}`}
        </p>
        {report.claims.length > 0 ? (
          <ul class="cc-claims">
            {report.claims.map((c) => (
              <li key={c.id}>
                <p class="cc-claim">{c.summary}</p>
                <QuoteToggle quote={c.quote} lang={source.languageCode} t={t} />
              </li>
            ))}
          </ul>
        ) : (
          <ul class="cc-claims">
            {report.namedIn.map((quote) => (
              <li key={quote}>
                <QuoteToggle quote={quote} lang={source.languageCode} t={t} />
              </li>
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}

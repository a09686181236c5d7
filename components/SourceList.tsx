/** The full list of sources: number, title, publisher, date, language. */
import type { SourceDetails } from '../core/views';
import type { Translate } from '../core/translate';

export function SourceList({ sources, t }: { sources: SourceDetails[]; t: Translate }) {
  return (
    <ul class="cc-sources">
      {sources.map((s) => (
        <li key={s.id} class={s.thisPage ? 'cc-source cc-source--page' : 'cc-source'}>
          <span class={s.thisPage ? 'cc-chip cc-chip--page' : 'cc-chip-n'}>
            {s.thisPage ? t('thisPage') : s.number}
          </span>
          <div>
            <cite lang={s.languageCode}>{s.title}</cite>
            {s.titleSupplied && <span class="cc-tag">{t('titleSupplied')}</span>}
            <p class="cc-meta">
              {s.publisherNamed ? s.publisher : <span class="cc-muted">{s.publisher}</span>}
              {' · '}
              <time dateTime={s.dateIso ?? undefined}>{s.date}</time>
              {` · ${s.language}`}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}

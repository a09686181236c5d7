/** The full list of sources: short name, full title, publisher, date, language. */
import type { SourceDetails } from '../core/views';
import type { Translate } from '../core/translate';
import { SourceChip } from './SourceChip';

export function SourceList({ sources, t }: { sources: SourceDetails[]; t: Translate }) {
  return (
    <ul class="cc-sources">
      {sources.map((s) => (
        <li key={s.id} class={s.thisPage ? 'cc-source cc-source--page' : 'cc-source'}>
          <p class="cc-source-name">
            <SourceChip source={s} tip={false} />
            {!s.thisPage && s.shortSupplied && <span class="cc-tag">{t('shortNameSupplied')}</span>}
          </p>
          <cite lang={s.languageCode}>{s.title}</cite>
          {s.titleSupplied && <span class="cc-tag">{t('titleSupplied')}</span>}
          <p class="cc-meta">
            {s.publisherNamed ? s.publisher : <span class="cc-muted">{s.publisher}</span>}
            {' · '}
            <time dateTime={s.dateIso ?? undefined}>{s.date}</time>
            {` · ${s.language}`}
          </p>
        </li>
      ))}
    </ul>
  );
}

/**
 * The disagreements, one line each: the question and who says what in
 * counts; each opens to the positions with the sources' quotes. What the page
 * itself says leads, when it takes a side.
 */
import type { DisputeLineView } from '../core/views';
import type { Translate } from '../core/translate';
import { DisputeIcon } from './icons';
import { SourceChip, SourceChipList } from './SourceChip';

export function DisputeLines({ lines, t }: { lines: DisputeLineView[]; t: Translate }) {
  return (
    <ul class="cc-dispute-lines">
      {lines.map((line) => (
        <li key={line.aspect} class={line.page ? 'cc-dline cc-dline--page' : 'cc-dline'}>
          <details>
            <summary>
              <span class="cc-dline-q" title={line.question}>
                {line.question}
              </span>
              <span class="cc-sr">: </span>
              {line.page ? (
                <span class="cc-dline-tally cc-page-says" title={`${line.page.says}: ${line.page.others}`}>
                  <strong>{line.page.says}</strong>: {line.page.others}
                </span>
              ) : (
                <span class="cc-dline-tally" title={line.tally}>
                  {line.tally}
                </span>
              )}
            </summary>
            <ul class="cc-positions">
              {line.positions.map((p, i) => (
                <li key={p.value} class={`cc-position cc-v${Math.min(i, 2)}`}>
                  <span class="cc-value">
                    {line.page?.value === p.value && <DisputeIcon />}
                    {p.label}
                  </span>
                  <ul class="cc-quoted">
                    {p.sources.map((s) => (
                      <li key={s.source.id}>
                        <SourceChip source={s.source} />
                        {s.quotes.map((q) => (
                          <blockquote key={q} lang={s.quoteLang}>
                            {q}
                          </blockquote>
                        ))}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
              {line.silent.length > 0 && (
                <li class="cc-position cc-position--silent">
                  <span class="cc-value">{t('silent')}</span>
                  <span class="cc-sr">: </span>
                  <SourceChipList sources={line.silent} />
                </li>
              )}
            </ul>
          </details>
        </li>
      ))}
    </ul>
  );
}

/** One question with the sources' answers; a disputed one is marked with an icon and the word "disputed". */
import type { AspectView } from '../core/views';
import type { Translate } from '../core/translate';
import { DisputeIcon } from './icons';
import { SourceChipList } from './SourceChip';

export interface AspectBlockProps {
  aspect: AspectView;
  t: Translate;
  /** Show the question as a heading (off when the popover's own heading is the question). */
  titled?: boolean;
}

export function AspectBlock({ aspect, t, titled = true }: AspectBlockProps) {
  return (
    <article class={aspect.disputed ? 'cc-aspect cc-aspect--disputed' : 'cc-aspect'}>
      {titled && <h4 class="cc-question">{aspect.question}</h4>}
      {aspect.disputed && (
        <p class="cc-flag">
          <DisputeIcon />
          {t('disputedRow')}
        </p>
      )}
      <ul class="cc-positions">
        {aspect.positions.map((p, i) => (
          <li key={p.value} class={`cc-position cc-v${Math.min(i, 2)}`}>
            <span class="cc-value">{p.label}</span>
            <span class="cc-sr"> {t('positionBy')} </span>
            <SourceChipList sources={p.sources} />
          </li>
        ))}
        {aspect.silent.length > 0 && (
          <li class="cc-position cc-position--silent">
            <span class="cc-value">{t('silent')}</span>
            <span class="cc-sr">: </span>
            <SourceChipList sources={aspect.silent} />
          </li>
        )}
      </ul>
    </article>
  );
}

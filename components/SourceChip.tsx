/**
 * A source named in brief: its number and short name, or "This page"; the
 * full title, publisher and date on hover and on keyboard focus (a tooltip
 * the chip is described by), and in the source list.
 */
import { useId } from 'preact/hooks';
import type { SourceRef } from '../core/views';

/**
 * `tip: false` where the chip stands inside a control (a summary: no focusable element inside another)
 * or next to its full title (the source list): then a plain `title` for the mouse only.
 */
export function SourceChip({ source, tip = true }: { source: SourceRef; tip?: boolean }) {
  const tipId = useId();
  const withTip = tip && !!source.tooltip;
  return (
    // The ARIA tooltip pattern: the chip takes focus so that keyboard users get its tooltip as mouse users do.
    <span
      class={source.thisPage ? 'cc-chip cc-chip--page' : 'cc-chip'}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={withTip ? 0 : undefined}
      aria-describedby={withTip ? tipId : undefined}
      title={!withTip && source.tooltip ? source.tooltip : undefined}
    >
      {!source.thisPage && (
        <>
          <span class="cc-chip-n" aria-hidden="true">
            {source.number}
          </span>{' '}
        </>
      )}
      <span class="cc-chip-name">{source.short}</span>
      {withTip && (
        <span id={tipId} role="tooltip" class="cc-chip-tip">
          {source.tooltip}
        </span>
      )}
    </span>
  );
}

export function SourceChipList({ sources, tip = true }: { sources: SourceRef[]; tip?: boolean }) {
  return (
    <ul class="cc-chips">
      {sources.map((s) => (
        <li key={s.id}>
          <SourceChip source={s} tip={tip} />
        </li>
      ))}
    </ul>
  );
}

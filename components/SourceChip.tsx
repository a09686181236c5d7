/**
 * A source named in brief: its number and short name, or "This page"; the
 * full title, publisher and date on hover (and in the source list).
 */
import type { SourceRef } from '../core/views';

export function SourceChip({ source }: { source: SourceRef }) {
  return (
    <span class={source.thisPage ? 'cc-chip cc-chip--page' : 'cc-chip'} title={source.tooltip}>
      {!source.thisPage && (
        <>
          <span class="cc-chip-n" aria-hidden="true">
            {source.number}
          </span>{' '}
        </>
      )}
      <span class="cc-chip-name">{source.short}</span>
    </span>
  );
}

export function SourceChipList({ sources }: { sources: SourceRef[] }) {
  return (
    <ul class="cc-chips">
      {sources.map((s) => (
        <li key={s.id}>
          <SourceChip source={s} />
        </li>
      ))}
    </ul>
  );
}

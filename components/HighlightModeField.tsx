/** Which mentions get a mark on the page: first mentions (default), every mention, or only disagreements. */
import { HIGHLIGHT_MODES, type HighlightMode } from '../core/views/highlight-plan';
import type { MessageKey, Translate } from '../core/translate';

const MODE_LABELS: Record<HighlightMode, MessageKey> = {
  first: 'optModeFirst',
  every: 'optModeEvery',
  disputes: 'optModeDisputes',
};

export interface HighlightModeFieldProps {
  value: HighlightMode;
  /** Radio group name, unique on the page. */
  name: string;
  t: Translate;
  onChange: (mode: HighlightMode) => void;
}

export function HighlightModeField({ value, name, t, onChange }: HighlightModeFieldProps) {
  return (
    <fieldset>
      <legend>{t('optMode')}</legend>
      {HIGHLIGHT_MODES.map((mode) => (
        <label key={mode} class="cc-check">
          <input type="radio" name={name} value={mode} checked={value === mode} onChange={() => onChange(mode)} />
          <span>{t(MODE_LABELS[mode])}</span>
        </label>
      ))}
      <p class="cc-hint">{t('optModeHint')}</p>
    </fieldset>
  );
}

/** The select that switches the brief between events: the page's events first, then all others. */
import type { EventChoices } from '../core/views';
import type { Translate } from '../core/translate';

export interface EventPickerProps {
  choices: EventChoices;
  value: string;
  t: Translate;
  onChange: (eventId: string) => void;
}

export function EventPicker({ choices, value, t, onChange }: EventPickerProps) {
  const options = (list: EventChoices['onPage']) =>
    list.map((c) => (
      <option key={c.id} value={c.id}>
        {c.label}
      </option>
    ));
  return (
    <div class="cc-picker">
      <label for="event-select">{t('chooseEvent')}</label>
      <select id="event-select" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {choices.onPage.length > 0 ? (
          <>
            <optgroup label={t('eventsOnPage')}>{options(choices.onPage)}</optgroup>
            {choices.others.length > 0 && <optgroup label={t('eventsOther')}>{options(choices.others)}</optgroup>}
          </>
        ) : (
          options(choices.others)
        )}
      </select>
    </div>
  );
}

/** The options: every control reports a change at once; the caller saves it. */
import { useId, useState } from 'preact/hooks';
import {
  HIGHLIGHT_KINDS,
  HOVER_DELAY_MAX,
  HOVER_DELAY_MIN,
  type HighlightKind,
  type HighlightStyle,
  type Settings,
  type UiLanguage,
} from '../core/settings';
import type { MessageKey, Translate } from '../core/translate';
import { HighlightModeField } from './HighlightModeField';

export interface OptionsFormProps {
  settings: Settings;
  t: Translate;
  onChange: (patch: Partial<Settings>) => void;
  /** Takes a site off the turned-off list. */
  onTurnOnSite: (host: string) => void;
}

const KIND_LABELS: Record<HighlightKind, MessageKey> = {
  person: 'group_person',
  organization: 'group_organization',
  place: 'group_place',
  group: 'group_group',
  event: 'group_event',
  claim: 'group_claim',
};

const STYLE_LABELS: Record<HighlightStyle, MessageKey> = { tint: 'optStyleTint', underline: 'optStyleUnderline' };

const LANGUAGE_LABELS: Record<UiLanguage, { key: MessageKey; lang?: string }> = {
  auto: { key: 'optLanguageAuto' },
  de: { key: 'optLanguageDe', lang: 'de' },
  en: { key: 'optLanguageEn', lang: 'en' },
};

export function OptionsForm({ settings, t, onChange, onTurnOnSite }: OptionsFormProps) {
  const id = useId();
  const delayId = `${id}-delay`;
  // The slider shows its value while it moves and reports it when let go.
  const [delayDraft, setDelayDraft] = useState<number | null>(null);
  const delay = delayDraft ?? settings.hoverDelayMs;
  return (
    <form class="cc-options" onSubmit={(e) => e.preventDefault()}>
      <label class="cc-check cc-check--main">
        <input
          type="checkbox"
          checked={settings.enabled}
          onChange={(e) => onChange({ enabled: e.currentTarget.checked })}
        />
        <span>{t('optEnabled')}</span>
      </label>

      <fieldset>
        <legend>{t('optKinds')}</legend>
        {HIGHLIGHT_KINDS.map((kind) => (
          <label key={kind} class="cc-check">
            <input
              type="checkbox"
              checked={settings.kinds[kind]}
              onChange={(e) => onChange({ kinds: { ...settings.kinds, [kind]: e.currentTarget.checked } })}
            />
            <span>{t(KIND_LABELS[kind])}</span>
          </label>
        ))}
      </fieldset>

      <HighlightModeField
        value={settings.highlightMode}
        name={`${id}-mode`}
        t={t}
        onChange={(highlightMode) => onChange({ highlightMode })}
      />

      <fieldset>
        <legend>{t('optStyle')}</legend>
        {(Object.keys(STYLE_LABELS) as HighlightStyle[]).map((style) => (
          <label key={style} class="cc-check">
            <input
              type="radio"
              name={`${id}-style`}
              value={style}
              checked={settings.highlightStyle === style}
              onChange={() => onChange({ highlightStyle: style })}
            />
            <span>{t(STYLE_LABELS[style])}</span>
          </label>
        ))}
        <label class="cc-check cc-check--separate">
          <input
            type="checkbox"
            checked={settings.highContrast}
            onChange={(e) => onChange({ highContrast: e.currentTarget.checked })}
          />
          <span>{t('optHighContrast')}</span>
        </label>
      </fieldset>

      <div class="cc-range">
        <label for={delayId}>{t('optHoverDelay')}</label>
        <div class="cc-range-row">
          <input
            id={delayId}
            type="range"
            min={HOVER_DELAY_MIN}
            max={HOVER_DELAY_MAX}
            step={50}
            value={delay}
            aria-valuetext={t('optHoverDelayValue', delay)}
            onInput={(e) => setDelayDraft(Number(e.currentTarget.value))}
            onChange={(e) => {
              setDelayDraft(null);
              onChange({ hoverDelayMs: Number(e.currentTarget.value) });
            }}
          />
          <output for={delayId}>{t('optHoverDelayValue', delay)}</output>
        </div>
      </div>

      <fieldset>
        <legend>{t('optLanguage')}</legend>
        {(Object.keys(LANGUAGE_LABELS) as UiLanguage[]).map((language) => (
          <label key={language} class="cc-check">
            <input
              type="radio"
              name={`${id}-language`}
              value={language}
              checked={settings.language === language}
              onChange={() => onChange({ language })}
            />
            <span lang={LANGUAGE_LABELS[language].lang}>{t(LANGUAGE_LABELS[language].key)}</span>
          </label>
        ))}
      </fieldset>

      <section class="cc-opt-section" aria-labelledby={`${id}-sites`}>
        <h2 id={`${id}-sites`}>{t('optDisabledSites')}</h2>
        {settings.disabledSites.length === 0 ? (
          <p class="cc-muted">{t('optNoDisabledSites')}</p>
        ) : (
          <ul class="cc-sites">
            {settings.disabledSites.map((host) => (
              <li key={host}>
                <button type="button" onClick={() => onTurnOnSite(host)}>
                  {t('optRemoveSite', host)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="cc-opt-section" aria-labelledby={`${id}-shortcuts`}>
        <h2 id={`${id}-shortcuts`}>{t('optShortcuts')}</h2>
        <p>{t('optShortcutsText')}</p>
      </section>
    </form>
  );
}

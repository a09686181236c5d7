/** The installed story packs: on/off, remove, export, and importing new ones or updates. Renders props only. */
import { useId } from 'preact/hooks';
import type { Lang } from '../core/dataset/schema';
import type { PackSummary } from '../core/pack/summary';
import type { Translate } from '../core/translate';

export interface PacksSectionProps {
  t: Translate;
  lang: Lang;
  packs: PackSummary[];
  /** An import is being read and validated. */
  busy: boolean;
  /** Why the last import (or action) failed, or null. */
  error: string | null;
  onImport: (file: File) => void;
  onToggle: (id: string, enabled: boolean) => void;
  onRemove: (id: string) => void;
  onExport: (id: string) => void;
}

export function PacksSection({
  t,
  lang,
  packs,
  busy,
  error,
  onImport,
  onToggle,
  onRemove,
  onExport,
}: PacksSectionProps) {
  const id = useId();
  return (
    <section class="cc-opt-section cc-packs" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('optPacks')}</h2>
      <p>{t('optPacksIntro')}</p>
      <ul class="cc-pack-list">
        {packs.map((p) => {
          const title = p.title[lang];
          return (
            <li key={p.id} class="cc-pack" data-pack-id={p.id}>
              <h3 class="cc-pack-title">{title}</h3>
              <p class="cc-pack-meta">
                {t('optPackRevision', p.revision)} · {t('optPackBy', p.attribution)}
                {p.bundled && ` · ${t(p.imported ? 'optPackBundledUpdated' : 'optPackBundled')}`}
              </p>
              <p class="cc-pack-meta">
                {t('optPackCounts', p.counts.sources, p.counts.entities, p.counts.events, p.counts.claims)}
              </p>
              <p class="cc-pack-meta">
                {t('optPackLicense', p.license)}
                {p.homepage && (
                  <>
                    <br />
                    {t('optPackHomepage', p.homepage)}
                  </>
                )}
              </p>
              <div class="cc-pack-actions">
                <label>
                  <input
                    type="checkbox"
                    checked={p.enabled}
                    onChange={(e) => onToggle(p.id, e.currentTarget.checked)}
                  />
                  {t('optPackOn', title)}
                </label>
                <button type="button" onClick={() => onExport(p.id)}>
                  {t('optPackExport', title)}
                </button>
                {p.imported && (
                  <button type="button" onClick={() => onRemove(p.id)}>
                    {t(p.bundled ? 'optPackRemoveUpdate' : 'optPackRemove', title)}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <label class="cc-file">
        <span>{t('optPackImport')}</span>
        <input
          type="file"
          accept="application/json,.json,application/zip,.zip"
          disabled={busy}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) onImport(file);
          }}
        />
      </label>
      {error && (
        <p id={`${id}-error`} class="cc-error" role="alert">
          {t('optPackImportError', error)}
        </p>
      )}
    </section>
  );
}

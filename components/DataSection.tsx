/** Which dataset is active, and importing another one. */
import { useId } from 'preact/hooks';
import type { Translate } from '../core/translate';

export interface DataSectionProps {
  t: Translate;
  /** Name of the active dataset. */
  datasetName: string;
  /** The active dataset is an imported one (not the bundled one). */
  imported: boolean;
  onImport: (file: File) => void;
  /** Goes back to the bundled dataset; shown only while an imported one is active. */
  onReset?: () => void;
  /** Why the last import failed, or null. */
  error: string | null;
}

export function DataSection({ t, datasetName, imported, onImport, onReset, error }: DataSectionProps) {
  const id = useId();
  return (
    <section class="cc-opt-section cc-data" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('optData')}</h2>
      <p>{imported ? t('optDataImported', datasetName) : t('optDataBundled', datasetName)}</p>
      <div class="cc-data-actions">
        <label class="cc-file">
          <span>{t('optImport')}</span>
          <input
            type="file"
            accept="application/json,.json"
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) onImport(file);
            }}
          />
        </label>
        {imported && onReset && (
          <button type="button" onClick={onReset}>
            {t('optResetData')}
          </button>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} class="cc-error" role="alert">
          {t('optImportError', error)}
        </p>
      )}
    </section>
  );
}

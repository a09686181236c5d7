/**
 * The options page: every change is saved at once through lib/settings and
 * confirmed in a polite live region; changes made elsewhere show up here.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DataSection } from '../../components/DataSection';
import { OptionsForm } from '../../components/OptionsForm';
import { importDataset, loadActiveDataset, resetToBundled, watchActiveDataset } from '../../lib/storage/dataset-store';
import { translator } from '../../lib/i18n';
import type { Settings } from '../../core/settings';
import { getSettings, setSiteEnabled, updateSettings, watchSettings } from '../../lib/storage/settings';

const SAVED_MESSAGE_MS = 4000;

export interface ActiveDataset {
  name: string;
  imported: boolean;
}

export interface AppProps {
  initialSettings: Settings;
  initialDataset: ActiveDataset;
}

export function App({ initialSettings, initialDataset }: AppProps) {
  const [settings, setSettings] = useState(initialSettings);
  const [dataset, setDataset] = useState(initialDataset);
  const [status, setStatus] = useState('');
  const [importError, setImportError] = useState<string | null>(null);
  const clearStatus = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const { lang, t } = useMemo(() => translator(settings.language), [settings.language]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('optionsTitle');
  }, [lang, t]);
  useEffect(() => watchSettings(setSettings), []);
  useEffect(
    () =>
      watchActiveDataset(() => {
        void loadActiveDataset().then(({ dataset: d, imported }) => setDataset({ name: d.name, imported }));
      }),
    [],
  );
  useEffect(() => () => clearTimeout(clearStatus.current), []);

  const announce = (message: string) => {
    setStatus(message);
    clearTimeout(clearStatus.current);
    clearStatus.current = setTimeout(() => setStatus(''), SAVED_MESSAGE_MS);
  };

  // Shown at once, written one after the other (storage.sync has a write quota; order matters).
  const writes = useRef(Promise.resolve());
  const save = (patch: Partial<Settings>, write: () => Promise<Settings>) => {
    setSettings((s) => ({ ...s, ...patch }));
    writes.current = writes.current.then(write).then(
      (saved) => announce(translator(saved.language).t('optSaved')), // in the language just chosen
      () => void getSettings().then(setSettings),
    );
  };

  const onImport = async (file: File) => {
    const result = await importDataset(await file.text());
    if (result.ok) {
      setImportError(null);
      announce(t('optImportOk', result.name));
    } else {
      setImportError(result.error);
    }
  };

  return (
    <div class="cc-page">
      <header class="cc-page-head">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>{t('optionsTitle')}</h1>
      </header>
      <main>
        <OptionsForm
          settings={settings}
          t={t}
          onChange={(patch) => save(patch, () => updateSettings(patch))}
          onTurnOnSite={(host) =>
            save({ disabledSites: settings.disabledSites.filter((h) => h !== host) }, () => setSiteEnabled(host, true))
          }
        />
        <DataSection
          t={t}
          datasetName={dataset.name}
          imported={dataset.imported}
          error={importError}
          onImport={(file) => void onImport(file)}
          onReset={() => void resetToBundled().then(() => announce(t('optSaved')))}
        />
      </main>
      <p class="cc-status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}

/**
 * The options page: every change is saved at once through lib/settings and
 * confirmed in a polite live region; changes made elsewhere show up here.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { OptionsForm } from '../../components/OptionsForm';
import { translator } from '../../lib/i18n';
import type { Settings } from '../../core/settings';
import { getSettings, setSiteEnabled, updateSettings, watchSettings } from '../../lib/storage/settings';
import { PacksPanel } from './PacksPanel';

const SAVED_MESSAGE_MS = 4000;

export interface AppProps {
  initialSettings: Settings;
}

export function App({ initialSettings }: AppProps) {
  const [settings, setSettings] = useState(initialSettings);
  const [status, setStatus] = useState('');
  const clearStatus = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const { lang, t } = useMemo(() => translator(settings.language), [settings.language]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('optionsTitle');
  }, [lang, t]);
  useEffect(() => watchSettings(setSettings), []);
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
        <PacksPanel t={t} lang={lang} announce={announce} />
      </main>
      <p class="cc-status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}

/**
 * The options page's packs section, wired to the pack store: loads the list,
 * imports files, turns packs on and off, removes and exports them, and
 * follows changes made in other pages. Self-contained: the page only places it.
 */
import { useEffect, useState } from 'preact/hooks';
import { PacksSection } from '../../components/PacksSection';
import type { Lang } from '../../core/dataset/schema';
import type { Translate } from '../../core/translate';
import type { PackStore, PackSummary } from '../../lib/storage/pack-store';
import { openPacks, watchPacks } from '../../lib/storage/packs';

export interface PacksPanelProps {
  t: Translate;
  lang: Lang;
  /** Says something in the page's polite live region. */
  announce: (message: string) => void;
  /** Opens the store (tests pass their own). */
  open?: () => Promise<PackStore>;
}

/** Saves `text` as a file through a temporary object URL (no network). */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function PacksPanel({ t, lang, announce, open = openPacks }: PacksPanelProps) {
  const [store, setStore] = useState<PackStore | null>(null);
  const [packs, setPacks] = useState<PackSummary[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let opened: PackStore | null = null;
    open().then(
      async (s) => {
        opened = s;
        if (!live) return s.close();
        setStore(s);
        setPacks(await s.list());
      },
      (e: unknown) => live && setError(`the installed packs cannot be read (${(e as Error).message})`),
    );
    return () => {
      live = false;
      opened?.close();
    };
  }, [open]);
  useEffect(() => (store ? watchPacks(() => void store.list().then(setPacks)) : undefined), [store]);

  const act = async (work: (s: PackStore) => Promise<string | null>) => {
    if (!store) return;
    setBusy(true);
    try {
      const message = await work(store);
      setError(null);
      if (message) announce(message);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPacks(await store.list());
      setBusy(false);
    }
  };
  const titleOf = (id: string) => packs.find((p) => p.id === id)?.title[lang] ?? id;

  return (
    <PacksSection
      t={t}
      lang={lang}
      packs={packs}
      busy={busy || !store}
      error={error}
      onImport={(file) =>
        void act(async (s) => {
          const result = await s.importFile(file.name, new Uint8Array(await file.arrayBuffer()));
          if (!result.ok) throw new Error(result.error);
          return result.installed
            .map((p) =>
              p.updatedFrom === null
                ? t('optPackImported', p.title[lang], p.revision)
                : t('optPackUpdated', p.title[lang], p.revision),
            )
            .join(' ');
        })
      }
      onToggle={(id, on) => {
        // Shown at once (a controlled checkbox would spring back until the store answers).
        setPacks((list) => list.map((p) => (p.id === id ? { ...p, enabled: on } : p)));
        void act(async (s) => (await s.setEnabled(id, on), t('optSaved')));
      }}
      onRemove={(id) => {
        const title = titleOf(id);
        void act(async (s) => (await s.remove(id), t('optPackRemoved', title)));
      }}
      onExport={(id) =>
        void act(async (s) => {
          const p = packs.find((x) => x.id === id);
          download(`${id}${p ? `-r${p.revision}` : ''}.json`, await s.exportPack(id));
          return null;
        })
      }
    />
  );
}

/**
 * The toolbar popup: the story the page is about (a switcher between the
 * page's stories and the other enabled ones), the brief of its main event (or
 * any other) at a glance, with its disagreements one line each; what was recognized on the
 * page, the matrix, the timeline and the sources open on demand and stay as
 * the reader left them; and the switch for this site.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EventBrief, type BriefSection } from '../../components/EventBrief';
import { EventPicker } from '../../components/EventPicker';
import { SettingsIcon } from '../../components/icons';
import { RecognizedList } from '../../components/RecognizedList';
import { StorySwitcher } from '../../components/StorySwitcher';
import { buildBriefView, buildEventChoices, buildRecognizedView, defaultBriefEvent } from '../../core/views';
import { translator } from '../../lib/i18n';
import type { PageSummary } from '../../core/page-summary';
import { isEnabledOn } from '../../core/settings';
import type { ToContent } from '../../lib/messages';
import { setSiteEnabled, watchSettings } from '../../lib/storage/settings';
import type { PopupData, PopupStory } from './load-popup-data';
import { setOpenSections } from './open-sections';
import { summaryOf } from './page-summary';

/** The story a popup opens on: the one of the event asked for, else the page's first, else the first enabled. */
export function initialStory(data: PopupData): PopupStory | null {
  const { stories, summary, requestedEvent } = data;
  return (
    (requestedEvent && stories.find((s) => s.dataset.events.some((e) => e.id === requestedEvent))) ||
    stories.find((s) => summary?.stories?.includes(s.id)) ||
    stories[0] ||
    null
  );
}

export function App({ data }: { data: PopupData }) {
  const { dataset, tabId } = data;
  const [settings, setSettings] = useState(data.settings);
  const [summary, setSummary] = useState<PageSummary | null>(data.summary);
  const [storyId, setStoryId] = useState(() => initialStory(data)?.id ?? null);
  const story = data.stories.find((s) => s.id === storyId) ?? null;
  const storyData = story?.dataset ?? dataset;
  const [eventId, setEventId] = useState(() => defaultBriefEvent(storyData, data.summary, data.requestedEvent));
  const switchStory = (id: string) => {
    const next = data.stories.find((s) => s.id === id);
    if (!next) return;
    setStoryId(id);
    setEventId(defaultBriefEvent(next.dataset, summary, null));
  };
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(data.openSections));
  const toggleSection = (id: BriefSection, isOpen: boolean) => {
    setOpen((prev) => {
      const next = new Set(prev);
      if (isOpen) next.add(id);
      else next.delete(id);
      void setOpenSections(next);
      return next;
    });
  };

  useEffect(() => watchSettings(setSettings), []);
  // The content script reports again after a change (site turned on, page updated).
  useEffect(() => {
    if (tabId === null) return;
    const refresh = (_: unknown, area: string) => {
      if (area === 'session') void summaryOf(tabId).then(setSummary);
    };
    browser.storage.onChanged.addListener(refresh);
    return () => browser.storage.onChanged.removeListener(refresh);
  }, [tabId]);

  const locale = useMemo(() => translator(settings.language), [settings.language]);
  const { lang, t } = locale;
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('extName');
  }, [lang, t]);

  const host = summary?.host ?? null;
  const onHere = host !== null && isEnabledOn(settings, host);
  const recognized = useMemo(
    () => (summary && onHere && summary.items.length > 0 ? buildRecognizedView(summary, dataset, locale) : null),
    [summary, onHere, dataset, locale],
  );
  const choices = useMemo(() => buildEventChoices(storyData, summary, locale), [storyData, summary, locale]);
  const brief = useMemo(
    () => (eventId ? buildBriefView(storyData, eventId, { ...locale, summary }) : null),
    [storyData, eventId, locale, summary],
  );
  // The page's stories first, then the other enabled ones.
  const storyChoices = useMemo(() => {
    const onPage = new Set(summary?.stories ?? []);
    const all = data.stories.map((s) => ({ id: s.id, title: s.title[lang], onPage: onPage.has(s.id) }));
    return [...all.filter((s) => s.onPage), ...all.filter((s) => !s.onPage)];
  }, [data.stories, summary, lang]);

  const notice = !summary
    ? t('popupUnavailable')
    : !settings.enabled
      ? t('popupDisabledAll')
      : !onHere
        ? t('popupDisabledSite')
        : !recognized
          ? t('popupNothing')
          : null;

  const showOnPage = (id: string) => {
    if (tabId === null) return;
    const message: ToContent = { type: 'scroll-to', id };
    void browser.tabs.sendMessage(tabId, message).catch(() => {});
  };

  return (
    <div class="cc-popup">
      <header class="cc-top">
        <h1 class="cc-brand">
          <img src="/icon/32.png" alt="" width={20} height={20} />
          {t('brandName')}
        </h1>
        <div class="cc-top-actions">
          {host && settings.enabled && (
            <button type="button" class="cc-btn" onClick={() => void setSiteEnabled(host, !onHere)}>
              {onHere ? t('turnOffSite') : t('turnOnSite')}
            </button>
          )}
          {/* A gear with its name for screen readers and as a tooltip: the top bar stays one row in German too. */}
          <button
            type="button"
            class="cc-btn cc-btn--quiet cc-btn--icon"
            title={t('openOptions')}
            onClick={() => void browser.runtime.openOptionsPage()}
          >
            <SettingsIcon />
            <span class="cc-sr">{t('openOptions')}</span>
          </button>
        </div>
      </header>

      <main class="cc-main">
        {notice && <p class="cc-notice">{notice}</p>}

        {storyId && storyChoices.length > 1 && (
          <StorySwitcher stories={storyChoices} value={storyId} t={t} onChange={switchStory} />
        )}

        {brief ? (
          <EventBrief
            view={brief}
            t={t}
            open={open}
            onToggleSection={toggleSection}
            onSelectEvent={setEventId}
            picker={eventId && <EventPicker choices={choices} value={eventId} t={t} onChange={setEventId} />}
            recognized={
              recognized && {
                title: (
                  <>
                    {t('popupRecognized')} <span class="cc-count">({recognized.total})</span>
                  </>
                ),
                body: <RecognizedList view={recognized} t={t} onSelect={showOnPage} />,
              }
            }
          />
        ) : (
          <p>{t('popupNoEvents')}</p>
        )}
      </main>
    </div>
  );
}

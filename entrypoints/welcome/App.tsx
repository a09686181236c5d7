/**
 * The first-run page, opened once after installing: what the three kinds of
 * highlight mean (shown on a short example written for it, with the marks'
 * own styles), how to reach the brief and the options, and that nothing
 * leaves the browser. Everything comes from the extension's own files.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { translator } from '../../lib/i18n';
import type { UiLanguage } from '../../core/settings';

export function App({ language }: { language: UiLanguage }) {
  const { lang, t } = useMemo(() => translator(language), [language]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('welcomeTitle');
  }, [lang, t]);

  return (
    <div class="cc-page cc-welcome">
      <header class="cc-page-head">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>{t('welcomeTitle')}</h1>
      </header>
      <main>
        <p class="cc-lead">{t('welcomeLead')}</p>

        <section aria-labelledby="w-marks">
          <h2 id="w-marks">{t('welcomeMarksTitle')}</h2>
          <figure class="cc-sample">
            <p>
              {t('welcomeSample1')} <mark class="cc-mark">{t('welcomeSampleName')}</mark> {t('welcomeSample2')}{' '}
              <mark class="cc-mark cc-claim">
                <mark class="cc-mark cc-disputed">{t('welcomeSampleDisputed')}</mark> {t('welcomeSampleClaim')}
              </mark>{' '}
              {t('welcomeSample3')}
            </p>
            <figcaption>{t('welcomeSampleCaption')}</figcaption>
          </figure>
          <dl class="cc-legend">
            <div>
              <dt>
                <mark class="cc-mark">{t('welcomeSampleName')}</mark>
              </dt>
              <dd>{t('welcomeMarkName')}</dd>
            </div>
            <div>
              <dt>
                <mark class="cc-mark cc-disputed">{t('welcomeSampleDisputed')}</mark>
              </dt>
              <dd>{t('welcomeMarkDisputed')}</dd>
            </div>
            <div>
              <dt>
                <mark class="cc-mark cc-claim">{t('welcomeSampleClaim')}</mark>
              </dt>
              <dd>{t('welcomeMarkClaim')}</dd>
            </div>
          </dl>
          <p>{t('welcomeFirstOnly')}</p>
        </section>

        <section aria-labelledby="w-use">
          <h2 id="w-use">{t('welcomeUseTitle')}</h2>
          <ul class="cc-steps">
            <li>{t('welcomeUseHover')}</li>
            <li>{t('welcomeUsePopup')}</li>
            <li>{t('welcomeUseKeys')}</li>
          </ul>
          <p>
            <button type="button" class="cc-primary" onClick={() => void browser.runtime.openOptionsPage()}>
              {t('welcomeOpenOptions')}
            </button>
          </p>
          <p class="cc-muted">{t('welcomeOptionsWhere')}</p>
        </section>

        <section aria-labelledby="w-private">
          <h2 id="w-private">{t('welcomePrivateTitle')}</h2>
          <p>{t('welcomePrivate')}</p>
        </section>
      </main>
    </div>
  );
}

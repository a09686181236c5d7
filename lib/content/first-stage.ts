/**
 * The first stage's life on a page: wait for idle, check the page with the
 * background (PageCheck), and step aside when a newer first stage arrives (the
 * background injects one into open tabs after an install or update) or when
 * the extension is gone. It replaces WXT's ContentScriptContext here, which
 * cost more main-thread time than all the rest of the first stage on a page
 * about nothing (bench/README.md, "The extension's own tasks").
 */
import { SETTINGS_EVENT } from '../messages';
import { later } from '../timers';
import { createAsk, extensionAlive } from './background-client';
import { PageCheck } from './page-check';
import { readPageMeta } from './page-meta';

/** The event a first stage sends when it starts, so that an older one (from before an update) stops. */
export const FIRST_STAGE_EVENT = 'crosscheck:first-stage';

/** Starts the first stage in `doc`; returns its stop function (also called by a newer first stage). */
export function startFirstStage(doc: Document = document): () => void {
  const win = doc.defaultView;
  if (!win || !doc.body || !(doc.documentElement instanceof win.HTMLElement)) return () => {}; // XML/SVG documents
  let stopped = false;
  let check: PageCheck | null = null;
  let cancelStart = () => {};
  const stop = () => {
    if (stopped) return;
    stopped = true;
    doc.removeEventListener(FIRST_STAGE_EVENT, stop);
    cancelStart();
    check?.stop();
  };
  // Announce this one (an older first stage stops), then listen for a newer one. A page could send the event
  // too: all it gains is no overlay on itself, which it could have by hiding its text.
  doc.dispatchEvent(new win.Event(FIRST_STAGE_EVENT));
  doc.addEventListener(FIRST_STAGE_EVENT, stop);

  const begin = () => {
    if (stopped || !extensionAlive()) return stop();
    check = new PageCheck({
      root: doc.body,
      ask: createAsk({ measure: false }),
      page: () => {
        const meta = readPageMeta(doc, win.location.href);
        return { published: meta.published, url: meta.url, title: meta.title };
      },
      onSettingsChange: (cb) => {
        doc.addEventListener(SETTINGS_EVENT, cb);
        return () => doc.removeEventListener(SETTINGS_EVENT, cb);
      },
      orphaned: stop,
    });
    void check.start();
  };
  // The check runs in the task after the page's load event (document_idle often comes a few ms before it),
  // or at the page's first idle period if that comes first (a page whose images are still loading), 1.5 s at
  // most. An idle callback alone waited for the page's first frames: 60–200 ms after the load event on the
  // bench's story pages, which their first highlight waited for too.
  let scheduled = false;
  const once = () => {
    if (scheduled) return;
    scheduled = true;
    cancelStart();
    if (!stopped) cancelStart = later(begin, 0);
  };
  if (doc.readyState === 'complete' || typeof win.requestIdleCallback !== 'function') {
    if (doc.readyState === 'complete') once();
    else cancelStart = later(begin, 50);
  } else {
    const idle = win.requestIdleCallback(once, { timeout: 1500 });
    win.addEventListener('load', once);
    cancelStart = () => {
      win.cancelIdleCallback(idle);
      win.removeEventListener('load', once);
    };
  }
  return stop;
}

/**
 * The full stage, injected by the background into a frame whose page the
 * first stage (entrypoints/first-stage.ts) found to be about a story: wires the
 * ContentApp (scan + highlight + watch),
 * the PopoverController (when to open) and the popover UI (one shadow-root
 * host, re-rendered by Preact with new props, positioned by Floating UI),
 * mounted only once there is a highlight. Recognition runs in the background:
 * no dataset and no matcher here.
 * No runtime code outside `main` (WXT imports this file at build time).
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import popoverCss from '../../components/popover.css?inline';
import { createAsk, extensionAlive } from '../../lib/content/background-client';
import { ContentApp } from '../../lib/content/content-app';
import { takeHandoff } from '../../lib/content/handoff';
import { HOST_TAG, markOf } from '../../lib/content/own';
import { PopoverController } from '../../lib/content/popover-controller';
import { createPopoverRenderer } from '../../lib/content/popover-renderer';
import { later } from '../../lib/timers';
import { timingMark } from '../../lib/timing';

/** How often a page with highlights checks that its extension is still there (after a reload it is not), ms. */
const ORPHAN_CHECK_MS = 2000;

export default defineContentScript({
  // Not in the manifest: the background injects it (browser.scripting); highlights.css came with the first stage.
  // WXT grants these matches as host permissions, which the injection needs.
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  // The popover's CSS is passed inline to its shadow root: no web-accessible resource for pages to probe.
  cssInjectionMode: 'manual',
  async main(ctx) {
    timingMark('full-start');
    if (!document.body || !(document.documentElement instanceof HTMLElement)) return; // XML/SVG documents
    const ask = createAsk();
    let popover: PopoverController | null = null;
    let renderer: ReturnType<typeof createPopoverRenderer> | null = null;

    const app = new ContentApp(document, ask, {
      settingsChanged: (s) => renderer?.setSettings(s),
      cleared: () => popover?.close(),
      openFor: (mark) => popover?.open(mark, 'keyboard', false),
      // Pages without highlights get no listener and no extra element.
      highlighted: () => {
        attachPopover();
        void ensureUi();
        watchForOrphaning();
      },
      orphaned: () => ctx.notifyInvalidated(),
    });
    // Invalidated: the extension was reloaded or updated (a newer content script started,
    // or this one lost its extension). Undo everything: no mark is left that nothing answers.
    ctx.onInvalidated(() => app.stop());

    let watching = false;
    const watchForOrphaning = () => {
      if (watching) return;
      watching = true;
      const check = () => {
        if (!extensionAlive()) ctx.notifyInvalidated();
        else if (!ctx.isInvalid) later(check, ORPHAN_CHECK_MS);
      };
      later(check, ORPHAN_CHECK_MS);
    };

    // From the first highlight on, the popover's controller listens and its UI (a shadow-root
    // host, rendered by Preact, placed by Floating UI) is mounted; a popover asked for before
    // the mount is done opens when it is.
    const attachPopover = () => {
      if (popover) return;
      popover = new PopoverController(document, {
        hoverDelay: () => app.currentSettings.hoverDelayMs,
        markOf,
        isPopover: (node) => node !== null && node === host,
        render: (mark, reason, focus) => {
          if (!mark && !renderer) return;
          void ensureUi().then(() => renderer?.show(mark, reason, focus));
        },
      });
      popover.attach();
      ctx.onInvalidated(() => popover?.detach());
    };

    let host: HTMLElement | null = null;
    let mounting: Promise<void> | null = null;
    // If the page took the host's element name (it defined <crosscheck-popover>
    // with a shadow root of its own), attachShadow throws: the highlights stay,
    // there is no popover on that page, and no uncaught error.
    const ensureUi = () => (mounting ??= mountUi().catch(() => {}));
    const mountUi = async () => {
      const ui = await createShadowRootUi(ctx, {
        name: HOST_TAG,
        css: popoverCss,
        position: 'inline',
        // After <body>, not inside it: a host at the end of the body would stop
        // the page's last element matching `body > :last-child` (and the like),
        // and the page's layout would change as soon as there is a highlight.
        anchor: 'html',
        append: 'last',
        isolateEvents: ['keydown', 'keyup', 'keypress'],
        onMount: (container) => container,
        onRemove: (container) => container && render(null, container),
      });
      ui.mount(); // WXT removes it when the context is invalidated
      host = ui.shadowHost;
      const container = ui.uiContainer;
      // `all: initial` does not reset `direction`: on a right-to-left page it
      // would flow into the shadow root. The popover's text is German or English.
      container.setAttribute('dir', 'ltr');
      renderer = createPopoverRenderer({
        container,
        host: ui.shadowHost,
        ask,
        settings: app.currentSettings,
        pageSource: () => app.pageSourceId,
        targetOf: (mark) => app.targetOf(mark),
        close: (returnFocus) => popover?.close(returnFocus),
      });
    };

    await app.start(takeHandoff());
    if (ctx.isInvalid) return;

    // Answered with `sendResponse` (and `true`): the browser's own API (no polyfill here, see
    // wxt.config.ts) takes a returned promise in Firefox but not in every Chrome.
    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (answer: unknown) => void) => {
      const answer = app.handleMessage(message);
      if (!answer) return undefined;
      answer.then(sendResponse, () => sendResponse(undefined));
      return true;
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      app.clear();
      void app.fullScan();
    });
  },
});

/**
 * Content script entrypoint: wires the ContentApp (scan + highlight + watch),
 * the PopoverController (when to open) and the popover UI (one shadow-root
 * host, re-rendered by Preact with new props, positioned by Floating UI).
 * No runtime code outside `main` (WXT imports this file at build time).
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import popoverCss from '../../components/popover.css?inline';
import { ContentApp } from '../../lib/content-app';
import { loadActiveDataset } from '../../lib/dataset-store';
import { HOST_TAG, MARK_CLASS } from '../../lib/page-text';
import { PopoverController } from '../../lib/popover-controller';
import { createPopoverRenderer } from '../../lib/popover-renderer';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  // The popover's CSS is passed inline to its shadow root: no web-accessible resource for pages to probe.
  cssInjectionMode: 'manual',
  async main(ctx) {
    if (!document.body || !(document.documentElement instanceof HTMLElement)) return; // XML/SVG documents
    await whenIdle(ctx);
    const { dataset } = await loadActiveDataset();
    let popover: PopoverController | null = null;
    let renderer: Awaited<ReturnType<typeof createPopoverRenderer>> | null = null;

    const app = new ContentApp(dataset, document, {
      settingsChanged: (s) => renderer?.setSettings(s),
      cleared: () => popover?.close(),
      openFor: (mark) => popover?.open(mark, 'keyboard', false),
      // The popover UI is mounted on first need: pages without highlights get no extra element.
      highlighted: () => void ensureUi(),
    });

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
      ui.mount();
      const container = ui.uiContainer;
      // `all: initial` does not reset `direction`: on a right-to-left page it
      // would flow into the shadow root. The popover's text is German or English.
      container.setAttribute('dir', 'ltr');
      renderer = createPopoverRenderer({
        container,
        host: ui.shadowHost,
        dataset,
        settings: app.currentSettings,
        pageSource: () => app.pageSourceId,
        targetOf: (mark) => app.targetOf(mark),
        close: (returnFocus) => popover?.close(returnFocus),
      });
      popover = new PopoverController(document, {
        hoverDelay: () => app.currentSettings.hoverDelayMs,
        markOf: (node) => markOf(node),
        isPopover: (node) => node === ui.shadowHost,
        render: (mark, reason, focus) => renderer?.show(mark, reason, focus),
      });
      popover.attach();
      ctx.onInvalidated(() => popover?.detach());
    };

    await app.start();

    browser.runtime.onMessage.addListener((message: unknown) => app.handleMessage(message));
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      app.clear();
      void app.fullScan();
    });
    ctx.onInvalidated(() => app.stop());
  },
});

function markOf(node: EventTarget | null): HTMLElement | null {
  if (!(node instanceof Element)) return null;
  const mark = node.closest(`mark.${MARK_CLASS}`);
  return mark instanceof HTMLElement ? mark : null;
}

/** Waits for the page to settle: the first idle period (or 1.5 s at most). */
function whenIdle(ctx: ContentScriptContext): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') ctx.requestIdleCallback(() => resolve(), { timeout: 1500 });
    else ctx.setTimeout(resolve, 50);
  });
}

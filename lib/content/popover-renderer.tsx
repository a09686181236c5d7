/**
 * Renders the popover into the content script's shadow root: asks the
 * background for the open highlight's view (kept per target and language),
 * re-renders Preact with new props, and positions the dialog next to its
 * highlight with Floating UI (flip, shift, never clipped by the viewport,
 * closed when the highlight scrolls out of view). No answer from the
 * background: no popover.
 */
import { autoUpdate, computePosition, flip, hide, inline, offset, shift, size } from '@floating-ui/dom';
import { createRef, render } from 'preact';
import { browser } from 'wxt/browser';
import { Popover } from '../../components/Popover';
import { PopoverLayer } from '../../components/PopoverLayer';
import type { Settings } from '../../core/settings';
import type { PopoverTarget, PopoverView } from '../../core/views/popover-view';
import { translator } from '../i18n';
import type { MarkTarget, PopoverAnswer, ToBackground } from '../messages';
import type { Ask } from './background-client';
import type { OpenReason } from './popover-controller';
import { later } from '../timers';
import { timingMark, timingMeasure } from '../timing';

const HEADING_ID = 'cc-popover-heading';
const VIEWPORT_PADDING = 8;

export interface PopoverRendererOptions {
  container: HTMLElement;
  host: HTMLElement;
  ask: Ask;
  settings: Settings;
  pageSource(): string | null;
  targetOf(mark: HTMLElement): MarkTarget | undefined;
  close(returnFocus: boolean): void;
}

export function createPopoverRenderer(opts: PopoverRendererOptions) {
  let settings = opts.settings;
  let mark: HTMLElement | null = null;
  let announcement = '';
  let stopAutoUpdate: (() => void) | null = null;
  const floatingRef = createRef<HTMLDivElement>();
  const views = new Map<string, PopoverView | null>();
  let request = 0;

  function toViewTarget(target: MarkTarget): PopoverTarget {
    return target.type === 'claim'
      ? { type: 'claim', aspect: target.aspect, value: target.value }
      : { type: target.type, id: target.id };
  }

  /** The view for the current mark: kept, or asked from the background (null: nothing to show). */
  async function viewFor(target: MarkTarget | undefined): Promise<PopoverView | null> {
    if (!target) return null;
    const viewTarget = toViewTarget(target);
    const pageSource = opts.pageSource();
    const key = JSON.stringify([viewTarget, settings.language, pageSource]);
    if (views.has(key)) return views.get(key) ?? null;
    const message: ToBackground = { type: 'popover', target: viewTarget, language: settings.language, pageSource };
    try {
      const view = await opts.ask<PopoverAnswer>(message);
      views.set(key, view);
      return view;
    } catch {
      return null; // the background cannot answer: no popover, no error
    }
  }

  async function update(focus: boolean, reason: OpenReason | null) {
    const id = ++request;
    const view = mark ? await viewFor(opts.targetOf(mark)) : null;
    if (id !== request) return; // another highlight was opened meanwhile
    draw(view, focus, reason);
  }

  function draw(view: PopoverView | null, focus: boolean, reason: OpenReason | null) {
    const { lang, t } = translator(settings.language);
    if (view && reason) {
      const disputes = view.disputes.length > 0 ? t('disagreementCount', view.disputes.length) : t('noDisagreements');
      announcement = t('popoverAnnounce', view.heading, disputes);
    }
    render(
      <PopoverLayer
        open={!!view}
        labelledBy={HEADING_ID}
        announcement={view ? announcement : ''}
        floatingRef={floatingRef}
      >
        {view ? (
          <Popover
            view={view}
            t={t}
            lang={lang}
            headingId={HEADING_ID}
            onClose={() => opts.close(true)}
            onOpenBrief={(eventId: string | null) => {
              const msg: ToBackground = { type: 'open-brief', eventId };
              void browser.runtime.sendMessage(msg).catch(() => {});
            }}
          />
        ) : null}
      </PopoverLayer>,
      opts.container,
    );
    const floating = floatingRef.current;
    stopAutoUpdate?.();
    stopAutoUpdate = null;
    if (!view || !mark || !floating) return;
    const anchor = mark;
    stopAutoUpdate = autoUpdate(anchor, floating, () => void place(anchor, floating));
    if (focus) floating.focus({ preventScroll: true });
    if (reason) {
      timingMark('popover-rendered');
      // The frame after the next rAF has painted: rAF runs just before paint, the task after it just after.
      requestAnimationFrame(() =>
        later(() => {
          timingMark('popover-painted');
          timingMeasure('popover', 'popover-open', 'popover-painted');
        }, 0),
      );
    }
  }

  async function place(anchor: HTMLElement, floating: HTMLElement) {
    const { x, y, middlewareData } = await computePosition(anchor, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(),
        offset(6),
        flip({ padding: VIEWPORT_PADDING }),
        shift({ padding: VIEWPORT_PADDING, crossAxis: true }),
        size({
          padding: VIEWPORT_PADDING,
          apply({ availableHeight, availableWidth, elements }) {
            // Never wider than 380 px nor taller than the viewport (less its padding).
            const room = { h: innerHeight - 2 * VIEWPORT_PADDING, w: innerWidth - 2 * VIEWPORT_PADDING };
            elements.floating.style.maxHeight = `${Math.max(Math.min(160, room.h), Math.min(520, availableHeight))}px`;
            elements.floating.style.maxWidth = `${Math.max(Math.min(240, room.w), Math.min(380, availableWidth))}px`;
          },
        }),
        hide(),
      ],
    });
    if (middlewareData.hide?.referenceHidden) {
      opts.close(false); // its highlight scrolled away
      return;
    }
    Object.assign(floating.style, { left: `${x}px`, top: `${y}px` });
  }

  return {
    show(next: HTMLElement | null, reason: OpenReason | null, focus: boolean) {
      if (next && reason) timingMark('popover-open');
      mark = next;
      if (!next) announcement = '';
      void update(focus, reason);
    },
    setSettings(next: Settings) {
      settings = next;
      if (mark) void update(false, null);
    },
    host: opts.host,
  };
}

/**
 * When the popover opens and closes (WCAG 1.4.13: dismissible, hoverable,
 * persistent):
 * - hover: opens after the hover-intent delay (a setting); moving the pointer
 *   from the highlight into the popover keeps it open; leaving both closes it
 *   after a grace period;
 * - keyboard focus on a highlight opens it at once; Enter or Space moves focus
 *   into it; Escape closes it from anywhere and gives focus back;
 * - click or tap opens it at once and pins it until Escape, a click elsewhere,
 *   or its highlight scrolling out of view.
 * It only decides; rendering and positioning are the caller's `render`.
 */

import { Timer } from '../timers';

export type OpenReason = 'hover' | 'focus' | 'click' | 'keyboard';

export interface PopoverControllerOptions {
  hoverDelay(): number;
  /** The highlight a page node belongs to (innermost mark), or null. */
  markOf(node: EventTarget | null): HTMLElement | null;
  /** True when the event target is the popover's host (events from the shadow root are retargeted to it). */
  isPopover(node: EventTarget | null): boolean;
  /** Render the popover for `mark` (null: hidden). `focus`: move keyboard focus into it. */
  render(mark: HTMLElement | null, reason: OpenReason | null, focus: boolean): void;
}

const CLOSE_GRACE_MS = 350;

export class PopoverController {
  private current: HTMLElement | null = null;
  private reason: OpenReason | null = null;
  private openTimer = new Timer();
  private closeTimer = new Timer();
  private pendingMark: HTMLElement | null = null;
  /** The highlight the user dismissed with Escape: focus returning to it must not reopen it. */
  private dismissed: HTMLElement | null = null;
  private listeners: [string, EventListener][] = [];

  constructor(
    private doc: Document,
    private opts: PopoverControllerOptions,
  ) {}

  get openMark(): HTMLElement | null {
    return this.current;
  }

  attach(): void {
    const on = (type: string, fn: (e: Event) => void) => {
      const listener = fn as EventListener;
      this.doc.addEventListener(type, listener, true);
      this.listeners.push([type, listener]);
    };
    on('pointerover', (e) => this.onPointerOver(e as PointerEvent));
    on('pointerout', (e) => this.onPointerOut(e as PointerEvent));
    on('focusin', (e) => this.onFocusIn(e as FocusEvent));
    on('click', (e) => this.onClick(e as MouseEvent));
    on('keydown', (e) => this.onKeyDown(e as KeyboardEvent));
    on('pointerdown', (e) => this.onPointerDown(e as PointerEvent));
  }

  detach(): void {
    for (const [type, listener] of this.listeners) this.doc.removeEventListener(type, listener, true);
    this.listeners = [];
    this.clearTimers();
    this.current = null;
  }

  open(mark: HTMLElement, reason: OpenReason, focus = false): void {
    this.clearTimers();
    this.dismissed = null;
    if (this.current && this.current !== mark) setExpanded(this.current, false);
    this.current = mark;
    this.reason = reason;
    setExpanded(mark, true);
    this.opts.render(mark, reason, focus);
  }

  close(returnFocus = false): void {
    this.clearTimers();
    const mark = this.current;
    if (!mark) return;
    this.current = null;
    this.reason = null;
    setExpanded(mark, false);
    this.opts.render(null, null, false);
    if (returnFocus && mark.isConnected) {
      this.dismissed = mark;
      mark.focus({ preventScroll: true });
    }
  }

  private clearTimers() {
    this.openTimer.clear();
    this.closeTimer.clear();
    this.pendingMark = null;
  }

  private onPointerOver(e: PointerEvent) {
    if (this.opts.isPopover(e.target)) {
      this.closeTimer.clear();
      return;
    }
    const mark = this.opts.markOf(e.target);
    if (!mark || e.pointerType === 'touch') return;
    if (mark === this.current) {
      this.closeTimer.clear();
      return;
    }
    if (mark === this.pendingMark) return;
    this.openTimer.clear();
    this.pendingMark = mark;
    this.openTimer.set(() => {
      this.pendingMark = null;
      if (mark.isConnected && mark.matches(':hover')) this.open(mark, 'hover');
    }, this.opts.hoverDelay());
  }

  private onPointerOut(e: PointerEvent) {
    const to = e.relatedTarget;
    const fromMark = this.opts.markOf(e.target);
    if (fromMark && fromMark === this.pendingMark && this.opts.markOf(to) !== fromMark) {
      this.openTimer.clear();
      this.pendingMark = null;
    }
    if (!this.current || this.reason === 'click' || this.reason === 'keyboard') return;
    const leavingOurs = fromMark === this.current || this.opts.isPopover(e.target);
    const intoOurs = this.opts.markOf(to) === this.current || this.opts.isPopover(to);
    if (leavingOurs && !intoOurs && !this.focusIsOurs()) {
      this.closeTimer.clear();
      this.closeTimer.set(() => this.close(), CLOSE_GRACE_MS);
    }
  }

  private onFocusIn(e: FocusEvent) {
    if (this.opts.isPopover(e.target)) {
      this.closeTimer.clear();
      return;
    }
    const mark = this.opts.markOf(e.target);
    if (mark && e.target === mark) {
      if (mark === this.dismissed) return; // focus given back after Escape: stay closed
      this.dismissed = null;
      if (mark !== this.current) this.open(mark, 'focus');
      return;
    }
    this.dismissed = null;
    if (this.current && this.reason !== 'click' && this.reason !== 'hover') this.close();
  }

  private onClick(e: MouseEvent) {
    if (this.opts.isPopover(e.target)) return;
    const mark = this.opts.markOf(e.target);
    if (mark) this.open(mark, 'click');
  }

  private onPointerDown(e: PointerEvent) {
    if (!this.current || this.opts.isPopover(e.target)) return;
    if (this.opts.markOf(e.target) === null) this.close();
  }

  private onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape' && this.current) {
      const focusInside = this.focusIsOurs();
      this.close(focusInside || this.doc.activeElement === this.current);
      e.stopPropagation();
      return;
    }
    if ((e.key === 'Enter' || e.key === ' ') && !e.altKey && !e.ctrlKey && !e.metaKey) {
      const mark = this.opts.markOf(e.target);
      if (mark && e.target === mark) {
        e.preventDefault();
        this.open(mark, 'keyboard', true);
      }
    }
  }

  private focusIsOurs(): boolean {
    return this.opts.isPopover(this.doc.activeElement);
  }
}

/** Only a mark with a role (and so `aria-expanded` from the start) tells whether its popover is open. */
function setExpanded(mark: HTMLElement, open: boolean) {
  if (mark.hasAttribute('aria-expanded')) mark.setAttribute('aria-expanded', String(open));
}

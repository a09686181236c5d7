/**
 * The popover's frame inside the content script's shadow root: a non-modal
 * dialog labelled by the popover's heading, and a polite live region that
 * announces what opened to screen readers. Positioned by the caller (Floating
 * UI) through `floatingRef`; renders only its props.
 */
import type { ComponentChildren, Ref } from 'preact';

export interface PopoverLayerProps {
  open: boolean;
  /** id of the heading inside `children` that names the dialog. */
  labelledBy: string;
  /** Text for the live region (set when the popover opens). */
  announcement: string;
  floatingRef: Ref<HTMLDivElement>;
  children?: ComponentChildren;
}

export function PopoverLayer({ open, labelledBy, announcement, floatingRef, children }: PopoverLayerProps) {
  return (
    <div class="cc-root">
      <div
        ref={floatingRef}
        class="cc-floating"
        role="dialog"
        aria-modal="false"
        aria-labelledby={labelledBy}
        tabIndex={-1}
        hidden={!open}
      >
        {open ? children : null}
      </div>
      <div class="cc-sr-only" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}

/**
 * A section that opens on demand: a native <details> (keyboard and screen
 * readers know it), opened or closed by its caller, which remembers it.
 */
import type { ComponentChildren } from 'preact';

export interface DisclosureProps {
  id: string;
  title: ComponentChildren;
  open: boolean;
  onToggle: (id: string, open: boolean) => void;
  class?: string;
  children: ComponentChildren;
}

export function Disclosure({ id, title, open, onToggle, class: cls, children }: DisclosureProps) {
  return (
    <details
      class={cls ? `cc-disclosure ${cls}` : 'cc-disclosure'}
      id={`section-${id}`}
      open={open}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        if (now !== open) onToggle(id, now);
      }}
    >
      <summary class="cc-disclosure-title">
        <h3>{title}</h3>
      </summary>
      <div class="cc-disclosure-body">{children}</div>
    </details>
  );
}

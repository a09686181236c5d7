/**
 * The only record of what each highlight on the page is: the target of every
 * mark (an entity, an event, or a disputed sentence), its data attributes,
 * its keyboard wiring and its style classes.
 */
import type { Settings } from '../../core/settings';
import type { FoundTarget } from '../messages';

export class MarkRegistry {
  private targets = new WeakMap<HTMLElement, FoundTarget>();
  /** Items whose first mark is already in the tab order. */
  private tabbable = new Set<string>();

  /** Records a new mark for `target`; `start` is where its range begins in the page text. */
  register(mark: HTMLElement, target: FoundTarget, start: number): void {
    this.targets.set(mark, target);
    if (target.type === 'claim') {
      mark.dataset.crosscheckId = target.aspect;
      mark.dataset.crosscheckKind = 'claim';
      mark.dataset.crosscheckValue = target.value;
      this.wire(mark, `claim:${target.aspect}:${start}`);
    } else {
      mark.dataset.crosscheckId = target.id;
      mark.dataset.crosscheckKind = target.kind;
      this.wire(mark, target.id);
    }
  }

  targetOf(mark: HTMLElement): FoundTarget | undefined {
    return this.targets.get(mark);
  }

  /** Style classes from the target and the settings. */
  style(mark: HTMLElement, settings: Settings): void {
    const target = this.targets.get(mark);
    mark.classList.toggle('cc-claim', target?.type === 'claim');
    mark.classList.toggle('cc-disputed', target?.type !== 'claim' && !!target?.disputed);
    mark.classList.toggle('cc-s-underline', settings.highlightStyle === 'underline');
    mark.classList.toggle('cc-hc', settings.highContrast);
  }

  /** Forgets every mark (they were all removed). */
  clear(): void {
    this.targets = new WeakMap();
    this.tabbable.clear();
  }

  /** Keyboard access: the first mark of every item is in the tab order; the shortcut reaches all. */
  private wire(mark: HTMLElement, key: string) {
    const insideInteractive = mark.parentElement?.closest('a[href], button, [role="button"], label') != null;
    mark.tabIndex = this.tabbable.has(key) || insideInteractive ? -1 : 0;
    this.tabbable.add(key);
    // Inside a link or button a mark gets no role (no nested controls), and so none of the
    // attributes only a role allows (axe: aria-allowed-attr); the popover controller follows suit.
    if (insideInteractive) return;
    mark.setAttribute('role', 'button');
    mark.setAttribute('aria-haspopup', 'dialog');
    mark.setAttribute('aria-expanded', 'false');
  }
}

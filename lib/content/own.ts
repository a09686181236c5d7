/**
 * What is ours on a page, in one place: the class of our marks, the tag of
 * the popover's host element, and how to tell our nodes from the page's.
 * (Which marks we created, and the text nodes we split, the highlighter
 * records: a page's own `<mark class="cc-mark">` is not ours.)
 */
export const MARK_CLASS = 'cc-mark';
export const HOST_TAG = 'crosscheck-popover';

/** True for nodes inside our popover's host (the UI, not the page). */
export function isInsideOwnUi(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el?.closest(HOST_TAG);
}

/** The innermost highlight an event target belongs to, or null. */
export function markOf(node: EventTarget | null): HTMLElement | null {
  if (!(node instanceof Element)) return null;
  const mark = node.closest(`mark.${MARK_CLASS}`);
  return mark instanceof HTMLElement ? mark : null;
}

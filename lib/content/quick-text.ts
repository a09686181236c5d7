/**
 * The first stage's text read: a bare TreeWalker over the text nodes of a
 * subtree, with no layout or style read at all (no visibility checks: hidden
 * menus are read too), up to a cap. Good enough to ask the background whether
 * the page is about a story; the full stage reads the page again with
 * `PageTextReader` before it highlights anything.
 */

/** Parents whose text is not page text (a template's content is not in the tree at all). */
export const SKIP_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TITLE', 'TEMPLATE']);

export interface QuickText {
  text: string;
  /** False when the cap cut the text short. */
  complete: boolean;
}

/**
 * Reads the text under `root`, at most about `cap` characters. Text nodes of
 * different parents are joined with a space, so that two paragraphs' words
 * never merge. `onNode` is told where each node's text starts.
 */
export function readQuickText(root: Node, cap: number, onNode?: (node: Text, start: number) => void): QuickText {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  let length = 0;
  let lastParent: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentNode;
    if (parent && SKIP_PARENTS.has(parent.nodeName.toUpperCase())) continue;
    const data = (node as Text).data;
    if (parent !== lastParent && parts.length > 0) {
      parts.push(' ');
      length += 1;
    }
    lastParent = parent;
    onNode?.(node as Text, length);
    parts.push(data);
    length += data.length;
    if (length >= cap) return { text: parts.join('').slice(0, cap), complete: walker.nextNode() === null };
  }
  return { text: parts.join(''), complete: true };
}

/** Whether `text` has at least `min` characters that are not white space (stops counting at `min`). */
export function hasEnoughText(text: string, min: number): boolean {
  if (text.length < min) return false;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 160 && ++n >= min) return true;
  }
  return false;
}

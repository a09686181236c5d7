/**
 * The first stage's text read: the subtree's `textContent` (one native call,
 * no layout or style read, no JavaScript per node), with the text of scripts,
 * styles and other non-text elements taken out, up to a cap. Hidden menus are
 * read too. A walk over the text nodes in JavaScript cost 5–30 ms on large
 * corpus pages (cold code, once per page: bench/README.md, "The first stage's
 * read"); this costs about a tenth of it.
 *
 * What it gives up: elements are not separated, so a heading's last word and
 * the next paragraph's first may touch ("…mit SelenskyjBerlin"). The
 * background judges the text with such words apart (`core/recognize/unglue.ts`).
 * The full stage reads the page again with `PageTextReader` before it
 * highlights anything.
 */

/** Elements whose text is not page text (a template's content is not in the tree at all). */
export const SKIP_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TITLE', 'TEMPLATE']);
const SKIP_SELECTOR = 'script,style,noscript,textarea,title';
/** Shorter skipped texts stay in: found by position they might be taken from the page's own words. */
const MIN_SKIP_CHARS = 32;

export interface QuickText {
  text: string;
  /** False when the cap cut the text short. */
  complete: boolean;
}

/**
 * Reads the text under `root`, at most `cap` characters (see the module comment). `onNode` is told, for every
 * text node whose text is in the result, where that text starts in it (the full stage moves the background's
 * ranges for the head of this text onto its own reading: lib/content/handoff.ts).
 */
export function readQuickText(root: Element, cap: number, onNode?: (node: Text, start: number) => void): QuickText {
  const all = root.textContent ?? '';
  const skipped = root.querySelectorAll(SKIP_SELECTOR);
  /** What was cut out of `all`: [start, end) pairs, ascending, each replaced by one space. */
  const cuts: number[] = [];
  let text = all;
  if (skipped.length > 0) {
    // The skipped elements' texts are pieces of `all`, in document order: cut them out where they are.
    const parts: string[] = [];
    let pos = 0;
    for (let i = 0; i < skipped.length; i++) {
      const t = skipped[i]!.textContent ?? '';
      if (t.length < MIN_SKIP_CHARS) continue;
      const at = all.indexOf(t, pos);
      if (at < 0) continue; // inside one already cut out
      parts.push(all.slice(pos, at), ' ');
      cuts.push(at, at + t.length);
      pos = at + t.length;
    }
    parts.push(all.slice(pos));
    text = parts.join('');
  }
  if (onNode) tellNodes(root, cuts, cap, onNode);
  return text.length > cap ? { text: text.slice(0, cap), complete: false } : { text, complete: true };
}

/** Walks the text nodes of `root` as `textContent` concatenates them, and tells where each starts in the result. */
function tellNodes(root: Element, cuts: number[], cap: number, onNode: (node: Text, start: number) => void) {
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let raw = 0; // offset in `textContent`
  let shift = 0; // characters the cuts before `raw` removed (each cut leaves one space)
  let c = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    while (c < cuts.length && cuts[c + 1]! <= raw) {
      shift += cuts[c + 1]! - cuts[c]! - 1;
      c += 2;
    }
    const inCut = c < cuts.length && raw >= cuts[c]!;
    const start = raw - shift;
    if (start >= cap) return;
    if (!inCut) onNode(node, start);
    raw += node.data.length;
  }
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

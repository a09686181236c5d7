// Visible text of saved HTML pages for the pack tools (`pack check` measures aliases on a corpus, `bench:packs`): a
// synchronous linkedom reader. The scan and evaluate commands use the extension's own reader (scripts/lib/page-dom.ts).
/**
 * HTML → the text a browser would show, for the `scan` CLI (Node only).
 *
 * Rules:
 * - Dropped with everything inside: `head` (title, meta, …), `script`,
 *   `style`, `template`, `noscript` (a browser with scripting on does not
 *   render it), `iframe`, `object`, `embed`, `svg`, `math`, `canvas`,
 *   `video`, `audio`, `select`, `datalist`, comments; elements with the
 *   `hidden` attribute; elements whose inline style says `display: none` or
 *   `visibility: hidden`.
 * - Kept: `aria-hidden="true"` content. It is hidden from screen readers, not
 *   from the eye (icons, visual duplicates), and the content script highlights
 *   what is on screen.
 * - Block elements (p, div, headings, li, tr, section, …) and `br` start a
 *   new line, table cells are separated by a tab, so words of adjacent blocks
 *   never merge. Inside other elements whitespace collapses to one space, as
 *   CSS `white-space: normal` does; `pre` and `textarea` keep theirs.
 * - Collapsible spaces at line starts and ends disappear (as in CSS); the
 *   result has at most one empty line in a row and no outer whitespace.
 *
 * Bytes → string: see `decodeHtml` (BOM, valid UTF-8, declared charset,
 * windows-1252).
 */
import { parseHTML } from 'linkedom';
import { decodeHtml } from './decode-html';

const SKIP = new Set([
  'head',
  'title',
  'meta',
  'link',
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'select',
  'datalist',
]);

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
  'option',
  'textarea',
]);

const CELL = new Set(['td', 'th']);
const PRESERVE = new Set(['pre', 'textarea', 'listing', 'plaintext', 'xmp']);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?: (name: string) => string | null;
  hasAttribute?: (name: string) => boolean;
}

function isHidden(el: DomNode): boolean {
  if (el.hasAttribute?.('hidden')) return true;
  const style = el.getAttribute?.('style');
  return !!style && HIDDEN_STYLE.test(style);
}

/** The visible text of an HTML document or fragment. */
export function htmlToVisibleText(html: string): string {
  const full = /<html[\s>]|<body[\s>]/i.test(html)
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(full);
  const root = (document.body ?? document.documentElement) as unknown as DomNode | null;
  if (!root) return '';

  // Iterative walk (real pages can nest deeper than the call stack likes).
  // A stack entry is a node to visit, or a string to emit after a block's children.
  const out: string[] = [];
  /** A line break or cell tab; the collapsible space before it disappears, as in CSS. */
  const emitSeparator = (sep: string) => {
    const last = out[out.length - 1];
    if (last !== undefined && last.endsWith(' ') && !preserved.has(out.length - 1))
      out[out.length - 1] = last.replace(/ +$/, '');
    out.push(sep);
  };
  /** Indexes of `out` entries that are preformatted text. */
  const preserved = new Set<number>();
  const stack: Array<{ node: DomNode; preserve: boolean } | string> = [{ node: root, preserve: false }];
  while (stack.length) {
    const item = stack.pop() as { node: DomNode; preserve: boolean } | string;
    if (typeof item === 'string') {
      emitSeparator(item);
      continue;
    }
    const { node, preserve } = item;
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      if (preserve) {
        preserved.add(out.length);
        out.push(t);
      } else {
        // Collapse like CSS: a space after a space (or after a line start) disappears.
        let collapsed = t.replace(/[ \t\n\r\f]+/g, ' ');
        const prev = out.length ? (out[out.length - 1] as string) : '\n';
        if (collapsed.startsWith(' ') && /[ \n\t]$/.test(prev)) collapsed = collapsed.slice(1);
        if (collapsed) out.push(collapsed);
      }
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeName.toLowerCase();
    if (node.nodeType === 1) {
      if (SKIP.has(tag) || isHidden(node)) continue;
      if (tag === 'br') {
        emitSeparator('\n');
        continue;
      }
    }
    const sep = BLOCK.has(tag) ? '\n' : CELL.has(tag) ? '\t' : '';
    if (sep) {
      emitSeparator(sep);
      stack.push(sep);
    }
    const keep = preserve || PRESERVE.has(tag);
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as DomNode, preserve: keep });
  }

  return out
    .join('')
    .replace(/[ \t]*\t[ \t]*/g, '\t')
    .replace(/^\t+|\t+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\s+|\s+$/g, '');
}

export { decodeHtml };

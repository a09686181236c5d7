/**
 * Reads a page's text the way a reader sees it, for the recognition core:
 * one string over the text nodes of a subtree, with a map back to the nodes.
 *
 * Skipped subtrees: anything Crosscheck must never touch (scripts, styles,
 * form fields, code, SVG/MathML, editable regions, `hidden`/`aria-hidden`
 * elements, the extension's own UI and its existing marks). Block boundaries
 * become a line break, so words from two paragraphs never merge. Hidden-by-CSS
 * text is filtered later, per container, by the highlighter (computing styles
 * for every node would cost more than the match itself).
 */

import { HOST_TAG, MARK_CLASS } from './own';

/** Elements whose subtree is never read nor marked. Upper-case tag names (HTML). */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'VAR',
  'SVG',
  'MATH',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
  HOST_TAG.toUpperCase(),
]);

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'BR',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LEGEND',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

function isSkippedElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag)) return true;
  if (el.namespaceURI !== null && el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return true; // SVG, MathML
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if ((el as HTMLElement).isContentEditable) return true;
  if (el.classList.contains(MARK_CLASS)) return true;
  return false;
}

/** The nearest block-level ancestor (by tag), the unit that mark.js is applied to. */
function blockOf(node: Node, stop: Node): Element | null {
  let el = node.parentElement;
  while (el && el !== stop) {
    if (BLOCK_TAGS.has(el.tagName.toUpperCase())) return el;
    el = el.parentElement;
  }
  return el && el === stop && stop.nodeType === 1 ? (stop as Element) : null;
}

export interface PageText {
  text: string;
  nodes: Text[];
  /** `starts[i]` is where `nodes[i]` begins in `text`. */
  starts: number[];
  /** `blocks[i]` is the block element holding `nodes[i]`. */
  blocks: (Element | null)[];
}

/**
 * Reads a subtree's text in steps: `read(more)` walks on until `more()` says
 * stop (asked every 256 text nodes) or the walk is done. Between steps the
 * page may run; the walker is live, so content added behind it is read too.
 */
export class PageTextReader {
  private nodes: Text[] = [];
  private starts: number[] = [];
  private blocks: (Element | null)[] = [];
  private parts: string[] = [];
  private length = 0;
  private lastBlock: Element | null | undefined;
  private blockCache = new Map<Element, Element | null>();
  private stop: Node;
  private walker: TreeWalker;
  private done = false;

  constructor(root: Node) {
    const doc = root.ownerDocument ?? (root as Document);
    this.stop = root.nodeType === 9 ? (root as Document).documentElement : root;
    this.walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
      acceptNode(node) {
        if (node.nodeType === 1) return isSkippedElement(node as Element) ? 2 /* REJECT */ : 3; /* SKIP */
        return 1; // ACCEPT text
      },
    });
  }

  /** Characters read so far. */
  get textLength(): number {
    return this.length;
  }

  /**
   * Reads on; true when the whole subtree has been read. Stops early when
   * `more()` says so (asked every 256 text nodes) or once `maxChars` are read.
   */
  read(more: () => boolean = () => true, maxChars = Infinity): boolean {
    let count = 0;
    while (!this.done) {
      if (this.length >= maxChars) return false;
      if ((++count & 255) === 0 && !more()) return false;
      const n = this.walker.nextNode();
      if (!n) {
        this.done = true;
        break;
      }
      const textNode = n as Text;
      const data = textNode.data;
      if (data.length === 0) continue;
      const parent = textNode.parentElement;
      let block: Element | null = null;
      if (parent) {
        const cached = this.blockCache.get(parent);
        if (cached !== undefined) block = cached;
        else this.blockCache.set(parent, (block = blockOf(textNode, this.stop)));
      }
      if (this.lastBlock !== undefined && block !== this.lastBlock) {
        this.parts.push('\n');
        this.length += 1;
      }
      this.lastBlock = block;
      this.nodes.push(textNode);
      this.starts.push(this.length);
      this.blocks.push(block);
      this.parts.push(data);
      this.length += data.length;
    }
    return true;
  }

  /** The text read so far with its node map. */
  result(): PageText {
    return { text: this.parts.join(''), nodes: this.nodes, starts: this.starts, blocks: this.blocks };
  }
}

/** Walks `root` once and returns its readable text with the node map. */
export function readPageText(root: Node): PageText {
  const reader = new PageTextReader(root);
  reader.read();
  return reader.result();
}

/** Index of the node holding text offset `offset` (binary search). */
export function nodeIndexAt(pt: PageText, offset: number): number {
  let lo = 0;
  let hi = pt.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((pt.starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

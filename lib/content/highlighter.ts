/**
 * The only code that changes the page. It wraps ranges of the page text in
 * `<mark>` elements with mark.js and can undo every change it made, exactly.
 *
 * - mark.js is applied per smallest block container that holds matches, with
 *   all of that container's ranges in one `markRanges` call (two layers:
 *   disputed sentences first, then the names inside them). Never one call per
 *   name, never over the whole body.
 * - Undo does not use mark.js's `unmark()`: that calls `normalize()` on the
 *   parent, which merges the page's own adjacent text nodes and so changes
 *   node identity that page frameworks (React, Vue) hold on to. Instead we
 *   remember every text node mark.js split and its original data: undo removes
 *   our marks and the split-off tails and gives the original node its text
 *   back, so the page's nodes are the very same objects as before.
 */
import Mark from 'mark.js';
import { MARK_CLASS } from './own';
import { type PageText, nodeIndexAt } from './page-text';

export interface HighlightRequest {
  start: number;
  end: number;
  /** `claim` (a disputed sentence) is wrapped before `mention` so that names nest inside it. */
  layer: 'claim' | 'mention';
  /** Free data handed back to `decorate`. */
  data: unknown;
}

interface Split {
  /** The page's own text node (it keeps the text before the first mark). */
  node: Text;
  /** Its data before we split it. */
  original: string;
  /** Its data right after we split it: if the page changed it since, the page's version wins. */
  prefix: string;
  /** Our marks and the split-off text nodes after `node`, in order. */
  tail: Node[];
}

/**
 * The text nodes mark.js itself never counts (its built-in exclusion, tested
 * on each text node's parent). Nothing else is excluded on purpose: the ranges
 * come from `readPageText`, which already skipped every forbidden subtree, so
 * they can only land in allowed text; a long `exclude` list would cost one
 * `matches()` per selector per text node, in our walk and again in mark.js's.
 */
const MARKJS_SKIPS = new Set(['SCRIPT', 'STYLE', 'TITLE', 'HEAD', 'HTML']);

export class Highlighter {
  /** Every mark we created and that is still ours to remove. */
  readonly marks = new Set<HTMLElement>();
  private splits = new Map<Text, Split>();
  /** Nodes we created (marks and split tails): the DOM watcher ignores mutations of these. */
  private created = new WeakSet<Node>();
  private visibility = new WeakMap<Element, boolean>();

  /** True for nodes that Crosscheck created (so a MutationObserver can skip them). */
  isOwn(node: Node): boolean {
    return this.created.has(node) || (node.nodeType === 1 && (node as Element).classList.contains(MARK_CLASS));
  }

  /** True when `node` is one of the page's text nodes that we split. */
  isSplitText(node: Node): boolean {
    return this.splits.has(node as Text);
  }

  /**
   * Wraps the requested ranges of `pt` (offsets into `pt.text`). `decorate` is
   * called for every created mark element (a range spanning two text nodes
   * yields two marks). Ranges in invisible or detached containers, and ranges
   * that cross a block boundary, are skipped. Returns the created marks.
   */
  apply(
    pt: PageText,
    requests: HighlightRequest[],
    decorate: (mark: HTMLElement, req: HighlightRequest) => void,
  ): HTMLElement[] {
    const byContainer = new Map<Element, { req: HighlightRequest; first: number; last: number }[]>();
    for (const req of requests) {
      if (req.end <= req.start) continue;
      const first = nodeIndexAt(pt, req.start);
      const last = nodeIndexAt(pt, req.end - 1);
      const container = pt.blocks[first];
      if (!container || pt.blocks[last] !== container) continue;
      let list = byContainer.get(container);
      if (!list) byContainer.set(container, (list = []));
      list.push({ req, first, last });
    }

    // Reads first (text offsets, visibility: style), then writes (mark.js): reading style
    // after a write would force the browser to recompute it once per container.
    const work: { container: Element; texts: Text[]; ranges: Record<HighlightRequest['layer'], MarkRange[]> }[] = [];
    // Each node compared once per call: a 1 MiB text node with hundreds of names is one compare, not hundreds.
    const checked = new Map<number, boolean>();
    const same = (i: number) => {
      let ok = checked.get(i);
      if (ok === undefined) checked.set(i, (ok = unchanged(pt, i)));
      return ok;
    };
    for (const [container, items] of byContainer) {
      if (!container.isConnected || !this.isVisible(container)) continue;
      // Offsets as mark.js counts them inside this container: every text node whose parent is not excluded.
      const containerStart = new Map<Text, number>();
      const texts: Text[] = [];
      const walker = container.ownerDocument.createTreeWalker(container, 0x4 /* SHOW_TEXT */);
      let offset = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const t = n as Text;
        const parent = t.parentElement;
        if (parent && MARKJS_SKIPS.has(parent.tagName.toUpperCase())) continue;
        containerStart.set(t, offset);
        texts.push(t);
        offset += t.data.length;
      }
      const ranges: Record<HighlightRequest['layer'], MarkRange[]> = { claim: [], mention: [] };
      for (const { req, first, last } of items) {
        const firstNode = pt.nodes[first]!;
        const lastNode = pt.nodes[last]!;
        const a = containerStart.get(firstNode);
        const b = containerStart.get(lastNode);
        if (a === undefined || b === undefined) continue; // the page changed under us
        if (!same(first) || (last !== first && !same(last))) continue; // its text too
        if (!this.isTextVisible(firstNode)) continue;
        const start = a + (req.start - pt.starts[first]!);
        const end = b + (req.end - pt.starts[last]!);
        ranges[req.layer].push({ start, length: end - start, req });
      }
      if (ranges.claim.length + ranges.mention.length > 0) work.push({ container, texts, ranges });
    }

    const created: HTMLElement[] = [];
    if (work.length > 0) withTreeWalkersForMarkJs(() => this.write(work, created, decorate));
    return created;
  }

  private write(
    work: { container: Element; texts: Text[]; ranges: Record<HighlightRequest['layer'], MarkRange[]> }[],
    created: HTMLElement[],
    decorate: (mark: HTMLElement, req: HighlightRequest) => void,
  ): void {
    for (const { container, texts, ranges } of work) {
      // Remember the page's text nodes before mark.js splits them.
      const before = new Map<Text, string>();
      for (const t of texts) if (!this.created.has(t)) before.set(t, t.data);

      const instance = new Mark(container as HTMLElement);
      for (const layer of ['claim', 'mention'] as const) {
        if (ranges[layer].length === 0) continue;
        instance.markRanges(ranges[layer], {
          element: 'mark',
          className: MARK_CLASS,
          exclude: [],
          each: (el: Element, range: unknown) => {
            const mark = el as HTMLElement;
            mark.removeAttribute('data-markjs');
            this.created.add(mark);
            if (mark.firstChild) this.created.add(mark.firstChild);
            this.marks.add(mark);
            created.push(mark);
            decorate(mark, (range as MarkRange).req);
          },
        } as unknown as Mark.MarkRangesOptions);
      }
      this.recordSplits(before);
    }
  }

  /**
   * Looks up, in one go, the visibility of every container and text parent
   * that `apply` will ask about for these requests, while the page's style is
   * clean: later `apply` calls then only write.
   */
  warmVisibility(pt: PageText, requests: HighlightRequest[]): void {
    for (const req of requests) {
      const i = nodeIndexAt(pt, req.start);
      const container = pt.blocks[i];
      if (container && this.isVisible(container)) {
        const parent = pt.nodes[i]?.parentElement;
        if (parent) this.isVisible(parent);
      }
    }
  }

  /** After marking: note every page text node that mark.js split, and what follows it now. */
  private recordSplits(before: Map<Text, string>) {
    for (const [node, original] of before) {
      if (node.data === original && !this.splits.has(node)) continue;
      const split = this.splits.get(node) ?? { node, original, prefix: node.data, tail: [] };
      split.prefix = node.data;
      split.tail = [];
      for (
        let sib = node.nextSibling;
        sib && !before.has(sib as Text) && this.isCreatedOrFresh(sib);
        sib = sib.nextSibling
      ) {
        this.created.add(sib);
        split.tail.push(sib);
      }
      this.splits.set(node, split);
    }
  }

  private isCreatedOrFresh(node: Node): boolean {
    // Right after marking, the siblings that follow a split node up to the next
    // page node are our marks (all in `created`) and split-off text nodes. An
    // element is ours only when we created it: the page's own
    // `<mark class="cc-mark">` must not be taken for one of ours (undo would
    // remove it, and its text with it).
    return this.created.has(node) || node.nodeType === 3;
  }

  /**
   * Undoes one split text node: removes our marks and tails after it and
   * gives it back its original text — unless the page rewrote the node since,
   * in which case the page's text stays and only our additions go.
   */
  restoreText(node: Text): void {
    const split = this.splits.get(node);
    if (!split) return;
    this.splits.delete(node);
    for (const n of split.tail) {
      if (n.parentNode === node.parentNode) n.parentNode?.removeChild(n);
      if (n.nodeType === 1) this.forgetMarksIn(n as Element);
    }
    if (node.data === split.prefix) node.data = split.original;
  }

  /**
   * Undoes everything inside `root` (marks and splits), e.g. before re-marking a region the page re-rendered.
   * Looks only inside `root` (its text nodes and marks), so a small new region costs little however many marks
   * the page has.
   */
  undoWithin(root: Node): void {
    if (this.marks.size === 0 && this.splits.size === 0) return;
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const split: Text[] = root.nodeType === 3 && this.splits.has(root as Text) ? [root as Text] : [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (this.splits.has(n as Text)) split.push(n as Text);
    for (const node of split) this.restoreText(node);
    if (root.nodeType !== 1) return;
    const el = root as Element;
    const inside = [...(el.classList.contains(MARK_CLASS) ? [el] : []), ...el.querySelectorAll(`.${MARK_CLASS}`)];
    for (const mark of inside) if (this.marks.has(mark as HTMLElement)) this.removeMark(mark as HTMLElement);
  }

  /**
   * Forgets the marks and split records the page itself took out of the document (a live blog dropping its
   * oldest entries, a re-rendered list): nothing is left to undo there, and holding them would keep whole
   * detached subtrees alive.
   */
  forgetDetached(): void {
    for (const mark of this.marks) if (!mark.isConnected) this.marks.delete(mark);
    for (const [node] of this.splits) if (!node.isConnected) this.splits.delete(node);
  }

  /** Undoes everything: the page's DOM is as it was before `apply`. */
  undoAll(): void {
    for (const split of [...this.splits.values()]) this.restoreText(split.node);
    for (const mark of [...this.marks]) this.removeMark(mark);
    this.marks.clear();
    this.visibility = new WeakMap();
  }

  /** A mark whose split record is gone (the page moved things): unwrap it in place. */
  private removeMark(mark: HTMLElement) {
    this.marks.delete(mark);
    if (!mark.isConnected || !mark.parentNode) return;
    const parent = mark.parentNode;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
  }

  private forgetMarksIn(el: Element) {
    if (el.classList.contains(MARK_CLASS)) this.marks.delete(el as HTMLElement);
    for (const m of el.querySelectorAll(`.${MARK_CLASS}`)) this.marks.delete(m as HTMLElement);
  }

  private isVisible(el: Element): boolean {
    let v = this.visibility.get(el);
    if (v === undefined) {
      const check = (el as HTMLElement).checkVisibility;
      v = typeof check === 'function' ? check.call(el, { visibilityProperty: true }) : true;
      this.visibility.set(el, v);
    }
    return v;
  }

  private isTextVisible(t: Text): boolean {
    return t.parentElement ? this.isVisible(t.parentElement) : false;
  }
}

/**
 * mark.js walks text nodes with `document.createNodeIterator`. Chromium keeps
 * every NodeIterator registered with its document until it is garbage
 * collected, and every node removal visits all of them; mark.js makes one per
 * call, so after a few thousand containers every mark inserted (mark.js
 * replaces a text node by it) and every mark removed on undo walks thousands
 * of dead iterators. Measured on the dense 1 MB page: undo of 20,868 marks
 * took 4.1 s, and 0.25 s after a forced garbage collection. While mark.js
 * runs, `document.createNodeIterator` therefore hands it a TreeWalker over the
 * same root, filter and node types: mark.js only calls `nextNode` and
 * `previousNode`, which walk the same way, and a TreeWalker is never
 * registered with the document. The property is set on the content script's
 * own view of `document` (its isolated world in Chromium, an Xray wrapper in
 * Firefox), which the page never sees, and removed right after.
 */
function withTreeWalkersForMarkJs(fn: () => void): void {
  const doc = document as Document & { createNodeIterator: Document['createNodeIterator'] };
  const had = Object.prototype.hasOwnProperty.call(doc, 'createNodeIterator');
  const own = had ? doc.createNodeIterator : undefined;
  try {
    Object.defineProperty(doc, 'createNodeIterator', {
      configurable: true,
      writable: true,
      value: (root: Node, whatToShow?: number, filter?: NodeFilter | null) =>
        doc.createTreeWalker(root, whatToShow, filter ?? null),
    });
  } catch {
    // A document that refuses the property: mark.js gets the real NodeIterator (correct, only slower).
    fn();
    return;
  }
  try {
    fn();
  } finally {
    if (had) Object.defineProperty(doc, 'createNodeIterator', { configurable: true, writable: true, value: own });
    else delete (doc as { createNodeIterator?: unknown }).createNodeIterator;
  }
}

/** The node's text is still what was read (the page may have rewritten it since, and the offsets with it). */
function unchanged(pt: PageText, i: number): boolean {
  const node = pt.nodes[i]!;
  const start = pt.starts[i]!;
  const next = pt.starts[i + 1];
  // A line break separates two blocks' text (page-text.ts).
  const end = next === undefined ? pt.text.length : next - (pt.blocks[i + 1] !== pt.blocks[i] ? 1 : 0);
  return end - start === node.data.length && pt.text.startsWith(node.data, start);
}

interface MarkRange {
  start: number;
  length: number;
  req: HighlightRequest;
}

// Functions that run inside the page, in a fresh isolated world made by the
// harness (Page.createIsolatedWorld): the page's own scripts may have replaced
// Element.prototype methods, MutationObserver and friends in its main world,
// but not here. Each function is self-contained (it is sent as source text).

/**
 * What the page is now: its text, an exact serialization of its body, the
 * extension's marks and where they sit, and (optionally) the boxes of its
 * paragraphs and headings.
 *
 * The serialization walks the DOM itself (no cloning: cloning would run the
 * page's custom element constructors). It includes template contents and open
 * shadow roots, leaves out only the extension's `<crosscheck-popover>` host,
 * and writes `⟨split⟩` between two adjacent text nodes, so a text node left
 * split by an undo shows even though the HTML reads the same.
 */
export function snapshotInPage(opts) {
  const HOST = 'crosscheck-popover';
  const FORBIDDEN =
    'script,style,noscript,template,textarea,input,select,option,code,pre,kbd,samp,svg,math,title,head,[hidden],[aria-hidden="true"]';
  const BOX_SELECTOR = 'p,h1,h2,h3,h4,h5,h6,li,blockquote,dd,dt,figcaption';
  const doc = document;
  const body = doc.body;
  // Without a body (an SVG or a body-less document) the whole document element is compared.
  const root = body ?? doc.documentElement;
  const out = {
    url: location.href,
    contentType: doc.contentType,
    hasBody: !!body,
    text: root ? root.textContent : null,
    /** @type {string | null} */
    html: null,
    textNodes: 0,
    /** @type {{ id: string | null, kind: string | null, text: string | null, forbidden: string | null, visible: boolean }[]} */
    marks: [],
    templateMarks: 0,
    /** @type {number[][] | null} */
    boxes: null,
    /** @type {(string | number)[][]} */
    measures: [],
    /** @type {string | undefined} */
    readable: undefined,
  };

  const transparent = !!(opts && opts.transparentMarks);
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const escAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  /** @param {Node} root */
  function serialize(root) {
    /** @type {string[]} */
    const parts = [];
    let textNodes = 0;
    /** @type {[any, boolean][]} */
    const stack = [[root, false]];
    while (stack.length > 0) {
      const [node, closing] = /** @type {[any, boolean]} */ (stack.pop());
      if (closing) {
        parts.push(`</${node.nodeName}>`);
        continue;
      }
      switch (node.nodeType) {
        case 1: {
          if (node.localName === HOST) break;
          if (transparent && node.localName === 'mark' && node.classList.contains('cc-mark')) {
            // Read through the extension's marks (the DOM as it would be without them).
            const kids = [...node.childNodes];
            for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], false]);
            break;
          }
          let open = `<${node.nodeName}`;
          for (const a of node.attributes) open += ` ${a.name}="${escAttr(a.value)}"`;
          parts.push(`${open}>`);
          stack.push([node, true]);
          const kids = [];
          if (node.shadowRoot) kids.push(node.shadowRoot);
          const own = node.localName === 'template' && node.content ? node.content.childNodes : node.childNodes;
          for (const k of own) kids.push(k);
          for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], false]);
          break;
        }
        case 3:
          textNodes++;
          if (!transparent && node.previousSibling && node.previousSibling.nodeType === 3) parts.push('⟨split⟩');
          parts.push(esc(node.data));
          break;
        case 4:
          parts.push(`<![CDATA[${node.data}]]>`);
          break;
        case 7:
          parts.push(`<?${node.target} ${node.data}?>`);
          break;
        case 8:
          parts.push(`<!--${node.data}-->`);
          break;
        case 11: {
          // an open shadow root
          parts.push('#shadow-root{');
          stack.push([{ nodeName: '#shadow-root' }, true]);
          const kids = [...node.childNodes];
          for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], false]);
          break;
        }
        default:
          break;
      }
    }
    return { html: parts.join(''), textNodes };
  }

  if (root && !(opts && opts.html === false)) {
    const s = serialize(root);
    out.html = s.html;
    out.textNodes = s.textNodes;
  }

  for (const m of /** @type {NodeListOf<HTMLElement>} */ (doc.querySelectorAll('mark.cc-mark'))) {
    const bad = m.parentElement ? m.parentElement.closest(FORBIDDEN) : null;
    out.marks.push({
      id: m.dataset.crosscheckId ?? null,
      kind: m.dataset.crosscheckKind ?? null,
      text: m.textContent,
      forbidden: bad ? bad.localName : m.isContentEditable ? 'contenteditable' : null,
      visible: typeof m.checkVisibility === 'function' ? m.checkVisibility({ visibilityProperty: true }) : true,
    });
  }
  for (const t of doc.querySelectorAll('template')) {
    if (t.content) out.templateMarks += t.content.querySelectorAll('mark.cc-mark').length;
  }

  if (opts && opts.boxes && body) {
    // Each paragraph's box, and where its last character sits (so a shift inside
    // a line shows, not only a change of the box).
    const els = [...doc.querySelectorAll(BOX_SELECTOR)].slice(0, 4000);
    const r2 = (x) => Math.round(x * 100) / 100;
    const lastText = (el) => {
      let n = el.lastChild;
      while (n) {
        if (n.nodeType === 3 && n.data.trim()) return n;
        if (n.nodeType === 1 && n.lastChild && !/^(script|style|template)$/i.test(n.localName)) {
          n = n.lastChild;
          continue;
        }
        while (n && n !== el && !n.previousSibling) n = n.parentNode;
        if (!n || n === el) return null;
        n = n.previousSibling;
      }
      return null;
    };
    const range = doc.createRange();
    out.boxes = els.map((e) => {
      const r = e.getBoundingClientRect();
      const box = [r2(r.x + scrollX), r2(r.y + scrollY), r2(r.width), r2(r.height)];
      const t = lastText(e);
      if (t) {
        const end = t.data.trimEnd().length;
        range.setStart(t, end - 1);
        range.setEnd(t, end);
        const c = range.getBoundingClientRect();
        box.push(r2(c.right + scrollX), r2(c.top + scrollY));
      } else {
        box.push(0, 0);
      }
      return box;
    });
  }
  if (opts && opts.readable && body) {
    // The page's words, for the off-topic test: text outside script/style/template.
    const parts = [];
    const w = doc.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) =>
        n.nodeType === 1
          ? /^(script|style|template|noscript)$/i.test(/** @type {Element} */ (n).localName)
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_SKIP
          : NodeFilter.FILTER_ACCEPT,
    });
    for (let n = w.nextNode(); n; n = w.nextNode()) parts.push(/** @type {Text} */ (n).data);
    out.readable = parts.join(' ').replace(/\s+/g, ' ');
  }
  try {
    out.measures = performance
      .getEntriesByType('measure')
      .filter((e) => e.name.startsWith('crosscheck:'))
      .map((e) => [e.name.slice('crosscheck:'.length), Math.round(e.duration * 10) / 10]);
  } catch {
    out.measures = [];
  }
  return out;
}

/** Number of the extension's marks now. */
export function countMarksInPage() {
  return document.querySelectorAll('mark.cc-mark').length;
}

/** The center of the first visible mark (of `id` if given, a name rather than a sentence otherwise). */
export function markPointInPage(id) {
  const marks = [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('mark.cc-mark'))].filter(
    (m) => (id ? m.dataset.crosscheckId === id : m.dataset.crosscheckKind !== 'claim') && m.getClientRects().length > 0,
  );
  const m = marks[0];
  if (!m) return null;
  m.scrollIntoView({ block: 'center' });
  const r = /** @type {DOMRect} */ (m.getClientRects()[0]);
  return { x: r.x + Math.min(r.width / 2, 8), y: r.y + r.height / 2, id: m.dataset.crosscheckId, text: m.textContent };
}

/**
 * The popover as a reader would find it: open, visible, on top (the point at
 * its center hits it), with which text and which computed styles.
 */
export function dialogInPage() {
  const host = document.querySelector('crosscheck-popover');
  const root = host ? host.shadowRoot : null;
  const d = root ? root.querySelector('[role="dialog"]:not([hidden])') : null;
  if (!d) return { open: false, host: !!host, shadow: !!root };
  const r = d.getBoundingClientRect();
  const cs = getComputedStyle(d);
  const cx = r.x + Math.min(r.width / 2, 40);
  const cy = r.y + Math.min(r.height / 2, 40);
  const hit = /** @type {ShadowRoot} */ (root).elementFromPoint(cx, cy);
  const heading = d.querySelector('h2, h3, [id$="heading"]');
  const hcs = heading ? getComputedStyle(heading) : cs;
  const panel = d.querySelector('.cc-popover') ?? d;
  const pcs = getComputedStyle(panel);
  const hostCs = getComputedStyle(/** @type {Element} */ (host));
  return {
    open: true,
    visible: d.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
    onTop: !!hit && d.contains(hit),
    rect: [r.x, r.y, r.width, r.height].map((v) => Math.round(v)),
    viewport: [innerWidth, innerHeight],
    text: d.textContent,
    images: d.querySelectorAll('img').length,
    scripts: d.querySelectorAll('script').length,
    style: {
      position: cs.position,
      backgroundColor: pcs.backgroundColor,
      borderRadius: pcs.borderRadius,
      boxShadow: pcs.boxShadow,
      color: hcs.color,
      fontSize: hcs.fontSize,
      fontFamily: hcs.fontFamily,
      direction: hcs.direction,
      writingMode: hcs.writingMode,
      letterSpacing: hcs.letterSpacing,
      textTransform: hcs.textTransform,
      visibility: hcs.visibility,
    },
    host: {
      display: hostCs.display,
      position: hostCs.position,
      transform: hostCs.transform,
      filter: hostCs.filter,
      clipPath: hostCs.clipPath,
      opacity: hostCs.opacity,
    },
  };
}

/** Computed style of the first mention mark (is the highlight's CSS applied?). */
export function markStyleInPage() {
  const m = [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('mark.cc-mark'))].find(
    (x) => x.dataset.crosscheckKind !== 'claim',
  );
  if (!m) return null;
  const cs = getComputedStyle(m);
  const p = getComputedStyle(/** @type {HTMLElement} */ (m.parentElement));
  const before = getComputedStyle(m, '::before').content;
  const after = getComputedStyle(m, '::after').content;
  return {
    display: cs.display,
    position: cs.position,
    backgroundColor: cs.backgroundColor,
    padding: cs.padding,
    margin: cs.margin,
    borderWidth: cs.borderTopWidth,
    fontSize: cs.fontSize,
    parentFontSize: p.fontSize,
    letterSpacing: cs.letterSpacing,
    parentLetterSpacing: p.letterSpacing,
    transform: cs.transform,
    opacity: cs.opacity,
    before,
    after,
  };
}

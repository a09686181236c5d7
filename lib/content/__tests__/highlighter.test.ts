import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Highlighter, type HighlightRequest } from '../highlighter';
import { readPageText } from '../page-text';

function requestsFor(text: string, words: string[], layer: HighlightRequest['layer'] = 'mention'): HighlightRequest[] {
  const out: HighlightRequest[] = [];
  for (const w of words) {
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + w.length)) {
      out.push({ start: i, end: i + w.length, layer, data: w });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

describe('Highlighter', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  it('wraps ranges in marks, leaves the text as it was, and undoes exactly', () => {
    document.body.innerHTML =
      '<article><p>Gestern sprach <a href="#">Trump</a> mit Putin, dann Putin mit Selenskyj.</p><p>Nichts.</p><p>Nur Trump.</p></article>';
    const before = document.body.innerHTML;
    const textBefore = document.body.textContent;
    const p0 = document.querySelector('p')!;
    const pageNodes = [...p0.childNodes];
    const h = new Highlighter();
    const pt = readPageText(document.body);
    const decorated: unknown[] = [];
    const marks = h.apply(pt, requestsFor(pt.text, ['Trump', 'Putin', 'Selenskyj']), (m, r) => {
      m.dataset.crosscheckId = String(r.data);
      decorated.push(r.data);
    });
    expect(marks).toHaveLength(5);
    expect(decorated).toEqual(['Trump', 'Putin', 'Putin', 'Selenskyj', 'Trump']);
    expect([...document.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(decorated);
    expect(document.querySelectorAll('mark[data-markjs]')).toHaveLength(0);
    expect(document.body.textContent).toBe(textBefore);

    h.undoAll();
    expect(document.body.innerHTML).toBe(before);
    // The page's own nodes are the very same objects (frameworks hold on to them).
    expect([...p0.childNodes]).toEqual(pageNodes);
    expect(h.marks.size).toBe(0);
  });

  it('nests names inside a disputed sentence and undoes both layers', () => {
    document.body.innerHTML = '<p>Vorweg. Trump bot Luftunterstützung an. Danach.</p>';
    const before = document.body.innerHTML;
    const h = new Highlighter();
    const pt = readPageText(document.body);
    const sentence = 'Trump bot Luftunterstützung an.';
    const start = pt.text.indexOf(sentence);
    h.apply(
      pt,
      [
        { start, end: start + sentence.length, layer: 'claim', data: 'claim' },
        { start, end: start + 5, layer: 'mention', data: 'trump' },
      ],
      (m, r) => m.classList.add(String(r.data)),
    );
    const claim = document.querySelector('mark.claim')!;
    expect(claim.textContent).toBe(sentence);
    expect(claim.querySelector('mark.trump')?.textContent).toBe('Trump');
    h.undoAll();
    expect(document.body.innerHTML).toBe(before);
  });

  it('keeps the page’s text when the page rewrites a node it split', () => {
    document.body.innerHTML = '<p>Trump und Putin</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const h = new Highlighter();
    const pt = readPageText(document.body);
    h.apply(pt, requestsFor(pt.text, ['Putin']), () => {});
    expect(h.isSplitText(text)).toBe(true);
    // A framework sets its text node's value, unaware of the split:
    text.data = 'Neuer Text';
    h.restoreText(text);
    expect(document.querySelector('p')!.textContent).toBe('Neuer Text');
    expect(document.querySelectorAll('mark')).toHaveLength(0);
  });

  it('skips ranges that cross a block boundary and marks nothing in skipped elements', () => {
    document.body.innerHTML = '<p>Donald</p><p>Trump</p><code>Putin</code>';
    const h = new Highlighter();
    const pt = readPageText(document.body);
    expect(pt.text).toBe('Donald\nTrump');
    expect(h.apply(pt, [{ start: 0, end: 12, layer: 'mention', data: 1 }], () => {})).toHaveLength(0);
    expect(document.querySelectorAll('mark')).toHaveLength(0);
  });

  it('undoes one region alone, and lets go of what the page itself took out', () => {
    document.body.innerHTML = '<ol><li>Trump sprach.</li><li>Putin schwieg.</li><li>Trump und Putin.</li></ol>';
    const h = new Highlighter();
    const pt = readPageText(document.body);
    h.apply(pt, requestsFor(pt.text, ['Trump', 'Putin']), () => {});
    expect(h.marks.size).toBe(4);
    const [first, second] = [...document.querySelectorAll('li')];
    const secondBefore = '<li>Putin schwieg.</li>';

    // A region undone: its marks go, the others stay.
    h.undoWithin(second!);
    expect(second!.outerHTML).toBe(secondBefore);
    expect(document.querySelectorAll('mark')).toHaveLength(3);
    expect(h.marks.size).toBe(3);

    // The page drops the oldest entry (as a live blog does): its mark is forgotten, the rest kept.
    first!.remove();
    h.forgetDetached();
    expect(h.marks.size).toBe(2);
    expect([...h.marks].every((m) => m.isConnected)).toBe(true);

    // Undoing everything still gives the page back what it has.
    h.undoAll();
    expect(document.body.innerHTML).toBe('<ol><li>Putin schwieg.</li><li>Trump und Putin.</li></ol>');
  });

  it('tells its own nodes apart from the page’s', () => {
    document.body.innerHTML = '<p>Hallo Putin, hallo.</p>';
    const h = new Highlighter();
    const pt = readPageText(document.body);
    const [mark] = h.apply(pt, requestsFor(pt.text, ['Putin']), () => {});
    expect(h.isOwn(mark!)).toBe(true);
    expect(h.isOwn(mark!.nextSibling!)).toBe(true); // the split-off tail
    expect(h.isOwn(document.querySelector('p')!)).toBe(false);
  });

  it('hands mark.js TreeWalkers, never NodeIterators (Chromium keeps those alive), and puts document back', () => {
    document.body.innerHTML = '<p>Trump und <b>Putin</b>.</p><p>Dann Lawrow.</p>';
    const ownerOf = (name: string): Document => {
      let o: object | null = document;
      while (o && !Object.prototype.hasOwnProperty.call(o, name)) o = Object.getPrototypeOf(o) as object | null;
      return o as Document;
    };
    const iterators = vi.spyOn(ownerOf('createNodeIterator'), 'createNodeIterator');
    const walkers = vi.spyOn(ownerOf('createTreeWalker'), 'createTreeWalker');
    const h = new Highlighter();
    const pt = readPageText(document.body);
    const walkersBefore = walkers.mock.calls.length;
    const marks = h.apply(pt, requestsFor(pt.text, ['Trump', 'Putin', 'Lawrow']), () => {});
    expect(marks.map((m) => m.textContent)).toEqual(['Trump', 'Putin', 'Lawrow']);
    expect(iterators).not.toHaveBeenCalled();
    // Our own walk per container, plus mark.js's per call.
    expect(walkers.mock.calls.length - walkersBefore).toBeGreaterThanOrEqual(4);
    expect(Object.prototype.hasOwnProperty.call(document, 'createNodeIterator')).toBe(false);
    expect(typeof document.createNodeIterator(document.body).nextNode).toBe('function');
    iterators.mockRestore();
    walkers.mockRestore();
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { nodeIndexAt, PageTextReader, readPageText } from '../page-text';

describe('readPageText', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  it('joins text nodes, separating blocks with a line break so words never merge', () => {
    document.body.innerHTML = '<div>Trump<p>Putin</p>Selenskyj</div><p>Nato-<b>Beitritt</b></p>';
    const pt = readPageText(document.body);
    expect(pt.text).toBe('Trump\nPutin\nSelenskyj\nNato-Beitritt');
    expect(pt.nodes.map((n) => n.data)).toEqual(['Trump', 'Putin', 'Selenskyj', 'Nato-', 'Beitritt']);
    for (let i = 0; i < pt.nodes.length; i++) {
      expect(pt.text.slice(pt.starts[i], pt.starts[i]! + pt.nodes[i]!.data.length)).toBe(pt.nodes[i]!.data);
    }
  });

  it('skips what must never be touched', () => {
    document.body.innerHTML = `
      <p>Putin</p><script>var Trump = 1</script><style>.Trump{}</style><noscript>Trump</noscript>
      <template><p>Trump</p></template><textarea>Trump</textarea><select><option>Trump</option></select>
      <code>Trump</code><pre>Trump</pre><svg><text>Trump</text></svg><math><mi>Trump</mi></math>
      <div contenteditable="true">Trump</div><div hidden>Trump</div><div aria-hidden="true">Trump</div>
      <crosscheck-popover>Trump</crosscheck-popover><mark class="cc-mark">Trump</mark>`;
    const pt = readPageText(document.body);
    expect(pt.text.replace(/\s+/g, ' ').trim()).toBe('Putin');
  });

  it('finds the node that holds an offset', () => {
    document.body.innerHTML = '<p>abc<b>def</b>ghi</p>';
    const pt = readPageText(document.body);
    expect([0, 2, 3, 5, 6, 8].map((o) => nodeIndexAt(pt, o))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('reads in steps exactly what one walk reads, and reads content added behind it', () => {
    const paragraphs = Array.from({ length: 900 }, (_, i) => `<p>Absatz ${i} mit <b>Trump</b> und <i>Putin</i>.</p>`);
    document.body.innerHTML = `<article>${paragraphs.join('')}</article>`;
    const whole = readPageText(document.body);
    const reader = new PageTextReader(document.body);
    let steps = 0;
    let asked = 0;
    while (!reader.read(() => ++asked % 3 !== 0)) steps++;
    expect(steps).toBeGreaterThan(3);
    expect(reader.result()).toEqual(whole);

    const partial = new PageTextReader(document.body);
    expect(partial.read(() => false)).toBe(false);
    document.body.insertAdjacentHTML('beforeend', '<p>Lawrow</p>');
    expect(partial.read()).toBe(true);
    expect(partial.result().text.endsWith('\nLawrow')).toBe(true);
  });
});

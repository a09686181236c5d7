import { describe, expect, it } from 'vitest';
import { hasEnoughText, readQuickText } from '../quick-text';

describe('readQuickText', () => {
  it('reads every text node but scripts, styles, noscript, textareas and templates', () => {
    document.body.innerHTML = `<p>Donald Trump</p> <p>met <b>Zelensky</b>.</p>
      <script>var x = "Putin"; window.dataLayer = window.dataLayer || [];</script>
      <style>p { color: red } .headline { font-weight: bold }</style><noscript>Merz: turn on JavaScript to read this page <img src="pixel.gif" alt="">
      </noscript><template><p>Macron</p></template><div hidden>Hidden menu</div>
      <textarea>typed in a form by the reader, long enough</textarea><p>Selenskyj</p>`;
    const { text, complete } = readQuickText(document.body, 10_000);
    expect(complete).toBe(true);
    expect(text).toContain('Donald Trump');
    expect(text).toContain('Zelensky');
    expect(text).toContain('Selenskyj');
    expect(text).toContain('Hidden menu'); // no visibility checks: no layout read
    for (const skipped of ['Putin', 'color', 'Merz', 'Macron', 'typed']) expect(text).not.toContain(skipped);
  });

  it('takes out only the skipped element, even when the page’s text says the same before it', () => {
    const code = 'console.log("the very same words, long enough to be cut");';
    document.body.innerHTML = `<pre>${code}</pre><p>between</p><script>${code}</script><p>after</p>`;
    const { text } = readQuickText(document.body, 10_000);
    expect(text.split('the very same words')).toHaveLength(2); // one copy is left
    expect(text).toContain('between');
    expect(text).toContain('after');
  });

  it('tells where each text node starts in what it read, scripts and styles not among them', () => {
    document.body.innerHTML = `<h1>Treffen mit Selenskyj</h1><p>Berlin (dpa) – <b>Nato</b> berät.</p>
      <script>window.dataLayer = window.dataLayer || []; dataLayer.push({ page: 'news' });</script>
      <style>.headline { font-weight: bold; color: #222 }</style><p>Danach: Lawrow.</p>`;
    const told: [Text, number][] = [];
    const { text } = readQuickText(document.body, 10_000, (node, start) => told.push([node, start]));
    expect(told.length).toBeGreaterThan(4);
    for (const [node, start] of told) expect(text.slice(start, start + node.data.length)).toBe(node.data);
    expect(told.some(([n]) => n.data.includes('dataLayer'))).toBe(false);
    expect(told.some(([n]) => n.data === 'Danach: Lawrow.')).toBe(true);
  });

  it('stops at the cap and says the text was cut', () => {
    document.body.innerHTML = Array.from({ length: 100 }, (_, i) => `<p>paragraph number ${i}</p>`).join('');
    const { text, complete } = readQuickText(document.body, 200);
    expect(text.length).toBe(200);
    expect(complete).toBe(false);
    expect(readQuickText(document.body, 1_000_000).complete).toBe(true);
  });
});

describe('hasEnoughText', () => {
  it('counts characters that are not white space, up to the minimum', () => {
    expect(hasEnoughText('  a  b  ', 2)).toBe(true);
    expect(hasEnoughText(' \n\u00a0 a ', 2)).toBe(false);
    expect(hasEnoughText('x'.repeat(59), 60)).toBe(false);
    expect(hasEnoughText(`${'x '.repeat(60)}`, 60)).toBe(true);
  });
});

/**
 * HTML → visible text for the scan CLI.
 */
import { describe, expect, it } from 'vitest';
import { decodeHtml, htmlToVisibleText } from '../lib/visible-text';

describe('htmlToVisibleText', () => {
  it('drops what a browser does not show', () => {
    const html = `<!doctype html><html><head><title>Titel Trump</title><style>p{}</style></head><body>
      <p>Sichtbar</p>
      <script>var putin = 1;</script><noscript>Bitte JavaScript</noscript><template><p>Vorlage</p></template>
      <div hidden>versteckt</div><p style="color:red; display: none">weg</p><span style="visibility:hidden">unsichtbar</span>
      <svg><text>Grafik</text></svg><iframe src="x">Rahmen</iframe><select><option>Wahl</option></select>
      <span aria-hidden="true">Symbol</span>
    </body></html>`;
    expect(htmlToVisibleText(html)).toBe('Sichtbar\nSymbol');
  });

  it('separates blocks, cells and <br> so words never merge, and collapses inline whitespace', () => {
    const html =
      '<h1>Kopf</h1><p>Donald   <b>Trump</b>\n   traf<br>Putin</p><ul><li>eins</li><li>zwei</li></ul>' +
      '<table><tr><td>A</td><td>B</td></tr></table><div><span>Se</span><span>len</span><span>skyj</span></div>';
    expect(htmlToVisibleText(html)).toBe('Kopf\n\nDonald Trump traf\nPutin\n\neins\n\nzwei\n\nA\tB\n\nSelenskyj');
  });

  it('keeps whitespace inside <pre>', () => {
    expect(htmlToVisibleText('<pre>a\n  b</pre><p>c</p>')).toBe('a\n  b\n\nc');
  });

  it('decodes entities and survives broken markup', () => {
    expect(htmlToVisibleText('<p>Selen&shy;skyj &amp; Trump&nbsp;&#8211; „Zitat“<p>offen <b>fett <i>kursiv</p>')).toBe(
      'Selen\u00ADskyj & Trump\u00A0– „Zitat“\n\noffen fett kursiv',
    );
  });

  it('handles very deep nesting', () => {
    const html = '<div>'.repeat(20000) + 'tief' + '</div>'.repeat(20000);
    expect(htmlToVisibleText(html)).toBe('tief');
  });
});

describe('decodeHtml', () => {
  it('uses the declared charset for bytes that are not UTF-8', () => {
    const latin1 = Uint8Array.from(
      [...'<meta charset="iso-8859-1"><p>Au'].map((c) => c.charCodeAt(0)).concat([0xdf, 0x65, 0x6e]),
    );
    expect(htmlToVisibleText(decodeHtml(latin1))).toBe('Außen');
  });

  it('prefers valid UTF-8 over a stale declaration, and honours a BOM', () => {
    const resaved = new TextEncoder().encode('<meta charset="gb2312"><p>Erdoğan</p>');
    expect(htmlToVisibleText(decodeHtml(resaved))).toBe('Erdoğan');
    expect(decodeHtml(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
  });

  it('falls back to windows-1252 without a declaration', () => {
    expect(decodeHtml(Uint8Array.from([0x93, 0x4b, 0xf6, 0x6c, 0x6e, 0x94]))).toBe('“Köln”');
  });
});

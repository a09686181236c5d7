/**
 * Bytes of a saved page → string, for the scan CLI.
 */
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../lib/decode-html';

describe('decodeHtml', () => {
  it('uses the declared charset for bytes that are not UTF-8', () => {
    const latin1 = Uint8Array.from(
      [...'<meta charset="iso-8859-1"><p>Au'].map((c) => c.charCodeAt(0)).concat([0xdf, 0x65, 0x6e]),
    );
    expect(decodeHtml(latin1)).toBe('<meta charset="iso-8859-1"><p>Außen');
  });

  it('prefers valid UTF-8 over a stale declaration, and honours a BOM', () => {
    const resaved = new TextEncoder().encode('<meta charset="gb2312"><p>Erdoğan</p>');
    expect(decodeHtml(resaved)).toBe('<meta charset="gb2312"><p>Erdoğan</p>');
    expect(decodeHtml(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
  });

  it('falls back to windows-1252 without a declaration', () => {
    expect(decodeHtml(Uint8Array.from([0x93, 0x4b, 0xf6, 0x6c, 0x6e, 0x94]))).toBe('“Köln”');
  });
});

/**
 * Bytes of a saved HTML page → string, for the `scan` CLI (Node only): a BOM,
 * valid UTF-8, the declared charset, else windows-1252 (see `decodeHtml`).
 */
/**
 * Decodes HTML bytes: a BOM wins; then bytes that are valid UTF-8 are UTF-8
 * (saved pages are often re-encoded to UTF-8 while their `<meta charset>`
 * still names the original encoding, and valid UTF-8 with non-ASCII bytes is
 * practically never another encoding); then the declared `<meta charset>`;
 * then windows-1252, the web's default for undeclared legacy pages.
 */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: use the declared charset.
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (m?.[1]) {
    try {
      return new TextDecoder(m[1].toLowerCase()).decode(bytes);
    } catch {
      // Unknown label: fall through.
    }
  }
  return decodeWindows1252(bytes);
}

/** windows-1252 bytes 0x80..0x9F (Node's TextDecoder gives C1 controls for them). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = new TextDecoder('latin1').decode(bytes);
  return latin1.replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}

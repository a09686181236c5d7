/**
 * Words of a text read without element boundaries (the first stage's read,
 * lib/content/quick-text.ts) touch where one element ends and the next begins:
 * "Treffen mit SelenskyjBerlin (dpa)". This puts a space between a lower-case
 * letter and an upper-case letter that starts a word (one followed by a
 * lower-case letter), where a new element almost always begins. A name written
 * with such a step inside ("McDonald") is split too: the text is only judged
 * for whether the page is worth reading properly; offsets found in it are
 * taken back to the text as read with `toRead`.
 */
const TOUCHING = /(\p{Ll})(?=\p{Lu}\p{Ll})/gu;

export interface Unglued {
  text: string;
  /** The offset in the text as read of offset `i` of `text` (a space put in maps to the next character). */
  toRead(i: number): number;
}

export function unglue(read: string): Unglued {
  /** Offsets in `text` of the spaces put in, ascending. */
  const added: number[] = [];
  const text = read.replace(TOUCHING, (letter: string, _g: string, at: number) => {
    added.push(at + letter.length + added.length);
    return `${letter} `;
  });
  return {
    text,
    toRead(i: number) {
      let lo = 0;
      let hi = added.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (added[mid]! < i) lo = mid + 1;
        else hi = mid;
      }
      return i - lo; // `lo` spaces were put in before offset i
    },
  };
}

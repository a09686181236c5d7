/**
 * Words of a text read without element boundaries (the first stage's read,
 * lib/content/quick-text.ts) touch where one element ends and the next begins:
 * "Treffen mit SelenskyjBerlin (dpa)". This puts a space between a lower-case
 * letter and an upper-case letter that starts a word (one followed by a
 * lower-case letter), where a new element almost always begins. A name written
 * with such a step inside ("McDonald") is split too: the text is only judged
 * for whether the page is worth reading properly, never highlighted.
 */
const TOUCHING = /(\p{Ll})(?=\p{Lu}\p{Ll})/gu;

export function unglue(text: string): string {
  return text.replace(TOUCHING, '$1 ');
}

/**
 * Name folding for comparisons inside the dataset (alias collisions, the
 * `ambiguous` subset): case- and diacritic-insensitive, the way the matcher
 * compares names. Pure module.
 */

const SPECIAL: Record<string, string> = { ß: 'ss', ł: 'l', ø: 'o', đ: 'd', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th', ð: 'd' };

/**
 * Lower-cases, strips diacritics (NFD, combining marks dropped; ß → ss and a
 * few letters NFD does not decompose spelled out), and treats hyphens and
 * whitespace runs alike, so "Weißes Haus", "weisses  haus" and "Weisses-Haus"
 * fold to the same key.
 */
export function foldName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]/gu, '')
    .replace(/[ßłøđæœıþð]/g, (c) => SPECIAL[c] ?? c)
    .replace(/[\s\u2010\u2011-]+/g, ' ')
    .trim();
}

// The shared corpus (../shared/corpus, read in place, never copied), the fast
// subset, the independent off-topic rule and the ambiguous-alias test.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const CORPUS_DIR = resolve(process.env.CROSSCHECK_CORPUS ?? '../shared/corpus');

/** @returns {{ path: string, lang: string, bytes: number }[]} in index order */
export function readIndex(dir = CORPUS_DIR) {
  const file = resolve(dir, 'index.tsv');
  if (!existsSync(file)) throw new Error(`No corpus index at ${file} (the corpus lives in ../shared/corpus).`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const [path, lang, bytes] = l.split('\t');
      return { path: path ?? '', lang: lang ?? '', bytes: Number(bytes) };
    });
}

/** The URL path of a corpus page under the /corpus/ mount (names may hold spaces and umlauts). */
export const corpusUrlPath = (path) => `/corpus/${path.split('/').map(encodeURIComponent).join('/')}`;

const STORY_CAST = /\b(Trump|Putin|NATO|Nato|Ukrain\w*)\b/g;

/** How often the raw HTML names the story's cast (for choosing pages, not for judging them). */
export function castMentions(entry, dir = CORPUS_DIR) {
  const html = readFileSync(resolve(dir, entry.path), 'latin1');
  return (html.match(STORY_CAST) ?? []).length;
}

/**
 * The fast subset, chosen deterministically (same corpus → same pages):
 * - the 9 German and the 9 English pages (≤ 700 kB) that name Trump, Putin,
 *   NATO or Ukraine most often (ties by path): where a false highlight or a
 *   slow scan would show;
 * - 7 odd ones: the largest page of all, the smallest, a page without `lang`,
 *   Arabic, Chinese and Japanese pages, and a page whose file name has spaces.
 */
export function fastSubset(index = readIndex(), dir = CORPUS_DIR) {
  const pick = new Map();
  const add = (e) => e && !pick.has(e.path) && pick.set(e.path, e);
  const byPath = (a, b) => a.path.localeCompare(b.path);
  for (const lang of ['de', 'en']) {
    index
      .filter((e) => e.lang === lang && e.bytes <= 700_000)
      .map((e) => ({ e, n: castMentions(e, dir) }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n || byPath(a.e, b.e))
      .slice(0, 9)
      .forEach((x) => add(x.e));
  }
  const sorted = [...index].sort((a, b) => b.bytes - a.bytes || byPath(a, b));
  add(sorted[0]);
  add(sorted[sorted.length - 1]);
  add(index.filter((e) => e.lang === '' && e.bytes > 5000).sort(byPath)[0]);
  for (const lang of ['ar', 'zh', 'ja']) add(index.filter((e) => e.lang === lang).sort(byPath)[0]);
  add(index.filter((e) => / /.test(e.path)).sort(byPath)[0]);
  return [...pick.values()];
}

/** `n` pages spread evenly over the index (deterministic). */
export function sample(index, n) {
  if (n >= index.length) return index;
  const step = index.length / n;
  return Array.from({ length: n }, (_, i) => index[Math.floor(i * step)]);
}

/**
 * The independent notion of "on the story" (not the recognition core's): the
 * dataset is about NATO's military chiefs and security guarantees for Ukraine
 * in August 2025. A page is ON the story when its readable text
 *   (a) names one of the two people who only this story brings together:
 *       Alexus Grynkewich (SACEUR since July 2025) or Giuseppe Cavo Dragone
 *       (chair of the NATO Military Committee since January 2025); or
 *   (b) mentions 2025 AND Ukraine AND one of the story's key terms:
 *       Sicherheitsgarantie(n) / security guarantee(s), or the military chiefs
 *       (Verteidigungschefs, Militärchefs, Generalstabschefs, chiefs of
 *       defence/defense, military chiefs, (NATO-)Militärausschuss, Military
 *       Committee), or Koalition der Willigen / coalition of the willing.
 * Every other page is OFF the story, however often it names Trump, Putin or
 * NATO: the corpus's 2016–2024 news on the same cast are off.
 */
export const STORY_RULE = {
  names: /\b(Grynkewich|Cavo\s+Dragone)\b/i,
  year: /\b2025\b/,
  ukraine: /\bUkrain/i,
  terms:
    /Sicherheitsgarantie|security guarantee|Verteidigungschef|Militärchef|Generalstabschef|chiefs? of defen[cs]e|military chiefs|Militärausschuss|Military Committee|Koalition der Willigen|coalition of the willing/i,
};

export function onStory(text) {
  const t = text ?? '';
  if (STORY_RULE.names.test(t)) return { on: true, why: `names ${t.match(STORY_RULE.names)[0]}` };
  if (STORY_RULE.year.test(t) && STORY_RULE.ukraine.test(t) && STORY_RULE.terms.test(t))
    return { on: true, why: `2025 + Ukraine + “${t.match(STORY_RULE.terms)[0]}”` };
  return { on: false, why: null };
}

/** Case- and diacritic-folded, as the matcher compares names (ß → ss). */
export const fold = (s) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss').replace(/\s+/g, ' ').trim();

/**
 * Which highlights come from an ambiguous alias: a mark of entity E whose text
 * is one of E's `ambiguous` aliases (or that alias plus a short inflection,
 * "Merz’", "Kanzlers") and none of E's unambiguous ones.
 */
export function ambiguityIndex(dataset) {
  const byId = new Map();
  for (const e of dataset.entities) {
    const amb = new Set(e.ambiguous.map(fold));
    byId.set(e.id, {
      ambiguous: e.aliases.filter((a) => amb.has(fold(a))).map(fold),
      plain: e.aliases.filter((a) => !amb.has(fold(a))).map(fold),
    });
  }
  const matches = (text, alias) => text === alias || (text.startsWith(alias) && text.length - alias.length <= 3);
  return (mark) => {
    const entry = byId.get(mark.id);
    if (!entry || mark.kind === 'claim' || mark.kind === 'event') return false;
    const t = fold(mark.text);
    return entry.ambiguous.some((a) => matches(t, a)) && !entry.plain.some((a) => matches(t, a));
  };
}

export function loadBundledDataset() {
  return JSON.parse(readFileSync(resolve('data/dataset.json'), 'utf8'));
}

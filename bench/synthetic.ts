/**
 * Synthetic datasets for the dictionary-scaling benchmark: the real dataset
 * (its events, aspects and claims untouched, so a page hits exactly what it
 * hits with the real data) padded with made-up but realistic entities until
 * the dataset lists `aliases` aliases. Made-up names never occur on the bench
 * pages, so every figure measures the cost of a bigger dictionary, not of
 * more hits. Deterministic: same size, same dataset. Valid by the dataset
 * schema (`validateDataset` runs on it in the bench).
 */
import { foldName } from '../core/dataset/fold';
import type { Dataset, Entity, EntityKind } from '../core/dataset/schema';

const FIRST = [
  'Anna', 'Lukas', 'Marta', 'Jonas', 'Olena', 'Tomasz', 'Ingrid', 'Pieter', 'Sofia', 'Mateo', 'Katarzyna', 'Henrik',
  'Aylin', 'Dmytro', 'Chiara', 'Jean', 'Margit', 'Ruben', 'Elif', 'Nikolai', 'Hanna', 'Emil', 'Irina', 'Oskar',
  'Lucia', 'Bogdan', 'Freya', 'Malik', 'Teresa', 'Viktor', 'Agnieszka', 'Florian', 'Nadia', 'Stefan', 'Leonie',
  'Andrij', 'Camille', 'Gregor', 'Yasmin', 'Pavel',
]; // prettier-ignore
const SYL = [
  'ko', 'va', 'len', 'bar', 'mir', 'sto', 'dan', 'wel', 'ri', 'ta', 'nes', 'gor', 'lu', 'min', 'sel', 'bra', 'ho',
  'ze', 'fa', 'tor', 'mel', 'dru', 'kas', 'pe', 'vin',
]; // prettier-ignore
const SUFFIX = ['', 'er', 'ski', 'enko', 'mann', 'ow', 'ić', 'ova', 'berg', 'stein'];
const TITLES = ['Ministerin', 'Senator', 'General', 'Botschafter', 'Bürgermeisterin', 'Abgeordneter', 'Kommissarin'];
const ORG = ['Stiftung', 'Institut', 'Verband', 'Partei', 'Bank', 'Allianz'];
const ORG_EN = ['Foundation', 'Institute', 'Association', 'Party', 'Bank', 'Alliance'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Number of aliases the dataset lists (before the matcher folds duplicates). */
export function countAliases(d: Dataset): number {
  return d.entities.reduce((n, e) => n + e.aliases.length, 0);
}

export function syntheticDataset(base: Dataset, aliases: number, seed = 7): Dataset {
  const rand = rng(seed);
  const pick = <T>(arr: readonly T[]): T => arr[Math.floor(rand() * arr.length)] as T;
  const taken = new Set<string>();
  for (const e of base.entities) for (const a of e.aliases) taken.add(foldName(a));
  const source = base.sources[0]!.id;

  /** A fresh made-up stem ("Kovalenski", "Brahomin") whose aliases are all still free. */
  const stem = (check: (s: string) => string[]): string => {
    for (;;) {
      const n = 2 + Math.floor(rand() * 2);
      let s = '';
      for (let i = 0; i < n; i++) s += pick(SYL);
      s = cap(s + pick(SUFFIX));
      const list = check(s);
      if (list.every((a) => !taken.has(foldName(a)))) return s;
    }
  };

  const entities: Entity[] = [];
  let count = countAliases(base);
  for (let i = 0; count < aliases; i++) {
    const r = rand();
    const kind: EntityKind = r < 0.6 ? 'person' : r < 0.8 ? 'organization' : r < 0.95 ? 'place' : 'group';
    let name: string;
    let list: string[];
    if (kind === 'person') {
      const first = pick(FIRST);
      const title = pick(TITLES);
      const make = (last: string) => [`${first} ${last}`, last, `${first[0]}. ${last}`, `${title} ${last}`];
      const last = stem(make);
      list = make(last);
      name = list[0]!;
    } else if (kind === 'organization') {
      const k = Math.floor(rand() * ORG.length);
      const make = (s: string) => [`${s}-${ORG[k]}`, `${ORG[k]} ${s}`, `${s} ${ORG_EN[k]}`];
      list = make(stem(make));
      name = list[0]!;
    } else if (kind === 'place') {
      const make = (s: string) => [s, `Region ${s}`, `${s}er Land`];
      list = make(stem(make));
      name = list[0]!;
    } else {
      const make = (s: string) => [`${s}-Brigade`, `Brigade ${s}`];
      list = make(stem(make));
      name = list[0]!;
    }
    list = list.slice(0, Math.max(1, aliases - count));
    for (const a of list) taken.add(foldName(a));
    count += list.length;
    entities.push({
      id: `syn-${i}`,
      kind,
      name: { de: name, en: name },
      aliases: list,
      ambiguous: [],
      description: { de: 'Erfunden für den Benchmark.', en: 'Made up for the benchmark.' },
      // Shorter than the quote index's minimum (30 characters): the source index stays the real one.
      evidence: [{ source, quote: list.reduce((a, b) => (b.length < a.length ? b : a)) }],
    });
  }
  return { ...base, name: `${base.name} + synthetic (${aliases} aliases)`, entities: [...base.entities, ...entities] };
}

/**
 * Synthetic story packs with realistic shapes, for the many-stories benchmark
 * (`npm run bench:packs`). Per story: ~50 entities (people, organizations,
 * places, groups) with names as multilingual news writes them — diacritics
 * (Łukasz Wójcik), transliterations (Schewtschenko / Shevchenko), titles and
 * inflected forms left to the matcher —, ~15 events, ~70 questions, ~150
 * claims from five sources. People are shared across stories (a pool with
 * Wikidata-style keys), so merging makes them one item, as with real packs.
 * Deterministic: same arguments, same packs. Every pack passes `validatePack`.
 */
import type { Aspect, Claim, CrosscheckEvent, Entity, Source } from '../../core/dataset/schema';
import type { Pack } from '../../core/pack/schema';

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const FIRST = [
  'Łukasz', 'Zoë', 'Jürgen', 'Olena', 'Tomasz', 'Søren', 'Inês', 'Dmytro', 'Chiara', 'François', 'Ayşe', 'Miroslav',
  'Agnieszka', 'Björn', 'Anaïs', 'Oleksandr', 'Małgorzata', 'José', 'Noémie', 'Jiří', 'Grzegorz', 'Eléonore', 'Tõnis',
  'Radosław', 'Zsófia', 'Ştefan', 'Hélène', 'Vuk', 'Mihály', 'Ľubomír',
]; // prettier-ignore
const SYL = ['ko', 'va', 'len', 'bar', 'mir', 'sto', 'dan', 'wel', 'ri', 'ta', 'nes', 'gor', 'lu', 'min', 'sel', 'bra'];
/** A surname root and its German and English transliterations. */
const TRANSLIT: [string, string][] = [
  ['schtsch', 'shch'], ['tsch', 'ch'], ['sch', 'sh'], ['ij', 'iy'], ['ow', 'ov'], ['j', 'y'], ['w', 'v'],
]; // prettier-ignore
const SUFFIX = ['enko', 'ow', 'ski', 'itsch', 'ová', 'escu', 'ić', 'ajew', 'owitsch', 'ęk'];
const TITLES_DE = ['Ministerin', 'Senator', 'General', 'Botschafterin', 'Bürgermeister', 'Kommissarin', 'Admiral'];
const ORG_DE = ['Stiftung', 'Institut', 'Verband', 'Partei', 'Bank', 'Allianz', 'Agentur'];
const ORG_EN = ['Foundation', 'Institute', 'Association', 'Party', 'Bank', 'Alliance', 'Agency'];
const EVENT_DE = ['Gipfel', 'Konferenz', 'Abkommen', 'Wahl', 'Anschlag', 'Streik', 'Verhandlungen', 'Prozess'];
const EVENT_EN = ['summit', 'conference', 'agreement', 'election', 'attack', 'strike', 'talks', 'trial'];

function root(r: Rand, syllables: number): string {
  let s = '';
  for (let i = 0; i < syllables; i++) s += pick(r, SYL);
  return s;
}

/** German spelling → the English transliteration news uses (Schewtschenko → Shevchenko). */
export function transliterate(de: string): string {
  let en = de;
  for (const [a, b] of TRANSLIT) en = en.replaceAll(a, b);
  return en;
}

/** A made-up word unique to `n` (base-16 syllables), so names of different stories never collide by chance. */
function uniqueWord(n: number): string {
  let s = '';
  let x = n + 1;
  while (x > 0) {
    s += SYL[x % 16];
    x = Math.floor(x / 16);
  }
  return s;
}

export interface SharedPerson {
  key: string;
  first: string;
  lastDe: string;
  lastEn: string;
}

/** The pool of people who appear in several stories (with keys). */
export function sharedPeople(count: number, seed = 7): SharedPerson[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const lastDe = cap(`${uniqueWord(1_000_000 + i)}${pick(r, ['sch', 'tsch', 'w', 'j'])}${pick(r, SUFFIX)}`);
    return {
      key: `Q${900_000_000 + i}`,
      first: pick(r, FIRST),
      lastDe,
      lastEn: cap(transliterate(lastDe.toLowerCase())),
    };
  });
}

export interface SyntheticOptions {
  entities?: number;
  events?: number;
  aspects?: number;
  claims?: number;
  sources?: number;
  /** How many of a story's people come from the shared pool. */
  sharedPerStory?: number;
}

export function syntheticPack(story: number, pool: readonly SharedPerson[], o: SyntheticOptions = {}): Pack {
  const nEntities = o.entities ?? 50;
  const nEvents = o.events ?? 15;
  const nAspects = o.aspects ?? 70;
  const nClaims = o.claims ?? 150;
  const nSources = o.sources ?? 5;
  const nShared = Math.min(o.sharedPerStory ?? 8, pool.length);
  const r = rng(story * 2654435761);
  const tag = uniqueWord(story); // every story's own names and phrases carry it
  const id = `story-${story}`;
  const L = (de: string, en: string) => ({ de, en });

  const sources: Source[] = Array.from({ length: nSources }, (_, i) => ({
    id: `s${i + 1}`,
    file: `story-${story}-report-${i + 1}.txt`,
    title: `Bericht ${i + 1} über ${cap(tag)}`,
    titleSupplied: false,
    publisher: i % 2 ? `${cap(tag)} Kurier` : null,
    language: i % 3 === 2 ? 'en' : 'de',
    published: { value: `2026-${String(1 + (story % 12)).padStart(2, '0')}-1${i}`, precision: 'day' },
  }));
  const q = (s: number, quote: string) => ({ source: sources[s % nSources]!.id, quote });

  const entities: Entity[] = [];
  const start = Math.floor(r() * pool.length);
  for (let i = 0; i < nShared; i++) {
    const p = pool[(start + i * 37) % pool.length]!;
    const aliases = [`${p.first} ${p.lastDe}`, p.lastDe];
    if (p.lastEn !== p.lastDe) aliases.push(`${p.first} ${p.lastEn}`, p.lastEn);
    entities.push({
      id: `shared-${p.key.toLowerCase()}`,
      kind: 'person',
      key: p.key,
      name: L(`${p.first} ${p.lastDe}`, `${p.first} ${p.lastEn}`),
      aliases,
      ambiguous: [],
      description: L('Politiker', 'Politician'),
      evidence: [q(i, `${p.first} ${p.lastDe} äußerte sich.`)],
    });
  }
  for (let i = entities.length; i < nEntities; i++) {
    const word = cap(`${tag}${root(r, 1)}${i}`.replace(/\d+/g, (d) => uniqueWord(Number(d))));
    const kind = (['person', 'person', 'organization', 'place', 'group'] as const)[i % 5]!;
    let e: Entity;
    if (kind === 'person') {
      const first = pick(r, FIRST);
      const lastDe = `${word}${pick(r, ['sch', 'tsch', 'w'])}${pick(r, SUFFIX)}`;
      const lastEn = cap(transliterate(lastDe.toLowerCase()));
      const aliases = [`${first} ${lastDe}`, lastDe, `${pick(r, TITLES_DE)} ${lastDe}`];
      if (lastEn !== lastDe) aliases.push(`${first} ${lastEn}`, lastEn);
      e = {
        id: `p${i}`,
        kind,
        name: L(`${first} ${lastDe}`, `${first} ${lastEn}`),
        aliases,
        ambiguous: i % 7 === 0 ? [lastDe] : [],
        description: L('Beteiligte Person', 'Person involved'),
        evidence: [q(i, `${first} ${lastDe} sagte am Dienstag, es gebe keine Einigung.`)],
      };
    } else if (kind === 'organization') {
      const k = i % ORG_DE.length;
      e = {
        id: `o${i}`,
        kind,
        name: L(`${word}-${ORG_DE[k]}`, `${word} ${ORG_EN[k]}`),
        aliases: [`${word}-${ORG_DE[k]}`, `${word} ${ORG_EN[k]}`, `${word.slice(0, 3).toUpperCase()}${i}`],
        ambiguous: [],
        description: L('Organisation', 'Organization'),
        evidence: [q(i, `Die ${word}-${ORG_DE[k]} teilte mit, sie prüfe den Vorgang.`)],
      };
    } else if (kind === 'place') {
      const de = `${word}${pick(r, ['au', 'stadt', 'ice', 'owo', 'ije'])}`;
      e = {
        id: `l${i}`,
        kind,
        name: L(de, transliterate(de)),
        aliases: transliterate(de) === de ? [de] : [de, cap(transliterate(de.toLowerCase()))],
        ambiguous: [],
        description: L('Ort', 'Place'),
        evidence: [q(i, `In ${de} blieb es ruhig.`)],
      };
    } else {
      e = {
        id: `g${i}`,
        kind,
        name: L(`Gruppe ${word}`, `${word} group`),
        aliases: [`Gruppe ${word}`, `${word} group`],
        ambiguous: [],
        description: L('Gruppe', 'Group'),
        evidence: [q(i, `Die Gruppe ${word} meldete sich zu Wort.`)],
      };
    }
    entities.push(e);
  }
  const places = entities.filter((e) => e.kind === 'place');
  const people = entities.filter((e) => e.kind === 'person');

  const events: CrosscheckEvent[] = Array.from({ length: nEvents }, (_, i) => {
    const k = i % EVENT_DE.length;
    const word = cap(`${tag}${uniqueWord(i)}`);
    return {
      id: `e${i}`,
      title: L(`${EVENT_DE[k]} von ${word}`, `${word} ${EVENT_EN[k]}`),
      date: { value: `2026-${String(1 + (i % 12)).padStart(2, '0')}`, precision: 'month' },
      status: 'happened',
      place: places.length ? places[i % places.length]!.id : null,
      participants: [people[i % people.length]!.id, people[(i + 3) % people.length]!.id],
      summary: L('Ein Ereignis der Geschichte.', 'An event of the story.'),
      triggers: { de: [`${EVENT_DE[k]} von ${word}`, `${word}-${EVENT_DE[k]}`], en: [`${word} ${EVENT_EN[k]}`] },
      cues: { de: [`${word}er Runde`], en: [`${word} round`] },
      before: i > 0 ? [`e${i - 1}`] : [],
      after: [],
      evidence: [q(i, `Der ${EVENT_DE[k]} von ${word} begann am Morgen.`)],
    };
  });

  const subjects = [...entities.map((e) => e.id), ...events.map((e) => e.id)];
  const aspects: Aspect[] = Array.from({ length: nAspects }, (_, i) => {
    const word = `${tag}${uniqueWord(500 + i)}`;
    return {
      id: `a${i}`,
      subject: subjects[(i * 7) % subjects.length]!,
      label: L(`Frage ${i} zu ${cap(word)}?`, `Question ${i} on ${cap(word)}?`),
      values: [
        { value: 'yes', label: L('ja', 'yes'), signals: { de: [`${word} bestätigt`], en: [`${word} confirmed`] } },
        { value: 'no', label: L('nein', 'no'), signals: { de: [`${word} dementiert`], en: [`${word} denied`] } },
        { value: 'open', label: L('offen', 'open') },
      ],
      cues: { de: [`${word}frage`], en: [`${word} question`] },
    };
  });

  const claims: Claim[] = [];
  for (let i = 0; claims.length < nClaims; i++) {
    const a = aspects[i % nAspects]!;
    const s = sources[Math.floor(i / nAspects + i) % nSources]!;
    if (claims.some((c) => c.aspect === a.id && c.source === s.id)) continue;
    claims.push({
      id: `c${claims.length}`,
      source: s.id,
      subject: a.subject,
      aspect: a.id,
      value: r() < 0.7 ? 'yes' : 'no',
      summary: L('Eine Aussage der Quelle.', 'A claim of the source.'),
      quote: `Laut Bericht ${s.id} ist die ${a.id} so entschieden.`,
    });
  }

  return {
    pack: {
      id,
      title: L(`Geschichte ${cap(tag)}`, `Story ${cap(tag)}`),
      revision: 1,
      schemaVersion: 2,
      languages: ['de', 'en'],
      created: '2026-12-01',
      license: 'CC0-1.0',
      attribution: 'Crosscheck benchmark generator',
      homepage: null,
    },
    version: 1,
    name: `Story ${story}`,
    sources,
    entities,
    events,
    aspects,
    claims,
  };
}

/** `count` stories sharing a pool of people (about one shared person per five stories, at least 20). */
export function syntheticPacks(count: number, o: SyntheticOptions = {}): Pack[] {
  const pool = sharedPeople(Math.max(20, Math.ceil(count / 5)));
  return Array.from({ length: count }, (_, i) => syntheticPack(i, pool, o));
}

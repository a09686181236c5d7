/**
 * `pack new`: a skeleton pack from report files. One source per report
 * (title from its first line, language detected, a date found in the text),
 * and candidate people, organizations and places from capitalized name
 * sequences; a candidate that an entity of a known pack (the bundled one,
 * `--with` packs) names is that entity, with its key, names and aliases.
 * Everything the tool cannot know is marked TODO for the author (`check`
 * lists what is left).
 */
import path from 'node:path';
import { foldName } from '../../../core/dataset/fold';
import type { Entity, EntityKind, Lang, Source } from '../../../core/dataset/schema';
import { PACK_SCHEMA_VERSION, PackIdSchema } from '../../../core/pack/manifest';
import type { Pack } from '../../../core/pack/schema';
import * as v from 'valibot';
import { UsageError } from './io';
import { detectLanguage, findDate, nameCandidates, sentenceAround, type NameCandidate } from './text';
import { mergePacks } from '../../../core/pack/merge';
import { compileMatcher } from '../../../core/recognize/matcher';

export const TODO = 'TODO';

export interface Report {
  file: string;
  text: string;
}

const ORG_WORDS =
  /\b(ministerium|regierung|rat|institut|agentur|partei|union|organisation|zeitung|news|times|post|ministry|government|council|agency|party|company|committee|komitee|ausschuss|gmbh|ag|inc|ltd|bank|verband|bund)\b/i;
const PLACE_BEFORE = /\b(in|nach|aus|im|from|to|near|bei)\s+$/i;

function guessKind(c: NameCandidate, text: string): EntityKind {
  if (ORG_WORDS.test(c.text)) return 'organization';
  const at = text.indexOf(c.text);
  if (at > 0 && PLACE_BEFORE.test(text.slice(Math.max(0, at - 8), at))) return 'place';
  return 'person';
}

function slug(s: string): string {
  return (
    foldName(s)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'item'
  );
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  const t = line.trim();
  return t.length > 200 ? `${t.slice(0, 200).replace(/\s+\S*$/, '')} …` : t;
}

export interface NewOptions {
  id: string;
  title: string;
  reports: Report[];
  known: readonly Pack[];
  today: string;
}

export function newPack(o: NewOptions): Pack {
  const idCheck = v.safeParse(PackIdSchema, o.id);
  if (!idCheck.success) throw new UsageError(`--id ${o.id}: ${idCheck.issues[0].message}`);
  if (o.reports.length === 0) throw new UsageError('give at least one report file');

  // Known entities: the known packs' own matcher finds them (inflection, case rules, multi-word aliases).
  const merged = mergePacks(o.known);
  const matcher = compileMatcher(merged.dataset);
  const ownEntity = (mergedId: string): Entity | undefined => {
    const origin = merged.origins.get(mergedId)?.[0];
    const pack = o.known.find((p) => p.pack.id === origin?.pack);
    return pack?.entities.find((e) => e.id === origin?.id);
  };
  const byAlias = new Map<string, Entity>();
  for (const p of o.known)
    for (const e of p.entities) {
      const ambiguous = new Set(e.ambiguous.map(foldName));
      for (const a of e.aliases) {
        const f = foldName(a);
        if (!ambiguous.has(f) && !byAlias.has(f)) byAlias.set(f, e);
      }
    }

  const sources: Source[] = o.reports.map((r, i) => {
    const language: Lang = detectLanguage(r.text) ?? 'de';
    return {
      id: `s${i + 1}`,
      file: path.basename(r.file),
      title: firstLine(r.text) || TODO,
      titleSupplied: false,
      publisher: null,
      language,
      published: findDate(r.text),
    };
  });

  const entities = new Map<string, Entity>();
  const usedIds = new Set<string>();
  const note = (source: string, found: NameCandidate, known: Entity | undefined, text: string) => {
    const mapKey = known ? `known:${known.key ?? known.id}` : `new:${foldName(found.text)}`;
    const prior = entities.get(mapKey);
    if (prior) {
      if (!prior.evidence.some((q) => q.source === source)) prior.evidence.push({ source, quote: found.sentence });
      if (!prior.aliases.some((a) => foldName(a) === foldName(found.text))) prior.aliases.push(found.text);
      return;
    }
    let id = slug(known ? known.id : found.text);
    while (usedIds.has(id)) id = `${id}-2`;
    usedIds.add(id);
    entities.set(
      mapKey,
      known
        ? {
            id,
            kind: known.kind,
            ...(known.key ? { key: known.key } : {}),
            name: known.name,
            aliases: [...known.aliases],
            ambiguous: [...known.ambiguous],
            description: known.description,
            evidence: [{ source, quote: found.sentence }],
          }
        : {
            id,
            kind: guessKind(found, text),
            name: { de: found.text, en: found.text },
            aliases: [found.text],
            ambiguous: [],
            description: { de: TODO, en: `${TODO}: check the kind, add a key (Wikidata id), describe` },
            evidence: [{ source, quote: found.sentence }],
          },
    );
  };
  o.reports.forEach((r, i) => {
    const source = `s${i + 1}`;
    const hits = matcher.findHits(r.text).filter((h) => h.kind === 'alias' && !h.ambiguous);
    for (const h of hits) {
      const known = ownEntity(h.id);
      if (known) note(source, { text: h.text, count: 1, sentence: sentenceAround(r.text, h.start) }, known, r.text);
    }
    const taken = (start: number, end: number) => hits.some((h) => h.start < end && start < h.end);
    for (const c of nameCandidates(r.text, (f) => byAlias.has(f), taken))
      note(source, c, byAlias.get(foldName(c.text)), r.text);
  });

  const languages = [...new Set(sources.map((s) => s.language))];
  return {
    pack: {
      id: o.id,
      title: { de: o.title, en: o.title },
      revision: 1,
      schemaVersion: PACK_SCHEMA_VERSION,
      languages,
      created: o.today,
      license: TODO,
      attribution: TODO,
      homepage: null,
    },
    version: 1,
    name: o.title,
    sources,
    entities: [...entities.values()],
    events: [],
    aspects: [],
    claims: [],
  };
}

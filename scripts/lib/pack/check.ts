/**
 * `pack check`: validation plus a coverage report for the author.
 *
 * - claims per source (a source without claims is listed);
 * - questions (aspects) answered by one source only, and ones with no claim;
 * - entities never quoted: no claim is about them and no claim quote names them;
 * - aliases that collide with another pack's entity (a different item, not the same key);
 * - aliases that would highlight on many pages of a corpus of real pages
 *   (`../shared/corpus` by default): measured with the pack's own matcher;
 * - TODO placeholders left by `pack new`;
 * - the disagreements, computed from the claims (core/dataset/conflicts.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { computeStandings } from '../../../core/dataset/conflicts';
import { foldName } from '../../../core/dataset/fold';
import type { Pack } from '../../../core/pack/schema';
import { compileMatcher } from '../../../core/recognize/matcher';
import { decodeHtml, htmlToVisibleText } from '../visible-text';
import { TODO } from './new';

export interface CorpusText {
  name: string;
  text: string;
}

/** The visible text of every .html/.txt page under `dir` (recursively), at most `limit` pages. */
export function readCorpus(dir: string, limit = Infinity): CorpusText[] {
  const out: CorpusText[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (out.length >= limit) return;
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.html?$/i.test(name)) out.push({ name: p, text: htmlToVisibleText(decodeHtml(readFileSync(p))) });
      else if (/\.txt$/i.test(name)) out.push({ name: p, text: readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

export interface AliasUse {
  entity: string;
  alias: string;
  pages: number;
}

export interface CheckReport {
  claimsPerSource: { source: string; claims: number }[];
  oneSourceQuestions: { aspect: string; label: string; source: string }[];
  unansweredQuestions: string[];
  unquotedEntities: string[];
  collisions: { entity: string; alias: string; pack: string; other: string }[];
  /** Aliases found on at least `minPages` corpus pages, most pages first (null: no corpus). */
  commonAliases: { of: number; minPages: number; aliases: AliasUse[] } | null;
  todos: string[];
  disagreements: { aspect: string; label: string; positions: { value: string; sources: string[] }[] }[];
}

function findTodos(value: unknown, at: string, out: string[]): void {
  if (typeof value === 'string') {
    if (value.startsWith(TODO)) out.push(at);
  } else if (Array.isArray(value)) value.forEach((x, i) => findTodos(x, `${at}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, x] of Object.entries(value)) findTodos(x, `${at}.${k}`, out);
}

export function checkPack(p: Pack, others: readonly Pack[], corpus: CorpusText[] | null): CheckReport {
  const claimsPerSource = p.sources.map((s) => ({
    source: s.id,
    claims: p.claims.filter((c) => c.source === s.id).length,
  }));
  const oneSourceQuestions: CheckReport['oneSourceQuestions'] = [];
  const unansweredQuestions: string[] = [];
  for (const a of p.aspects) {
    const sources = new Set(p.claims.filter((c) => c.aspect === a.id).map((c) => c.source));
    if (sources.size === 0) unansweredQuestions.push(a.id);
    if (sources.size === 1) oneSourceQuestions.push({ aspect: a.id, label: a.label.en, source: [...sources][0]! });
  }
  const quotes = p.claims.map((c) => foldName(c.quote));
  const unquotedEntities = p.entities
    .filter(
      (e) =>
        !p.claims.some((c) => c.subject === e.id) &&
        !e.aliases.some((a) => quotes.some((q) => q.includes(foldName(a)))),
    )
    .map((e) => e.id);

  const collisions: CheckReport['collisions'] = [];
  for (const o of others) {
    if (o.pack.id === p.pack.id) continue;
    const owner = new Map<string, { id: string; key?: string | undefined }>();
    for (const e of o.entities) for (const a of e.aliases) owner.set(foldName(a), { id: e.id, key: e.key });
    for (const e of p.entities)
      for (const a of e.aliases) {
        const hit = owner.get(foldName(a));
        if (hit && !(e.key && e.key === hit.key))
          collisions.push({ entity: e.id, alias: a, pack: o.pack.id, other: hit.id });
      }
  }

  let commonAliases: CheckReport['commonAliases'] = null;
  if (corpus) {
    const matcher = compileMatcher(p);
    const pagesPer = new Map<string, AliasUse>();
    for (const page of corpus) {
      const seen = new Set<string>();
      for (const h of matcher.findHits(page.text)) {
        if (h.kind !== 'alias' || h.ambiguous) continue;
        const k = `${h.id}\u0000${h.phrase}`;
        if (seen.has(k)) continue;
        seen.add(k);
        const use = pagesPer.get(k) ?? { entity: h.id, alias: h.phrase, pages: 0 };
        use.pages++;
        pagesPer.set(k, use);
      }
    }
    const minPages = Math.max(3, Math.ceil(corpus.length / 100));
    commonAliases = {
      of: corpus.length,
      minPages,
      aliases: [...pagesPer.values()].filter((u) => u.pages >= minPages).sort((a, b) => b.pages - a.pages),
    };
  }

  const todos: string[] = [];
  findTodos(p, '$', todos);

  const labels = new Map(p.aspects.map((a) => [a.id, a.label.en]));
  const disagreements = computeStandings(p)
    .filter((s) => s.disputed)
    .map((s) => ({
      aspect: s.aspect,
      label: labels.get(s.aspect) ?? s.aspect,
      positions: s.positions.map((x) => ({ value: x.value, sources: x.sources })),
    }));
  return {
    claimsPerSource,
    oneSourceQuestions,
    unansweredQuestions,
    unquotedEntities,
    collisions,
    commonAliases,
    todos,
    disagreements,
  };
}

export function formatCheck(p: Pack, r: CheckReport): string {
  const lines: string[] = [];
  const c = p.claims.length;
  lines.push(
    `${p.pack.id} revision ${p.pack.revision}: valid. ${p.sources.length} sources, ${p.entities.length} entities, ${p.events.length} events, ${p.aspects.length} questions, ${c} claims.`,
  );
  lines.push('', 'Claims per source:');
  for (const s of r.claimsPerSource)
    lines.push(`  ${s.source}: ${s.claims}${s.claims === 0 ? '  ← no claim yet' : ''}`);
  lines.push('', `Questions answered by one source only (${r.oneSourceQuestions.length}):`);
  for (const q of r.oneSourceQuestions) lines.push(`  ${q.aspect} (${q.source}): ${q.label}`);
  if (r.unansweredQuestions.length)
    lines.push(
      '',
      `Questions without any claim (${r.unansweredQuestions.length}): ${r.unansweredQuestions.join(', ')}`,
    );
  lines.push('', `Entities never quoted in a claim (${r.unquotedEntities.length}):`);
  if (r.unquotedEntities.length) lines.push(`  ${r.unquotedEntities.join(', ')}`);
  lines.push('', `Aliases that another pack uses for another item (${r.collisions.length}):`);
  const groups = new Map<string, string[]>();
  for (const x of r.collisions) {
    const k = `${x.entity} ↔ ${x.pack}/${x.other}`;
    groups.set(k, [...(groups.get(k) ?? []), `"${x.alias}"`]);
  }
  for (const [k, aliases] of groups)
    lines.push(`  ${k}: ${aliases.join(', ')} (give both the same key, or drop these aliases)`);

  if (r.commonAliases) {
    const a = r.commonAliases;
    lines.push(
      '',
      `Aliases found on ${a.minPages}+ of ${a.of} corpus pages (mark them ambiguous if they are common words) (${a.aliases.length}):`,
    );
    for (const u of a.aliases) lines.push(`  ${u.entity} "${u.alias}": ${u.pages} pages`);
  } else lines.push('', 'Aliases on real pages: not measured (no corpus; pass --corpus DIR)');
  lines.push('', `TODO placeholders left (${r.todos.length}):`);
  for (const t of r.todos.slice(0, 30)) lines.push(`  ${t}`);
  if (r.todos.length > 30) lines.push(`  … and ${r.todos.length - 30} more`);
  lines.push('', `Disagreements, computed from the claims (${r.disagreements.length}):`);
  for (const d of r.disagreements)
    lines.push(`  ${d.aspect}: ${d.label}`, ...d.positions.map((x) => `    ${x.value}: ${x.sources.join(', ')}`));
  return `${lines.join('\n')}\n`;
}

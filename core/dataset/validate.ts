/**
 * The dataset's edge: unknown JSON in, a typed and cross-checked `Dataset` out,
 * or a list of errors that each name the path of the bad field and the rule it
 * breaks. Pure module.
 */
import * as v from 'valibot';
import { foldName } from './fold';
import { allPhrases, DatasetSchema, type Dataset } from './schema';

export interface DatasetError {
  /** JSON path of the offending field, e.g. `$.claims[3].source`. */
  path: string;
  /** The rule it breaks. */
  message: string;
}

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; errors: DatasetError[] };

export class DatasetValidationError extends Error {
  constructor(readonly errors: DatasetError[]) {
    super(
      `Invalid dataset (${errors.length} error${errors.length === 1 ? '' : 's'}):\n` +
        errors.map((e) => `  ${e.path}: ${e.message}`).join('\n'),
    );
    this.name = 'DatasetValidationError';
  }
}

function pathString(items: readonly { key: unknown }[]): string {
  let path = '$';
  for (const item of items) {
    path += typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`;
  }
  return path;
}

/**
 * Turns one valibot issue into a `DatasetError`. The schema's own messages are
 * kept; valibot's generic ones ("Invalid key: Expected …") are rephrased as the
 * rule they stand for. An array where an object belongs is reported once, at
 * the array's path, instead of as one missing key per field.
 */
function errorOf(issue: v.BaseIssue<unknown>): DatasetError {
  const items = issue.path ?? [];
  const last = items[items.length - 1];
  const generic = issue.message.startsWith('Invalid ');
  if (generic && (issue.type === 'strict_object' || issue.type === 'object')) {
    if (issue.received === 'undefined' && issue.expected?.startsWith('"')) {
      if (last && Array.isArray(last.input))
        return { path: pathString(items.slice(0, -1)), message: 'must be an object, not an array' };
      return { path: pathString(items), message: 'is required' };
    }
    if (issue.expected === 'never') return { path: pathString(items), message: 'is not an allowed field' };
    if (issue.kind === 'schema') return { path: pathString(items), message: 'must be an object' };
  }
  if (generic && issue.type === 'array') return { path: pathString(items), message: 'must be an array' };
  if (generic && issue.type === 'string') return { path: pathString(items), message: 'must be a string' };
  return { path: pathString(items), message: issue.message };
}

const isPlainObject = (x: unknown): boolean => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Validates shape first, then ids, references and cross-field rules. */
export function validateDataset(input: unknown): ValidationResult {
  if (!isPlainObject(input)) {
    return {
      ok: false,
      errors: [{ path: '$', message: Array.isArray(input) ? 'must be an object, not an array' : 'must be an object' }],
    };
  }
  const parsed = v.safeParse(DatasetSchema, input, { abortPipeEarly: true });
  if (!parsed.success) {
    const seen = new Set<string>();
    const errors: DatasetError[] = [];
    for (const issue of parsed.issues) {
      const e = errorOf(issue);
      const key = `${e.path}\u0000${e.message}`;
      if (!seen.has(key)) errors.push(e);
      seen.add(key);
    }
    return { ok: false, errors };
  }
  const data = parsed.output;
  const errors = checkReferences(data);
  return errors.length ? { ok: false, errors } : { ok: true, dataset: data };
}

/** Like `validateDataset`, but throws a `DatasetValidationError`. */
export function parseDataset(input: unknown): Dataset {
  const result = validateDataset(input);
  if (!result.ok) throw new DatasetValidationError(result.errors);
  return result.dataset;
}

function checkReferences(d: Dataset): DatasetError[] {
  const errors: DatasetError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });

  // Ids are unique across sources, entities, events, aspects and claims, so that
  // a subject id or a data-crosscheck-id never needs a kind to be read.
  const seen = new Map<string, string>();
  const collections = ['sources', 'entities', 'events', 'aspects', 'claims'] as const;
  for (const key of collections) {
    d[key].forEach((item, i) => {
      const here = `$.${key}[${i}].id`;
      const prior = seen.get(item.id);
      if (prior) err(here, `must be unique (already used at ${prior})`);
      else seen.set(item.id, here);
    });
  }

  const sources = new Set(d.sources.map((s) => s.id));
  const entities = new Map(d.entities.map((e) => [e.id, e]));
  const events = new Set(d.events.map((e) => e.id));
  const aspects = new Map(d.aspects.map((a) => [a.id, a]));
  const subjectExists = (id: string) => entities.has(id) || events.has(id);

  const files = new Map<string, number>();
  d.sources.forEach((s, i) => {
    const prior = files.get(s.file);
    if (prior !== undefined) err(`$.sources[${i}].file`, `must be unique (same as $.sources[${prior}].file)`);
    else files.set(s.file, i);
  });

  const checkQuotes = (base: string, quotes: { source: string }[]) =>
    quotes.forEach((q, j) => {
      if (!sources.has(q.source)) err(`${base}.evidence[${j}].source`, `must name a source id (unknown "${q.source}")`);
    });

  // An alias names one entity only (compared case- and diacritic-folded, as the
  // matcher compares them); the same alias twice within one entity is harmless.
  const aliasOwner = new Map<string, { entity: number; path: string }>();
  d.entities.forEach((e, i) => {
    const base = `$.entities[${i}]`;
    e.aliases.forEach((a, j) => {
      const key = foldName(a);
      const prior = aliasOwner.get(key);
      if (prior && prior.entity !== i)
        err(`${base}.aliases[${j}]`, `must not be an alias of another entity ("${a}" is also at ${prior.path})`);
      else if (!prior) aliasOwner.set(key, { entity: i, path: `${base}.aliases[${j}]` });
    });
    const aliases = new Set(e.aliases.map(foldName));
    e.ambiguous.forEach((a, j) => {
      if (!aliases.has(foldName(a)))
        err(`${base}.ambiguous[${j}]`, `must be one of the entity's aliases ("${a}" is not)`);
    });
    checkQuotes(base, e.evidence);
  });

  d.events.forEach((e, i) => {
    const base = `$.events[${i}]`;
    if (e.place !== null) {
      const place = entities.get(e.place);
      if (!place) err(`${base}.place`, `must name an entity id (unknown "${e.place}")`);
      else if (place.kind !== 'place')
        err(`${base}.place`, `must name an entity of kind place ("${e.place}" is a ${place.kind})`);
    }
    e.participants.forEach((p, j) => {
      if (!entities.has(p)) err(`${base}.participants[${j}]`, `must name an entity id (unknown "${p}")`);
    });
    for (const rel of ['before', 'after'] as const) {
      e[rel].forEach((r, j) => {
        if (!events.has(r)) err(`${base}.${rel}[${j}]`, `must name an event id (unknown "${r}")`);
        else if (r === e.id) err(`${base}.${rel}[${j}]`, 'must not name the event itself');
      });
    }
    if (allPhrases(e.triggers).length === 0) err(`${base}.triggers`, 'must list at least one trigger phrase');
    checkQuotes(base, e.evidence);
  });

  d.aspects.forEach((a, i) => {
    const base = `$.aspects[${i}]`;
    if (!subjectExists(a.subject)) err(`${base}.subject`, `must name an entity or event id (unknown "${a.subject}")`);
    a.actors?.entities.forEach((id, j) => {
      if (!entities.has(id)) err(`${base}.actors.entities[${j}]`, `must name an entity id (unknown "${id}")`);
    });
    const values = new Set<string>();
    a.values.forEach((val, j) => {
      if (values.has(val.value))
        err(`${base}.values[${j}].value`, `must be unique within the aspect ("${val.value}" repeats)`);
      values.add(val.value);
    });
  });

  d.claims.forEach((c, i) => {
    const base = `$.claims[${i}]`;
    if (!sources.has(c.source)) err(`${base}.source`, `must name a source id (unknown "${c.source}")`);
    if (!subjectExists(c.subject)) err(`${base}.subject`, `must name an entity or event id (unknown "${c.subject}")`);
    const aspect = aspects.get(c.aspect);
    if (!aspect) {
      err(`${base}.aspect`, `must name an aspect id (unknown "${c.aspect}")`);
      return;
    }
    if (aspect.subject !== c.subject)
      err(`${base}.subject`, `must equal the subject of aspect "${aspect.id}" ("${aspect.subject}")`);
    if (!aspect.values.some((val) => val.value === c.value)) {
      err(
        `${base}.value`,
        `must be one of the values of aspect "${aspect.id}" (${aspect.values.map((x) => x.value).join(', ')})`,
      );
    }
  });

  return errors;
}

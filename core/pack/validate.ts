/**
 * The pack's edge: unknown JSON in, a migrated, typed and cross-checked
 * `Pack` out, or errors that each name the JSON path and the rule
 * (`$.pack.revision: must be an integer`). Pure module.
 *
 * Order: the format version is read and older files are migrated
 * (migrate.ts); then the manifest (manifest.ts) and the dataset
 * (core/dataset/validate.ts, unchanged) are validated; then the pack rules:
 * - every source's language is one of the manifest's `languages`;
 * - an entity `key` is used by one entity of the pack only;
 * - against the installed packs (other ids): the same key names the same
 *   kind of thing ("Q22686" is a person in every pack), since the merged
 *   dictionary makes the entities of one key one item (merge.ts).
 * Whether an import with an installed pack's id is an update is the store's
 * rule (revision), not validation's: see `decideImport`.
 */
import * as v from 'valibot';
import type { EntityKind, Localized } from '../dataset/schema';
import { validateDataset, type DatasetError } from '../dataset/validate';
import { PackManifestSchema, type PackManifest } from './manifest';
import { migratePack } from './migrate';
import type { Pack } from './schema';

/** What validation needs to know of an installed pack. */
export interface InstalledPackInfo {
  id: string;
  title: Localized;
  revision: number;
  /** Entity key → kind of the entity with that key. */
  keys: Record<string, EntityKind>;
}

/**
 * Installed packs indexed by id and by entity key, so that validating the
 * packs of a large file (1,000 stories, each judged against all the others)
 * does not go through every installed pack for every key.
 */
export class InstalledIndex {
  private byId = new Map<string, InstalledPackInfo>();
  /** Key → pack id → kind of that pack's entity with the key (packs in list order). */
  private byKey = new Map<string, Map<string, EntityKind>>();

  constructor(list: Iterable<InstalledPackInfo> = []) {
    for (const info of list) this.set(info);
  }

  /** Adds a pack, or replaces the one with its id (which then goes last, as a new import does). */
  set(info: InstalledPackInfo): void {
    this.delete(info.id);
    this.byId.set(info.id, info);
    for (const [key, kind] of Object.entries(info.keys)) {
      let packs = this.byKey.get(key);
      if (!packs) this.byKey.set(key, (packs = new Map()));
      packs.set(info.id, kind);
    }
  }

  delete(id: string): void {
    const old = this.byId.get(id);
    if (!old) return;
    this.byId.delete(id);
    for (const key of Object.keys(old.keys)) this.byKey.get(key)?.delete(id);
  }

  get(id: string): InstalledPackInfo | undefined {
    return this.byId.get(id);
  }

  /** The installed packs with an entity of this key: pack id → its kind. */
  kindsOf(key: string): ReadonlyMap<string, EntityKind> | undefined {
    return this.byKey.get(key);
  }
}

const indexOf = (installed: readonly InstalledPackInfo[] | InstalledIndex | undefined): InstalledIndex =>
  installed instanceof InstalledIndex ? installed : new InstalledIndex(installed ?? []);

export type PackValidation = { ok: true; pack: Pack; migratedFrom: number } | { ok: false; errors: DatasetError[] };

export interface ValidatePackOptions {
  installed?: readonly InstalledPackInfo[] | InstalledIndex;
  /** YYYY-MM-DD, for the manifest a version-1 file gets. Default: today (UTC). */
  today?: string;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function issuePath(items: readonly { key: unknown }[]): string {
  let path = '$.pack';
  for (const item of items) path += typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`;
  return path;
}

function manifestErrors(manifest: unknown): DatasetError[] | PackManifest {
  const parsed = v.safeParse(PackManifestSchema, manifest, { abortPipeEarly: true });
  if (parsed.success) return parsed.output;
  return parsed.issues.map((issue) => {
    const path = issuePath(issue.path ?? []);
    if (issue.message.startsWith('Invalid ')) {
      if (issue.expected === 'never') return { path, message: 'is not an allowed field' };
      if (issue.received === 'undefined') return { path, message: 'is required' };
      if (issue.type === 'strict_object') return { path, message: 'must be an object' };
    }
    return { path, message: issue.message };
  });
}

/** Keys of a pack's entities: key → kind. */
export function packKeys(p: Pack): Record<string, EntityKind> {
  const keys: Record<string, EntityKind> = {};
  for (const e of p.entities) if (e.key) keys[e.key] = e.kind;
  return keys;
}

export function installedInfo(p: Pack): InstalledPackInfo {
  return { id: p.pack.id, title: p.pack.title, revision: p.pack.revision, keys: packKeys(p) };
}

export function validatePack(input: unknown, options: ValidatePackOptions = {}): PackValidation {
  if (!isRecord(input))
    return {
      ok: false,
      errors: [{ path: '$', message: Array.isArray(input) ? 'must be an object, not an array' : 'must be an object' }],
    };
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const migrated = migratePack(input, { today });
  if (!migrated.ok) return { ok: false, errors: [{ path: migrated.path, message: migrated.message }] };
  const { pack: manifestInput, ...datasetInput } = migrated.value;

  const manifest = manifestErrors(manifestInput);
  const dataset = validateDataset(datasetInput);
  const errors: DatasetError[] = [];
  if (Array.isArray(manifest)) errors.push(...manifest);
  if (!dataset.ok) errors.push(...dataset.errors);
  if (Array.isArray(manifest) || !dataset.ok) return { ok: false, errors };

  const pack: Pack = { pack: manifest, ...dataset.dataset };
  errors.push(...packRules(pack, indexOf(options.installed)));
  return errors.length ? { ok: false, errors } : { ok: true, pack, migratedFrom: migrated.from };
}

function packRules(p: Pack, installed: InstalledIndex): DatasetError[] {
  const errors: DatasetError[] = [];
  p.sources.forEach((s, i) => {
    if (!p.pack.languages.includes(s.language))
      errors.push({
        path: `$.sources[${i}].language`,
        message: `must be one of the pack's languages ($.pack.languages: ${p.pack.languages.join(', ')})`,
      });
  });
  const keyAt = new Map<string, number>();
  p.entities.forEach((e, i) => {
    if (!e.key) return;
    const prior = keyAt.get(e.key);
    if (prior !== undefined) {
      errors.push({ path: `$.entities[${i}].key`, message: `must be unique (same as $.entities[${prior}].key)` });
      return;
    }
    keyAt.set(e.key, i);
    for (const [other, kind] of installed.kindsOf(e.key) ?? []) {
      if (other === p.pack.id || kind === e.kind) continue;
      errors.push({
        path: `$.entities[${i}].key`,
        message: `must name the same kind of thing as in the installed pack "${other}" (${e.key} is a ${kind} there, not a ${e.kind})`,
      });
    }
  });
  return errors;
}

export type ImportDecision =
  { kind: 'install' } | { kind: 'update'; from: number } | { kind: 'refuse'; message: string };

/**
 * Same id and a higher revision is an update (also of the bundled pack: the
 * imported revision then stands in for it until removed); the same or a
 * lower one is refused.
 */
export function decideImport(p: Pack, installed: readonly InstalledPackInfo[] | InstalledIndex): ImportDecision {
  const prior =
    installed instanceof InstalledIndex ? installed.get(p.pack.id) : installed.find((i) => i.id === p.pack.id);
  if (!prior) return { kind: 'install' };
  if (p.pack.revision > prior.revision) return { kind: 'update', from: prior.revision };
  const rule = `$.pack.revision must be higher than ${prior.revision} to update it`;
  return {
    kind: 'refuse',
    message:
      p.pack.revision === prior.revision
        ? `revision ${p.pack.revision} of "${p.pack.id}" is already installed (${rule})`
        : `revision ${p.pack.revision} of "${p.pack.id}" is older than the installed revision ${prior.revision} (${rule})`,
  };
}

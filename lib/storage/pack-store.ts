/**
 * Installed packs, in IndexedDB (through `idb`): large packs do not belong in
 * `storage.sync` or `storage.local`. Typed and versioned (`DB_VERSION`, with
 * an upgrade step per version).
 *
 * Three object stores:
 * - `packs`: every imported pack, validated, in its migrated form
 *   (`StoredPack`), keyed by pack id;
 * - `summaries` (since version 2): per imported pack what the list shows and
 *   what an import is judged against (`StoredSummary`: manifest, counts,
 *   entity keys, size), written in the same transaction as the pack, so that
 *   listing and importing never read whole packs (at 1,000 stories the packs
 *   are ~90 MB); the upgrade from version 1 writes it for every stored pack;
 * - `enabled`: pack id → on/off, for imported AND bundled packs (default on);
 * - `compiled` (since version 2): the background's last compile in the form
 *   it restores from after a stopped service worker (core/pack/recognizer.ts
 *   `PacksSnapshot`), under the key of what it was compiled from
 *   (`enabledKey`): one record, overwritten by the next compile.
 *
 * The bundled packs come with the extension and are never stored; an imported
 * pack with a bundled pack's id and a higher revision stands in for it until
 * it is removed (or the extension ships a higher revision).
 *
 * Import is all or nothing: the file is read (json, zip), every pack in it is
 * validated and migrated against the installed ones, and only then are they
 * written, in ONE readwrite transaction that re-checks the revisions it
 * decided on; any failure (invalid field, same or lower revision, quota)
 * aborts it, so every installed pack stays as it was. A full disk is a
 * message, not a silent loss.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DatasetError } from '../../core/dataset/validate';
import { readPackFile } from '../../core/pack/file';
import { packCounts, type Pack, type PackCounts } from '../../core/pack/schema';
import type { PacksSnapshot } from '../../core/pack/recognizer';
import type { PackSummary } from '../../core/pack/summary';
import {
  decideImport,
  InstalledIndex,
  installedInfo,
  validatePack,
  type InstalledPackInfo,
} from '../../core/pack/validate';
import type { Localized } from '../../core/dataset/schema';
import { timingSpan } from '../timing';

export const DB_NAME = 'crosscheck-packs';
export const DB_VERSION = 2;

export interface StoredPack {
  id: string;
  pack: Pack;
  /** When it was imported (ms since epoch). */
  installedAt: number;
  /** Size of the pack as imported: its file's JSON (UTF-8 bytes), else the pack's JSON. */
  bytes: number;
}

/** What the list shows of a pack, and what an import is checked against: the pack without its data. */
export interface StoredSummary extends InstalledPackInfo {
  attribution: string;
  license: string;
  homepage: string | null;
  languages: string[];
  counts: PackCounts;
  bytes: number;
  installedAt: number;
}

export interface PackDB extends DBSchema {
  packs: { key: string; value: StoredPack };
  summaries: { key: string; value: StoredSummary };
  enabled: { key: string; value: boolean };
  compiled: { key: string; value: { key: string; saved: SavedCompile } };
}

/** What the background saves of a compile for a restart: steps 1–2 of the recognizer and the marks' two flags. */
export interface SavedCompile {
  packs: PacksSnapshot;
  /** Entity and event ids the sources disagree about, and those with something to tell. */
  disputed: Set<string>;
  telling: Set<string>;
}

/** The one record of the `compiled` store. */
const COMPILED = 'current';

function summaryOf(pack: Pack, bytes: number, installedAt: number): StoredSummary {
  const m = pack.pack;
  return {
    ...installedInfo(pack),
    attribution: m.attribution,
    license: m.license,
    homepage: m.homepage,
    languages: [...m.languages],
    counts: packCounts(pack),
    bytes,
    installedAt,
  };
}

export type { PackSummary };

export type ImportOutcome =
  | { ok: true; installed: { id: string; title: Localized; revision: number; updatedFrom: number | null }[] }
  | { ok: false; error: string; errors?: DatasetError[] };

export class PackStoreError extends Error {
  override name = 'PackStoreError';
}

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

export const QUOTA_MESSAGE =
  'there is not enough storage space for this pack; remove packs you no longer need, or free disk space, and import it again (nothing was changed)';

export interface PackStoreOptions {
  /** The packs that come with the extension, in order. */
  bundled: readonly Pack[];
  /** IndexedDB database name (tests use their own). */
  name?: string;
  /** Called after every change (import, on/off, remove), e.g. to tell other contexts. */
  onChange?: () => void;
  /** YYYY-MM-DD for migrated version-1 files; default today. */
  today?: () => string;
}

export class PackStore {
  /** Summaries of the bundled packs (made on first use). */
  private bundledSummaries: StoredSummary[] | null = null;

  private constructor(
    private readonly db: IDBPDatabase<PackDB>,
    private readonly options: PackStoreOptions,
  ) {}

  static async open(options: PackStoreOptions): Promise<PackStore> {
    const db = await openDB<PackDB>(options.name ?? DB_NAME, DB_VERSION, {
      upgrade(database, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) {
          database.createObjectStore('packs', { keyPath: 'id' });
          database.createObjectStore('enabled');
        }
        if (oldVersion < 2) {
          // 1 → 2: a summary per stored pack, read once here (in the upgrade's own transaction).
          database.createObjectStore('compiled');
          const summaries = database.createObjectStore('summaries', { keyPath: 'id' });
          if (oldVersion >= 1)
            void (async () => {
              for (let c = await tx.objectStore('packs').openCursor(); c; c = await c.continue())
                await summaries.put(summaryOf(c.value.pack, c.value.bytes, c.value.installedAt));
            })();
        }
      },
    });
    return new PackStore(db, options);
  }

  close(): void {
    this.db.close();
  }

  /** Bundled packs (or their imported updates) first, then imported packs by import time. */
  private async effective(): Promise<{ pack: Pack; stored: StoredPack | null; bundled: boolean }[]> {
    const stored = await this.db.getAll('packs');
    const byId = new Map(stored.map((s) => [s.id, s]));
    const out: { pack: Pack; stored: StoredPack | null; bundled: boolean }[] = [];
    for (const b of this.options.bundled) {
      const s = byId.get(b.pack.id);
      byId.delete(b.pack.id);
      out.push(
        s && s.pack.pack.revision > b.pack.revision
          ? { pack: s.pack, stored: s, bundled: true }
          : { pack: b, stored: null, bundled: true },
      );
    }
    for (const s of [...byId.values()].sort((a, b) => a.installedAt - b.installedAt))
      out.push({ pack: s.pack, stored: s, bundled: false });
    return out;
  }

  /** `effective()` from the summaries: the same packs in the same order, without reading a pack. */
  private async effectiveSummaries(): Promise<{ summary: StoredSummary; imported: boolean; bundled: boolean }[]> {
    this.bundledSummaries ??= this.options.bundled.map((b) => summaryOf(b, utf8Length(JSON.stringify(b)), 0));
    const stored = await this.db.getAll('summaries');
    const byId = new Map(stored.map((s) => [s.id, s]));
    const out: { summary: StoredSummary; imported: boolean; bundled: boolean }[] = [];
    for (const b of this.bundledSummaries) {
      const s = byId.get(b.id);
      byId.delete(b.id);
      out.push(
        s && s.revision > b.revision
          ? { summary: s, imported: true, bundled: true }
          : { summary: b, imported: false, bundled: true },
      );
    }
    for (const s of [...byId.values()].sort((a, b) => a.installedAt - b.installedAt))
      out.push({ summary: s, imported: true, bundled: false });
    return out;
  }

  async list(): Promise<PackSummary[]> {
    const [packs, enabledKeys, enabledValues] = await Promise.all([
      this.effectiveSummaries(),
      this.db.getAllKeys('enabled'),
      this.db.getAll('enabled'),
    ]);
    const enabled = new Map(enabledKeys.map((k, i) => [k, enabledValues[i]]));
    return packs.map(({ summary: s, imported, bundled }) => ({
      id: s.id,
      title: s.title,
      revision: s.revision,
      attribution: s.attribution,
      license: s.license,
      homepage: s.homepage,
      languages: [...s.languages],
      counts: s.counts,
      enabled: enabled.get(s.id) ?? true,
      bundled,
      imported,
      bytes: s.bytes,
    }));
  }

  /**
   * What a compile now would be compiled from, as a short string: `salt`
   * (what compiles it: see packs.ts `compiledCache`) and a SHA-256 of the
   * enabled packs' ids and revisions in list order, from the summaries: a
   * compile saved under this key is of these packs.
   */
  async enabledKey(salt = ''): Promise<string> {
    const list = await this.list();
    const packs = list.filter((p) => p.enabled).map((p) => `${p.id}@${p.revision}`);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(packs.join('\n')));
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${salt}\n${packs.length} packs ${hex}`;
  }

  /** The saved compile, if it was saved under `key`. */
  async loadCompiled(key: string): Promise<SavedCompile | null> {
    const record = await this.db.get('compiled', COMPILED);
    return record?.key === key ? record.saved : null;
  }

  async saveCompiled(key: string, saved: SavedCompile): Promise<void> {
    await this.db.put('compiled', { key, saved }, COMPILED);
  }

  /** The packs to recognize, in list order. */
  async enabledPacks(): Promise<Pack[]> {
    const [packs, keys, values] = await Promise.all([
      this.effective(),
      this.db.getAllKeys('enabled'),
      this.db.getAll('enabled'),
    ]);
    const enabled = new Map(keys.map((k, i) => [k, values[i]]));
    return packs.filter(({ pack }) => enabled.get(pack.pack.id) ?? true).map(({ pack }) => pack);
  }

  /** The pack that stands for `id` (an imported update of a bundled pack when its revision is higher). */
  async get(id: string): Promise<Pack | null> {
    const bundled = this.options.bundled.find((b) => b.pack.id === id);
    const stored = await this.db.get('packs', id);
    if (bundled) return stored && stored.pack.pack.revision > bundled.pack.revision ? stored.pack : bundled;
    return stored?.pack ?? null;
  }

  /** A file as the user chose it: `.json` or `.zip` (see core/pack/file.ts). */
  async importFile(name: string, bytes: Uint8Array): Promise<ImportOutcome> {
    const start = performance.now();
    const read = readPackFile(name, bytes);
    if (!read.ok) return { ok: false, error: read.error };
    return this.importValues(read.packs, start);
  }

  /**
   * Validates every pack, then writes all of them in one transaction, or
   * none. An entry's `bytes` (the size of its file) is what the list shows;
   * without it, the size of the pack's JSON. Measured (`crosscheck:import`,
   * with how long reading the file, validating and writing took).
   */
  async importValues(
    entries: readonly { name: string; value: unknown; bytes?: number }[],
    start = performance.now(),
  ): Promise<ImportOutcome> {
    if (entries.length === 0) return { ok: false, error: 'the file holds no pack' };
    const read = performance.now();
    const current = await this.effectiveSummaries();
    const installed = new InstalledIndex(
      current.map(({ summary: { id, title, revision, keys } }) => ({ id, title, revision, keys })),
    );
    const today = this.options.today?.();
    const accepted: { pack: Pack; updatedFrom: number | null; bytes: number }[] = [];
    for (const entry of entries) {
      const r = validatePack(entry.value, today ? { installed, today } : { installed });
      const where = entries.length > 1 ? `${entry.name}: ` : '';
      if (!r.ok) {
        const first = r.errors[0]!;
        const more = r.errors.length > 1 ? ` (+${r.errors.length - 1} more)` : '';
        return { ok: false, error: `${where}${first.path}: ${first.message}${more}`, errors: r.errors };
      }
      const decision = decideImport(r.pack, installed);
      if (decision.kind === 'refuse') return { ok: false, error: `${where}${decision.message}` };
      const bytes = entry.bytes ?? utf8Length(JSON.stringify(r.pack));
      accepted.push({ pack: r.pack, updatedFrom: decision.kind === 'update' ? decision.from : null, bytes });
      // A second pack of the same file with the same id is judged against this one.
      installed.set(installedInfo(r.pack));
    }
    const validated = performance.now();
    const tx = this.db.transaction(['packs', 'summaries', 'enabled'], 'readwrite');
    const packs = tx.objectStore('packs');
    const summaries = tx.objectStore('summaries');
    const enabled = tx.objectStore('enabled');
    const now = Date.now();
    try {
      for (const a of accepted) {
        const prior = await summaries.get(a.pack.pack.id);
        if (prior && prior.revision >= a.pack.pack.revision)
          throw new PackStoreError(
            `revision ${prior.revision} of "${a.pack.pack.id}" was installed meanwhile; nothing was changed`,
          );
        const installedAt = prior?.installedAt ?? now;
        await packs.put({ id: a.pack.pack.id, pack: a.pack, installedAt, bytes: a.bytes });
        await summaries.put(summaryOf(a.pack, a.bytes, installedAt));
        if ((await enabled.get(a.pack.pack.id)) === undefined) await enabled.put(true, a.pack.pack.id);
      }
      await tx.done;
    } catch (e) {
      try {
        tx.abort();
      } catch {
        // already aborted or finished
      }
      await tx.done.catch(() => undefined);
      if (isQuotaError(e)) return { ok: false, error: QUOTA_MESSAGE };
      if (e instanceof PackStoreError) return { ok: false, error: e.message };
      return { ok: false, error: `the packs could not be stored (${(e as Error).message}); nothing was changed` };
    }
    timingSpan('import', start, {
      packs: accepted.length,
      readMs: read - start,
      validateMs: validated - read,
      writeMs: performance.now() - validated,
    });
    this.options.onChange?.();
    return {
      ok: true,
      installed: accepted.map((a) => ({
        id: a.pack.pack.id,
        title: a.pack.pack.title,
        revision: a.pack.pack.revision,
        updatedFrom: a.updatedFrom,
      })),
    };
  }

  async setEnabled(id: string, on: boolean): Promise<void> {
    if (!(await this.get(id))) throw new PackStoreError(`no pack "${id}" is installed`);
    await this.db.put('enabled', on, id);
    this.options.onChange?.();
  }

  /**
   * Removes an imported pack (an imported update of a bundled pack: the
   * bundled revision is back). A bundled pack itself cannot be removed.
   */
  async remove(id: string): Promise<void> {
    const stored = await this.db.get('packs', id);
    if (!stored) {
      if (this.options.bundled.some((b) => b.pack.id === id))
        throw new PackStoreError(`"${id}" comes with Crosscheck and cannot be removed; turn it off instead`);
      throw new PackStoreError(`no pack "${id}" is installed`);
    }
    const tx = this.db.transaction(['packs', 'summaries', 'enabled'], 'readwrite');
    await tx.objectStore('packs').delete(id);
    await tx.objectStore('summaries').delete(id);
    if (!this.options.bundled.some((b) => b.pack.id === id)) await tx.objectStore('enabled').delete(id);
    await tx.done;
    this.options.onChange?.();
  }

  /** The pack file, as JSON (what `importFile` reads back). */
  async exportPack(id: string): Promise<string> {
    const pack = await this.get(id);
    if (!pack) throw new PackStoreError(`no pack "${id}" is installed`);
    return `${JSON.stringify(pack, null, 2)}\n`;
  }
}

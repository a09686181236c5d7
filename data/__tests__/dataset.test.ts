// @vitest-environment node
/**
 * The bundled dataset against its ground truth, the five reports in
 * ../shared/seeds: valid, referentially whole, every quote verbatim, and the
 * disagreements it models actually computed from its claims.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeConflicts, computeStandings } from '../../core/dataset/conflicts';
import { validateDataset } from '../../core/dataset/validate';
import raw from '../dataset.json';
import { bundledDataset, bundledIndex } from '../index';

const ROOT = path.resolve(__dirname, '../..');
const SEEDS = path.resolve(__dirname, '../../../shared/seeds');
const d = bundledDataset;

/** Case- and diacritic-folded, ß → ss, hyphens and whitespace alike (independent of core/dataset/fold.ts). */
const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[\s-]+/g, ' ')
    .trim();
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

const seedText = new Map<string, string>();
for (const s of d.sources) {
  const file = path.join(SEEDS, s.file);
  if (existsSync(file)) seedText.set(s.id, collapse(readFileSync(file, 'utf8')));
}

describe('bundled dataset: shape and integrity', () => {
  it('validates (also the raw JSON, independently of data/index.ts)', () => {
    const r = validateDataset(raw);
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(d.version).toBe(1);
    expect(d.name.length).toBeGreaterThan(0);
  });

  it('is its own validated form (the extension bundles it without validating it at run time)', () => {
    const r = validateDataset(raw);
    expect(r.ok && r.dataset).toStrictEqual(raw);
    expect(d).toBe(raw);
  });

  it('has the five sources r000..r004, each naming an existing seed file with its number', () => {
    expect(d.sources.map((s) => s.id)).toEqual(['r000', 'r001', 'r002', 'r003', 'r004']);
    for (const s of d.sources) {
      expect(existsSync(path.join(SEEDS, s.file)), s.file).toBe(true);
      expect(s.file.slice(0, 3)).toBe(s.id.slice(1));
      expect(s.language).toBe('de');
    }
  });

  it('source titles: supplied only where the report has none, otherwise found in the report', () => {
    for (const s of d.sources) {
      if (s.titleSupplied) continue;
      expect(seedText.get(s.id), s.id).toContain(collapse(s.title));
    }
    expect(d.sources.filter((s) => s.titleSupplied).map((s) => s.id)).toEqual(['r000']);
  });

  it('publishers are named in their reports; inferred dates explain themselves', () => {
    for (const s of d.sources) {
      if (s.publisher !== null) expect(seedText.get(s.id), s.id).toContain(s.publisher);
      if (s.published && s.published.precision !== 'day') expect(s.published.basis, s.id).toBeTruthy();
    }
  });

  it('every reference resolves (beyond the validator: kinds of places and participants)', () => {
    const ix = bundledIndex();
    for (const e of d.events) {
      if (e.place !== null) expect(ix.entities.get(e.place)?.kind, e.id).toBe('place');
      for (const p of e.participants) expect(ix.entities.has(p), `${e.id} → ${p}`).toBe(true);
      for (const r of [...e.before, ...e.after]) expect(ix.events.has(r), `${e.id} → ${r}`).toBe(true);
    }
    for (const a of d.aspects) expect(ix.subject(a.subject), a.id).toBeDefined();
    for (const c of d.claims) {
      expect(ix.sources.has(c.source), c.id).toBe(true);
      expect(ix.aspects.get(c.aspect)?.subject, c.id).toBe(c.subject);
      expect(
        ix.aspects.get(c.aspect)?.values.map((v) => v.value),
        c.id,
      ).toContain(c.value);
    }
  });

  it('related events point both ways (A after B ⇔ B before A)', () => {
    const ix = bundledIndex();
    for (const e of d.events) {
      for (const a of e.after) expect(ix.events.get(a)?.before, `${e.id} after ${a}`).toContain(e.id);
      for (const b of e.before) expect(ix.events.get(b)?.after, `${e.id} before ${b}`).toContain(e.id);
    }
  });

  it('every aspect has claims, and every claim one summary per language', () => {
    const withClaims = new Set(d.claims.map((c) => c.aspect));
    expect(d.aspects.filter((a) => !withClaims.has(a.id)).map((a) => a.id)).toEqual([]);
  });
});

describe('bundled dataset: aliases', () => {
  it('no alias (case/diacritic-folded) belongs to two entities', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of d.entities) {
      for (const a of new Set(e.aliases.map(fold))) {
        const prior = owner.get(a);
        if (prior && prior !== e.id) clashes.push(`${a}: ${prior} / ${e.id}`);
        owner.set(a, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('no entity lists the same alias twice (after folding)', () => {
    for (const e of d.entities) {
      const folded = e.aliases.map(fold);
      expect(
        folded.filter((a, i) => folded.indexOf(a) !== i),
        e.id,
      ).toEqual([]);
    }
  });

  it('ambiguous aliases are a subset of the aliases', () => {
    for (const e of d.entities) {
      const aliases = new Set(e.aliases.map(fold));
      for (const a of e.ambiguous) expect(aliases.has(fold(a)), `${e.id}: ${a}`).toBe(true);
    }
  });

  it('no regular inflected or possessive forms (the matcher derives them)', () => {
    const names = new Map(d.entities.flatMap((e) => e.aliases.map((a) => [a, e.id] as const)));
    for (const [alias, id] of names) {
      expect(alias, id).not.toMatch(/['’]s?$/);
      // "Trumps" next to "Trump": a German -s/-es/-n/-en/-ns ending the matcher strips itself.
      for (const ending of ['s', 'es', 'n', 'en', 'ns']) {
        if (alias.endsWith(ending) && alias.length - ending.length >= 3) {
          const stem = alias.slice(0, -ending.length);
          expect(names.get(stem) === id, `${id}: "${alias}" is "${stem}" + ${ending}`).toBe(false);
        }
      }
    }
  });

  it('lists the spellings pages use for the main people and places', () => {
    const aliasesOf = (id: string) => new Set(bundledIndex().entities.get(id)?.aliases.map(fold));
    const expectAll = (id: string, list: string[]) => {
      const have = aliasesOf(id);
      for (const a of list) expect(have.has(fold(a)), `${id}: ${a}`).toBe(true);
    };
    expectAll('volodymyr-zelensky', [
      'Selenskyj',
      'Selensky',
      'Zelensky',
      'Zelenskyy',
      'Zelenskiy',
      'Zelenskyj',
      'Wolodymyr Selenskyj',
      'Volodymyr Zelensky',
    ]);
    expectAll('vladimir-putin', ['Wladimir Putin', 'Vladimir Putin', 'Putin', 'Kremlchef']);
    expectAll('sergey-lavrov', ['Lawrow', 'Lavrov', 'Sergej Lawrow', 'Sergei Lavrov', 'Sergey Lavrov']);
    expectAll('donald-trump', ['Donald Trump', 'Trump', 'Donald J. Trump', 'US-Präsident']);
    expectAll('nato', ['NATO', 'Nato', 'Nordatlantikpakt', 'North Atlantic Treaty Organization']);
    expectAll('mark-rutte', ['Nato-Generalsekretär', 'NATO Secretary General']);
    expectAll('kyiv', ['Kyjiw', 'Kiew', 'Kyiv', 'Kiev']);
    expectAll('odesa', ['Odessa', 'Odesa']);
    expectAll('white-house', ['Weißes Haus', 'Weißen Haus', 'Weiße Haus', 'White House']);
    expectAll('coalition-of-the-willing', ['Koalition der Willigen', 'Coalition of the Willing']);
    expectAll('maria-zakharova', ['Sacharowa', 'Zakharova']);
  });
});

describe('bundled dataset: every quote is verbatim in its report', () => {
  it('finds every source file', () => {
    expect([...seedText.keys()]).toEqual(d.sources.map((s) => s.id));
  });

  it('claim quotes', () => {
    const missing = d.claims.filter((c) => !seedText.get(c.source)?.includes(collapse(c.quote)));
    expect(missing.map((c) => `${c.id}: ${c.quote}`)).toEqual([]);
  });

  it('entity and event evidence quotes', () => {
    const missing: string[] = [];
    for (const item of [...d.entities, ...d.events]) {
      for (const q of item.evidence) {
        if (!seedText.get(q.source)?.includes(collapse(q.quote))) missing.push(`${item.id} ${q.source}: ${q.quote}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the check can fail: an altered quote is not found', () => {
    const c = d.claims[0]!;
    expect(seedText.get(c.source)?.includes(collapse(c.quote + ' und mehr'))).toBe(false);
  });
});

describe('bundled dataset: phrases for the matcher', () => {
  const GENERIC = new Set([
    'gipfel',
    'treffen',
    'meeting',
    'summit',
    'konferenz',
    'conference',
    'talks',
    'gesprache',
    'krieg',
    'war',
  ]);

  it('event triggers are specific: never one generic word, single words only as long compounds', () => {
    for (const e of d.events) {
      for (const t of [...e.triggers.de, ...e.triggers.en]) {
        const words = fold(t)
          .split(/[^\p{L}\p{N}]+/u)
          .filter(Boolean);
        expect(words.length === 1 && GENERIC.has(words[0]!), `${e.id}: ${t}`).toBe(false);
        if (words.length === 1) expect(t.length, `${e.id}: ${t}`).toBeGreaterThanOrEqual(12);
      }
    }
  });

  it('every disputed aspect has cues and, for every value taken, signals in both languages', () => {
    const ix = bundledIndex();
    for (const c of computeConflicts(d)) {
      const a = ix.aspects.get(c.aspect)!;
      expect(a.cues?.de.length, `${a.id} cues.de`).toBeGreaterThan(0);
      expect(a.cues?.en.length, `${a.id} cues.en`).toBeGreaterThan(0);
      for (const p of c.positions) {
        const v = a.values.find((x) => x.value === p.value)!;
        expect(v.signals?.de.length, `${a.id}/${v.value} signals.de`).toBeGreaterThan(0);
        expect(v.signals?.en.length, `${a.id}/${v.value} signals.en`).toBeGreaterThan(0);
      }
    }
  });
});

describe('bundled dataset: computed disagreements', () => {
  const standing = (aspect: string) => computeStandings(d).find((s) => s.aspect === aspect);
  const shape = (aspect: string) => {
    const s = standing(aspect);
    return s && { positions: Object.fromEntries(s.positions.map((p) => [p.value, p.sources])), silent: s.silent };
  };

  it('air support: r000 offered, r004 option only, r001 and r002 silent (computed, not listed)', () => {
    const s = standing('trump-air-support');
    expect(s?.subject).toBe('donald-trump');
    expect(s?.disputed).toBe(true);
    expect(s?.positions.map((p) => [p.value, p.sources])).toEqual([
      ['offered', ['r000']],
      ['option', ['r004']],
    ]);
    expect(s?.silent).toEqual(['r001', 'r002']);
    // r001 and r002 are silent because they report on Trump elsewhere; r003 never does.
    const trumpSources = new Set(d.claims.filter((c) => c.subject === 'donald-trump').map((c) => c.source));
    expect([...trumpSources].sort()).toEqual(['r000', 'r001', 'r002', 'r004']);
    expect(JSON.stringify(raw)).not.toMatch(/"silent"/);
  });

  it.each([
    ['conference-attendees', { 'defence-ministers': ['r000', 'r001'], 'chiefs-of-defence': ['r001', 'r002'] }, []],
    ['grynkewich-participation', { 'took-part': ['r000', 'r001'], 'will-take-part': ['r002'] }, []],
    ['caine-participation', { expected: ['r001'], 'will-take-part': ['r002'] }, ['r004']],
    ['caine-meeting-status', { happened: ['r001'], upcoming: ['r004'] }, []],
    ['coalition-size', { '30': ['r000', 'r001', 'r002'], 'about-30': ['r003'] }, []],
    ['attacks-injured', { 'at-least-15': ['r000'], '15': ['r001'] }, ['r002']],
    ['coalition-force-stance', { considering: ['r000'], 'agreed-to-support': ['r001', 'r002'] }, ['r003']],
    ['european-allies-force', { considering: ['r000'], intend: ['r001', 'r002'] }, []],
    ['dragone-account', { 'stated-focus': ['r000'], 'open-discussion-no-details': ['r001'] }, ['r002']],
    ['guarantees-status', { 'near-agreement': ['r003'], 'still-open': ['r001', 'r004'] }, []],
    ['zelensky-pressure-goal', { 'so-that': ['r000'], until: ['r001', 'r002'] }, []],
  ])('%s is disputed with the right sources', (aspect, positions, silent) => {
    expect(standing(aspect)?.disputed).toBe(true);
    expect(shape(aspect)).toEqual({ positions, silent });
  });

  it('r001 contradicts itself on who met (headline vs body)', () => {
    const claims = d.claims.filter((c) => c.aspect === 'conference-attendees' && c.source === 'r001');
    expect(claims.map((c) => c.value).sort()).toEqual(['chiefs-of-defence', 'defence-ministers']);
  });

  it('models exactly these twelve disagreements', () => {
    expect(
      computeConflicts(d)
        .map((c) => c.aspect)
        .sort(),
    ).toEqual(
      [
        'trump-air-support',
        'conference-attendees',
        'grynkewich-participation',
        'caine-participation',
        'caine-meeting-status',
        'coalition-size',
        'attacks-injured',
        'coalition-force-stance',
        'european-allies-force',
        'dragone-account',
        'guarantees-status',
        'zelensky-pressure-goal',
      ].sort(),
    );
  });

  it.each([
    ['trump-us-troops', ['r000', 'r001', 'r002', 'r004']],
    ['russia-nato-troops', ['r001', 'r002', 'r004']],
    ['lavrov-without-russia', ['r001', 'r002']],
    ['us-role', ['r000', 'r001', 'r002']],
    ['conference-size', ['r000', 'r001', 'r002']],
    ['conference-format', ['r000', 'r001', 'r002']],
    ['conference-date', ['r000', 'r001']],
    ['zelensky-sanctions', ['r000', 'r001', 'r002']],
    ['ukraine-demand', ['r000', 'r001', 'r004']],
    ['white-house-date', ['r001', 'r004']],
    ['mediation-results', ['r000', 'r001']],
  ])('agreement: %s is reported alike by %j', (aspect, sources) => {
    const s = standing(aspect);
    expect(s?.disputed).toBe(false);
    expect(s?.positions[0]?.sources).toEqual(sources);
  });

  it('an omission is silence, not a conflict: r002 names sanctions but no tariffs', () => {
    expect(shape('zelensky-tariffs')).toEqual({ positions: { yes: ['r000', 'r001'] }, silent: ['r002'] });
  });
});

describe('npm run dataset', () => {
  const run = (...args: string[]) =>
    spawnSync('npm', ['run', '-s', 'dataset', '--', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('--check on a malformed file exits 1 and names the bad paths and rules', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-'));
    try {
      const bad = structuredClone(raw) as {
        claims: Array<Record<string, unknown>>;
        events: Array<Record<string, unknown>>;
      };
      bad.claims[3]!.source = 'r999';
      bad.claims[5]!.value = 'nope';
      const file = path.join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify(bad));
      const r = run('--check', file);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('$.claims[3].source: must name a source id (unknown "r999")');
      expect(r.stderr).toMatch(/\$\.claims\[5\]\.value: must be one of the values of aspect/);
      expect(r.stdout).toBe('');

      const badDate = structuredClone(raw) as { events: Array<Record<string, unknown>> };
      badDate.events[0]!.date = { value: '2025-02-30', precision: 'day' };
      const dateFile = path.join(dir, 'date.json');
      writeFileSync(dateFile, JSON.stringify(badDate));
      const r1 = run('--check', dateFile);
      expect(r1.status).toBe(1);
      expect(r1.stderr).toContain('$.events[0].date: value must be a valid date');

      const notJson = path.join(dir, 'broken.json');
      writeFileSync(notJson, '{"version": 1,');
      const r2 = run('--check', notJson);
      expect(r2.status).toBe(1);
      expect(r2.stderr).toContain('$: must be valid JSON');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('--check on the bundled dataset exits 0 with a short summary', () => {
    const r = run('--check', path.join(ROOT, 'data/dataset.json'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^OK: .*12 disagreements/);
  }, 60_000);

  it('--json prints the dataset and its computed conflicts', () => {
    const r = run('--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown[]>;
    expect(Object.keys(out)).toEqual(['sources', 'entities', 'events', 'aspects', 'claims', 'conflicts', 'agreements']);
    expect(out.claims).toHaveLength(d.claims.length);
    expect(out.conflicts).toEqual(
      computeConflicts(d).map(({ subject, aspect, positions, silent }) => ({ subject, aspect, positions, silent })),
    );
  }, 60_000);

  it('no flag prints an overview; unknown flags exit 2 with the usage', () => {
    const r = run();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('12 disagreements');
    expect(r.stdout).toContain('[trump-air-support]');
    expect(r.stdout).toMatch(/silent: r001 .*r002 /);
    const bad = run('--frobnicate');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Usage:');
  }, 60_000);
});

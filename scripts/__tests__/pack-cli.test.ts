import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { arcticPack } from '../../core/pack/__tests__/fixture';
import { validatePack } from '../../core/pack/validate';
import { runPack } from '../lib/pack/cli';
import { findDate, findQuote, detectLanguage, nameCandidates } from '../lib/pack/text';

/** Two short reports written for these tests (a made-up story). */
const REPORT_DE = `Arktis-Gipfel in Tromsø endet ohne Einigung
Tromsø, 27. November 2026 – Auf dem Arktis-Gipfel erschien Donald Trump persönlich.
Die Gastgeberin Ingrid Solberg-Haugen sprach von „offenen,
ehrlichen Gesprächen“ – Beobachter waren skeptisch.
Präsident Wladimir Putin schickte keinen Vertreter.`;
const REPORT_EN = `Arctic summit ends without a deal
Donald Trump joined only by video link, aides said on November 28, 2026.
Host Ingrid Solberg-Haugen said the talks were "open and honest".`;

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'pack-cli-'));
  writeFileSync(path.join(dir, 'de.txt'), REPORT_DE);
  writeFileSync(path.join(dir, 'en.txt'), REPORT_EN);
  writeFileSync(path.join(dir, 'arctic.json'), JSON.stringify(arcticPack()));
  return dir;
}

function run(dir: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = runPack(argv, { out: (s) => (out += s), err: (s) => (err += s), cwd: dir, today: '2026-12-01' });
  return { code, out, err };
}

describe('text helpers', () => {
  it('detects the language and finds a date as the text writes it', () => {
    expect(detectLanguage(REPORT_DE)).toBe('de');
    expect(detectLanguage(REPORT_EN)).toBe('en');
    expect(findDate(REPORT_DE)).toEqual({
      value: '2026-11-27',
      precision: 'day',
      basis: 'found in the text: "27. November 2026"',
    });
    expect(findDate(REPORT_EN)?.value).toBe('2026-11-28');
    expect(findDate('am 31.02.2026')).toBeNull();
  });

  it('finds name sequences, drops titles, prefers names a known pack has', () => {
    const names = nameCandidates(REPORT_DE, (f) => f === 'wladimir putin').map((c) => c.text);
    expect(names).toContain('Ingrid Solberg-Haugen');
    expect(names).toContain('Donald Trump');
    expect(names).toContain('Wladimir Putin'); // not "Präsident Wladimir Putin"
    expect(names).not.toContain('Die Gastgeberin');
  });

  it('finds a quote across other quote marks, dashes and line breaks, verbatim', () => {
    const [m, ...more] = findQuote(REPORT_DE, 'sprach von "offenen, ehrlichen Gesprächen" - Beobachter');
    expect(more).toEqual([]);
    expect(m!.verbatim).toBe('sprach von „offenen,\nehrlichen Gesprächen“ – Beobachter');
    expect(m!.line).toBe(3);
    expect(findQuote(REPORT_DE, 'nicht im Text')).toEqual([]);
  });
});

describe('npm run pack', () => {
  it('new: one source per report, candidates, known people with their keys', () => {
    const dir = setup();
    const r = run(dir, 'new', '--id', 'arctic-draft', '--title', 'Arktis', '--out', 'draft.json', 'de.txt', 'en.txt');
    expect(r.code).toBe(0);
    const draft = JSON.parse(readFileSync(path.join(dir, 'draft.json'), 'utf8'));
    expect(draft.sources).toMatchObject([
      { id: 's1', file: 'de.txt', title: 'Arktis-Gipfel in Tromsø endet ohne Einigung', language: 'de' },
      { id: 's2', file: 'en.txt', title: 'Arctic summit ends without a deal', language: 'en' },
    ]);
    expect(draft.sources[0].published.value).toBe('2026-11-27');
    const trump = draft.entities.find((e: { key?: string }) => e.key === 'Q22686');
    expect(trump.evidence.map((q: { source: string }) => q.source)).toEqual(['s1', 's2']);
    const host = draft.entities.find((e: { name: { de: string } }) => e.name.de === 'Ingrid Solberg-Haugen');
    expect(host.kind).toBe('person');
    expect(host.description.en).toMatch(/^TODO/);
    expect(draft.pack).toMatchObject({
      id: 'arctic-draft',
      revision: 1,
      languages: ['de', 'en'],
      created: '2026-12-01',
    });
    // The skeleton has the pack's shape: only its evidence quotes are the author's to check.
    expect(validatePack(draft).ok).toBe(true);
  });

  it('new: refuses a bad id and a missing report, as usage errors', () => {
    const dir = setup();
    expect(run(dir, 'new', '--id', 'Bad Id', '--title', 'x', 'de.txt')).toMatchObject({ code: 2 });
    expect(run(dir, 'new', '--id', 'good-id', '--title', 'x', 'missing.txt').err).toMatch(
      /missing.txt: cannot be read/,
    );
  });

  it('quote: prints the verbatim passage, exit 1 when not found', () => {
    const dir = setup();
    const r = run(dir, 'quote', 'de.txt', '"offenen, ehrlichen Gesprächen"');
    expect(r).toMatchObject({ code: 0, out: '„offenen,\nehrlichen Gesprächen“\n' });
    expect(r.err).toMatch(/found once, line 3 \(spans a line break\)/);
    expect(run(dir, 'quote', 'de.txt', 'gibt es nicht').code).toBe(1);
  });

  it('check: coverage report with one-source questions, unquoted entities, collisions, common aliases, disagreements', () => {
    const dir = setup();
    const corpus = path.join(dir, 'corpus');
    mkdirSync(corpus);
    for (let i = 0; i < 3; i++)
      writeFileSync(path.join(corpus, `p${i}.html`), `<p>Tromsø hat ${i} neue Straßen. Donald Trump spielte Golf.</p>`);
    const r = run(dir, 'check', 'arctic.json', '--corpus', 'corpus');
    expect(r.code).toBe(0);
    expect(r.out).toContain('arctic-summit-tromso revision 1: valid.');
    expect(r.out).toMatch(/Claims per source:\n {2}a1: 1\n {2}a2: 1/);
    expect(r.out).toContain('Entities never quoted in a claim (2):\n  solberg-haugen, tromso');
    expect(r.out).toMatch(/tromso "Tromsø": 3 pages/);
    expect(r.out).toMatch(/trump-attendance: Was Trump there in person\?\n {4}in-person: a1\n {4}video: a2/);
    expect(r.out).toContain('Aliases that another pack uses for another item (0)');
    const json = JSON.parse(run(dir, 'check', 'arctic.json', '--no-corpus', '--json').out);
    expect(json.commonAliases).toBeNull();
  });

  it('check: an alias of another item in a known pack is a collision; an invalid pack exits 1 naming path and rule', () => {
    const dir = setup();
    const p = arcticPack();
    p.entities[1]!.aliases.push('Putin');
    writeFileSync(path.join(dir, 'collide.json'), JSON.stringify(p));
    const r = run(dir, 'check', 'collide.json', '--no-corpus');
    expect(r.out).toContain('solberg-haugen ↔ nato-ukraine-security-guarantees-2025-08/vladimir-putin: "Putin"');
    p.pack.revision = 0;
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(p));
    expect(run(dir, 'check', 'bad.json', '--no-corpus')).toMatchObject({
      code: 1,
      err: 'bad.json: invalid\n$.pack.revision: must be at least 1\n',
    });
  });

  it('build: writes the validated, compact, importable file', () => {
    const dir = setup();
    const r = run(dir, 'build', 'arctic.json', '--out', 'out.json');
    expect(r.code).toBe(0);
    const built = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8'));
    expect(validatePack(built)).toMatchObject({ ok: true, migratedFrom: 2 });
    expect(readFileSync(path.join(dir, 'out.json'), 'utf8')).not.toContain('\n');
    expect(run(dir, 'build', 'arctic.json').code).toBe(2);
  });

  it('export --format jsonld: schema.org Claims with a TextQuoteSelector; the bundled pack by default', () => {
    const dir = setup();
    const doc = JSON.parse(run(dir, 'export', 'arctic.json', '--format', 'jsonld').out);
    expect(doc['@type']).toBe('Dataset');
    expect(doc.hasPart).toHaveLength(2);
    expect(doc.hasPart[1]).toMatchObject({
      '@type': 'Claim',
      '@id': 'urn:crosscheck:arctic-summit-tromso:c2',
      name: 'Was Trump there in person?',
      about: { '@type': 'Person', '@id': 'http://www.wikidata.org/entity/Q22686' },
      appearance: {
        '@type': 'SpecificResource',
        hasSource: { '@type': 'CreativeWork', '@id': 'urn:crosscheck:arctic-summit-tromso:a2', inLanguage: 'en' },
        hasSelector: { '@type': 'TextQuoteSelector', exact: 'Donald Trump joined only by video link' },
      },
    });
    const bundled = JSON.parse(run(dir, 'export', '--format', 'jsonld').out);
    expect(bundled['@id']).toBe('urn:crosscheck:nato-ukraine-security-guarantees-2025-08');
    expect(bundled.hasPart.length).toBeGreaterThan(100);
    expect(run(dir, 'export', '--format', 'rdf').code).toBe(2);
  });
});

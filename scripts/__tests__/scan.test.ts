/**
 * The scan CLI, run as a real process (npx tsx scripts/scan.ts).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureInput } from '../../core/recognize/__tests__/fixture';

const ROOT = path.resolve(__dirname, '../..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function scan(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'scripts/scan.ts', ...args], { cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let dir = '';
let html = '';
let txt = '';
let quiet = '';
let dataset = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-scan-'));
  dataset = path.join(dir, 'dataset.json');
  writeFileSync(dataset, JSON.stringify(fixtureInput));
  html = path.join(dir, 'page.html');
  writeFileSync(
    html,
    '<html><head><title>Trump</title><script>Putin()</script></head><body><h1>Nato</h1>' +
      '<p>Die Verteidigungschefs der Nato berieten in einer Videokonferenz.</p>' +
      '<p>Trump stellte Luftunterstützung in Aussicht.</p></body></html>',
  );
  txt = path.join(dir, 'notes.txt');
  writeFileSync(txt, 'Die USA könnten Unterstützung aus der Luft leisten, sagte Dragone zu Trump am 20. August.');
  quiet = path.join(dir, 'mode.txt');
  writeFileSync(quiet, 'Merz zeigt die Herbstmode in Paris.');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('scan CLI', () => {
  it('--json: one array, one object per readable file; a missing file is named on stderr and exits 1', async () => {
    const missing = path.join(dir, 'missing.txt');
    const r = await scan(['--json', '--dataset', dataset, html, missing, txt, quiet]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot read ${missing}`);
    const out = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(out.map((f) => f.file)).toEqual([html, txt, quiet]);

    const [page, notes, mode] = out as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
    expect(Object.keys(page)).toEqual([
      'file',
      'relevant',
      'relevance',
      'page',
      'source',
      'mentions',
      'events',
      'claims',
    ]);
    expect(page.relevance).toMatchObject({ relevant: true });
    expect(page.page).toEqual({ published: null, title: 'Trump' });
    expect(page.relevant).toBe(true);
    expect(page.source).toBeNull();
    // Offsets are into the text the extension's reader reads: the title and script are not part of it.
    const visible =
      'Nato\nDie Verteidigungschefs der Nato berieten in einer Videokonferenz.\nTrump stellte Luftunterstützung in Aussicht.';
    const at = (s: string, from = 0) => ({ start: visible.indexOf(s, from), end: visible.indexOf(s, from) + s.length });
    expect(page.mentions).toEqual([
      { text: 'Nato', ...at('Nato'), kind: 'organization', id: 'nato', name: 'NATO' },
      { text: 'Nato', ...at('Nato', 1), kind: 'organization', id: 'nato', name: 'NATO' },
      {
        text: 'Videokonferenz',
        ...at('Videokonferenz'),
        kind: 'event',
        id: 'video-call',
        name: 'NATO defence chiefs video call',
      },
      { text: 'Trump', ...at('Trump'), kind: 'person', id: 'trump', name: 'Donald Trump' },
    ]);
    expect(page.events).toEqual([
      {
        id: 'video-call',
        title: 'NATO defence chiefs video call',
        evidence: ['trigger "Videokonferenz"', 'key term "Verteidigungschefs"', 'participant nato'],
      },
    ]);
    expect(page.claims).toEqual([
      {
        subject: 'trump',
        aspect: 'air-support',
        value: 'offered',
        sentence: 'Trump stellte Luftunterstützung in Aussicht.',
        ...at('Trump stellte Luftunterstützung in Aussicht.'),
        agree: ['s1', 's3'],
        disagree: ['s2'],
      },
    ]);

    expect(notes.relevant).toBe(true);
    expect((notes.claims as Array<{ value: string }>).map((c) => c.value)).toEqual(['option']);
    expect(mode).toMatchObject({
      file: quiet,
      relevant: false,
      relevance: { relevant: false },
      page: null,
      source: null,
      mentions: [],
      events: [],
      claims: [],
    });
  }, 60_000);

  it('readable output names each file, its relevance and findings', async () => {
    const r = await scan(['--dataset', dataset, html, quiet]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`== ${html}`);
    expect(r.stdout).toContain('relevant: yes');
    expect(r.stdout).toContain('Donald Trump [person trump] ×1: "Trump"');
    expect(r.stdout).toContain('video-call — NATO defence chiefs video call');
    expect(r.stdout).toContain('air-support (subject trump) → offered; agree: s1, s3; disagree: s2');
    expect(r.stdout).toContain(`== ${quiet}`);
    expect(r.stdout).toContain('relevant: no (score 0)');
  }, 60_000);

  it('uses the bundled dataset by default', async () => {
    const file = path.join(dir, 'air.txt');
    writeFileSync(file, 'Trump promised air support.');
    const r = await scan(['--json', file]);
    expect(r.code).toBe(0);
    const [out] = JSON.parse(r.stdout) as Array<{ relevant: boolean; claims: Array<Record<string, unknown>> }>;
    expect(out?.relevant).toBe(true);
    expect(out?.claims).toEqual([
      {
        subject: 'donald-trump',
        aspect: 'trump-air-support',
        value: 'offered',
        sentence: 'Trump promised air support.',
        start: 0,
        end: 27,
        agree: ['r000'],
        disagree: ['r004'],
      },
    ]);
  }, 60_000);

  it('without files prints the usage and exits 2', async () => {
    const r = await scan([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: npm run -s scan -- [--json]');
  }, 60_000);
});

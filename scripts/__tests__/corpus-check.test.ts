// @vitest-environment node
/**
 * The corpus check (`npm run evaluate -- --corpus`): recognition stays quiet
 * on real pages about other things. The CLI runs as a real process on a small
 * corpus written here (so that the check is seen to find what it must); the
 * real corpus (`../shared/corpus`, read in place) is checked on an EVEN SAMPLE
 * of its pages (every ~12th of 1,162), because reading every page takes
 * minutes on this machine: `npm run -s evaluate -- --corpus` checks them all.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../data/index';
import { compileMatcher } from '../../core/recognize/index';
import { checkCorpus, countOf, evenSample, readCorpusIndex, type CorpusCheck } from '../lib/corpus-check';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
/** Pages of the real corpus checked here (an even sample; the CLI checks all). */
const SAMPLE = 100;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function evaluate(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'scripts/evaluate.ts', ...args], { cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-corpus-'));
  mkdirSync(path.join(dir, 'de'));
  // A page about something else, with names that are ambiguous out of context.
  writeFileSync(
    path.join(dir, 'de', 'mode.html'),
    '<html lang="de"><head><title>Herbstmode</title></head><body>' +
      '<p>Merz zeigt die Herbstmode in Paris. Der Kanzler der Modewelt war auch in Washington.</p></body></html>',
  );
  // A page about the story: what the check must find and name.
  writeFileSync(
    path.join(dir, 'story page.html'),
    '<html lang="en"><head><title>Trump offers air support for Ukraine</title>' +
      '<meta property="article:published_time" content="2025-08-20"></head><body>' +
      "<p>Trump promised air support. NATO's chiefs of defence held a video call on Wednesday with Dragone, " +
      'the US president said in Washington.</p></body></html>',
  );
  writeFileSync(path.join(dir, 'index.tsv'), 'path\tlang\tbytes\nde/mode.html\tde\t170\nstory page.html\ten\t330\n\n');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('corpus index and sample', () => {
  it('reads index.tsv as its README says: path relative to the folder, lang, bytes', async () => {
    expect(await readCorpusIndex(dir)).toEqual([
      { path: 'de/mode.html', lang: 'de', bytes: 170 },
      { path: 'story page.html', lang: 'en', bytes: 330 },
    ]);
    const bad = path.join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(path.join(bad, 'index.tsv'), 'de/mode.html\tde\t1\n');
    await expect(readCorpusIndex(bad)).rejects.toThrow(/header/);
  });

  it('samples evenly, from the first item', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    expect(evenSample(items, 5)).toEqual([0, 2, 4, 6, 8]);
    expect(evenSample(items, 3)).toEqual([0, 3, 6]);
    expect(evenSample(items, 20)).toEqual(items);
    expect(evenSample(items, 0)).toEqual([]);
  });
});

describe('evaluate --corpus', () => {
  // The three runs go at once (each process spends seconds starting).
  let runs: Record<'full' | 'sample' | 'usage', Promise<Run>>;
  beforeAll(() => {
    runs = {
      full: evaluate(['--corpus', dir]),
      sample: evaluate(['--corpus', '--sample', '1', '--json', dir]),
      usage: evaluate(['--sample', '3']),
    };
  });

  it('names the pages behind every non-zero count and exits 1; a quiet page is not named', async () => {
    const r = await runs.full;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`Corpus check of ${dir}: 2 pages`);
    expect(r.stdout).toMatch(/pages judged relevant +1\n {4}story page\.html\n/);
    expect(r.stdout).toMatch(/pages with any highlight +1\n {4}story page\.html\n/);
    expect(r.stdout).toMatch(/events recognized +1\n {4}story page\.html\n {6}nato-video-conference /);
    expect(r.stdout).toMatch(/disputed claims flagged +2\n/);
    expect(r.stdout).toContain('trump-air-support = offered: "Trump promised air support."');
    expect(r.stdout).toMatch(/ambiguous-alias highlights +3\n/);
    expect(r.stdout).toContain('giuseppe-cavo-dragone: "Dragone"');
    expect(r.stdout).toMatch(/pages that could not be read +0\n/);
    expect(r.stdout).not.toContain('mode.html');
  }, 60_000);

  it('--json and --sample: the first page of an even sample of one is the quiet page, exit 0', async () => {
    const r = await runs.sample;
    expect(r.code).toBe(0);
    const check = JSON.parse(r.stdout) as CorpusCheck;
    expect(check).toMatchObject({ pages: 1, indexed: 2, total: 0, relevant: [], highlighted: [] });
  }, 60_000);

  it('usage errors exit 2; an unreadable corpus folder is an error', async () => {
    const r = await runs.usage;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sample needs --corpus');
    await expect(checkCorpus(path.join(dir, 'nowhere'), compileMatcher(bundledDataset))).rejects.toThrow(/ENOENT/);
  }, 60_000);
});

describe.runIf(existsSync(path.join(CORPUS, 'index.tsv')))(
  `quiet on the real corpus (../shared/corpus, an even sample of ${SAMPLE} pages)`,
  () => {
    it('no page judged relevant, no highlight, event, claim or ambiguous-alias highlight; every page read', async () => {
      const check = await checkCorpus(CORPUS, compileMatcher(bundledDataset), { sample: SAMPLE });
      expect(check.pages).toBe(SAMPLE);
      expect(check.characters).toBeGreaterThan(SAMPLE * 1000);
      for (const key of ['relevant', 'highlighted', 'events', 'claims', 'ambiguous', 'unreadable'] as const) {
        expect(check[key], key).toEqual([]);
        expect(countOf(check, key)).toBe(0);
      }
      // The sample holds pages in German and English, and pages that name the story's cast.
      const sampled = evenSample(await readCorpusIndex(CORPUS), SAMPLE);
      expect(sampled.filter((e) => e.lang === 'de').length).toBeGreaterThan(20);
      expect(sampled.filter((e) => e.lang === 'en').length).toBeGreaterThan(10);
      const cast = sampled.filter((e) =>
        /\b(Trump|Putin|NATO|Nato|Ukrain\w*)\b/.test(readFileSync(path.join(CORPUS, e.path), 'latin1')),
      );
      expect(cast.length).toBeGreaterThanOrEqual(5);
    }, 120_000);
  },
);

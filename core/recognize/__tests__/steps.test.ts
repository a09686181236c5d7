/**
 * `scanSteps` cuts a scan into steps so that the content script can let the
 * page breathe in between; whatever the step, the result must be exactly
 * `scan`'s: hits carried across step boundaries, sentences never cut, quotes
 * found across boundaries.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../data/index';
import { generateLongPage } from '../../../scripts/lib/long-page.mjs';
import { compileMatcher, type ScanResult } from '../index';

const matcher = compileMatcher(bundledDataset);
const SEEDS = path.resolve(__dirname, '../../../../shared/seeds');

function stepped(text: string, stepChars: number): { result: ScanResult; steps: number } {
  const g = matcher.scanSteps(text, {}, stepChars);
  let steps = 0;
  for (;;) {
    const r = g.next();
    steps++;
    if (r.done) return { result: r.value, steps };
  }
}

/** The text of a generated page, blocks on their own lines (as `readPageText` joins them). */
function pageText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '\n')
    .replace(/&amp;/g, '&')
    .replace(/\n+/g, '\n');
}

describe('scanSteps', () => {
  const reports = bundledDataset.sources.map((s) => readFileSync(path.join(SEEDS, s.file), 'utf8'));
  // All five reports on one page, so that every source's quotes, claims and events are in play.
  const all = reports.join('\n');

  it('gives exactly what scan gives, for any step size, on the five reports', () => {
    const whole = matcher.scan(all);
    expect(whole.relevant).toBe(true);
    expect(whole.claims.length).toBeGreaterThan(0);
    expect(whole.mentions.length).toBeGreaterThan(50);
    for (const step of [1, 7, 97, 1000, 4096]) {
      const { result, steps } = stepped(all, step);
      expect(result, `step ${step}`).toEqual(whole);
      expect(steps).toBeGreaterThan(all.length / step / 2);
    }
  }, 30_000); // many full scans: slow on a loaded machine, a figure for the benchmark, not a timed test

  it('finds the source of a single report with the quotes cut by step boundaries', () => {
    for (const report of reports) {
      const whole = matcher.scan(report);
      expect(whole.source).not.toBeNull();
      for (const step of [13, 251]) expect(stepped(report, step).result).toEqual(whole);
    }
  });

  it('gives exactly what scan gives on a generated long page (dense), in default steps', () => {
    const text = pageText(generateLongPage({ paragraphs: 600, density: 'dense' }).html);
    const whole = matcher.scan(text);
    const { result, steps } = stepped(text, 32_768);
    expect(result).toEqual(whole);
    expect(steps).toBeGreaterThan(text.length / 32_768);
  });

  it('stays quiet off-topic in steps too', () => {
    const text = 'Das Wetter in Paris war gut. Merz kaufte einen Mantel. '.repeat(200);
    const { result } = stepped(text, 50);
    expect(result).toEqual(matcher.scan(text));
    expect(result.relevant).toBe(false);
  });
});

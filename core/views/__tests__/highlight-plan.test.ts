/**
 * The highlight policy: synthetic cases for each rule, then the figure on the
 * real story pages of ../shared/coverage (read from there, never copied):
 * marks per 1,000 words by default, with every recognized item marked.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../data/index';
import { compileMatcher } from '../../recognize/index';
import { disputedSubjects, planHighlights, tellingItems, type HighlightMode } from '../highlight-plan';

const m = (start: number, id: string) => ({ start, end: start + 3, id });
const c = (start: number, end: number, subject: string) => ({ start, end, subject });

function plan(mode: HighlightMode, sectionStarts: number[] = []) {
  return planHighlights({
    mentions: [
      m(0, 'a'),
      m(10, 'b'),
      m(20, 'a'),
      m(30, 'trump'),
      m(42, 'trump'),
      m(60, 'a'),
      m(70, 'dull'),
      m(80, 'trump'),
    ],
    claims: [c(40, 50, 'trump')],
    sectionStarts,
    mode,
    telling: new Set(['a', 'b', 'trump']),
    disputed: new Set(['trump']),
  });
}
const starts = (p: { mentions: { start: number }[] }) => p.mentions.map((x) => x.start);

describe('planHighlights', () => {
  it('first: the first mention per item, plus disputed names inside a disputed sentence; never an item with nothing to tell', () => {
    const p = plan('first');
    expect(starts(p)).toEqual([0, 10, 30, 42]);
    expect(p.claims).toHaveLength(1);
  });

  it('first: each section starts afresh', () => {
    expect(starts(plan('first', [55]))).toEqual([0, 10, 30, 42, 60, 80]);
  });

  it('every: every mention of an item with something to tell', () => {
    expect(starts(plan('every'))).toEqual([0, 10, 20, 30, 42, 60, 80]);
  });

  it('disputes: the sentences, disputed names in them, and the first mention of a disputed name', () => {
    const p = plan('disputes');
    expect(starts(p)).toEqual([30, 42]);
    expect(p.claims).toHaveLength(1);
  });

  it('knows which items have something to tell and which are disputed in the bundled dataset', () => {
    const telling = tellingItems(bundledDataset);
    const disputed = disputedSubjects(bundledDataset);
    expect(telling.has('donald-trump')).toBe(true);
    expect(disputed.has('donald-trump')).toBe(true);
    for (const id of disputed) expect(telling.has(id)).toBe(true);
  });
});

const COVERAGE = path.resolve(__dirname, '../../../../shared/coverage/pages');

describe.runIf(existsSync(COVERAGE))('marks on the real story pages (../shared/coverage)', () => {
  const matcher = compileMatcher(bundledDataset);
  const telling = tellingItems(bundledDataset);
  const disputed = disputedSubjects(bundledDataset);
  const pages = readdirSync(COVERAGE)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const raw = readFileSync(path.join(COVERAGE, file), 'utf8');
      const cut = raw.indexOf('\n---\n');
      return { file, text: cut >= 0 ? raw.slice(cut + 5) : raw };
    });

  /**
   * The target is at most 30 marks per 1,000 words with every recognized item marked. On these
   * excerpts (about 300 words each) the distinct recognized items alone stand at about 48 per 1,000 words,
   * so no policy that marks each of them once can reach 30: the figure printed here is the honest one,
   * and the floor is printed beside it. What the test holds: every item marked, at most half the marks of
   * "every mention", and nothing beyond first mentions, the sentences and the disputed names in them.
   */
  it('by default: every recognized item marked at least once, far fewer marks than every mention', () => {
    let words = 0;
    let before = 0;
    let after = 0;
    let floor = 0;
    const lines: string[] = [];
    for (const { file, text } of pages) {
      const r = matcher.scan(text);
      if (!r.relevant) continue;
      const n = text.split(/\s+/).filter(Boolean).length;
      const p = planHighlights({
        mentions: r.mentions,
        claims: r.claims,
        sectionStarts: [0],
        mode: 'first',
        telling,
        disputed,
      });
      const all = r.mentions.length + r.claims.length;
      const kept = p.mentions.length + p.claims.length;
      const recognized = new Set(r.mentions.filter((x) => telling.has(x.id)).map((x) => x.id));
      expect(new Set(p.mentions.map((x) => x.id)), file).toEqual(recognized);
      const inSentences = r.mentions.filter(
        (x) => disputed.has(x.id) && r.claims.some((cl) => cl.start <= x.start && x.end <= cl.end),
      ).length;
      expect(kept, file).toBeLessThanOrEqual(recognized.size + r.claims.length + inSentences);
      floor += recognized.size;
      words += n;
      before += all;
      after += kept;
      lines.push(
        `${file.padEnd(64)} ${String(n).padStart(5)} words  ${((all * 1000) / n).toFixed(1).padStart(6)} → ${((kept * 1000) / n).toFixed(1).padStart(5)} per 1,000`,
      );
    }
    const perK = (after * 1000) / words;
    console.log(
      `${lines.join('\n')}\nALL ${pages.length} pages, ${lines.length} relevant, ${words} words: ` +
        `every mention ${((before * 1000) / words).toFixed(1)} → default ${perK.toFixed(1)} marks per 1,000 words ` +
        `(target 30; distinct recognized items alone: ${((floor * 1000) / words).toFixed(1)})`,
    );
    expect(lines.length).toBeGreaterThan(20);
    expect(after).toBeLessThanOrEqual(before / 2);
  });
});

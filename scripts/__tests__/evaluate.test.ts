// @vitest-environment node
/**
 * Recognition on real coverage: the figures of `npm run evaluate` on the
 * development set (`../shared/coverage`, read from there, never copied) stay
 * at or above the floors below. Raise a floor when recognition improves;
 * never lower one to let a change pass.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../data/index';
import { compileMatcher } from '../../core/recognize/index';
import { evaluateFolder, pageHtml, parsePageFile, type Evaluation } from '../lib/evaluation';

const COVERAGE = path.resolve(__dirname, '../../../shared/coverage');
const FLOORS = {
  onStoryRelevant: 43 / 44,
  nearTopicRelevantAtMost: 1 / 16,
  nearTopicHighlightedAtMost: 1,
  personRecall: 0.99,
  personPrecision: 0.99,
  eventRecall: 0.91,
  eventPrecision: 0.88,
  airFlagged: 17,
  airRight: 17,
  /** The other disputed questions: [flagged, value right] of the labelled pages. */
  questions: {
    'conference-attendees': [10, 9],
    'coalition-size': [5, 5],
    'attacks-injured': [2, 2],
  } as Record<string, [number, number]>,
  falseFlags: 0,
};

describe('page files of a labelled folder', () => {
  it('splits the header from the excerpt and builds the page a browser would show, without the labels', () => {
    const { header, text } = parsePageFile(
      'url: https://example.org/2025/08/20/x\nlanguage: en\nkind: on-story\npublished: 2025-08-20\ntitle: A <b> title\n---\nFirst line.\n\nSecond & last.\n',
    );
    expect(header).toEqual({
      url: 'https://example.org/2025/08/20/x',
      language: 'en',
      kind: 'on-story',
      published: '2025-08-20',
      title: 'A <b> title',
    });
    const html = pageHtml(header, text);
    expect(html).toContain('<title>A &lt;b&gt; title</title>');
    expect(html).toContain('<meta property="article:published_time" content="2025-08-20">');
    expect(html).toContain('<p>First line.</p>\n<p>Second &amp; last.</p>');
    expect(html).not.toContain('on-story');
    expect(parsePageFile('published: unknown\n---\nx').header.published).toBeNull();
    expect(() => parsePageFile('no header')).toThrow(/separator/);
  });
});

describe.runIf(existsSync(COVERAGE))('recognition on the development set (../shared/coverage)', () => {
  let ev: Evaluation;
  beforeAll(async () => {
    ev = await evaluateFolder(COVERAGE, bundledDataset, compileMatcher(bundledDataset));
  }, 120_000);

  it('finds the story on on-story pages and stays quiet on near-topic pages', () => {
    const t = ev.totals;
    expect(t.onStoryRelevant / t.onStory).toBeGreaterThanOrEqual(FLOORS.onStoryRelevant);
    expect(t.nearTopicRelevant / t.nearTopic).toBeLessThanOrEqual(FLOORS.nearTopicRelevantAtMost);
    expect(t.nearTopicHighlighted).toBeLessThanOrEqual(FLOORS.nearTopicHighlightedAtMost);
  });

  it('names the people and events the pages report', () => {
    const t = ev.totals;
    expect(t.personRecall).toBeGreaterThanOrEqual(FLOORS.personRecall);
    expect(t.personPrecision).toBeGreaterThanOrEqual(FLOORS.personPrecision);
    expect(t.eventRecall).toBeGreaterThanOrEqual(FLOORS.eventRecall);
    expect(t.eventPrecision).toBeGreaterThanOrEqual(FLOORS.eventPrecision);
  });

  it('flags what the pages say about Trump and air support, with the right value, and nothing false', () => {
    const air = ev.totals.questions.find((q) => q.aspect === 'trump-air-support');
    expect(air?.labelled).toBe(17);
    expect(air?.flagged).toBeGreaterThanOrEqual(FLOORS.airFlagged);
    expect(air?.right).toBeGreaterThanOrEqual(FLOORS.airRight);
    for (const q of ev.totals.questions) expect(q.falseFlags, q.aspect).toBeLessThanOrEqual(FLOORS.falseFlags);
    expect(ev.totals.nearTopicFlags).toBe(0);
  });

  it('flags the other disputed questions the pages answer, with the right value', () => {
    for (const [aspect, [flagged, right]] of Object.entries(FLOORS.questions)) {
      const q = ev.totals.questions.find((x) => x.aspect === aspect);
      expect(q?.flagged, aspect).toBeGreaterThanOrEqual(flagged);
      expect(q?.right, aspect).toBeGreaterThanOrEqual(right);
    }
  });
});

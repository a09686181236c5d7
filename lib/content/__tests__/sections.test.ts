import { describe, expect, it } from 'vitest';
import { PageTextReader, readPageText } from '../page-text';
import { SectionFinder, sectionStarts } from '../sections';

const html = Array.from(
  { length: 200 },
  (_, i) =>
    `<article><h2>Entry ${i}</h2><p>First <b>part</b> of entry ${i}.</p><p>Second part.</p></article><p>Between ${i}.</p>`,
).join('');

describe('section starts', () => {
  it('starts a section at each article and at the text between them', () => {
    document.body.innerHTML = '<p>Intro.</p><article><p>One.</p></article><p>Outro.</p>';
    const pt = readPageText(document.body);
    expect(sectionStarts(pt)).toEqual([0, pt.text.indexOf('One.'), pt.text.indexOf('Outro.')]);
  });

  it('finds the same starts in steps, over a text read in steps, as in one go', () => {
    document.body.innerHTML = html;
    const expected = sectionStarts(readPageText(document.body));
    expect(expected.length).toBe(400); // the first article starts at 0
    const reader = new PageTextReader(document.body);
    const finder = new SectionFinder();
    // Half the text read, its sections found; then the rest, its sections found 255 nodes a step.
    reader.read(() => true, reader.textLength + 5000);
    expect(finder.advance(reader.result())).toBe(true);
    expect(reader.read()).toBe(true);
    let steps = 0;
    while (!finder.advance(reader.result(), () => false)) steps++;
    expect(steps).toBeGreaterThan(0);
    expect(finder.starts).toEqual(expected);
  });
});

/** The highlight plan on a scan answer: first mentions per section, claims and disputed names in them kept. */
import { describe, expect, it } from 'vitest';
import type { ScanReply } from '../../messages';
import { planReply } from '../plan';
import { readPageText } from '../page-text';
import { entity, scanReply } from './scan-reply';

function page(html: string) {
  document.body.innerHTML = html;
  return readPageText(document.body);
}

describe('planReply', () => {
  it('keeps the first mention per article, every disputed sentence and the disputed names inside it', () => {
    const pt = page(
      '<article><p>NATO met. NATO met. Trump offered air support.</p></article><article><p>NATO again.</p></article>',
    );
    const at = (s: string, from = 0) => pt.text.indexOf(s, from);
    const nato1 = at('NATO');
    const nato2 = at('NATO', nato1 + 1);
    const nato3 = at('NATO', nato2 + 1);
    const trump = at('Trump');
    const sentence = [trump, at('support.') + 'support.'.length];
    const reply: ScanReply = scanReply(
      [
        { type: 'claim', aspect: 'air', value: 'offered', subject: 'trump', disputed: true, telling: true },
        entity('nato', 'organization'),
        entity('trump', 'person', { disputed: true }),
      ],
      [
        nato1,
        nato1 + 4,
        1,
        nato2,
        nato2 + 4,
        1,
        sentence[0]!,
        sentence[1]!,
        0,
        trump,
        trump + 5,
        2,
        nato3,
        nato3 + 4,
        1,
      ],
    );
    expect(planReply(reply, pt, 'first').ranges).toEqual([
      nato1,
      nato1 + 4,
      1,
      sentence[0],
      sentence[1],
      0,
      trump,
      trump + 5,
      2,
      nato3,
      nato3 + 4,
      1,
    ]);
    expect(planReply(reply, pt, 'every').ranges).toEqual(reply.ranges);
    expect(planReply(reply, pt, 'disputes').ranges).toEqual([sentence[0], sentence[1], 0, trump, trump + 5, 2]);
  });

  it('gives a general item (a country) without a disagreement no mark of its own, in any mode', () => {
    const pt = page('<p>Ukraine and Trump. Ukraine.</p>');
    const reply: ScanReply = scanReply(
      [entity('ukraine', 'place', { telling: false }), entity('trump', 'person', { disputed: true })],
      [0, 7, 0, 12, 17, 1, 19, 26, 0],
    );
    for (const mode of ['first', 'every', 'disputes'] as const)
      expect(planReply(reply, pt, mode).ranges, mode).toEqual([12, 17, 1]);
  });
});

/** Names the plan leaves unmarked are kept with the text of their first mention, found again as whole words. */
import { describe, expect, it } from 'vitest';
import type { ScanReply } from '../../messages';
import { readPageText } from '../page-text';
import { findMention, UnmarkedItems } from '../unmarked';
import { entity, scanReply } from './scan-reply';

describe('UnmarkedItems', () => {
  it('keeps the names without any planned mark, with their first mention', () => {
    document.body.innerHTML = '<p>USA and Trump. Kyjiw and the USA.</p>';
    const pt = readPageText(document.body);
    const reply: ScanReply = scanReply(
      [
        entity('usa', 'place', { telling: false }),
        entity('trump', 'person', { disputed: true }),
        entity('kyiv', 'place', { telling: false }),
      ],
      [0, 3, 0, 8, 13, 1, 15, 20, 2, 29, 32, 0],
    );
    const items = new UnmarkedItems();
    items.note(reply, { ...reply, ranges: [8, 13, 1] }, pt);
    expect(items.get('usa')?.surface).toBe('USA');
    expect(items.get('kyiv')?.surface).toBe('Kyjiw');
    expect(items.get('trump')).toBeUndefined();
    items.delete('usa');
    expect(items.get('usa')).toBeUndefined();
  });
});

describe('findMention', () => {
  it('finds a name as a word of its own, not inside a longer word', () => {
    expect(findMention('USAF and USA', 'USA')).toBe(9);
    expect(findMention('the USA.', 'USA')).toBe(4);
    expect(findMention('USAF', 'USA')).toBe(-1);
  });
});

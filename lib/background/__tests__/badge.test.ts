import { describe, expect, it } from 'vitest';
import { badgeFor } from '../badge';
import type { PageSummary } from '../../../core/page-summary';

const summary = (over: Partial<PageSummary>): PageSummary => ({
  url: 'https://x.example/',
  host: 'x.example',
  active: true,
  relevant: true,
  source: null,
  items: [
    { id: 'a', kind: 'person', count: 3 },
    { id: 'b', kind: 'place', count: 1 },
  ],
  events: [],
  claims: [],
  disputed: false,
  ...over,
});

describe('badgeFor', () => {
  it('counts recognized items and marks disagreements with "!" and red', () => {
    expect(badgeFor(summary({})).text).toBe('2');
    const disputed = badgeFor(summary({ disputed: true }));
    expect(disputed.text).toBe('2!');
    expect(disputed.color).toBe('#b3261e');
  });
  it('is empty for pages that are off, off-topic or unknown', () => {
    expect(badgeFor(null).text).toBe('');
    expect(badgeFor(summary({ relevant: false })).text).toBe('');
    expect(badgeFor(summary({ active: false })).text).toBe('');
  });
});

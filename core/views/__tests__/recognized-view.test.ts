import { describe, expect, it } from 'vitest';
import { buildEventChoices, defaultBriefEvent } from '../event-choices';
import { buildRecognizedView } from '../recognized-view';
import { fixture, pageSummary } from './fixture';
import { en } from './locale';

const summary = pageSummary({
  items: [
    { id: 'nato', kind: 'organization', count: 1 },
    { id: 'trump', kind: 'person', count: 3 },
    { id: 'conf', kind: 'event', count: 2 },
    { id: 'brussels', kind: 'place', count: 5 },
    { id: 'unknown', kind: 'person', count: 9 },
  ],
  events: ['white-house', 'conf'],
});

describe('buildRecognizedView', () => {
  it('groups known items by kind, events first, with counts and dispute marks', () => {
    const view = buildRecognizedView(summary, fixture(), en);
    expect(view.total).toBe(4);
    expect(view.groups.map((g) => [g.kind, g.heading, g.items.map((i) => i.id)])).toEqual([
      ['event', 'Events', ['conf']],
      ['person', 'People', ['trump']],
      ['organization', 'Organizations', ['nato']],
      ['place', 'Places', ['brussels']],
    ]);
    expect(view.groups[1]!.items[0]).toEqual({
      id: 'trump',
      name: 'Donald Trump',
      count: 3,
      countLabel: '3 × on this page',
      disputed: true,
    });
    expect(view.groups[2]!.items[0]!.disputed).toBe(false);
  });
});

describe('buildEventChoices and defaultBriefEvent', () => {
  it('offers the page’s events first, then the others by date, undated last', () => {
    const choices = buildEventChoices(fixture(), summary, en);
    expect(choices.onPage.map((c) => c.id)).toEqual(['white-house', 'conf']);
    expect(choices.others.map((c) => c.id)).toEqual(['summit', 'paris']);
    expect(choices.onPage[1]!.label).toBe('Video conference (20 August 2025)');
  });

  it('opens the requested event, else the page’s strongest, else the main event', () => {
    const d = fixture();
    expect(defaultBriefEvent(d, summary, 'paris')).toBe('paris');
    expect(defaultBriefEvent(d, summary, 'bogus')).toBe('white-house');
    expect(defaultBriefEvent(d, null)).toBe('conf');
  });
});

import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fixture, pageSummary } from '../../core/views/__tests__/fixture';
import { en } from '../../core/views/__tests__/locale';
import { buildRecognizedView } from '../../core/views';
import type { PageSummary } from '../../core/page-summary';
import { RecognizedList } from '../RecognizedList';

const summary = pageSummary({
  items: [
    { id: 'trump', kind: 'person', count: 3 },
    { id: 'conf', kind: 'event', count: 1 },
  ],
  events: ['conf'],
});

describe('RecognizedList', () => {
  it('groups by kind with counts and reports the choice', () => {
    const onSelect = vi.fn();
    render(<RecognizedList view={buildRecognizedView(summary, fixture(), en)} t={en.t} onSelect={onSelect} />);
    const people = screen.getByRole('region', { name: 'People (1)' });
    const trump = within(people).getByRole('button');
    expect(trump.textContent).toBe('Donald Trumpdisputed3 × on this page');
    fireEvent.click(trump);
    expect(onSelect).toHaveBeenCalledWith('trump');
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['Events (1)', 'People (1)']);
  });
});

describe('RecognizedList with many items', () => {
  it('shows the first items and a button that shows them all', () => {
    const many: PageSummary = {
      ...summary,
      items: ['trump', 'nato', 'brussels', 'loner'].map((id, i) => ({
        id,
        kind: (['person', 'organization', 'place', 'group'] as const)[i]!,
        count: 1,
      })),
    };
    render(<RecognizedList view={buildRecognizedView(many, fixture(), en)} t={en.t} onSelect={() => {}} limit={2} />);
    expect(screen.getAllByRole('button', { name: /on this page/ })).toHaveLength(2);
    const more = screen.getByRole('button', { name: 'Show all 4' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(screen.getAllByRole('button', { name: /on this page/ })).toHaveLength(4);
    expect(screen.getByRole('button', { name: 'Show fewer' }).getAttribute('aria-expanded')).toBe('true');
  });
});

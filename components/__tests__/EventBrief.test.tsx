import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fixture } from '../../core/views/__tests__/fixture';
import { en } from '../../core/views/__tests__/locale';
import { buildBriefView } from '../../core/views';
import { EventBrief } from '../EventBrief';

function renderBrief() {
  const onSelectEvent = vi.fn();
  const view = buildBriefView(fixture(), 'conf', en)!;
  render(<EventBrief view={view} t={en.t} onSelectEvent={onSelectEvent} />);
  return { onSelectEvent };
}

describe('EventBrief', () => {
  it('shows the facts under the event heading', () => {
    renderBrief();
    expect(screen.getByRole('heading', { level: 2, name: 'Video conference' })).toBeTruthy();
    const facts = document.querySelector('dl')!;
    expect(within(facts).getByText('20 August 2025').getAttribute('datetime')).toBe('2025-08-20');
    expect(facts.textContent).toBe('When20 August 2025WhereBrusselsStatushappened');
    expect(screen.getByText('The chiefs met.')).toBeTruthy();
  });

  it('spells out each disagreement', () => {
    renderBrief();
    const disputes = screen.getByRole('region', { name: 'Where the sources disagree' });
    const items = within(disputes).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'How many took part? “32” according to Agency A [1] and A supplied title that is rather… [2]; “30” according to Shared Pub [3].',
      'Did Trump offer US air support? “offered” according to Agency A [1]; “one option” according to Shared Pub [4]; not mentioned by A supplied title that is rather… [2] and Shared Pub [3].',
    ]);
    expect(items[1]!.querySelector('strong')?.textContent).toBe('Did Trump offer US air support?');
  });

  it('renders the matrix as a table with a caption, column and row headers, and marked cells', () => {
    renderBrief();
    const table = screen.getByRole('table');
    expect(table.querySelector('caption')?.textContent).toMatch(/^Each row is a question/);
    const columns = within(table).getAllByRole('columnheader');
    expect(columns.map((th) => [th.getAttribute('scope'), th.textContent])).toEqual([
      ['col', 'Question'],
      ['col', '1Agency A [1]'],
      ['col', '2A supplied title that is rather… [2]'],
      ['col', '3Shared Pub [3]'],
      ['col', '4Shared Pub [4]'],
    ]);
    const air = within(table).getByRole('rowheader', { name: /Did Trump offer US air support\?/ });
    expect(air.getAttribute('scope')).toBe('row');
    expect(air.textContent).toContain('disputed');
    expect([...air.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['A offered', 'B one option']);
    // Each cell: the answer's letter for the eye, the answer itself for screen readers.
    const cells = within(air.closest('tr')!)
      .getAllByRole('cell')
      .map((td) => td.textContent);
    expect(cells).toEqual(['Aoffered', '–not mentioned', '–not mentioned', 'Bone option']);
    const count = within(table).getByRole('rowheader', { name: /How many took part\?/ });
    expect(within(count.closest('tr')!).getAllByRole('cell').at(-1)!.textContent).toBe('does not cover it');
    const format = within(table).getByRole('rowheader', { name: /How was it held\?/ });
    expect(format.textContent).not.toContain('disputed');
  });

  it('orders the timeline in a list with machine-readable dates and marks the undated event', () => {
    const { onSelectEvent } = renderBrief();
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    const items = within(timeline).getAllByRole('listitem');
    expect(timeline.querySelector('ol')).toBeTruthy();
    expect(items.map((li) => li.querySelector('time')?.getAttribute('datetime') ?? null)).toEqual([
      '2025-08-15',
      '2025-08-18',
      '2025-08-20',
      null,
    ]);
    expect(items[2]!.getAttribute('aria-current')).toBe('true');
    expect(items[3]!.textContent).toContain('no date given');
    fireEvent.click(within(items[0]!).getByRole('button', { name: 'Alaska summit' }));
    expect(onSelectEvent).toHaveBeenCalledWith('summit');
  });

  it('lists the sources with publisher, date, language and the supplied-title flag', () => {
    renderBrief();
    const sources = screen.getByRole('region', { name: 'Sources' });
    const items = within(sources).getAllByRole('listitem');
    expect(items).toHaveLength(4);
    expect(items[1]!.textContent).toBe(
      '2A supplied title that is rather long for a chiptitle supplied by Crosscheckpublisher not named · August 2025 · German',
    );
  });
});

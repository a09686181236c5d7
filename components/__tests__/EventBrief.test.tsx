import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fixture } from '../../core/views/__tests__/fixture';
import { en } from '../../core/views/__tests__/locale';
import { buildBriefView } from '../../core/views';
import { EventBrief } from '../EventBrief';

/** The brief with every section open (as the reader may have left them). */
function renderBrief(open: string[] = ['matrix', 'timeline', 'participants', 'sources']) {
  const onSelectEvent = vi.fn();
  const onToggleSection = vi.fn();
  const view = buildBriefView(fixture(), 'conf', en)!;
  render(
    <EventBrief
      view={view}
      t={en.t}
      open={new Set(open)}
      onToggleSection={onToggleSection}
      onSelectEvent={onSelectEvent}
    />,
  );
  return { onSelectEvent, onToggleSection };
}
const section = (id: string) => document.getElementById(`section-${id}`) as HTMLDetailsElement;

describe('EventBrief', () => {
  it('shows the facts under the event heading', () => {
    renderBrief();
    expect(screen.getByRole('heading', { level: 2, name: 'Video conference' })).toBeTruthy();
    const facts = document.querySelector('.cc-story-facts')!;
    expect(
      within(facts as HTMLElement)
        .getByText('20 August 2025')
        .getAttribute('datetime'),
    ).toBe('2025-08-20');
    expect(facts.textContent).toBe('20 August 2025 · Brussels · happened');
    expect(screen.getByText('The chiefs met.')).toBeTruthy();
    expect(screen.getByText(/of 4 sources report on it/)).toBeTruthy();
  });

  it('gives each disagreement one line that opens to the positions with quotes', () => {
    renderBrief();
    const disputes = screen.getByRole('region', { name: 'Where the sources disagree (2)' });
    const lines = [...disputes.querySelectorAll('summary')];
    expect(lines.map((s) => s.textContent)).toEqual([
      'How many took part?: 32 (2) · 30 (1)',
      'Did Trump offer US air support?: offered (1) · one option (1) · not mentioned (2)',
    ]);
    const air = lines[1]!.parentElement as HTMLDetailsElement;
    expect(air.open).toBe(false);
    expect(within(air).getByText('Luftunterstützung in Aussicht gestellt').tagName).toBe('BLOCKQUOTE');
  });

  it('keeps the sections closed unless open, and reports a toggle', () => {
    const { onToggleSection } = renderBrief([]);
    expect(['matrix', 'timeline', 'participants', 'sources'].map((id) => section(id).open)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    section('matrix').open = true;
    fireEvent(section('matrix'), new Event('toggle'));
    expect(onToggleSection).toHaveBeenCalledWith('matrix', true);
  });

  it('renders the matrix as a table with a caption, column and row headers, and marked cells', () => {
    renderBrief();
    const table = screen.getByRole('table');
    expect(table.querySelector('caption')?.textContent).toMatch(/^Each row is a question/);
    const columns = within(table).getAllByRole('columnheader');
    expect(columns.map((th) => [th.getAttribute('scope'), th.textContent])).toEqual([
      ['col', 'Question'],
      ['col', '1Agency A'],
      ['col', '2A supplied title that is rather…'],
      ['col', '3Shared Pub'],
      ['col', '4Shared Pub: two'],
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
    const timeline = section('timeline');
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
    const items = [...section('sources').querySelectorAll('.cc-source')];
    expect(items).toHaveLength(4);
    expect(items[1]!.textContent).toBe(
      '2 A supplied title that is rather…short name given by CrosscheckA supplied title that is rather long for a chiptitle supplied by Crosscheckpublisher not named · August 2025 · German',
    );
    // Beside its full title the chip needs no tooltip of its own, nor a tab stop.
    expect(items[1]!.querySelector('.cc-chip')?.getAttribute('title')).toBe(
      'A supplied title that is rather long for a chip · publisher not named · August 2025',
    );
    expect(items[1]!.querySelector('[tabindex]')).toBeNull();
  });
});

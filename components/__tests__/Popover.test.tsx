import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fixture, fixtureInput } from '../../core/views/__tests__/fixture';
import { en } from '../../core/views/__tests__/locale';
import { parseDataset } from '../../core/dataset/validate';
import { buildPopoverView, type PopoverTarget } from '../../core/views';
import { Popover } from '../Popover';

function renderPopover(
  target: PopoverTarget = { type: 'entity', id: 'trump' },
  dataset = fixture(),
  pageSource?: string,
) {
  const view = buildPopoverView(dataset, target, { ...en, pageSource })!;
  const onClose = vi.fn();
  const onOpenBrief = vi.fn();
  const result = render(
    <Popover view={view} lang="en" t={en.t} headingId="pop-h" onClose={onClose} onOpenBrief={onOpenBrief} />,
  );
  return { ...result, onClose, onOpenBrief };
}

describe('Popover', () => {
  it('names itself by a heading with the given id', () => {
    renderPopover();
    const heading = screen.getByRole('heading', { level: 2, name: 'Donald Trump' });
    expect(heading.id).toBe('pop-h');
    expect(screen.getByText('US president')).toBeTruthy();
  });

  it('leads with the disputes, one line each, opening to the positions with their sources and quotes', () => {
    renderPopover();
    const disputes = screen.getByRole('region', { name: 'Where the sources disagree' });
    const sections = document.querySelectorAll('section');
    expect(sections[0]).toBe(disputes);
    const line = within(disputes).getByText('Did Trump offer US air support?').closest('details')!;
    expect(line.querySelector('summary')!.textContent).toBe(
      'Did Trump offer US air support?: offered (1) · one option (1) · not mentioned (2)',
    );
    const rows = [...line.querySelectorAll('.cc-position')];
    // The text as read, without the chips' tooltips (shown on hover and focus, read as the chips' descriptions).
    const read = (li: Element) => {
      const copy = li.cloneNode(true) as Element;
      copy.querySelectorAll('.cc-chip-tip').forEach((tip) => tip.remove());
      return copy.textContent;
    };
    expect(rows.map(read)).toEqual([
      'offered1 Agency ALuftunterstützung in Aussicht gestellt',
      expect.stringMatching(/^one option4 Shared Pub: two/),
      'Not mentioned: 2 A supplied title that is rather…3 Shared Pub',
    ]);
    // Every chip can be reached with the keyboard and is described by its full title and date.
    const chip = rows[0]!.querySelector<HTMLElement>('.cc-chip')!;
    expect(chip.tabIndex).toBe(0);
    const tip = document.getElementById(chip.getAttribute('aria-describedby')!)!;
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(tip.textContent).toBe('Conference report · Agency A · 20 August 2025');
  });

  it('says what each source reported in one line per source, the details on demand', () => {
    renderPopover();
    const reports = screen.getByRole('region', { name: 'What each source reported' });
    const lines = [...reports.querySelectorAll('summary')].map((s) => s.textContent);
    expect(lines[0]).toMatch(/^1 Agency A s-a says /);
    expect(lines[1]).toBe('2 A supplied title that is rather… s-b says ruled-out');
  });

  it('keeps agreements apart from disputes, collapsed', () => {
    renderPopover();
    const agreed = screen.getByText('Where they agree (1)').closest('details')!;
    expect(agreed.open).toBe(false);
    expect(within(agreed).getByText('Did Trump rule out US troops?')).toBeTruthy();
    expect(within(agreed).queryByText('disputed')).toBeNull();
  });

  it('toggles a quote with an aria-expanded button', () => {
    renderPopover();
    const reports = screen.getByRole('region', { name: 'What each source reported' });
    const [toggle] = within(reports).getAllByRole('button', { name: 'Show quote' });
    expect(toggle!.getAttribute('aria-expanded')).toBe('false');
    const quote = document.getElementById(toggle!.getAttribute('aria-controls')!)!;
    expect(quote.hidden).toBe(true);
    fireEvent.click(toggle!);
    expect(toggle!.getAttribute('aria-expanded')).toBe('true');
    expect(toggle!.textContent).toBe('Hide quote');
    expect(quote.hidden).toBe(false);
    expect(quote.textContent).toBe('Luftunterstützung in Aussicht gestellt');
    expect(quote.getAttribute('lang')).toBe('de');
  });

  it('closes and opens the brief through its callbacks', () => {
    const { onClose, onOpenBrief } = renderPopover();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Open the full event brief' }));
    expect(onOpenBrief).toHaveBeenLastCalledWith('conf');
    fireEvent.click(screen.getByRole('button', { name: /Alaska summit/ }));
    expect(onOpenBrief).toHaveBeenLastCalledWith('summit');
  });

  it('says for a disputed sentence who agrees and who contradicts it', () => {
    renderPopover({ type: 'claim', aspect: 'trump-air', value: 'offered' });
    expect(screen.getByText('This sentence says: offered')).toBeTruthy();
    expect(screen.getByText('This sentence agrees with: Agency A')).toBeTruthy();
    expect(screen.getByText('It contradicts: “one option” according to Shared Pub: two')).toBeTruthy();
  });

  it('shows the page being read as "This page", after the other sources', () => {
    renderPopover({ type: 'entity', id: 'trump' }, fixture(), 's-a');
    expect(screen.getByText(/shown here is what the other sources reported/)).toBeTruthy();
    const reports = screen.getByRole('region', { name: 'What each source reported' });
    const items = within(reports)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('cc-report'));
    expect(items.at(-1)!.textContent).toMatch(/^This page/);
  });

  it('renders hostile dataset strings as text', () => {
    const input = fixtureInput();
    const hostile = '<img src=x onerror=alert(1)>';
    input.entities[0]!.name = { en: hostile, de: hostile };
    input.entities[0]!.description = { en: `<script>alert(2)</script>`, de: 'x' };
    input.claims[0]!.quote = `<b onmouseover=alert(3)>q</b>`;
    const { container } = renderPopover({ type: 'entity', id: 'trump' }, parseDataset(input));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(hostile);
    expect(container.querySelector('img, script, b')).toBeNull();
    fireEvent.click(screen.getAllByRole('button', { name: 'Show quote' })[0]!);
    expect(screen.getAllByText('<b onmouseover=alert(3)>q</b>').length).toBeGreaterThan(0);
  });

  it('groups what each story reported under the story, the page’s story first and marked', () => {
    const view = buildPopoverView(fixture(), { type: 'entity', id: 'trump' }, en)!;
    const ids = view.reports.map((r) => r.source.id);
    const stories = [
      { id: 'b', title: 'Story B', onPage: true, sources: ids.slice(1) },
      { id: 'a', title: 'Story A', onPage: false, sources: ids.slice(0, 1) },
    ];
    render(
      <Popover
        view={{ ...view, stories }}
        lang="en"
        t={en.t}
        headingId="pop-h"
        onClose={vi.fn()}
        onOpenBrief={vi.fn()}
      />,
    );
    const titles = [...document.querySelectorAll('.cc-story-title')].map((h) => h.textContent);
    expect(titles).toEqual(['Story B this page’s story', 'Story A']);
    const groups = [...document.querySelectorAll('.cc-story')];
    expect(groups[1]!.querySelectorAll('.cc-reports > li')).toHaveLength(1);
    expect(groups[0]!.querySelectorAll('.cc-reports > li')).toHaveLength(ids.length - 1);
  });
});

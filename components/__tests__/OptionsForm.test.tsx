import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { en } from '../../core/views/__tests__/locale';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { OptionsForm } from '../OptionsForm';

function renderForm(over: Partial<Settings> = {}) {
  const onChange = vi.fn();
  const onTurnOnSite = vi.fn();
  const settings = { ...DEFAULT_SETTINGS, ...over };
  render(<OptionsForm settings={settings} t={en.t} onChange={onChange} onTurnOnSite={onTurnOnSite} />);
  return { onChange, onTurnOnSite };
}

describe('OptionsForm', () => {
  it('switches Crosscheck off', () => {
    const { onChange } = renderForm();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Crosscheck is on' }));
    expect(onChange).toHaveBeenCalledWith({ enabled: false });
  });

  it('offers each kind as a checkbox in a fieldset with a legend', () => {
    const { onChange } = renderForm();
    const group = screen.getByRole('group', { name: 'What to highlight' });
    expect(
      within(group)
        .getAllByRole('checkbox')
        .map((c) => c.parentElement!.textContent),
    ).toEqual(['People', 'Organizations', 'Places', 'Groups', 'Events', 'Disputed statements']);
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Disputed statements' }));
    expect(onChange).toHaveBeenCalledWith({ kinds: { ...DEFAULT_SETTINGS.kinds, claim: false } });
  });

  it('chooses style, contrast and language', () => {
    const { onChange } = renderForm();
    fireEvent.click(screen.getByRole('radio', { name: 'Underline' }));
    expect(onChange).toHaveBeenCalledWith({ highlightStyle: 'underline' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'High contrast' }));
    expect(onChange).toHaveBeenCalledWith({ highContrast: true });
    fireEvent.click(screen.getByRole('radio', { name: 'Deutsch' }));
    expect(onChange).toHaveBeenCalledWith({ language: 'de' });
  });

  it('shows the hover delay while it moves and reports it when let go', () => {
    const { onChange } = renderForm();
    const slider = screen.getByRole('slider', { name: 'Hover delay before a popover opens' });
    expect(screen.getByText('300 ms')).toBeTruthy();
    fireEvent.input(slider, { target: { value: '750' } });
    expect(screen.getByText('750 ms')).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(slider, { target: { value: '750' } });
    expect(onChange).toHaveBeenCalledWith({ hoverDelayMs: 750 });
  });

  it('lists turned-off sites with a button to turn each back on', () => {
    const { onTurnOnSite } = renderForm({ disabledSites: ['www.example.org'] });
    fireEvent.click(screen.getByRole('button', { name: 'Turn back on for www.example.org' }));
    expect(onTurnOnSite).toHaveBeenCalledWith('www.example.org');
  });

  it('says when no site is turned off', () => {
    renderForm();
    expect(screen.getByText('Crosscheck is on for every site.')).toBeTruthy();
  });
});

import 'fake-indexeddb/auto';
import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { getSettings, updateSettings } from '../../../lib/storage/settings';
import { App } from '../App';

function renderApp() {
  return render(<App initialSettings={DEFAULT_SETTINGS} />);
}

describe('options App', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await updateSettings({ language: 'en' });
  });

  it('saves a change at once and says so politely', async () => {
    renderApp();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Crosscheck is on' }));
    const status = await screen.findByText('Saved. Open tabs update at once.');
    expect(status.getAttribute('role')).toBe('status');
    expect((await getSettings()).enabled).toBe(false);
  });

  it('re-renders in the chosen language at once', async () => {
    renderApp();
    fireEvent.click(screen.getByRole('radio', { name: 'Deutsch' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Crosscheck-Einstellungen');
    expect(document.documentElement.lang).toBe('de');
    await screen.findByText('Gespeichert. Offene Tabs übernehmen es sofort.');
    expect((await getSettings()).language).toBe('de');
  });

  it('reflects changes made elsewhere', async () => {
    renderApp();
    await updateSettings({ hoverDelayMs: 900, disabledSites: ['news.example'] });
    await screen.findByText('900 ms');
    fireEvent.click(screen.getByRole('button', { name: 'Turn back on for news.example' }));
    await screen.findByText('Crosscheck is on for every site.');
    await vi.waitFor(async () => expect((await getSettings()).disabledSites).toEqual([]));
  });

  it('shows the story packs and no other data section', async () => {
    renderApp();
    expect(await screen.findByRole('heading', { level: 2, name: 'Story packs' })).toBeTruthy();
    expect(screen.queryByLabelText('Import a dataset (JSON)…')).toBeNull();
  });
});

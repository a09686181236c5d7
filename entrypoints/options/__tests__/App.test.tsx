import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { getSettings, updateSettings } from '../../../lib/storage/settings';
import { App } from '../App';

const store = vi.hoisted(() => ({
  importDataset: vi.fn(),
  resetToBundled: vi.fn(async () => {}),
  loadActiveDataset: vi.fn(),
  watchActiveDataset: vi.fn(() => () => {}),
}));
vi.mock('../../../lib/storage/dataset-store', () => store);

function renderApp() {
  return render(<App initialSettings={DEFAULT_SETTINGS} initialDataset={{ name: 'Fixture', imported: false }} />);
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

  it('imports a dataset file and shows why one was refused', async () => {
    store.importDataset.mockResolvedValueOnce({ ok: false, error: '$.version: must be 1' });
    renderApp();
    const input = screen.getByLabelText('Import a dataset (JSON)…');
    fireEvent.change(input, { target: { files: [new File(['{"version":2}'], 'd.json')] } });
    expect((await screen.findByRole('alert')).textContent).toBe('The file was not imported: $.version: must be 1');
    expect(store.importDataset).toHaveBeenCalledWith('{"version":2}');
  });
});

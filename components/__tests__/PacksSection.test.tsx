import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { en } from '../../core/views/__tests__/locale';
import type { PackSummary } from '../../core/pack/summary';
import { PacksSection } from '../PacksSection';

const row = (over: Partial<PackSummary>): PackSummary => ({
  id: 'nato',
  title: { de: 'NATO-Gipfel', en: 'NATO summit' },
  revision: 1,
  attribution: 'Crosscheck project',
  license: 'CC-BY-4.0',
  homepage: null,
  languages: ['de'],
  counts: { sources: 5, entities: 57, events: 14, aspects: 73, claims: 141 },
  enabled: true,
  bundled: true,
  imported: false,
  bytes: 1000,
  ...over,
});

const handlers = () => ({ onImport: vi.fn(), onToggle: vi.fn(), onRemove: vi.fn(), onExport: vi.fn() });

describe('PacksSection', () => {
  it('lists each pack with title, revision, attribution and counts; the bundled one cannot be removed', () => {
    const h = handlers();
    render(
      <PacksSection
        t={en.t}
        lang="en"
        busy={false}
        error={null}
        packs={[
          row({}),
          row({
            id: 'arctic',
            title: { de: 'Arktis', en: 'Arctic' },
            revision: 3,
            attribution: 'A newsroom',
            bundled: false,
            imported: true,
            enabled: false,
            homepage: 'https://example.org/',
          }),
        ]}
        {...h}
      />,
    );
    expect(screen.getByRole('heading', { name: 'NATO summit' })).toBeTruthy();
    expect(screen.getByText(/revision 3 · by A newsroom/)).toBeTruthy();
    expect(
      screen.getAllByText('5 sources · 57 people, organizations and places · 14 events · 141 claims'),
    ).toHaveLength(2);
    expect(screen.getByText(/Homepage \(not opened by Crosscheck\): https:\/\/example.org\//)).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove “NATO summit”' })).toBeNull();
    const arctic = screen.getByRole('checkbox', { name: 'Recognize “Arctic”' }) as HTMLInputElement;
    expect(arctic.checked).toBe(false);
    fireEvent.click(arctic);
    expect(h.onToggle).toHaveBeenCalledWith('arctic', true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove “Arctic”' }));
    expect(h.onRemove).toHaveBeenCalledWith('arctic');
    fireEvent.click(screen.getByRole('button', { name: 'Export “NATO summit”' }));
    expect(h.onExport).toHaveBeenCalledWith('nato');
  });

  it('hands over a chosen file and shows an import error as an alert', () => {
    const h = handlers();
    render(
      <PacksSection
        t={en.t}
        lang="en"
        busy={false}
        error="$.pack.revision: must be an integer"
        packs={[row({})]}
        {...h}
      />,
    );
    const file = new File(['{}'], 'p.zip', { type: 'application/zip' });
    fireEvent.change(screen.getByLabelText('Import a pack (.json or .zip)…'), { target: { files: [file] } });
    expect(h.onImport).toHaveBeenCalledWith(file);
    expect(screen.getByRole('alert').textContent).toBe(
      'The file was not imported: $.pack.revision: must be an integer. Every installed pack stays as it was.',
    );
  });

  it('offers to remove an imported update of the bundled pack', () => {
    render(
      <PacksSection t={en.t} lang="en" busy={false} error={null} packs={[row({ imported: true })]} {...handlers()} />,
    );
    expect(screen.getByRole('button', { name: 'Remove the imported update of “NATO summit”' })).toBeTruthy();
  });
});

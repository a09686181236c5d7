import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { en } from '../../core/views/__tests__/locale';
import { DataSection } from '../DataSection';

describe('DataSection', () => {
  it('names the active dataset and hands over a chosen file', () => {
    const onImport = vi.fn();
    render(<DataSection t={en.t} datasetName="NATO 2025" imported={false} onImport={onImport} error={null} />);
    expect(screen.getByText('Using the bundled dataset “NATO 2025”.')).toBeTruthy();
    const input = screen.getByLabelText('Import a dataset (JSON)…') as HTMLInputElement;
    const file = new File(['{}'], 'data.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
    expect(onImport).toHaveBeenCalledWith(file);
    expect(screen.queryByRole('button', { name: 'Use the bundled dataset' })).toBeNull();
  });

  it('shows the import error as an alert and offers to go back to the bundled data', () => {
    const onReset = vi.fn();
    render(
      <DataSection
        t={en.t}
        datasetName="Mine"
        imported
        onImport={() => {}}
        onReset={onReset}
        error="$.sources[0].id: must be a slug"
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('The file was not imported: $.sources[0].id: must be a slug');
    fireEvent.click(screen.getByRole('button', { name: 'Use the bundled dataset' }));
    expect(onReset).toHaveBeenCalledOnce();
  });
});

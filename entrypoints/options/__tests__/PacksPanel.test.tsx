import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { arcticPack } from '../../../core/pack/__tests__/fixture';
import { en } from '../../../core/views/__tests__/locale';
import { bundledPack } from '../../../data/bundled-pack';
import { PackStore } from '../../../lib/storage/pack-store';
import { PacksPanel } from '../PacksPanel';

let n = 0;
const openStore = () => PackStore.open({ bundled: [bundledPack()], name: `panel-${n++}` });
const fileOf = (name: string, value: unknown) =>
  new File([typeof value === 'string' ? value : JSON.stringify(value)], name, { type: 'application/json' });
const choose = (file: File) =>
  fireEvent.change(screen.getByLabelText('Import a pack (.json or .zip)…'), { target: { files: [file] } });

describe('PacksPanel', () => {
  it('imports, updates, refuses a malformed file keeping everything, turns off and removes', async () => {
    const announce = vi.fn();
    const open = openStore; // one store per render
    render(<PacksPanel t={en.t} lang="en" announce={announce} open={open} />);
    await screen.findByRole('heading', { name: 'NATO and security guarantees for Ukraine, August 2025' });
    await waitFor(() =>
      expect((screen.getByLabelText('Import a pack (.json or .zip)…') as HTMLInputElement).disabled).toBe(false),
    );

    choose(fileOf('arctic.json', arcticPack()));
    await screen.findByRole('heading', { name: 'Arctic summit in Tromsø' });
    expect(announce).toHaveBeenLastCalledWith('Imported “Arctic summit in Tromsø”, revision 1.');

    choose(fileOf('arctic.json', arcticPack({ revision: 2 })));
    await waitFor(() => expect(announce).toHaveBeenLastCalledWith('Updated “Arctic summit in Tromsø” to revision 2.'));
    expect(screen.getByText(/revision 2 · by Crosscheck tests/)).toBeTruthy();

    choose(fileOf('broken.json', '{"pack": {'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^The file was not imported: broken.json: not valid JSON/);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText(/revision 2 · by Crosscheck tests/)).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Recognize “Arctic summit in Tromsø”' }));
    await waitFor(() =>
      expect(
        (screen.getByRole('checkbox', { name: 'Recognize “Arctic summit in Tromsø”' }) as HTMLInputElement).checked,
      ).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove “Arctic summit in Tromsø”' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(announce).toHaveBeenLastCalledWith('Removed “Arctic summit in Tromsø”.');
  });

  it('says so when the packs cannot be read', async () => {
    render(
      <PacksPanel t={en.t} lang="en" announce={() => {}} open={() => Promise.reject(new Error('no IndexedDB'))} />,
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'the installed packs cannot be read (no IndexedDB)',
    );
  });
});

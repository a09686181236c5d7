import { render } from 'preact';
import { loadActiveDataset } from '../../lib/storage/dataset-store';
import { getSettings } from '../../lib/storage/settings';
import { App } from './App';
import './style.css';

const root = document.getElementById('app');
if (root) {
  void Promise.all([getSettings(), loadActiveDataset()]).then(([settings, { dataset, imported }]) =>
    render(<App initialSettings={settings} initialDataset={{ name: dataset.name, imported }} />, root),
  );
}

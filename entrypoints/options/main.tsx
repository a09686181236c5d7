import { render } from 'preact';
import { getSettings } from '../../lib/storage/settings';
import { App } from './App';
import './style.css';

const root = document.getElementById('app');
if (root) {
  void getSettings().then((settings) => render(<App initialSettings={settings} />, root));
}

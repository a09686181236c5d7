import { render } from 'preact';
import { App } from './App';
import { loadPopupData } from './load-popup-data';
import './style.css';

const root = document.getElementById('app');
if (root) {
  void loadPopupData(new URL(location.href)).then((data) => {
    document.documentElement.classList.toggle('cc-in-tab', data.inTab);
    render(<App data={data} />, root);
  });
}

// End-to-end tests against the *built* extension: Chromium first, then Firefox,
// one file at a time (node's test runner, concurrency 1).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { requireBrowser } from './lib/browsers.mjs';

requireBrowser('chromium');
requireBrowser('firefox');
if (!existsSync('.output/chrome-mv3/manifest.json') || !existsSync('.output/firefox-mv2/manifest.json')) {
  console.error('No build found: run `npm run build` first (npm test does).');
  process.exit(1);
}
const only = process.argv.slice(2);
const files = readdirSync('e2e')
  .filter((f) => f.endsWith('.e2e.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort((a, b) => Number(a.includes('firefox')) - Number(b.includes('firefox')) || a.localeCompare(b))
  .map((f) => `e2e/${f}`);
const r = spawnSync('node', ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);

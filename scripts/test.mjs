// `npm test`: every check, in order, stopping at the first failure.
// type-check → lint → format check → unit tests → build (Chrome + Firefox) →
// web-ext lint of the Firefox build → end-to-end tests in Chromium and Firefox
// (serially: the machine may have 2 cores) → a fast robustness subset.
import { spawnSync } from 'node:child_process';
import { requireBrowser } from './lib/browsers.mjs';

/** @type {[name: string, command: string, args: string[]][]} */
const steps = [
  ['type-check', 'npx', ['tsc', '--noEmit']],
  ['type-check (JavaScript harness: tsconfig.mjs.json)', 'npx', ['tsc', '-p', 'tsconfig.mjs.json']],
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  ['unit tests', 'npx', ['vitest', 'run']],
  ['build', 'npm', ['run', '-s', 'build']],
  ['web-ext lint (Firefox build)', 'node', ['scripts/webext-lint.mjs']],
  ['end-to-end (Chromium + Firefox)', 'node', ['scripts/e2e.mjs']],
];

// Say it up front, before minutes of other steps: the browser tests need browsers.
requireBrowser('chromium');
requireBrowser('firefox');

const started = Date.now();
for (const [name, cmd, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${r.status ?? r.signal}) after ${secs}s`);
    process.exit(r.status || 1);
  }
  console.log(`✔ ${name} (${secs}s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)}s.`);

// web-ext lint on the Firefox build: 0 errors required. Warnings are printed
// (each one is explained in README.md, "Firefox add-on lint").
import { spawnSync } from 'node:child_process';

const r = spawnSync(
  'npx',
  [
    'web-ext',
    'lint',
    '--source-dir',
    '.output/firefox-mv2',
    '--output',
    'json',
    '--self-hosted',
    '--no-config-discovery',
  ],
  { encoding: 'utf8' },
);
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
const { errors, warnings, notices } = report.summary;
for (const kind of ['errors', 'warnings', 'notices']) {
  for (const m of report[kind] ?? []) console.log(`  ${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''} — ${m.message}`);
}
console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices`);
process.exit(errors === 0 ? 0 : 1);

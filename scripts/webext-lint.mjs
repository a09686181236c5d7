// web-ext lint on the Firefox build: 0 errors required. Warnings are printed
// (each one is explained in README.md, "Firefox add-on lint").
import { runWebExtLint } from './lib/webext-lint.mjs';

const { report, error } = runWebExtLint();
if (!report) {
  console.error(error);
  process.exit(1);
}
const { errors, warnings, notices } = report.summary;
for (const kind of ['errors', 'warnings', 'notices']) {
  for (const m of report[kind] ?? []) console.log(`  ${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''} — ${m.message}`);
}
console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices`);
process.exit(errors === 0 ? 0 : 1);

// `web-ext lint` on the Firefox build, as JSON: used by `npm run lint:firefox`
// (scripts/webext-lint.mjs) and by the robustness suite's manifest checks.
import { spawnSync } from 'node:child_process';

/** Runs the linter; `{ report }` on success, `{ error }` (its output) when it did not run. */
export function runWebExtLint({ sourceDir = '.output/firefox-mv2', timeout = 180_000 } = {}) {
  const r = spawnSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', sourceDir, '--output', 'json', '--self-hosted', '--no-config-discovery'],
    { encoding: 'utf8', timeout },
  );
  try {
    return { report: JSON.parse(r.stdout) };
  } catch {
    return { error: `${r.stdout ?? ''}${r.stderr ?? ''}` };
  }
}

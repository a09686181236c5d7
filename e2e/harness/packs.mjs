// The second story pack of the end-to-end tests, made as an author makes one:
// `npm run -s pack` over report files written for the tests (e2e/packs/reports/).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const pack = (...args) => spawnSync('npm', ['run', '-s', 'pack', '--', ...args], { encoding: 'utf8' });

/**
 * Checks the pack source against its reports (every claim's quote found verbatim with `pack quote`, `pack check`
 * passes) and builds the importable file with `pack build`.
 * @returns {{ file: string, pack: any }}
 */
export function buildTestPack(source = 'e2e/packs/arctic.pack.json') {
  const value = JSON.parse(readFileSync(source, 'utf8'));
  for (const c of value.claims) {
    const report = value.sources.find((s) => s.id === c.source).file;
    const found = pack('quote', `e2e/packs/reports/${report}`, c.quote);
    assert.equal(found.status, 0, found.stderr);
    assert.equal(found.stdout.trim(), c.quote, `${c.id}: the quote is the report's own words`);
  }
  const check = pack('check', source, '--no-corpus');
  assert.equal(check.status, 0, check.stdout + check.stderr);
  const file = join(mkdtempSync(join(tmpdir(), 'crosscheck-pack-')), `${value.pack.id}.json`);
  const build = pack('build', source, '--out', file);
  assert.equal(build.status, 0, build.stderr);
  return { file, pack: JSON.parse(readFileSync(file, 'utf8')) };
}

// @vitest-environment node
/**
 * The dataset CLI, run as a real process (npx tsx scripts/dataset.ts).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

function dataset(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'scripts/dataset.ts', ...args], { cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('dataset CLI', () => {
  it('--check FILE validates a file; two modes at once or a stray argument is a usage error (exit 2)', async () => {
    const [ok, both, stray] = await Promise.all([
      dataset(['--check', 'data/dataset.json']),
      dataset(['--json', '--check', 'data/dataset.json']),
      dataset(['data/dataset.json']),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK: data\/dataset\.json is a valid dataset /);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('One of --json, --check, --help');
    expect(both.stdout).toBe('');
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('Usage: npm run -s dataset --');
  }, 60_000);
});

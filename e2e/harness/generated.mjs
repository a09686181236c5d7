// Pages made at test time: the React live blog (bundled with esbuild) and the
// long generated article. Written to a temporary folder served as /gen/.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { generateLongPage } from '../../scripts/lib/long-page.mjs';

export async function makeGeneratedPages() {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-gen-'));
  await build({
    entryPoints: ['e2e/pages/react-app.jsx'],
    bundle: true,
    outfile: join(dir, 'react-app.js'),
    jsx: 'automatic',
    jsxImportSource: 'react',
    tsconfigRaw: {},
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  for (const density of /** @type {const} */ (['realistic', 'dense'])) {
    await writeFile(join(dir, `long-${density}.html`), generateLongPage({ density }).html);
  }
  return dir;
}

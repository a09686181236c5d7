// Bundle size of every entrypoint of the built Chrome extension, raw and
// gzip (zlib's default level, 6, like the `gzip` command): the files the
// browser loads for it, shared chunks included, followed through <script>,
// <link> and static/dynamic `import` of relative paths.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (buf) => gzipSync(buf).length;

function allFiles(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

/** Files an HTML page or a JS module pulls in, transitively (paths inside `root`). */
function closure(root, entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    /** @type {string[]} */
    const refs = [];
    if (file.endsWith('.html')) {
      for (const m of text.matchAll(/\b(?:src|href)="([^"]+)"/g)) refs.push(m[1] ?? '');
    } else if (file.endsWith('.js')) {
      for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([./][^"']+\.js)["']/g)) refs.push(m[1] ?? '');
    }
    for (const ref of refs) {
      if (/^[a-z]+:/i.test(ref)) continue;
      visit(ref.startsWith('/') ? join(root, ref) : resolve(dirname(file), ref));
    }
  };
  visit(entry);
  return [...seen];
}

export function bundleSizes(outDir, datasetPath) {
  const root = resolve(outDir);
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const entries = [];
  const add = (name, files) => {
    const rows = files.map((f) => {
      const buf = readFileSync(f);
      return { file: relative(root, f), raw: buf.length, gzip: gz(buf) };
    });
    entries.push({
      name,
      files: rows,
      raw: rows.reduce((a, r) => a + r.raw, 0),
      gzip: rows.reduce((a, r) => a + r.gzip, 0),
    });
  };
  if (manifest.background?.service_worker)
    add('background', closure(root, join(root, manifest.background.service_worker)));
  (manifest.content_scripts ?? []).forEach((cs, i) => {
    const files = [...(cs.js ?? []), ...(cs.css ?? [])].flatMap((f) => closure(root, join(root, f)));
    add(i === 0 ? 'content' : `content-${i}`, files);
  });
  // The full stage (not in the manifest): injected by the background where the first stage found a
  // story (lib/background/stages.ts). Its styles (highlights.css) come with the first stage, in the manifest.
  const full = ['content-scripts/full.js'].map((f) => join(root, f));
  if (existsSync(full[0] ?? ''))
    add(
      'full stage',
      full.flatMap((f) => closure(root, f)),
    );
  if (manifest.action?.default_popup) add('popup', closure(root, join(root, manifest.action.default_popup)));
  const optionsPage = manifest.options_ui?.page ?? manifest.options_page;
  if (optionsPage) add('options', closure(root, join(root, optionsPage)));
  const everything = allFiles(root);
  const total = everything.reduce((a, f) => a + statSync(f).size, 0);
  // The dataset alone, minified, for scale: how much of the content script it is.
  const dataset = Buffer.from(JSON.stringify(JSON.parse(readFileSync(datasetPath, 'utf8'))));
  return {
    entries,
    totalRaw: total,
    files: everything.length,
    datasetMinified: { raw: dataset.length, gzip: gz(dataset) },
  };
}

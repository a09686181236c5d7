// A static file server on 127.0.0.1 (a free port) for the demo pages, the test
// pages and, for the robustness suite, ../shared/corpus. GET only; no directory
// listings; paths cannot leave their roots. Extra headers per path prefix
// (e.g. a strict Content-Security-Policy) come from `headers`.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};

/**
 * @typedef {object} Server
 * @property {string} origin
 * @property {(path: string) => string} url the address of `path` on this server
 * @property {string[]} requests every request's path, in order
 * @property {() => Promise<void>} close
 */

/**
 * @param {Record<string, string>} mounts URL prefix → directory, e.g. { '/demo/': 'demo' }
 * @param {{ headers?: Record<string, Record<string, string>> }} [options]
 * @returns {Promise<Server>}
 */
export async function startServer(mounts, options = {}) {
  const roots = Object.entries(mounts).map(([prefix, dir]) => /** @type {const} */ ([prefix, resolve(dir)]));
  /** @type {string[]} */
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url ?? '/');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const mount = roots.find(([prefix]) => url.pathname.startsWith(prefix));
    if (req.method !== 'GET' || !mount) {
      res.writeHead(404).end('not found');
      return;
    }
    const [prefix, dir] = mount;
    const rel = normalize(decodeURIComponent(url.pathname.slice(prefix.length))).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, rel || 'index.html');
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const extra = Object.entries(options.headers ?? {})
        .filter(([p]) => url.pathname.startsWith(p))
        .reduce((acc, [, h]) => ({ ...acc, ...h }), {});
      const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, ...extra });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () => new Promise((ok) => server.close(() => ok(undefined))),
  };
}

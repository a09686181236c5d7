// The one way the end-to-end tests, the benchmark, the robustness suite and
// `npm start` launch Debian's Chromium (playwright-core): a persistent context
// in a fresh profile, with the built Chrome MV3 extension (or another unpacked
// extension, or none), its service worker found and its id known, and the
// console errors of pages and of the extension collected.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { requireBrowser } from '../../scripts/lib/browsers.mjs';

export const CHROME_BUILD = resolve('.output/chrome-mv3');

/** Flags that keep Chromium off the network and quiet on a machine with no display. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--metrics-recording-only',
  '--no-default-browser-check',
];

/**
 * @typedef {object} LaunchOptions
 * @property {boolean | string} [extension] `false`: no extension (`--disable-extensions`); a path: that
 *   unpacked extension; default: the built extension (`.output/chrome-mv3`)
 * @property {boolean} [headless] default true
 * @property {{ width: number, height: number } | null} [viewport] default 1280×800; `null`: the window's size
 * @property {'light' | 'dark'} [colorScheme]
 * @property {string} [locale] default en-US (also `--lang`)
 * @property {'reduce' | 'no-preference'} [reducedMotion]
 * @property {string[]} [args] more Chromium flags
 * @property {string} [profilePrefix] name prefix of the temporary profile folder
 */

/**
 * @typedef {object} ChromiumHandle
 * @property {import('playwright-core').BrowserContext} context
 * @property {import('playwright-core').Worker | null} worker the extension's service worker (null without extension)
 * @property {string | null} extensionId
 * @property {{ where: string, message: string }[]} errors console errors and uncaught exceptions of pages and the worker
 * @property {(path: string) => string} extensionUrl
 * @property {() => Promise<void>} close closes the browser and deletes its profile
 */

/**
 * @param {LaunchOptions} [opts]
 * @returns {Promise<ChromiumHandle>}
 */
export async function launchChromium(opts = {}) {
  const executablePath = requireBrowser('chromium');
  const userDataDir = await mkdtemp(join(tmpdir(), opts.profilePrefix ?? 'crosscheck-chromium-'));
  const extensionPath = opts.extension === false ? null : typeof opts.extension === 'string' ? resolve(opts.extension) : CHROME_BUILD; // prettier-ignore
  const args = [...CHROMIUM_ARGS, ...(opts.args ?? []), `--lang=${opts.locale ?? 'en-US'}`];
  if (extensionPath) args.push(`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`);
  else args.push('--disable-extensions');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: opts.headless ?? true,
    args,
    viewport: opts.viewport === undefined ? { width: 1280, height: 800 } : opts.viewport,
    colorScheme: opts.colorScheme ?? 'light',
    locale: opts.locale ?? 'en-US',
    reducedMotion: opts.reducedMotion ?? 'no-preference',
  });
  /** @type {ChromiumHandle['errors']} */
  const errors = [];
  /** @param {import('playwright-core').Page} page */
  const watchPage = (page) => {
    page.on('pageerror', (err) => errors.push({ where: page.url(), message: String(err?.stack ?? err) }));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push({ where: page.url(), message: msg.text() });
    });
  };
  context.on('page', watchPage);
  context.pages().forEach(watchPage);

  /** @type {string | null} */
  let extensionId = null;
  /** @type {import('playwright-core').Worker | null} */
  let worker = null;
  // Only an extension with a background service worker announces itself here (the bench's minimal
  // extensions have none).
  if (extensionPath === CHROME_BUILD || (extensionPath && (await hasServiceWorker(extensionPath)))) {
    worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? null;
    worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
    extensionId = new URL(worker.url()).host;
    worker.on('console', (msg) => {
      if (msg.type() === 'error') errors.push({ where: 'service-worker', message: msg.text() });
    });
  }
  return {
    context,
    worker,
    extensionId,
    errors,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    },
  };
}

/** @param {string} dir an unpacked extension */
async function hasServiceWorker(dir) {
  const { readFile } = await import('node:fs/promises');
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  return typeof manifest?.background?.service_worker === 'string';
}

/**
 * The set-up every Chromium end-to-end file shares: `before` serves `mounts`
 * (an object, or an async function returning one) from 127.0.0.1 and launches
 * Chromium with the built extension; `after` closes both. `h` and `server` are
 * read after `before` has run (they throw before that).
 * @param {Record<string, string> | (() => Promise<Record<string, string>>)} mounts
 * @param {LaunchOptions} [opts]
 */
export function withChromium(mounts, opts) {
  /** @type {ChromiumHandle | null} */
  let h = null;
  /** @type {import('./server.mjs').Server | null} */
  let server = null;
  before(async () => {
    server = await startServer(typeof mounts === 'function' ? await mounts() : mounts);
    h = await launchChromium(opts);
  });
  after(async () => {
    await h?.close();
    await server?.close();
  });
  return {
    get h() {
      if (!h) throw new Error('withChromium: the browser is not launched yet (use it inside a test)');
      return h;
    },
    get server() {
      if (!server) throw new Error('withChromium: the server is not started yet (use it inside a test)');
      return server;
    },
  };
}

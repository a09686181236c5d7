// Loads the built Chrome MV3 extension into Debian's Chromium through
// playwright-core, finds its id from the service worker, and collects console
// errors of pages and of the extension.
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
 * @param {{ extension?: boolean, viewport?: {width:number,height:number}, colorScheme?: 'light'|'dark', locale?: string, reducedMotion?: 'reduce'|'no-preference' }} [opts]
 */
export async function launchChromium(opts = {}) {
  const executablePath = requireBrowser('chromium');
  const userDataDir = await mkdtemp(join(tmpdir(), 'crosscheck-chromium-'));
  const withExtension = opts.extension !== false;
  const args = [...CHROMIUM_ARGS, `--lang=${opts.locale ?? 'en-US'}`];
  if (withExtension) args.push(`--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args,
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    colorScheme: opts.colorScheme ?? 'light',
    locale: opts.locale ?? 'en-US',
    reducedMotion: opts.reducedMotion ?? 'no-preference',
  });
  const errors = [];
  const watchPage = (page) => {
    page.on('pageerror', (err) => errors.push({ where: page.url(), message: String(err?.stack ?? err) }));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push({ where: page.url(), message: msg.text() });
    });
  };
  context.on('page', watchPage);
  context.pages().forEach(watchPage);

  let extensionId = null;
  let worker = null;
  if (withExtension) {
    worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
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
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The set-up every Chromium end-to-end file shares: `before` serves `mounts`
 * (an object, or an async function returning one) from 127.0.0.1 and launches
 * Chromium with the built extension; `after` closes both. The returned object
 * holds `h` (see launchChromium) and `server` once `before` has run.
 */
export function withChromium(mounts, opts) {
  const env = { h: null, server: null };
  before(async () => {
    env.server = await startServer(typeof mounts === 'function' ? await mounts() : mounts);
    env.h = await launchChromium(opts);
  });
  after(async () => {
    await env.h?.close();
    await env.server?.close();
  });
  return env;
}

// Debian's Chromium for the robustness suite: jailed to 127.0.0.1, with monitors
// for every request and every error, for the page and for the extension.
//
// The jail, three layers deep:
// 1. `context.route('**/*')` aborts every http(s) request whose host is not
//    127.0.0.1 (pages and the extension's service worker alike) and records it;
// 2. a dead proxy (`--proxy-server=127.0.0.1:9`, loopback is never proxied)
//    catches anything the route does not see, IP literals included;
// 3. `--host-resolver-rules` resolves no name but 127.0.0.1, so not even a
//    DNS lookup leaves the machine.
//
// The monitors, one CDP session per page (plus its frames, which share the
// renderer on one origin): Network (every request with its initiator and stack),
// Runtime (exceptions and console calls, with the execution context they came
// from: the extension's content script runs in its own isolated world, whose
// origin is chrome-extension://…) and Log (browser-side errors). The service
// worker gets its own CDP session (attached from a monitor tab; Network and
// Runtime too), so a request or an error of the background is seen as well.
import { launchChromium } from '../harness/chromium.mjs';
import {
  classifyError,
  classifyPageRequest,
  consoleText,
  exceptionText,
  isExtensionUrl,
  isNetworkUrl,
} from './classify.mjs';
import { countMarksInPage, snapshotInPage } from './dom.mjs';

export const JAIL_ARGS = [
  '--proxy-server=http://127.0.0.1:9',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/** @param {number} ms */
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Chromium (launchChromium) with the jail and the monitors.
 * @param {{ extension?: boolean, viewport?: {width:number,height:number}, locale?: string }} [opts]
 */
export async function launchJailedChromium(opts = {}) {
  const withExtension = opts.extension !== false;
  const h = await launchChromium({
    extension: withExtension ? undefined : false,
    viewport: opts.viewport,
    locale: opts.locale,
    args: JAIL_ARGS,
    colorScheme: 'light',
    reducedMotion: 'reduce',
    profilePrefix: 'crosscheck-robust-',
  });
  const context = h.context;

  /** Requests the route guard aborted. @type {{ url: string, by: 'page'|'extension', where: string | null }[]} */
  const blocked = [];
  await context.route('**/*', async (route) => {
    const req = route.request();
    let host = '';
    try {
      host = new URL(req.url()).hostname;
    } catch {
      // not a URL we can read: block it
    }
    if (!isNetworkUrl(req.url()) || host === '127.0.0.1') {
      await route.continue().catch(() => {});
      return;
    }
    const sw = req.serviceWorker();
    blocked.push({
      url: req.url().slice(0, 300),
      by: sw && isExtensionUrl(sw.url()) ? 'extension' : 'page',
      where: sw ? sw.url() : (req.frame()?.url() ?? null),
    });
    await route.abort('blockedbyclient').catch(() => {});
  });

  // `worker`, `sw`, `extensionId` and `extensionOrigin` are set with the extension; the suite only
  // reads them in a browser that has it (without: they stay null, typed as set for brevity).
  const env = {
    context,
    blocked,
    withExtension,
    extensionId: /** @type {string} */ (/** @type {unknown} */ (null)),
    extensionOrigin: /** @type {string} */ (/** @type {unknown} */ (null)),
    worker: /** @type {import('playwright-core').Worker} */ (/** @type {unknown} */ (null)),
    sw: /** @type {Awaited<ReturnType<typeof monitorServiceWorker>>} */ (/** @type {unknown} */ (null)),
    close: h.close,
    /** @type {(url: string, timeout?: number) => Promise<any>} */
    waitForSummary: async () => null,
    /** @type {(on: boolean) => Promise<void>} */
    setSiteEnabled: async () => {},
    /** @type {(url: string, pageOpts?: OpenOptions) => ReturnType<typeof openMonitored>} */
    open: (url, pageOpts) => openMonitored(env, url, pageOpts),
  };

  if (withExtension) {
    let worker = context.serviceWorkers().find((w) => isExtensionUrl(w.url()));
    worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
    env.worker = worker;
    env.extensionId = new URL(worker.url()).host;
    env.extensionOrigin = `chrome-extension://${env.extensionId}`;
    await installSummaryListener(worker);
    context.on('serviceworker', (w) => {
      if (!isExtensionUrl(w.url())) return;
      env.worker = w;
      void installSummaryListener(w).catch(() => {});
    });
    env.sw = await monitorServiceWorker(context, env.extensionOrigin);
  }

  /** The page summaries the content script sent to the background, by page URL. */
  env.waitForSummary = async (url, timeout = 15_000) => {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      const hit = await env.worker
        .evaluate((u) => {
          const list = globalThis.__ccRobustSummaries ?? [];
          const i = list.findIndex((x) => x.url === u && x.frameId === 0);
          return i < 0 ? null : list.splice(i, 1)[0].summary;
        }, url)
        .catch(() => null);
      if (hit) return hit;
      await sleep(40);
    }
    return null;
  };

  /** Turns Crosscheck off (or back on) for 127.0.0.1, as the popup's site switch does: `disabledSites` in storage.sync. */
  env.setSiteEnabled = async (on) => {
    for (let attempt = 0; ; attempt++) {
      const err = await env.worker
        .evaluate(async (enable) => {
          try {
            const { settings } = await chrome.storage.sync.get('settings');
            const s = settings && typeof settings === 'object' ? settings : {};
            const others = (Array.isArray(s.disabledSites) ? s.disabledSites : []).filter((h) => h !== '127.0.0.1');
            await chrome.storage.sync.set({
              settings: { ...s, disabledSites: enable ? others : [...others, '127.0.0.1'] },
            });
            return null;
          } catch (e) {
            return String(/** @type {Error} */ (e)?.message ?? e);
          }
        }, on)
        .catch((e) => String(e?.message ?? e));
      if (!err) return;
      // storage.sync allows 120 writes a minute: wait and try again.
      if (/QUOTA|quota/.test(err) && attempt < 8) await sleep(8000);
      else throw new Error(`setSiteEnabled(${on}): ${err}`);
    }
  };

  /** Opens `url` in a new tab with monitors; `js: false` disables the page's scripts (not the extension's). */
  return env;
}

/**
 * In the service worker: remember every page summary — sent by the full stage (`page-summary`), or
 * recorded by the background itself when the first stage's check found nothing (a tab's summary in
 * `storage.session`, the top frame's only). The background's own listeners are untouched.
 */
async function installSummaryListener(worker) {
  await worker.evaluate(() => {
    if (globalThis.__ccRobustSummaries) return;
    globalThis.__ccRobustSummaries = [];
    const remember = (/** @type {any} */ entry) => {
      globalThis.__ccRobustSummaries.push(entry);
      if (globalThis.__ccRobustSummaries.length > 200) globalThis.__ccRobustSummaries.shift();
    };
    chrome.runtime.onMessage.addListener((message, sender) => {
      if (message && message.type === 'page-summary')
        remember({ url: sender.url, frameId: sender.frameId, summary: message.summary });
      return undefined;
    });
    chrome.storage.session.onChanged.addListener((changes) => {
      for (const [key, change] of Object.entries(changes)) {
        const summary = /** @type {any} */ (change).newValue;
        if (key.startsWith('tab-') && summary && !summary.relevant && summary.items?.length === 0)
          remember({ url: summary.url, frameId: 0, summary });
      }
    });
  });
}

/**
 * A CDP session on the extension's service worker, attached from a monitor tab
 * (Target.attachToTarget; messages relayed with Target.sendMessageToTarget), re-
 * attached if the worker restarts. Everything the worker requests is the
 * extension's; so is every exception and console error it raises.
 */
async function monitorServiceWorker(context, extensionOrigin) {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  const mon = {
    /** @type {{ url: string, network: boolean, type: string | null }[]} */
    requests: [],
    /** @type {{ kind: string, message: string }[]} */
    errors: [],
    attached: 0,
    /** @type {import('playwright-core').Page | null} */
    tab: null,
    /** @type {((sessionId: string, method: string, params?: object) => Promise<unknown>) | null} */
    send: null,
    /** @type {Set<string>} */
    sessions: new Set(),
  };
  const sessions = mon.sessions;
  let id = 0;
  const send = (sessionId, method, params = {}) =>
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method, params }) });
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    if (!sessions.has(sessionId)) return;
    const m = JSON.parse(message);
    if (m.method === 'Network.requestWillBeSent') {
      const url = m.params.request.url;
      mon.requests.push({ url: url.slice(0, 300), network: isNetworkUrl(url), type: m.params.type ?? null });
    } else if (m.method === 'Runtime.exceptionThrown') {
      mon.errors.push({ kind: 'exception', message: exceptionText(m.params.exceptionDetails) });
    } else if (m.method === 'Runtime.consoleAPICalled' && (m.params.type === 'error' || m.params.type === 'assert')) {
      mon.errors.push({ kind: 'console.error', message: consoleText(m.params.args) });
    }
  });
  const attach = async (targetId) => {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
    sessions.add(sessionId);
    mon.attached++;
    await send(sessionId, 'Network.enable');
    await send(sessionId, 'Runtime.enable');
  };
  const isOurs = (t) => t.type === 'service_worker' && t.url.startsWith(extensionOrigin);
  cdp.on('Target.targetCreated', ({ targetInfo }) => {
    if (isOurs(targetInfo)) void attach(targetInfo.targetId).catch(() => {});
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await cdp.send('Target.getTargets');
  const known = targetInfos.filter(isOurs);
  // setDiscoverTargets already reported the existing ones; attach if that raced.
  if (mon.attached === 0) for (const t of known) await attach(t.targetId).catch(() => {});
  for (let i = 0; i < 50 && mon.attached === 0; i++) await sleep(20);
  if (mon.attached === 0) throw new Error('could not attach to the extension service worker');
  mon.tab = tab;
  mon.send = send;
  return mon;
}

/**
 * @typedef {object} OpenOptions
 * @property {boolean} [js] false: the page's own scripts are disabled (not the extension's)
 * @property {string | (() => void) | null} [initScript] run in the page before its scripts
 * @property {'load' | 'domcontentloaded' | 'networkidle' | 'commit'} [waitUntil]
 * @property {{ width: number, height: number }} [viewport]
 */

/**
 * A tab with its monitors. Returns helpers to evaluate in a clean isolated
 * world, take snapshots and read what the monitors saw.
 * @param {{ context: import('playwright-core').BrowserContext }} env
 * @param {string} url
 * @param {OpenOptions} [options]
 */
async function openMonitored(
  env,
  url,
  { js = true, initScript = null, waitUntil = 'domcontentloaded', viewport } = {},
) {
  const page = await env.context.newPage();
  let crashed = false;
  const pending = new Set();
  page.on('crash', () => {
    crashed = true;
    for (const reject of pending) reject(new Error('the page crashed'));
  });
  if (viewport) await page.setViewportSize(viewport);
  const cdp = await env.context.newCDPSession(page);
  const extContexts = new Set();
  /** @type {ReturnType<typeof classifyPageRequest>[]} */
  const requests = [];
  /** @typedef {{ kind: string, message: string, url?: string | null }} SeenError */
  /** @type {{ extension: SeenError[], page: SeenError[] }} */
  const errors = { extension: [], page: [] };
  /** @param {'extension' | 'page'} where @param {SeenError} item */
  const record = (where, item) => errors[where].push(item);
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
    if (isExtensionUrl(c.origin)) extContexts.add(c.id);
  });
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => {
    const who = classifyError({ contextId: d.executionContextId, url: d.url, stack: d.stackTrace }, extContexts);
    record(who, { kind: 'exception', message: exceptionText(d), url: d.url ?? null });
  });
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (e.type !== 'error' && e.type !== 'assert') return;
    const who = classifyError({ contextId: e.executionContextId, stack: e.stackTrace }, extContexts);
    record(who, { kind: 'console.error', message: consoleText(e.args) });
  });
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (entry.level !== 'error') return;
    // A failed load is on whoever asked for it.
    const request = entry.networkRequestId ? requests.find((r) => r.requestId === entry.networkRequestId) : null;
    const who = request ? request.by : classifyError({ url: entry.url, stack: entry.stackTrace }, extContexts);
    record(who, { kind: `log.${entry.source}`, message: String(entry.text).slice(0, 500), url: entry.url ?? null });
  });
  cdp.on('Network.requestWillBeSent', (e) => requests.push(classifyPageRequest(e)));
  await Promise.all([cdp.send('Runtime.enable'), cdp.send('Log.enable'), cdp.send('Network.enable')]);
  if (!js) await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  if (initScript) await page.addInitScript(initScript);

  const worlds = new Map();
  /** CDP calls on a crashed renderer may never answer: fail fast instead. */
  const send = (method, params, ms = 30_000) => {
    if (crashed) return Promise.reject(new Error('the page crashed'));
    let timer;
    let rejecter;
    return Promise.race([
      cdp.send(method, params),
      new Promise((_, no) => {
        rejecter = no;
        pending.add(no);
        timer = setTimeout(() => no(new Error(`${method}: no answer in ${ms} ms`)), ms);
      }),
    ]).finally(() => {
      clearTimeout(timer);
      pending.delete(rejecter);
    });
  };
  const frameTree = async () => (await send('Page.getFrameTree')).frameTree;
  /** Evaluates `fn(arg)` in a fresh isolated world of the frame (the main frame by default). */
  const evalIsolated = async (fn, arg, frameId) => {
    frameId ??= (await frameTree()).frame.id;
    for (let attempt = 0; attempt < 2; attempt++) {
      let contextId = worlds.get(frameId);
      if (contextId === undefined) {
        ({ executionContextId: contextId } = await send('Page.createIsolatedWorld', {
          frameId,
          worldName: 'crosscheck-robustness',
        }));
        worlds.set(frameId, contextId);
      }
      const r = await send('Runtime.evaluate', {
        expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
        contextId,
        returnByValue: true,
        awaitPromise: true,
      }).catch((e) => ({ lost: e }));
      if (r.lost) {
        worlds.delete(frameId);
        if (attempt === 0 && !crashed) continue;
        throw r.lost;
      }
      if (r.exceptionDetails) throw new Error(`in page: ${exceptionText(r.exceptionDetails)}`);
      return r.result.value;
    }
    return undefined;
  };
  /** Evaluates in the extension's own content-script world (for the positive controls). */
  const evalInExtensionWorld = async (expression) => {
    const [contextId] = [...extContexts];
    if (contextId === undefined) throw new Error('no extension world in this page');
    const r = await send('Runtime.evaluate', { expression, contextId, returnByValue: true, awaitPromise: true });
    return r.result?.value;
  };

  /** Evaluates an expression in the page's own (main) world, by value, without the page's JSON or prototypes. */
  const evalMain = async (expression) => {
    const r = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(`in page: ${exceptionText(r.exceptionDetails)}`);
    return r.result.value;
  };

  const t0 = Date.now();
  let loadError = null;
  const response = await page.goto(url, { waitUntil, timeout: 30_000 }).catch((e) => {
    loadError = String(e?.message ?? e).split('\n')[0];
    return null;
  });
  return {
    page,
    cdp,
    url,
    response,
    loadError,
    openedAt: t0,
    requests,
    errors,
    extContexts,
    frameTree,
    evalIsolated,
    evalInExtensionWorld,
    evalMain,
    get crashed() {
      return crashed;
    },
    snapshot: (opts = {}, frameId) => evalIsolated(snapshotInPage, opts, frameId),
    marks: (frameId) => evalIsolated(countMarksInPage, null, frameId),
    async waitForMarks(predicate, timeout = 10_000, frameId) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const n = await evalIsolated(countMarksInPage, null, frameId).catch(() => -1);
        if (predicate(n)) return n;
        if (Date.now() > deadline || crashed) return n;
        await sleep(50);
      }
    },
    async close() {
      await Promise.race([page.close().catch(() => {}), sleep(10_000)]);
    },
  };
}

// Positive controls: before any count of "0 extension requests" or "0 extension
// errors" is believed, each counter must see a request or an error that is made
// on purpose, and attribute it to the right side. A run whose controls fail
// reports nothing else as passed.
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * @param {Awaited<ReturnType<import('./chromium-env.mjs').launchJailedChromium>>} env with the extension
 * @param {{ url(path: string): string }} server serving /hostile/ (e2e/pages/hostile)
 */
export async function runControls(env, server) {
  const checks = [];
  const check = (name, ok, detail = '') => checks.push({ name, ok: !!ok, detail });
  const until = async (fn, timeout = 3000) => {
    const deadline = Date.now() + timeout;
    while (!fn() && Date.now() < deadline) await sleep(25);
    return fn();
  };

  const url = server.url('/hostile/control.html?control=1');
  const tab = await env.open(url, { js: true });
  const summary = await env.waitForSummary(url);
  check(
    'the content script reports a page summary (done signal)',
    summary?.relevant === true,
    JSON.stringify(summary?.items?.length),
  );

  // 1. The page's own request and error: seen, and the page's.
  await until(() => tab.requests.some((r) => r.url.includes('from=page-script')));
  const own = tab.requests.find((r) => r.url.includes('from=page-script'));
  check('a page-made fetch is seen by the page monitor', own, own?.url);
  check('… and attributed to the page', own?.by === 'page', own?.by);
  await until(() => tab.errors.page.some((e) => e.message.includes('page-own control error')));
  check(
    'a page-made error is seen and attributed to the page',
    tab.errors.page.some((e) => e.message.includes('page-own control error')) && tab.errors.extension.length === 0,
    JSON.stringify(tab.errors).slice(0, 300),
  );
  await until(() => env.blocked.some((b) => b.url.includes('control.invalid/blocked.png')));
  const img = env.blocked.find((b) => b.url.includes('control.invalid/blocked.png'));
  check('a page request to another host is blocked by the route guard, as the page’s', img?.by === 'page', img?.by);

  // 2. The same from the extension's content-script world (code that names itself
  //    as the content script, as the real one is named in stack traces).
  const source = `//# sourceURL=${env.extensionOrigin}/first-stage.js`;
  const status = await tab
    .evalInExtensionWorld(`fetch('/hostile/control.html?from=content-script').then((r) => r.status)\n${source}`)
    .catch((e) => String(e));
  await until(() => tab.requests.some((r) => r.url.includes('from=content-script')));
  const cs = tab.requests.find((r) => r.url.includes('from=content-script'));
  check('a fetch from the extension’s content-script world is seen', cs && status === 200, `${status}`);
  check('… and attributed to the extension', cs?.by === 'extension', cs?.by);
  await tab.evalInExtensionWorld(
    `setTimeout(() => { throw new Error('extension-world control error'); }); console.error('extension-world control console'); 1\n${source}`,
  );
  await until(() => tab.errors.extension.length >= 2);
  check(
    'an exception and a console error in the content-script world are the extension’s',
    tab.errors.extension.some((e) => e.message.includes('extension-world control error')) &&
      tab.errors.extension.some((e) => e.message.includes('extension-world control console')),
    JSON.stringify(tab.errors.extension).slice(0, 300),
  );
  await tab.close();

  // 3. The service worker: a request to 127.0.0.1, one to another host, an error.
  const swStatus = await env.worker.evaluate(
    async (u) => (await fetch(u)).status,
    server.url('/hostile/control.html?from=sw'),
  );
  await until(() => env.sw.requests.some((r) => r.url.includes('from=sw')));
  check(
    'a service-worker fetch is seen by the worker’s CDP monitor',
    swStatus === 200 && env.sw.requests.some((r) => r.url.includes('from=sw') && r.network),
  );
  const external = await env.worker.evaluate(async () => {
    try {
      await fetch('http://control.invalid/from-sw');
      return 'reached';
    } catch {
      return 'failed';
    }
  });
  const swBlocked = env.blocked.find((b) => b.url.includes('control.invalid/from-sw'));
  check(
    'a service-worker request to another host is blocked, as the extension’s',
    external === 'failed' && swBlocked?.by === 'extension',
    swBlocked?.by,
  );
  await env.worker.evaluate(() => {
    setTimeout(() => {
      throw new Error('service-worker control error');
    });
  });
  await until(() => env.sw.errors.some((e) => e.message.includes('service-worker control error')));
  check(
    'a service-worker exception is seen',
    env.sw.errors.some((e) => e.message.includes('service-worker control error')),
  );

  // The controls are done: what they made is not the extension's doing.
  env.sw.requests.length = 0;
  env.sw.errors.length = 0;
  env.blocked.length = 0;
  return { ok: checks.every((c) => c.ok), checks };
}

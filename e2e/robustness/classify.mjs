// Pure classifiers for what the monitors see: is a request or an error the
// extension's or the page's own? Kept free of browser code so that the rules
// are easy to read and to test (see controls.mjs for the live positive controls).

/** Any URL of an extension's own resources (Chromium or Firefox). */
export const isExtensionUrl = (url) => typeof url === 'string' && /^(chrome|moz)-extension:\/\//.test(url);

/** http(s) and ws(s): what leaves the browser (everything else is local: data:, blob:, extension files). */
export const isNetworkUrl = (url) => typeof url === 'string' && /^(https?|wss?):/i.test(url);

/** All script URLs of a CDP stack trace, with its async parents. */
export function stackUrls(stack) {
  const urls = [];
  for (let s = stack; s; s = s.parent) for (const f of s.callFrames ?? []) urls.push(f.url);
  return urls;
}

/**
 * A page target's `Network.requestWillBeSent` → who made it.
 * `extension`: its initiator (script stack or initiator URL) is extension
 * code, or it has no initiator in the page and asks for an extension's own
 * resource; else `page` (the page's own parser, scripts, styles, or the
 * browser on its behalf, e.g. the favicon). A page that links another
 * extension's file (a saved page can: `chrome-extension://<other id>/x.css`,
 * which Chromium turns into a blocked `chrome-extension://invalid/`) made
 * that request itself.
 */
export function classifyPageRequest(event) {
  const { request, initiator = {} } = event;
  const urls = [initiator.url, ...stackUrls(initiator.stack)].filter((u) => typeof u === 'string' && u !== '');
  const byExtension = urls.some(isExtensionUrl) || (urls.length === 0 && isExtensionUrl(request.url));
  return {
    url: request.url,
    type: event.type ?? null,
    by: /** @type {'extension' | 'page'} */ (byExtension ? 'extension' : 'page'),
    network: isNetworkUrl(request.url),
    initiator: initiator.type ?? null,
    frameId: event.frameId ?? null,
    requestId: event.requestId ?? null,
  };
}

/**
 * A `Runtime.exceptionThrown` / `Runtime.consoleAPICalled` / `Log.entryAdded`
 * of a page target → `extension` when it was raised in an extension's world
 * (its execution context is one of the extension's isolated worlds) or its
 * script URL / stack is the extension's; else `page`.
 */
/**
 * @param {{ contextId?: number, url?: string, stack?: any }} source
 * @param {Set<number>} extensionContexts
 */
export function classifyError({ contextId, url, stack }, extensionContexts) {
  const urls = [url, ...stackUrls(stack)];
  if ((contextId !== undefined && extensionContexts.has(contextId)) || urls.some(isExtensionUrl)) return 'extension';
  return /** @type {'extension' | 'page'} */ ('page');
}

/** Text of a CDP `RemoteObject` list (console arguments), short. */
export function consoleText(args = []) {
  return args
    .map((a) => (a.value !== undefined ? String(a.value) : (a.description ?? a.type)))
    .join(' ')
    .slice(0, 500);
}

/** The message of a CDP `ExceptionDetails`, short. */
export function exceptionText(d) {
  return String(d.exception?.description ?? d.text ?? 'exception').slice(0, 500);
}

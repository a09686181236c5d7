// Three minimal Chrome extensions, written to a temporary folder at bench start,
// for "the least a content script can cost": injected like Crosscheck's
// (http and https pages, every frame, document_idle), one does nothing at all,
// one reads the page's text with a TreeWalker (the floor) and stops, and one
// does the least a content script that asks its background can do: at idle it
// reads the text with `textContent` and sends it in one message, which its
// service worker answers. Their added main-thread time, against the same page
// without any extension, is what any content script pays here before it does
// its own work; the last one's traced tasks (attributed.mjs) are the floor of
// Crosscheck's first stage.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @type {Record<string, string>} name → content script */
const SCRIPTS = {
  empty: '// Nothing: the cost of being injected.\n',
  reader: `// The floor inside a content script: a TreeWalker read of the page's text.
(() => {
  performance.mark('crosscheck-minimal:read-start');
  const w = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let n = w.nextNode(); n; n = w.nextNode()) chars += n.data.length;
  performance.measure('crosscheck-minimal:read', 'crosscheck-minimal:read-start');
  globalThis.__ccMinimalChars = chars;
})();
`,
  messenger: `// The least a content script that asks its background does: read the text, send it, hear the answer.
(() => {
  const ask = () => {
    const text = (document.body ?? document.documentElement).textContent ?? '';
    chrome.runtime.sendMessage({ type: 'check', text: text.slice(0, 200000) }).then(() => {}, () => {});
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(ask, { timeout: 1500 });
  else setTimeout(ask, 50);
})();
`,
};

/** Service workers of the minimal extensions that have one. */
const WORKERS = {
  messenger: `chrome.runtime.onMessage.addListener((message, _sender, respond) => {
  respond({ load: false, chars: String(message?.text ?? '').length });
});
`,
};

/**
 * Writes the minimal extensions under `dir`.
 * @param {string} dir
 * @returns {Record<'empty' | 'reader' | 'messenger', string>} name → unpacked extension folder
 */
export function writeMinimalExtensions(dir) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const [name, script] of Object.entries(SCRIPTS)) {
    const root = join(dir, `minimal-${name}`);
    mkdirSync(root, { recursive: true });
    const worker = WORKERS[/** @type {keyof typeof WORKERS} */ (name)];
    const manifest = {
      manifest_version: 3,
      name: `Crosscheck bench: ${name} content script`,
      version: '1.0.0',
      content_scripts: [
        { matches: ['http://*/*', 'https://*/*'], all_frames: true, run_at: 'document_idle', js: ['content.js'] },
      ],
      ...(worker ? { background: { service_worker: 'worker.js' } } : {}),
    };
    writeFileSync(join(root, 'manifest.json'), JSON.stringify(manifest, null, 2));
    writeFileSync(join(root, 'content.js'), script);
    if (worker) writeFileSync(join(root, 'worker.js'), worker);
    out[name] = root;
  }
  return /** @type {Record<'empty' | 'reader' | 'messenger', string>} */ (out);
}

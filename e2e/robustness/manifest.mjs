// Manifest hygiene of the built extension (.output/chrome-mv3, .output/firefox-mv2):
// the fewest permissions, no remote code, no eval, and web-ext lint on the
// Firefox build with 0 errors (every warning listed with its explanation).
import { runWebExtLint } from '../../scripts/lib/webext-lint.mjs';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv2'];

/**
 * Content scripts run on web pages only; the permissions are storage (settings, imported dataset, per-tab
 * results) and scripting (the full stage is injected where the first stage found a story), with host access
 * to exactly the pages the content script runs on (which its match patterns grant anyway: no new warning).
 */
const EXPECTED_PERMISSIONS = ['storage', 'scripting'];
const EXPECTED_MATCHES = ['http://*/*', 'https://*/*'];

/**
 * Every http(s) URL a bundle may contain, and why it is harmless. A URL that
 * matches none is a failure until someone looks at it and adds it here.
 */
export const ALLOWED_URLS = [
  {
    re: /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xhtml|1998\/Math\/MathML|1999\/xlink|2000\/xmlns\/?|XML\/1998\/namespace)$/,
    why: 'XML namespace URIs (Preact’s createElementNS, the page-text reader’s namespace test): identifiers, never fetched',
  },
  {
    re: /^https:\/\/(developer\.mozilla\.org|wxt\.dev|github\.com\/wxt-dev)\//,
    why: 'documentation and issue links inside error and warning messages of WXT and @webext-core/isolated-element: text, never fetched',
  },
  {
    re: /^https?:\/\/\*\/\*$/,
    why: 'the content script’s own match patterns (WXT keeps defineContentScript’s options in the bundle): a pattern, never fetched',
  },
];

/** Code that builds code from strings (or loads it from elsewhere). */
/** @type {[RegExp, string][]} */
const DYNAMIC_CODE = [
  [/(^|[^\w$.])eval\s*\(/, 'eval('],
  [/new\s+Function\s*\(/, 'new Function('],
  [/(^|[^\w$.])Function\s*\(\s*["'`]/, 'Function("…")'],
  [/set(Timeout|Interval)\s*\(\s*["'`]/, 'setTimeout/setInterval with a string'],
  [/importScripts\s*\(/, 'importScripts('],
  [/import\s*\(\s*["'`]https?:/, 'import() of a URL'],
  [/WebAssembly\.(compile|instantiate)/, 'WebAssembly'],
];

/** Sinks that would turn data into markup. The source must not use them (Preact's own support for dangerouslySetInnerHTML is in the bundle, unused). */
const HTML_SINKS =
  /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(|createContextualFragment/;

const walk = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

export function checkManifests() {
  const checks = [];
  const check = (name, ok, detail = '') => checks.push({ name, ok: !!ok, detail });
  const urls = new Map();
  for (const build of BUILDS) {
    const dir = resolve(build);
    const label = build.split('/').pop();
    if (!existsSync(join(dir, 'manifest.json'))) {
      check(`${label}: built`, false, `no ${build}/manifest.json (run npm run build)`);
      continue;
    }
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    // Manifest V2 (Firefox) lists host access among the permissions, V3 apart.
    const hosts = m.manifest_version === 2 ? EXPECTED_MATCHES : [];
    check(
      `${label}: permissions are exactly ${[...EXPECTED_PERMISSIONS, ...hosts].join(', ')}`,
      JSON.stringify(m.permissions ?? []) === JSON.stringify([...EXPECTED_PERMISSIONS, ...hosts]),
      JSON.stringify(m.permissions),
    );
    check(
      `${label}: host access to exactly the content script's pages`,
      m.manifest_version === 2 || JSON.stringify(m.host_permissions) === JSON.stringify(EXPECTED_MATCHES),
      JSON.stringify(m.host_permissions),
    );
    for (const key of [
      'optional_permissions',
      'optional_host_permissions',
      'externally_connectable',
      'web_accessible_resources',
      'update_url',
    ])
      check(`${label}: no ${key}`, m[key] === undefined, JSON.stringify(m[key]));
    const csp =
      typeof m.content_security_policy === 'string'
        ? m.content_security_policy
        : JSON.stringify(m.content_security_policy ?? '');
    check(`${label}: no loosened content_security_policy`, !/unsafe-eval|unsafe-inline|https?:|\*/.test(csp), csp);
    const cs = m.content_scripts ?? [];
    check(
      `${label}: one content script, on http and https pages only`,
      cs.length === 1 && JSON.stringify([...cs[0].matches].sort()) === JSON.stringify(EXPECTED_MATCHES),
      JSON.stringify(cs.map((c) => c.matches)),
    );
    const files = [
      ...cs.flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
      ...(m.background?.scripts ?? []),
      ...(m.background?.service_worker ? [m.background.service_worker] : []),
    ];
    check(
      `${label}: every script and style the manifest names is in the package`,
      files.length > 0 && files.every((f) => !/^[a-z]+:/i.test(f) && existsSync(join(dir, f))),
      files.join(', '),
    );

    const all = walk(dir);
    const js = all.filter((f) => /\.m?js$/.test(f));
    const dynamic = [];
    for (const f of js) {
      const src = readFileSync(f, 'utf8');
      for (const [re, what] of DYNAMIC_CODE) if (re.test(src)) dynamic.push(`${relative(dir, f)}: ${what}`);
      for (const u of src.match(/https?:\/\/[^\s"'`)<>\\]+/g) ?? []) {
        const key = u.replace(/[.,;:]+$/, '');
        if (!urls.has(key)) urls.set(key, new Set());
        urls.get(key).add(`${label}/${relative(dir, f)}`);
      }
    }
    check(
      `${label}: no eval, new Function, string timers, importScripts or remote import in ${js.length} bundles`,
      dynamic.length === 0,
      dynamic.join('; '),
    );
    const html = all.filter((f) => f.endsWith('.html'));
    const remote = html.filter((f) =>
      /<(script|link)[^>]+(src|href)=["']?(https?:)?\/\//i.test(readFileSync(f, 'utf8')),
    );
    check(`${label}: extension pages load no remote script or style`, remote.length === 0, remote.join(', '));
  }
  const unknown = [...urls.keys()].filter((u) => !ALLOWED_URLS.some((a) => a.re.test(u)));
  const scriptUrls = [...urls.keys()].filter((u) => /\.m?js(\?|#|$)/.test(u));
  check('no http(s) script URL in any bundle', scriptUrls.length === 0, scriptUrls.join(', '));
  check(
    'every http(s) string in the bundles is a known, inert one',
    unknown.length === 0,
    unknown.map((u) => `${u} (${[...urls.get(u)].join(', ')})`).join('; '),
  );

  const sources = ['components', 'lib', 'entrypoints', 'core'].flatMap((d) => (existsSync(d) ? walk(d) : []));
  const sinks = sources
    .filter((f) => /\.(ts|tsx|js|mjs)$/.test(f) && !f.includes('__tests__'))
    .filter((f) => HTML_SINKS.test(readFileSync(f, 'utf8')));
  check(
    'the source never writes markup from strings (innerHTML, dangerouslySetInnerHTML, insertAdjacentHTML, document.write)',
    sinks.length === 0,
    sinks.join(', '),
  );

  return {
    ok: checks.every((c) => c.ok),
    checks,
    urls: [...urls.keys()]
      .sort()
      .map((u) => ({ url: u, why: ALLOWED_URLS.find((a) => a.re.test(u))?.why ?? 'UNKNOWN', files: [...urls.get(u)] })),
  };
}

/** Why each web-ext lint warning is expected (code → explanation). Anything else is shown as unexplained. */
export const LINT_EXPLANATIONS = {
  UNSAFE_VAR_ASSIGNMENT:
    'Preact’s renderer contains `el.innerHTML = props.dangerouslySetInnerHTML.__html` (its support for that prop). ' +
    'Crosscheck never passes dangerouslySetInnerHTML (checked above: no HTML sink in the source), so the line never runs; ' +
    'all text, dataset strings included, goes through text nodes.',
};

export function webExtLint() {
  const { report, error } = runWebExtLint();
  if (!report) {
    return {
      ok: false,
      errors: [{ code: 'LINT_DID_NOT_RUN', message: (error ?? '').slice(0, 500) }],
      warnings: [],
      notices: [],
    };
  }
  const pick = (list = []) =>
    list.map((m) => ({
      code: m.code,
      file: m.file ?? null,
      message: m.message,
      explanation: LINT_EXPLANATIONS[m.code] ?? null,
    }));
  const errors = pick(report.errors);
  const warnings = pick(report.warnings);
  return { ok: errors.length === 0, errors, warnings, notices: pick(report.notices) };
}

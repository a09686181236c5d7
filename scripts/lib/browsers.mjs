// Finds the browsers the start script and the end-to-end tests drive.
// Chromium/Chrome: $CHROME_PATH, then the usual install locations.
// Firefox: $FIREFOX_PATH, then firefox-esr / firefox.
// When one is missing and we run as root on Debian with apt, we may install it
// (saying so); otherwise we say plainly how to get it. Never a silent skip.
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';

const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];
const FIREFOX_CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

function find(envVar, candidates) {
  const fromEnv = process.env[envVar];
  if (fromEnv)
    return existsSync(fromEnv) ? { path: fromEnv } : { path: null, why: `${envVar}=${fromEnv} does not exist` };
  const path = candidates.find((p) => existsSync(p));
  return { path: path ?? null, why: path ? undefined : `none of ${candidates.slice(0, 3).join(', ')}, … exists` };
}

export function findChromium() {
  return find('CHROME_PATH', CHROME_CANDIDATES);
}
export function findFirefox() {
  return find('FIREFOX_PATH', FIREFOX_CANDIDATES);
}

const canApt = () =>
  process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0;

/**
 * Returns the browser's path, installing Debian's package when we may.
 * Exits the process with a clear message when there is no way to get it.
 */
export function requireBrowser(kind) {
  const [finder, pkg, envVar] =
    kind === 'firefox' ? [findFirefox, 'firefox-esr', 'FIREFOX_PATH'] : [findChromium, 'chromium', 'CHROME_PATH'];
  let found = finder();
  if (found.path) return found.path;
  if (canApt() && process.env.CROSSCHECK_NO_INSTALL !== '1') {
    console.log(
      `[crosscheck] ${kind} not found (${found.why}); installing Debian's ${pkg} with apt-get (running as root)…`,
    );
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', pkg], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    found = finder();
    if (found.path) return found.path;
  }
  console.error(
    `\n[crosscheck] No ${kind} found (${found.why}).\n` +
      `  The end-to-end tests and \`npm start\` need a real browser.\n` +
      `  On Debian/Ubuntu: sudo apt-get install ${pkg}\n` +
      `  Or point ${envVar} at an installed ${kind === 'firefox' ? 'Firefox' : 'Chrome/Chromium'} binary.\n`,
  );
  process.exit(1);
}

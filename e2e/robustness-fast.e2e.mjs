// The fast subset of the robustness suite (`npm run robustness` runs it all):
// positive controls for the monitors, manifest hygiene, 25 corpus pages chosen
// deterministically (German and English news naming Trump, Putin, NATO or
// Ukraine, plus odd ones), every hostile page, hostile data, and a few pages
// in Firefox. What each check means: e2e/robustness/README.md.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './harness/server.mjs';
import { launchJailedChromium } from './robustness/chromium-env.mjs';
import { runControls } from './robustness/controls.mjs';
import { checkPage } from './robustness/corpus-run.mjs';
import { classifyError, classifyPageRequest } from './robustness/classify.mjs';
import { firstDifference, movedBoxes } from './robustness/compare.mjs';
import {
  ambiguityIndex,
  CORPUS_DIR,
  fastSubset,
  loadBundledDataset,
  onStory,
  readIndex,
} from './robustness/corpus.mjs';
import { runFirefox } from './robustness/firefox.mjs';
import {
  hostileHeaders,
  hostileKit,
  hostileMounts,
  KNOWN_ISSUES,
  runScenario,
  SCENARIOS,
} from './robustness/hostile.mjs';
import { runHostileData } from './robustness/hostile-data.mjs';
import { checkManifests } from './robustness/manifest.mjs';
import { firefoxPages } from './robustness/suite.mjs';

const index = readIndex();
const subset = fastSubset(index);
const isAmbiguous = ambiguityIndex(loadBundledDataset());

let server;
let ext;
let ref;
before(async () => {
  server = await startServer(
    { '/corpus/': CORPUS_DIR, '/demo/': 'demo', ...hostileMounts() },
    { headers: hostileHeaders },
  );
  [ext, ref] = await Promise.all([launchJailedChromium(), launchJailedChromium({ extension: false })]);
});
after(async () => {
  await Promise.all([ext?.close(), ref?.close()]);
  await server?.close();
});

const failuresOf = (r) => r.failures.map((f) => `${f.check}: ${f.reason}`);

describe('Robustness harness units', () => {
  it('attributes a request to the extension by its URL, initiator or any frame of its (async) stack', () => {
    const ext = 'chrome-extension://abc/first-stage.js';
    const req = (initiator, url = 'http://127.0.0.1/x') =>
      classifyPageRequest({ request: { url }, initiator, type: 'Fetch' });
    assert.equal(req({ type: 'script', stack: { callFrames: [{ url: 'http://127.0.0.1/page.html' }] } }).by, 'page');
    assert.equal(req({ type: 'parser', url: 'http://127.0.0.1/page.html' }).by, 'page');
    assert.equal(req({ type: 'script', stack: { callFrames: [{ url: ext }] } }).by, 'extension');
    assert.equal(
      req({ type: 'script', stack: { callFrames: [{ url: '' }], parent: { callFrames: [{ url: ext }] } } }).by,
      'extension',
    );
    assert.equal(req({ type: 'other' }, 'chrome-extension://abc/icon.png').by, 'extension');
    assert.equal(req({ type: 'other' }, 'chrome-extension://abc/icon.png').network, false);
    // A saved page that links another extension's file (Chromium blocks it as chrome-extension://invalid/).
    assert.equal(req({ type: 'parser', url: 'http://127.0.0.1/wiki.html' }, 'chrome-extension://invalid/').by, 'page');
  });
  it('attributes an error to the extension by its world or its stack', () => {
    const worlds = new Set([7]);
    assert.equal(classifyError({ contextId: 7 }, worlds), 'extension');
    assert.equal(classifyError({ contextId: 1, url: 'http://127.0.0.1/p.html' }, worlds), 'page');
    assert.equal(
      classifyError({ contextId: 1, stack: { callFrames: [{ url: 'chrome-extension://x/a.js' }] } }, worlds),
      'extension',
    );
  });
  it('finds the first difference and boxes that moved more than 0.5 px', () => {
    assert.equal(firstDifference('abc', 'abc'), null);
    assert.match(firstDifference('abcd', 'abXd') ?? '', /^at 2 of 4\/4/);
    assert.equal(movedBoxes([[0, 0, 10, 10, 5, 0]], [[0.4, 0, 10, 10, 5, 0]]).moved, 0);
    assert.equal(movedBoxes([[0, 0, 10, 10, 5, 0]], [[0, 0, 10, 10, 5.6, 0]]).moved, 1);
    assert.equal(movedBoxes([[0, 0, 10, 10, 5, 0]], [[0, 0, 10, 10, 5.6, 0]], 0.5, new Set([0])).moved, 0);
  });
  it('tells the story’s pages from the rest, independently of the recognition core', () => {
    assert.equal(onStory('Alexus Grynkewich sprach').on, true);
    assert.equal(onStory('2025: Sicherheitsgarantien für die Ukraine').on, true);
    assert.equal(onStory('2019: Trump, Putin und die Nato über die Ukraine').on, false);
    assert.equal(onStory('Sicherheitsgarantien für die Ukraine (2014)').on, false);
  });
  it('knows which highlights come from an ambiguous alias', () => {
    assert.equal(isAmbiguous({ id: 'friedrich-merz', kind: 'person', text: 'Merz' }), true);
    assert.equal(isAmbiguous({ id: 'friedrich-merz', kind: 'person', text: 'Friedrich Merz' }), false);
    assert.equal(isAmbiguous({ id: 'paris', kind: 'place', text: 'Paris' }), true);
    assert.equal(isAmbiguous({ id: 'donald-trump', kind: 'person', text: 'Trumps' }), false);
  });
  it('chooses the same 25 corpus pages every time, German and English news first', () => {
    assert.equal(subset.length, 25);
    assert.deepEqual(
      fastSubset(index).map((e) => e.path),
      subset.map((e) => e.path),
    );
    assert.equal(subset.filter((e) => e.lang === 'de').length, 9);
    assert.equal(subset.filter((e) => e.lang === 'en').length, 10);
  });
});

describe('Robustness (fast subset)', () => {
  it('positive controls: the monitors see a deliberate request and error from the page, the content script and the service worker', async () => {
    const c = await runControls(ext, server);
    assert.deepEqual(
      c.checks.filter((x) => !x.ok),
      [],
    );
  });

  it('manifest: only the storage and scripting permissions, content scripts on http(s), no remote code, no eval', () => {
    const m = checkManifests();
    assert.deepEqual(
      m.checks.filter((c) => !c.ok),
      [],
    );
  });

  describe(`corpus: ${subset.length} pages in Chromium`, () => {
    const results = [];
    for (const entry of subset) {
      it(`${entry.path} (${entry.lang || 'no lang'}, ${Math.round(entry.bytes / 1024)} kB)`, async () => {
        const r = await checkPage(entry, ext, ref, { server, isAmbiguous });
        results.push(r);
        assert.deepEqual(failuresOf(r), []);
      });
    }
    it('stays quiet off the story: no highlight from an ambiguous alias on an off-topic page', () => {
      const noisy = results
        .filter((r) => !r.onStory && r.ambiguous.length)
        .map((r) => `${r.path}: ${r.ambiguous.join(', ')}`);
      assert.deepEqual(noisy, []);
      assert.equal(results.length, subset.length, 'every page was checked');
    });
  });

  describe('hostile pages in Chromium', () => {
    for (const s of SCENARIOS) {
      it(`${s.name}: ${s.what}`, { todo: KNOWN_ISSUES[s.name] }, async () => {
        const r = await runScenario(hostileKit({ ext, ref, server }), s);
        assert.deepEqual(r.problems, []);
      });
    }
  });

  it('hostile data: HTML and script in a dataset show as text; a malformed import is refused and the last good data stays', async () => {
    const r = await runHostileData(ext, { demoUrl: server.url('/demo/en.html') });
    assert.deepEqual(r.problems, []);
  });

  describe('Firefox', () => {
    let ff;
    before(async () => {
      ff = await runFirefox(firefoxPages(index, server));
    });
    it('launches firefox-esr with the add-on, jailed to 127.0.0.1', () => {
      assert.deepEqual(ff.problems, []);
    });
    for (const p of firefoxPages(index, { url: (x) => x })) {
      it(p.page, () => {
        const r = ff.pages.find((x) => x.page === p.page);
        assert.ok(r, 'checked');
        assert.deepEqual(r.problems, []);
      });
    }
  });
});

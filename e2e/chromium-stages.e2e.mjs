// The two stages of the content side, in a real Chromium with the built
// extension: a small first stage on every page checks with the background;
// only a page about the story gets the full stage (reader, highlighter,
// popover) injected. A page that is about nothing keeps nothing of ours; a
// page that gains the story later is highlighted then.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withChromium } from './harness/chromium.mjs';
import { hoverAndWaitPopover, pristineText, waitForMarks } from './harness/actions.mjs';

const env = withChromium({ '/demo/': 'demo', '/pages/': 'e2e/pages' });

/** The crosscheck: marks and measures of the page, by name. */
const entries = (page) =>
  page.evaluate(() =>
    performance
      .getEntries()
      .filter((e) => e.name.startsWith('crosscheck:'))
      .map((e) => e.name.slice('crosscheck:'.length)),
  );

/** What the full stage leaves on a page: its scan's marks, our marks, the popover's host. */
const fullStageTraces = (page) =>
  page.evaluate(() => ({
    scans: performance.getEntriesByName('crosscheck:scan-start').length,
    marks: document.querySelectorAll('mark.cc-mark').length,
    hosts: document.querySelectorAll('crosscheck-popover').length,
  }));

const storyHtml = async (page) =>
  page.evaluate(async () => {
    const html = await (await fetch('/demo/en.html')).text();
    return new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
  });

describe('Chromium: the first stage and the full stage', () => {
  it('a page about nothing: one check, then no full stage, no marks, no popover host, the page unchanged', async () => {
    const page = await env.h.context.newPage();
    await page.goto(env.server.url('/pages/quiet.html'));
    await page.waitForFunction(() => performance.getEntriesByName('crosscheck:check-end').length > 0, null, {
      timeout: 10_000,
    });
    await page.waitForTimeout(1000); // a full stage, were it coming, would have started by now
    const names = await entries(page);
    assert.ok(names.includes('check'), names.join(', '));
    assert.ok(!names.includes('check-load'), names.join(', '));
    assert.deepEqual(await fullStageTraces(page), { scans: 0, marks: 0, hosts: 0 });
    assert.equal(await page.evaluate(() => document.body.textContent), await pristineText(page));
    await page.close();
  });

  it('a page about the story: the check loads the full stage, which highlights and opens popovers', async () => {
    const page = await env.h.context.newPage();
    await page.goto(env.server.url('/demo/en.html'));
    await waitForMarks(page, { min: 20 });
    // The check's answer ("load") comes back once the full stage was injected: with the handoff, its first
    // screen can be highlighted before that.
    await page.waitForFunction(() => performance.getEntriesByName('crosscheck:check-load').length > 0, null, {
      timeout: 10_000,
    });
    const names = await entries(page);
    // The full stage's scan starts when it is injected, before the check's answer ("load") is back.
    assert.ok(names.includes('check-load'), names.join(', '));
    assert.ok(names.indexOf('check-start') < names.indexOf('scan-start'), names.join(', '));
    await hoverAndWaitPopover(page, 'donald-trump');
    const traces = await fullStageTraces(page);
    assert.equal(traces.scans, 1);
    assert.equal(traces.hosts, 1);
    await page.close();
  });

  it('a page about nothing that gains the story later (a single-page app) is checked again and highlighted', async () => {
    const page = await env.h.context.newPage();
    await page.goto(env.server.url('/pages/quiet.html'));
    await page.waitForFunction(() => performance.getEntriesByName('crosscheck:check-end').length > 0, null, {
      timeout: 10_000,
    });
    assert.deepEqual(await fullStageTraces(page), { scans: 0, marks: 0, hosts: 0 });
    const html = await storyHtml(page);
    await page.evaluate((h) => {
      const main = document.getElementById('main');
      if (main) main.innerHTML = h; // the app renders another article
    }, html);
    await waitForMarks(page, { min: 20, timeout: 15_000 });
    // The second check's measure ends with its answer, which can come after the first highlights (the handoff).
    await page.waitForFunction(() => performance.getEntriesByName('crosscheck:check').length >= 2, null, {
      timeout: 10_000,
    });
    await new Promise((r) => setTimeout(r, 300));
    const checks = await page.evaluate(() => performance.getEntriesByName('crosscheck:check').length);
    assert.equal(checks, 2, 'one check at idle, one after the new article');
    await page.close();
  });

  it('a page that grows a little at a time, about nothing, is not checked for every addition', async () => {
    const page = await env.h.context.newPage();
    await page.goto(env.server.url('/pages/quiet.html'));
    await page.waitForFunction(() => performance.getEntriesByName('crosscheck:check-end').length > 0, null, {
      timeout: 10_000,
    });
    // A ticker: 40 small paragraphs, one every 100 ms (4 s in all).
    await page.evaluate(async () => {
      for (let i = 0; i < 40; i++) {
        const p = document.createElement('p');
        p.textContent =
          `Update ${i}: the council's meeting on the bus timetable goes on; the library stays open late. `.repeat(3);
        document.getElementById('main')?.append(p);
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    await page.waitForTimeout(1500);
    const checks = await page.evaluate(() => performance.getEntriesByName('crosscheck:check').length);
    // At idle, then at most one check per interval, which doubles (2, 4, 8 s): a handful, not 40.
    assert.ok(checks >= 2 && checks <= 4, `checks: ${checks}`);
    assert.deepEqual(await fullStageTraces(page), { scans: 0, marks: 0, hosts: 0 });
    await page.close();
  });

  it('logs no errors in pages', () => {
    assert.deepEqual(
      env.h.errors.filter((e) => e.where !== 'service-worker'),
      [],
    );
  });
});

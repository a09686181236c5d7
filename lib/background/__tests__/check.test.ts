import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledPack } from '../../../data/bundled-pack';
import { readQuickText } from '../../content/quick-text';
import type { CheckRequest } from '../../messages';
import { setSiteEnabled } from '../../storage/settings';
import { createMessageHandler } from '../handlers';
import { RecognitionService } from '../recognition';
import { tabSummaries } from '../tab-state';

const page = { url: 'https://news.example.org/a', title: 'A' };

function quickText(html: string, cap = 200_000) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return readQuickText(doc.body, cap);
}

const demo = (file: string) => readFileSync(`demo/${file}`, 'utf8');
const offTopic = `<body>${Array.from(
  { length: 200 },
  (_, i) => `<p>The town council met on Tuesday to discuss the bus timetable and the new library, item ${i}.</p>`,
).join('')}</body>`;

function setup() {
  const service = new RecognitionService(async () => [bundledPack()]);
  const loaded: [number, number][] = [];
  const handle = createMessageHandler(service, async (tabId, frameId) => {
    loaded.push([tabId, frameId]);
  });
  const check = (html: string, frameId = 0, cap?: number) => {
    const { text, complete } = quickText(html, cap);
    const message: CheckRequest = { type: 'check', text, complete, page };
    return handle(message, { tab: { id: 5 }, frameId, url: page.url });
  };
  return { check, loaded };
}

describe('the first stage’s check, in the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('loads the full stage into the asking frame of a page about the story, on both demo pages', async () => {
    const { check, loaded } = setup();
    expect(await check(demo('en.html'), 3)).toEqual({ load: true });
    expect(await check(demo('de.html'), 0)).toEqual({ load: true });
    expect(loaded).toEqual([
      [5, 3],
      [5, 0],
    ]);
  });

  it('a page minified with no space between its elements is still judged on its words', async () => {
    const { check, loaded } = setup();
    const minified = (html: string) => html.replace(/>\s+</g, '><');
    expect(await check(minified(demo('en.html')))).toEqual({ load: true });
    expect(await check(minified(demo('de.html')))).toEqual({ load: true });
    expect(await check(minified(offTopic))).toEqual({ load: false });
    expect(loaded).toHaveLength(2);
  });

  it('a page about nothing: no full stage, and the top frame’s summary says nothing was found', async () => {
    const { check, loaded } = setup();
    expect(await check(offTopic)).toEqual({ load: false });
    expect(loaded).toEqual([]);
    expect(await tabSummaries.get(5)).toMatchObject({ host: 'news.example.org', active: true, relevant: false });
  });

  it('a text cut at the cap that names someone of the story loads the full stage (the rest was not read)', async () => {
    const { check, loaded } = setup();
    const html = `<body><p>Donald Trump spoke on Tuesday.</p>${offTopic.slice(6)}`;
    expect(await check(html, 0, 1_000)).toEqual({ load: true });
    expect(loaded).toHaveLength(1);
  });

  it('a German page about nothing, cut short, is not loaded for the words every German page has', async () => {
    const { check, loaded } = setup();
    const html = `<body>${'<p>Der Sportverein lädt diese Woche ein; nachts werden Kuchen gebacken, der Vorstand prüft die Kasse.</p>'.repeat(200)}</body>`;
    expect(await check(html, 0, 2_000)).toEqual({ load: false });
    expect(loaded).toEqual([]);
  });

  it('turned off on the site: nothing is judged nor loaded, the answer says off', async () => {
    const { check, loaded } = setup();
    await setSiteEnabled('news.example.org', false);
    expect(await check(demo('en.html'))).toEqual({ load: false, off: true });
    expect(loaded).toEqual([]);
    expect(await tabSummaries.get(5)).toMatchObject({ active: false });
  });
});

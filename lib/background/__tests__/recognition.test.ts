import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compileMatcher } from '../../../core/recognize/index';
import { ARCTIC, ARCTIC_REPORT_1, BUNDLED, validArcticPack as arctic } from '../../../core/pack/__tests__/fixture';
import { mergePacks, nsId } from '../../../core/pack/merge';
import type { PopoverTarget } from '../../../core/views/popover-view';
import { syntheticPacks } from '../../../bench/packs/synthetic';
import type { Pack } from '../../../core/pack/schema';
import { bundledPack } from '../../../data/bundled-pack';
import { bundledDataset } from '../../../data/index';
import { readPageText } from '../../content/page-text';
import type { PageContext, ScanAnswer, ScanReply } from '../../messages';
import { createMessageHandler } from '../handlers';
import { RecognitionService, type CompiledCache } from '../recognition';
import type { SavedCompile } from '../../storage/pack-store';

const page: PageContext = { url: 'https://example.org/a', title: 'A' };

function demoText(file: string): string {
  const doc = new DOMParser().parseFromString(readFileSync(`demo/${file}`, 'utf8'), 'text/html');
  return readPageText(doc.body).text;
}

const asReply = (a: ScanAnswer): ScanReply => {
  if (!('ranges' in a)) throw new Error(`not a scan reply: ${JSON.stringify(a)}`);
  return a;
};

function newService(packs: () => Pack[] = () => [bundledPack()]) {
  let loads = 0;
  const service = new RecognitionService(async () => {
    loads++;
    return packs();
  });
  return { service, loads: () => loads };
}

describe('RecognitionService', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    performance.clearMeasures();
  });

  it('compiles once for every scan of its lifetime, and again (warm) after the packs changed', async () => {
    const { service, loads } = newService();
    const text = demoText('en.html');
    await Promise.all([service.scan({ text, page }), service.scan({ text, page })]);
    await service.scanBatch([text.slice(0, 500)], page, true);
    expect(service.compileCount).toBe(1);
    expect(loads()).toBe(1);
    service.reset();
    await service.scan({ text, page });
    expect(service.compileCount).toBe(2);
    const compiles = performance.getEntriesByName('crosscheck:compile') as PerformanceMeasure[];
    expect(compiles.map((m) => m.detail)).toEqual([
      { cold: true, stories: 1 },
      { cold: false, stories: 1 },
    ]);
    expect(performance.getEntriesByName('crosscheck:scan').length).toBe(4);
  });

  it('restores a saved compile after a restart: pages answered reading only their candidate packs, the compile left for popovers', async () => {
    let saved: { key: string; value: SavedCompile } | null = null;
    let key = 'packs-1';
    const packs = () => [bundledPack(), arctic()];
    const read: string[] = [];
    const cache: CompiledCache = {
      key: async () => key,
      // What IndexedDB gives back: a structured clone.
      load: async (k) => (saved?.key === k ? structuredClone(saved.value) : null),
      save: async (k, value) => {
        saved = { key: k, value };
      },
      loadPack: async (id) => {
        read.push(id);
        return packs().find((p) => p.pack.id === id) ?? null;
      },
    };
    let loads = 0;
    const start = () =>
      new RecognitionService(async () => {
        loads++;
        return packs();
      }, cache);
    const offTopic = 'Der Stadtrat beschloss am Montag einen neuen Haushalt für Schulen und Straßen. Donald Trump';
    const story = demoText('de.html');
    const first = start();
    const expected = [await first.scan({ text: offTopic, page }), await first.scan({ text: story, page })];
    const expectedCheck = await first.check(offTopic, page, false);
    await Promise.resolve();
    expect(saved).not.toBeNull();
    expect(loads).toBe(1);

    const again = start(); // the service worker was stopped
    again.warm();
    expect(await again.scan({ text: offTopic, page })).toEqual(expected[0]);
    expect(await again.check(offTopic, page, false)).toBe(expectedCheck);
    expect(read).toEqual([]); // no story was a candidate: no pack read
    expect(await again.scan({ text: story, page })).toEqual(expected[1]);
    expect(read).toEqual([BUNDLED]); // only the story the page makes a candidate
    expect(loads).toBe(1); // answered from the snapshot: no compile
    expect(again.compileCount).toBe(0);
    expect(performance.getEntriesByName('crosscheck:restore').map((m) => (m as PerformanceMeasure).detail)).toEqual([
      { found: false }, // the first start had nothing saved
      { found: true },
    ]);
    // A popover reads the packs that hold its item, not every pack: no compile either.
    const target = { type: 'entity' as const, id: 'donald-trump' };
    read.length = 0;
    expect(await again.popover(target, 'de', null)).toEqual(await first.popover(target, 'de', null));
    expect(read).toEqual([BUNDLED, ARCTIC]); // Donald Trump is in both (one key)
    expect(loads).toBe(1);
    expect(again.compileCount).toBe(0);

    key = 'packs-2'; // the packs changed while it was stopped: the snapshot is not theirs
    const changed = start();
    expect(await changed.scan({ text: offTopic, page })).toEqual(expected[0]);
    expect(loads).toBe(2);
  });

  it('answers with the matcher’s ranges, compact: targets once, triples in document order', async () => {
    const { service } = newService();
    const text = demoText('en.html');
    const reply = asReply(await service.scan({ text, page }));
    const result = compileMatcher(bundledDataset).scan(text);
    expect(reply.relevant).toBe(true);
    expect(reply.stories).toEqual([BUNDLED]);
    expect(reply.quiet).toBe(false);
    expect(reply.ranges.length).toBe(3 * (result.mentions.length + result.claims.length));
    const keys = reply.targets.map((t) => (t.type === 'claim' ? `${t.aspect}/${t.value}/${t.subject}` : t.id));
    expect(new Set(keys).size).toBe(keys.length);
    for (let i = 3; i < reply.ranges.length; i += 3)
      expect(reply.ranges[i]!).toBeGreaterThanOrEqual(reply.ranges[i - 3]!);
    const mentions = [];
    for (let i = 0; i < reply.ranges.length; i += 3) {
      const t = reply.targets[reply.ranges[i + 2]!]!;
      if (t.type !== 'claim') mentions.push({ start: reply.ranges[i], end: reply.ranges[i + 1], id: t.id });
    }
    expect(mentions).toEqual(result.mentions.map((m) => ({ start: m.start, end: m.end, id: m.id })));
    // Trump: the sources disagree about him (air support).
    expect(reply.targets.find((t) => t.type === 'entity' && t.id === 'donald-trump')?.disputed).toBe(true);
    expect(reply.events.map(([id]) => id)).toEqual(
      [...result.events].sort((a, b) => b.evidence.length - a.evidence.length).map((e) => e.id),
    );
  });

  it('says a first screen holding nothing of the dataset is quiet', async () => {
    const { service } = newService();
    const text = 'Der Gemeinderat beschließt den Haushalt für das kommende Jahr. '.repeat(20);
    const first = { session: 'q', index: 0, last: false };
    expect(asReply(await service.scan({ text, piece: first }))).toMatchObject({
      relevant: false,
      quiet: true,
      ranges: [],
    });
    // Only a first screen is asked whether it is quiet; one that names anything is not.
    expect(asReply(await service.scan({ text, page })).quiet).toBe(false);
    expect(asReply(await service.scan({ text: `${text} Paris.`, piece: { ...first, session: 'r' } })).quiet).toBe(
      false,
    );
  });

  it('scans the first piece alone, and the last piece with all of them; a lost piece is said so', async () => {
    const { service } = newService();
    const text = demoText('de.html');
    const cut = [0, 3000, 9000, text.length];
    const answers: ScanAnswer[] = [];
    for (let i = 0; i < 3; i++) {
      answers.push(
        await service.scan({
          text: text.slice(cut[i], cut[i + 1]),
          page,
          piece: { session: 's1', index: i, last: i === 2 },
        }),
      );
    }
    expect(asReply(answers[0]!)).toEqual(asReply(await service.scan({ text: text.slice(0, 3000), page })));
    expect(answers[1]).toEqual({ kept: true });
    expect(asReply(answers[2]!)).toEqual(asReply(await service.scan({ text, page })));

    // A background stopped after the first piece: a fresh one has never seen it.
    const fresh = newService().service;
    expect(await fresh.scan({ text: 'x', page, piece: { session: 's2', index: 1, last: false } })).toEqual({
      kept: true,
    });
    expect(await fresh.scan({ text: 'y', page, piece: { session: 's2', index: 2, last: true } })).toEqual({
      lost: true,
    });
  });

  it('builds popover content on demand, in the language asked for', async () => {
    const { service } = newService();
    const en = await service.popover({ type: 'entity', id: 'donald-trump' }, 'en', null);
    const de = await service.popover({ type: 'entity', id: 'donald-trump' }, 'de', null);
    expect(en?.heading).toMatch(/Trump/);
    expect(en?.disputes.length).toBeGreaterThan(0);
    expect(de?.description).not.toBe(en?.description);
    expect(await service.popover({ type: 'entity', id: 'nobody' }, 'en', null)).toBeNull();
  });

  it('does not keep a failed dataset load: the next request tries again', async () => {
    let fail = true;
    const service = new RecognitionService(async () => {
      if (fail) throw new Error('storage unavailable');
      return [bundledPack()];
    });
    await expect(service.scan({ text: 'Trump', page })).rejects.toThrow('storage unavailable');
    fail = false;
    expect(asReply(await service.scan({ text: 'Trump', page })).quiet).toBe(false);
  });
});

describe('popovers of a restored background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are the compile’s popovers, for every item and every fourth sentence of every pack, from the packs that hold the item', async () => {
    // The bundled pack, the Arctic pack (Donald Trump shared by key) and synthetic stories that share people.
    const packs = [bundledPack(), arctic(), ...syntheticPacks(4)];
    let saved: SavedCompile | null = null;
    const read: string[] = [];
    const cache: CompiledCache = {
      key: async () => 'k',
      load: async () => (saved ? structuredClone(saved) : null),
      save: async (_k, value) => {
        saved = value;
      },
      loadPack: async (id) => {
        read.push(id);
        return packs.find((p) => p.pack.id === id) ?? null;
      },
    };
    const full = new RecognitionService(async () => packs, cache);
    await full.scan({ text: 'Donald Trump', page });
    await Promise.resolve();
    expect(saved).not.toBeNull();
    const restored = new RecognitionService(async () => {
      throw new Error('a restored background compiles nothing for popovers');
    }, cache);

    const merged = mergePacks(packs);
    const sourcesOf = (pid: string) => merged.parts.find((p) => p.manifest.id === pid)!.dataset.sources;
    const targets: { target: PopoverTarget; pid: string }[] = [];
    for (const part of merged.parts) {
      const pid = part.manifest.id;
      for (const e of part.dataset.entities) targets.push({ target: { type: 'entity', id: e.id }, pid });
      for (const e of part.dataset.events) targets.push({ target: { type: 'event', id: e.id }, pid });
      for (const c of part.dataset.claims.filter((_, i) => i % 4 === 0))
        targets.push({ target: { type: 'claim', aspect: c.aspect, value: c.value }, pid });
    }
    let shared = 0;
    for (const [i, { target, pid }] of targets.entries()) {
      const language = i % 2 === 0 ? 'en' : 'de';
      // Every third as read on one of its story's reports, with that story as the page's.
      const pageSource = i % 3 === 0 ? sourcesOf(pid)[i % sourcesOf(pid).length]!.id : null;
      const stories = i % 3 === 0 ? [pid] : [];
      read.length = 0;
      const got = await restored.popover(target, language, pageSource, stories);
      expect(got, JSON.stringify(target)).toEqual(await full.popover(target, language, pageSource, stories));
      expect(got).not.toBeNull();
      const holders = target.type === 'claim' ? null : merged.membership.get(target.id)!;
      if (holders && holders.length > 1) shared++;
      // Only the packs that hold the item (a sentence: its question's pack, read first, and its subject's).
      if (holders) expect(new Set(read)).toEqual(new Set(read.length === 0 ? [] : holders));
    }
    expect(shared).toBeGreaterThan(4); // shared people, Donald Trump
    expect(restored.compileCount).toBe(0);
    const views = performance.getEntriesByName('crosscheck:popover-data') as PerformanceMeasure[];
    expect(Math.max(...views.map((m) => (m.detail as { packs: number }).packs))).toBeGreaterThan(1);
  });
});

describe('RecognitionService across several packs', () => {
  beforeEach(() => fakeBrowser.reset());
  const both = () => [bundledPack(), arctic()];

  it('says which stories a page is about: one, both, or none', async () => {
    const { service } = newService(both);
    const natoPage = asReply(await service.scan({ text: demoText('de.html'), page }));
    expect(natoPage.stories).toEqual([BUNDLED]);
    const polar = asReply(await service.scan({ text: ARCTIC_REPORT_1, page }));
    expect(polar.stories).toEqual([ARCTIC]);
    expect(polar.targets.some((t) => t.type === 'event' && t.id === nsId(ARCTIC, 'summit'))).toBe(true);
    const nato =
      'Die Nato-Militärchefs berieten in einer Videokonferenz über Sicherheitsgarantien für die Ukraine. ' +
      'Admiral Giuseppe Cavo Dragone leitete das Treffen, Wolodymyr Selenskyj begrüßte die Gespräche.';
    const two = asReply(await service.scan({ text: `${nato}\n${ARCTIC_REPORT_1}`, page }));
    expect(two.stories).toEqual([BUNDLED, ARCTIC]);
    const none = asReply(await service.scan({ text: 'Donald Trump spielte Golf in Schottland.', page }));
    expect(none).toMatchObject({ relevant: false, stories: [], ranges: [] });
  });

  it('scans new content for the stories the page is about', async () => {
    const { service } = newService(both);
    const [reply] = await service.scanBatch(['Ingrid Solberg-Haugen sprach.'], page, true, [ARCTIC]);
    expect(reply!.stories).toEqual([ARCTIC]);
    expect(reply!.targets.map((t) => (t.type === 'claim' ? t.aspect : t.id))).toEqual([nsId(ARCTIC, 'solberg-haugen')]);
  });

  it('shows what each story reported about a shared name, the page’s story first', async () => {
    const { service } = newService(both);
    const view = await service.popover({ type: 'entity', id: 'donald-trump' }, 'en', null, [ARCTIC]);
    expect(view?.stories?.map((s) => [s.id, s.onPage])).toEqual([
      [ARCTIC, true],
      [BUNDLED, false],
    ]);
    const firstArctic = view!.reports.findIndex((r) => r.source.id.startsWith(`${ARCTIC}--`));
    const firstBundled = view!.reports.findIndex((r) => !r.source.id.startsWith(`${ARCTIC}--`));
    expect(firstArctic).toBe(0);
    expect(firstBundled).toBeGreaterThan(firstArctic);
    const alone = await service.popover({ type: 'entity', id: nsId(ARCTIC, 'solberg-haugen') }, 'en', null);
    expect(alone?.stories).toBeUndefined();
  });

  it('takes a popover’s page stories from the tab’s summary', async () => {
    const { service } = newService(both);
    const handle = createMessageHandler(service);
    const summary = {
      url: 'https://example.org/a',
      host: 'example.org',
      active: true,
      relevant: true,
      stories: [ARCTIC],
      source: null,
      items: [],
      events: [],
      claims: [],
      disputed: false,
    };
    await handle({ type: 'page-summary', summary }, { tab: { id: 9 }, frameId: 0 });
    const target = { type: 'entity', id: 'donald-trump' };
    const view = (await handle({ type: 'popover', target, language: 'en', pageSource: null }, { tab: { id: 9 } })) as {
      stories: { id: string }[];
    };
    expect(view.stories[0]!.id).toBe(ARCTIC);
  });
});

describe('background message handler', () => {
  beforeEach(() => fakeBrowser.reset());

  it('routes scans, keeps the top frame’s summary per tab and ignores what it does not know', async () => {
    const { service } = newService();
    const handle = createMessageHandler(service);
    const reply = (await handle({ type: 'scan', text: demoText('en.html'), page }, {})) as ScanReply;
    expect(reply.relevant).toBe(true);
    const summary = {
      url: 'https://example.org/a',
      host: 'example.org',
      active: true,
      relevant: true,
      source: null,
      items: [{ id: 'nato', kind: 'organization' as const, count: 2 }],
      events: [],
      claims: [],
      disputed: false,
    };
    expect(handle({ type: 'page-summary', summary }, { tab: { id: 7 }, frameId: 3 })).toBeUndefined();
    await handle({ type: 'page-summary', summary }, { tab: { id: 7 }, frameId: 0 });
    expect(await handle({ type: 'get-summary', tabId: 7 }, {})).toEqual(summary);
    expect(handle({ type: 'unknown' }, {})).toBeUndefined();
    expect(handle('noise', {})).toBeUndefined();
  });
});

/** The views over the bundled dataset (data/dataset.json). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../dataset/validate';
import { buildBriefView } from '../brief-view';
import { buildPopoverView } from '../popover-view';
import { viewIndex } from '../view-index';
import { de, en } from './locale';

const file = path.resolve('data/dataset.json'); // vitest runs from the project root
const exists = fs.existsSync(file);

describe.skipIf(!exists)('views over the bundled dataset', () => {
  const d = exists ? parseDataset(JSON.parse(fs.readFileSync(file, 'utf8'))) : null!;

  it('shows Trump’s air-support dispute: offered (r000) vs. an option (r004), silent r001 and r002', () => {
    const view = buildPopoverView(d, { type: 'entity', id: 'donald-trump' }, en)!;
    const air = view.disputes.find((a) => a.id === 'trump-air-support')!;
    expect(air.positions.map((p) => [p.value, p.sources.map((s) => s.id)])).toEqual([
      ['offered', ['r000']],
      ['option', ['r004']],
    ]);
    expect(air.silent.map((s) => s.id)).toEqual(['r001', 'r002']);
    expect(view.briefEvent).toBe('nato-video-conference');
  });

  it('opens the video conference as the main event, its brief carrying the air-support dispute', () => {
    expect(viewIndex(d).mainEvent).toBe('nato-video-conference');
    const brief = buildBriefView(d, 'nato-video-conference', en)!;
    expect(brief.matrix.columns.map((c) => c.id)).toEqual(['r000', 'r001', 'r002', 'r003', 'r004']);
    const rows = brief.matrix.rows;
    const firstAgreed = rows.findIndex((r) => !r.disputed);
    expect(rows.slice(firstAgreed).every((r) => !r.disputed)).toBe(true);
    expect(rows.map((r) => r.aspect)).toContain('trump-air-support');
    expect(brief.matrix.disagreements.map((x) => x.aspect)).toEqual(
      rows.filter((r) => r.disputed).map((r) => r.aspect),
    );
    expect(brief.timeline.find((i) => i.current)?.id).toBe('nato-video-conference');
  });

  it('keeps the timeline in date order and the undated events marked', () => {
    const dateOf = new Map(d.events.map((e) => [e.id, e.date?.value]));
    for (const event of d.events) {
      const { timeline } = buildBriefView(d, event.id, en)!;
      const dated = timeline.filter((i) => !i.undated).map((i) => dateOf.get(i.id)!);
      expect(dated).toEqual([...dated].sort());
      for (const item of timeline.filter((i) => i.undated)) expect(item.dateIso).toBeNull();
    }
  });

  it('builds a popover for every entity and event and a brief for every event, in both languages, with no empty text', () => {
    for (const locale of [en, de]) {
      for (const x of [...d.entities, ...d.events]) {
        const type = d.events.includes(x as (typeof d.events)[number]) ? 'event' : 'entity';
        const view = buildPopoverView(d, { type, id: x.id }, { ...locale, pageSource: 'r001' })!;
        expect(view.heading).not.toBe('');
        expect(view.briefEvent).not.toBeNull();
        for (const a of [...view.disputes, ...view.agreements]) {
          expect(a.question).not.toBe('');
          for (const p of a.positions) expect(p.label).not.toBe('');
        }
      }
      for (const e of d.events) {
        const brief = buildBriefView(d, e.id, locale)!;
        expect(brief.title).not.toBe('');
        expect(brief.sources).toHaveLength(d.sources.length);
      }
    }
  });

  it('gives every claim target a verdict', () => {
    for (const a of d.aspects) {
      for (const v of a.values) {
        const view = buildPopoverView(d, { type: 'claim', aspect: a.id, value: v.value }, de);
        if (!view) continue; // an aspect without claims
        expect(view.verdict?.says).toMatch(/^Dieser Satz sagt: /);
      }
    }
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import raw from '../../../data/dataset.json';
import { decodeCompact, encodeCompact, parseCompact } from '../compact';

const roundTrip = (x: unknown) => decodeCompact(JSON.parse(JSON.stringify(encodeCompact(x))));

describe('compact layout', () => {
  it('gives the bundled dataset back exactly, in less space', () => {
    expect(roundTrip(raw)).toStrictEqual(raw);
    expect(JSON.stringify(encodeCompact(raw)).length).toBeLessThan(JSON.stringify(raw).length * 0.9);
    expect(parseCompact(JSON.stringify(encodeCompact(raw)))).toStrictEqual(raw);
  });

  it('stores arrays of objects column by column', () => {
    const rows = [
      { id: 'a', name: { de: 'A', en: 'A' } },
      { id: 'b', name: { de: 'B', en: 'Bee' } },
    ];
    expect(encodeCompact(rows)).toEqual({ '#': 2, id: ['a', 'b'], name: { '#': 2, de: ['A', 'B'], en: ['A', 'Bee'] } });
    expect(roundTrip(rows)).toStrictEqual(rows);
  });

  it('keeps absent keys absent, and null, false, 0, empty arrays and nested arrays as they are', () => {
    const rows = [
      { id: 'a', date: { value: '2025', precision: 'year' }, list: [] as unknown[] },
      { id: 'b', date: null, extra: false, list: [[{ q: 1 }], []] },
      { id: 'c', date: { value: '2025-08', precision: 'month', basis: 'x' }, extra: 0, list: [{ q: 2 }, { r: 3 }] },
    ];
    const back = roundTrip(rows) as Record<string, unknown>[];
    expect(back).toStrictEqual(rows);
    expect('extra' in back[0]!).toBe(false);
    expect('basis' in (back[2]!.date as object)).toBe(true);
  });

  it('leaves values other than arrays of objects alone', () => {
    for (const x of [null, 1, 'text', true, [], [1, 'a', null], [{ a: 1 }, 2], { a: [1, 2], b: { c: null } }]) {
      expect(roundTrip(x)).toStrictEqual(x);
    }
  });

  it('refuses objects that use its reserved keys', () => {
    expect(() => encodeCompact([{ '#': 1 }])).toThrow(/reserved/);
    expect(() => encodeCompact({ a: { '!': [] } })).toThrow(/reserved/);
  });
});

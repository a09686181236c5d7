import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readPackFile } from '../file';

const json = (x: unknown) => strToU8(JSON.stringify(x));

describe('readPackFile', () => {
  it('reads a .json file, with or without a byte-order mark', () => {
    expect(readPackFile('p.json', strToU8('\uFEFF{"a":1}'))).toEqual({
      ok: true,
      packs: [{ name: 'p.json', value: { a: 1 }, bytes: 10 }], // 3 bytes of the byte-order mark, 7 of JSON
    });
  });
  it('joins manifest.json and dataset.json of a zip, also one folder down', () => {
    const zip = zipSync({
      'story/manifest.json': json({ pack: { id: 'x' } }),
      'story/dataset.json': json({ version: 1 }),
    });
    expect(readPackFile('s.zip', zip)).toEqual({
      ok: true,
      packs: [
        {
          name: 's.zip/story/manifest.json',
          value: { pack: { id: 'x' }, version: 1 },
          bytes: '{"pack":{"id":"x"}}'.length + '{"version":1}'.length,
        },
      ],
    });
  });
  it('reads every pack file of a zip without a manifest, in name order', () => {
    const zip = zipSync({ 'b.json': json({ n: 2 }), 'a.json': json({ n: 1 }), 'notes.txt': strToU8('x') });
    const r = readPackFile('many.zip', zip);
    expect(r.ok && r.packs.map((p) => p.value)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(r.ok && r.packs.map((p) => p.bytes)).toEqual([7, 7]);
  });
  it('names what is wrong', () => {
    expect(readPackFile('x.zip', strToU8('{}'))).toEqual({ ok: false, error: 'x.zip: not a zip archive' });
    expect(readPackFile('e.zip', zipSync({ 'a.txt': strToU8('x') }))).toEqual({
      ok: false,
      error: 'e.zip: holds no .json file',
    });
    expect(readPackFile('m.zip', zipSync({ 'manifest.json': json({}) }))).toMatchObject({ error: /no dataset.json/ });
    expect(readPackFile('b.zip', zipSync({ 'a.json': strToU8('{') }))).toMatchObject({
      error: /^b.zip\/a.json: not valid JSON/,
    });
    expect(readPackFile('t.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatchObject({
      error: /cannot be unpacked/,
    });
  });
});

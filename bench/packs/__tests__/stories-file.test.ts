import { describe, expect, it } from 'vitest';
import { readPackFile } from '../../../core/pack/file';
// @ts-expect-error -- a plain .mjs module of the bench harness (type-checked by tsconfig.mjs.json)
import { addedFigures, ratio } from '../figures.mjs';
import { storiesZip } from '../stories-file';
import { syntheticPacks } from '../synthetic';

describe('the stories file of the browser benchmark', () => {
  it('is a .zip the import reads back as the same packs, one file each', () => {
    const packs = syntheticPacks(3);
    const { zip, jsonBytes } = storiesZip(packs);
    expect(jsonBytes).toBe(packs.reduce((n, p) => n + new TextEncoder().encode(JSON.stringify(p)).length, 0));
    const read = readPackFile('stories.zip', zip);
    if (!read.ok) throw new Error(read.error);
    expect(read.packs.map((e) => e.name).sort()).toEqual(packs.map((p) => `stories.zip/${p.pack.id}.json`).sort());
    for (const p of packs) expect(read.packs.find((e) => e.name === `stories.zip/${p.pack.id}.json`)?.value).toEqual(p);
  });
});

describe('added main-thread time', () => {
  it('is median with − median without, and the median of the run-by-run differences', () => {
    const w = [10, 30, 20].map((t) => ({ taskMs: t, threadMs: t / 2 }));
    const wo = [4, 1, 12].map((t) => ({ taskMs: t, threadMs: t / 2 }));
    const f = addedFigures(w, wo);
    expect(f.task).toEqual({ with: 20, without: 4, added: 16, pairs: 8 }); // differences 6, 29, 8
    expect(f.cpu.added).toBe(8);
    expect(f.n).toBe(3);
  });

  it('gives no ratio against a base that is not positive or missing', () => {
    expect(ratio(12, 10)).toBe(1.2);
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(3, -2)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
  });
});

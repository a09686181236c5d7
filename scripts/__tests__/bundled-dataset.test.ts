// @vitest-environment node
import { describe, expect, it } from 'vitest';
import raw from '../../data/dataset.json';
import { DatasetValidationError } from '../../core/dataset/validate';
import { parseCompact } from '../../core/dataset/compact';
import { bundledDatasetModule, firstDifference } from '../lib/bundled-dataset';

const copy = () => JSON.parse(JSON.stringify(raw)) as typeof raw;

/** The dataset a module from `bundledDatasetModule` evaluates to. */
function evaluate(code: string): unknown {
  const m = /parseCompact\(("(?:[^"\\]|\\.)*")\)/.exec(code);
  if (!m?.[1]) throw new Error(`unexpected module:\n${code.slice(0, 200)}`);
  return parseCompact(JSON.parse(m[1]) as string);
}

describe('the bundled dataset in the build', () => {
  it('becomes a module that gives back exactly data/dataset.json', () => {
    const code = bundledDatasetModule(raw, '/decoder.ts');
    expect(code).toMatch(/^import \{ parseCompact \} from "\/decoder\.ts";/);
    expect(code).toContain('/* @__PURE__ */');
    expect(evaluate(code)).toStrictEqual(raw);
  });

  it('fails the build on an invalid dataset, naming the field', () => {
    const d = copy();
    (d.claims[3] as { source: string }).source = 'nowhere';
    let error: unknown;
    try {
      bundledDatasetModule(d);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatasetValidationError);
    expect((error as Error).message).toContain('$.claims[3].source: must name a source id (unknown "nowhere")');
  });

  it('fails the build when validation would change the file', () => {
    const d = copy();
    d.entities[2]!.aliases[0] = ` ${d.entities[2]!.aliases[0]}`;
    expect(() => bundledDatasetModule(d)).toThrow('$.entities[2].aliases[0] differs from its validated form');
  });
});

describe('firstDifference', () => {
  it('names the first path where two JSON values differ', () => {
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBeNull();
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe('$.a[1].b');
    expect(firstDifference({ a: 1 }, { a: 1, b: undefined })).toBe('$.b');
    expect(firstDifference([1], { 0: 1 })).toBe('$');
  });
});

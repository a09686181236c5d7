import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs module of the bench harness (type-checked by tsconfig.mjs.json)
import { attributedMs } from '../attributed.mjs';

const EXT = 'chrome-extension://abc/';
const meta = (pid: number, tid: number, name: string) => ({
  name: 'thread_name',
  ph: 'M',
  ts: 0,
  pid,
  tid,
  args: { name },
});
const ev = (name: string, ts: number, dur: number, url: string, tid = 1) => ({
  name,
  ph: 'X',
  ts,
  dur,
  pid: 1,
  tid,
  args: { data: { url } },
});

describe('attributedMs', () => {
  it('sums the outermost events of the extension on renderer main threads', () => {
    const events = [
      meta(1, 1, 'CrRendererMain'),
      meta(1, 2, 'Compositor'),
      ev('EvaluateScript', 1000, 4000, `${EXT}content-scripts/content.js`),
      ev('v8.compile', 1100, 500, `${EXT}content-scripts/content.js`), // nested: counted once
      ev('FunctionCall', 20_000, 1500, `${EXT}content-scripts/content.js`),
      ev('FunctionCall', 30_000, 9000, 'https://example.org/app.js'), // the page's own script
      ev('FunctionCall', 40_000, 7000, `${EXT}content-scripts/content.js`, 2), // not a main thread
    ];
    expect(attributedMs(events, EXT)).toEqual({ ms: 5.5, tasks: 2 });
  });

  it('is zero when the extension ran nothing', () => {
    expect(attributedMs([meta(1, 1, 'CrRendererMain')], EXT)).toEqual({ ms: 0, tasks: 0 });
  });
});

// Pure helpers of the browser part of the many-stories benchmark (bench/packs/browser.mjs).
import { quantile, round } from '../lib/stats.mjs';

/**
 * Added main-thread time of the extension from interleaved loads: median with − median without, the median of
 * the run-by-run differences (pairs: run i with, run i without), for wall time (`taskMs`) and CPU (`threadMs`).
 * @param {{ taskMs: number, threadMs: number }[]} withExt
 * @param {{ taskMs: number, threadMs: number }[]} without
 */
export function addedFigures(withExt, without) {
  /** @param {'taskMs' | 'threadMs'} k */
  const one = (k) => {
    const a = quantile(
      withExt.map((r) => r[k]),
      0.5,
    );
    const b = quantile(
      without.map((r) => r[k]),
      0.5,
    );
    const n = Math.min(withExt.length, without.length);
    const diffs = Array.from(
      { length: n },
      (_, i) => /** @type {any} */ (withExt[i])[k] - /** @type {any} */ (without[i])[k],
    );
    return {
      with: round(a),
      without: round(b),
      added: a === null || b === null ? null : round(a - b),
      pairs: round(quantile(diffs, 0.5)),
    };
  };
  return { task: one('taskMs'), cpu: one('threadMs'), n: Math.min(withExt.length, without.length) };
}

/**
 * `x / base` to two decimals; null when either is missing or the base is not positive (a ratio of an added time
 * within the noise around zero means nothing).
 * @param {number | null | undefined} x
 * @param {number | null | undefined} base
 */
export function ratio(x, base) {
  if (x === null || x === undefined || base === null || base === undefined || !(base > 0)) return null;
  return round(x / base);
}

// Small statistics helpers: every figure is a median with min and max.

/** @param {number[]} xs @param {number} q @returns {number | null} */
export function quantile(xs, q) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = /** @type {number} */ (s[lo]);
  const b = /** @type {number} */ (s[hi]);
  return a + (b - a) * (pos - lo);
}

/**
 * Median, min, max and the runs themselves (rounded to 0.01). `null` runs (not measured) are dropped.
 * @param {unknown[]} runs
 * @param {Record<string, unknown>} [extra]
 */
export function summarize(runs, extra = {}) {
  /** @type {number[]} */
  const xs = runs.filter(/** @returns {x is number} */ (x) => typeof x === 'number' && Number.isFinite(x));
  if (xs.length === 0) return { median: null, min: null, max: null, n: 0, runs: [], ...extra };
  return {
    median: round(quantile(xs, 0.5)),
    min: round(Math.min(...xs)),
    max: round(Math.max(...xs)),
    n: xs.length,
    runs: xs.map(round),
    ...extra,
  };
}

/** @type {(x: number | null | undefined, d?: number) => number | null} */
export const round = (x, d = 2) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);

/** @type {(xs: (number | null | undefined)[]) => number} */
export const sum = (xs) =>
  xs.reduce((/** @type {number} */ a, x) => a + (typeof x === 'number' && Number.isFinite(x) ? x : 0), 0);

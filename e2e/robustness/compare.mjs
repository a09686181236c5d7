// Comparing what the page was with what it is.

/** Where two strings first differ, with a little context (for failure reasons). */
export function firstDifference(a, b, context = 60) {
  if (a === b) return null;
  if (a === null || b === null) return `one side is ${a === null ? 'missing (before)' : 'missing (after)'}`;
  let i = 0;
  const n = Math.min(a.length, b.length);
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  const cut = (s) => JSON.stringify(s.slice(Math.max(0, i - context), i + context));
  return `at ${i} of ${a.length}/${b.length}: before ${cut(a)} vs now ${cut(b)}`;
}

/**
 * Boxes (document coordinates: x, y, width, height) that moved by more than
 * `tolerance` px. Boxes whose index is in `ignore` (e.g. ones a CSS animation
 * moves on its own) are left out. Returns { moved, total, examples, indexes }.
 */
export function movedBoxes(before, after, tolerance = 0.5, ignore = new Set()) {
  if (!before || !after) return { moved: 0, total: 0, examples: [], indexes: [] };
  if (before.length !== after.length) {
    return {
      moved: Math.abs(before.length - after.length),
      total: before.length,
      examples: [`element count ${before.length} → ${after.length}`],
      indexes: [],
    };
  }
  let moved = 0;
  const examples = [];
  const indexes = [];
  for (let i = 0; i < before.length; i++) {
    if (ignore.has(i)) continue;
    const a = before[i];
    const b = after[i];
    const d = Math.max(...a.map((v, k) => Math.abs(v - b[k])));
    if (d > tolerance) {
      moved++;
      indexes.push(i);
      if (examples.length < 3) examples.push(`#${i} [${a.join(', ')}] → [${b.join(', ')}]`);
    }
  }
  return { moved, total: before.length, examples, indexes };
}

const pct = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;

/** { n, mean, p50, p95, max } of a list of numbers. */
export function stats(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  const r = (x) => Math.round(x * 10) / 10;
  return {
    n: v.length,
    mean: v.length ? r(v.reduce((a, b) => a + b, 0) / v.length) : 0,
    p50: r(pct(v, 50)),
    p95: r(pct(v, 95)),
    max: r(v[v.length - 1] ?? 0),
  };
}

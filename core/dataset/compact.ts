/**
 * A compact, lossless layout of a JSON value, used to ship the bundled dataset
 * in the content script: every array of objects is stored column by column
 * (`[{id, name}, {id, name}]` → `{"#": 2, id: [...], name: {...}}`), so key
 * names are written once per array instead of once per object, and the German
 * and the English texts of a collection sit next to each other, which gzip
 * rewards. A key that some objects lack is stored as `{"!": [indices of the
 * objects without it], "v": [values of the others]}`.
 *
 * `decodeCompact(encodeCompact(x))` deep-equals `x` for every JSON value whose
 * objects have no key `#` or `!` (`encodeCompact` throws on those). The build
 * checks the round trip for the bundled dataset; see scripts/lib/bundled-dataset.ts.
 *
 * Pure module: no DOM, no browser API.
 */

const COUNT = '#';
const MISSING = '!';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function encodeCompact(value: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0 || !value.every(isRecord)) return value.map(encodeCompact);
    const keys: string[] = [];
    for (const row of value) for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
    const out: Record<string, unknown> = { [COUNT]: value.length };
    for (const key of keys) {
      checkKey(key);
      const missing: number[] = [];
      const column: unknown[] = [];
      value.forEach((row, i) => {
        if (Object.hasOwn(row, key)) column.push(row[key]);
        else missing.push(i);
      });
      out[key] = missing.length ? { [MISSING]: missing, v: encodeCompact(column) } : encodeCompact(column);
    }
    return out;
  }
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      checkKey(key);
      out[key] = encodeCompact(v);
    }
    return out;
  }
  return value;
}

function checkKey(key: string): void {
  if (key === COUNT || key === MISSING) throw new Error(`encodeCompact: the key "${key}" is reserved`);
}

export function decodeCompact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeCompact);
  if (!isRecord(value)) return value;
  const count = value[COUNT];
  if (typeof count !== 'number') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = decodeCompact(v);
    return out;
  }
  const rows: Record<string, unknown>[] = Array.from({ length: count }, () => ({}));
  for (const [key, stored] of Object.entries(value)) {
    if (key === COUNT) continue;
    const missing = isRecord(stored) && Array.isArray(stored[MISSING]) ? new Set(stored[MISSING]) : null;
    const column = decodeCompact(missing ? (stored as Record<string, unknown>).v : stored) as unknown[];
    let next = 0;
    rows.forEach((row, i) => {
      if (!missing?.has(i)) row[key] = column[next++];
    });
  }
  return rows;
}

/** `decodeCompact` of a JSON text (the form the build bundles; see scripts/lib/bundled-dataset.ts). */
export function parseCompact(json: string): unknown {
  return decodeCompact(JSON.parse(json));
}

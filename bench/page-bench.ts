/**
 * The benchmark's in-page bundle (built with esbuild by scripts/bench.mjs and
 * evaluated in the page's main world, in a browser WITHOUT the extension):
 * exposes `window.__bench` with the cases that do not need the extension.
 * Every function measures with `performance.now()` around synchronous work
 * only, and returns plain JSON.
 */
import Mark from 'mark.js';
import { parseDataset, validateDataset } from '../core/dataset/validate';
import type { Dataset } from '../core/dataset/schema';
import { compileMatcher, type Matcher } from '../core/recognize/index';
import raw from '../data/dataset.json';
import { readPageText } from '../lib/content/page-text';
import { countAliases, syntheticDataset } from './synthetic';

const now = () => performance.now();

// The bundled dataset (the build validates it; here it is validated again, on first use, so that
// evaluating this bundle on a page stays cheap for the cases that do not need it).
let parsed: Dataset | null = null;
const dataset = (): Dataset => (parsed ??= parseDataset(raw));

let realMatcher: Matcher | null = null;
let realCompileMs = 0;
function matcher(): Matcher {
  if (!realMatcher) {
    const t0 = now();
    realMatcher = compileMatcher(dataset());
    realCompileMs = now() - t0;
  }
  return realMatcher;
}

/** Every alias of the dataset, distinct as written. */
function aliases(d: Dataset = dataset()): string[] {
  return [...new Set(d.entities.flatMap((e) => e.aliases))];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern for all aliases: longest first (alternation is ordered), whole words, any case. */
function combinedPattern(list: string[]): RegExp {
  const alts = [...list].sort((a, b) => b.length - a.length).map(escapeRe);
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alts.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
}

function body(): HTMLElement {
  if (!document.body) throw new Error('no body');
  return document.body;
}

const bench = {
  /** Case 1, the floor: a TreeWalker over all text nodes of body, reading `.data`. */
  floor() {
    const t0 = now();
    const walker = document.createTreeWalker(body(), NodeFilter.SHOW_TEXT);
    let nodes = 0;
    let chars = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      chars += (n as Text).data.length;
      nodes++;
    }
    return { ms: now() - t0, nodes, chars };
  },

  /**
   * Case 2, matching alone: `readPageText(body)` then `scan` (what the content
   * script does before it touches the DOM), no DOM changes. The matcher is
   * compiled first, outside the timing (compile time reported apart);
   * `findHits` (the dictionary pass alone) is timed after, on the same text.
   */
  matching() {
    const m = matcher();
    const t0 = now();
    const pt = readPageText(body());
    const t1 = now();
    const result = m.scan(pt.text);
    const t2 = now();
    const hits = m.findHits(pt.text);
    const t3 = now();
    return {
      readMs: t1 - t0,
      scanMs: t2 - t1,
      ms: t2 - t0,
      findHitsMs: t3 - t2,
      compileMs: realCompileMs,
      chars: pt.text.length,
      nodes: pt.nodes.length,
      relevant: result.relevant,
      mentions: result.mentions.length,
      claims: result.claims.length,
      hits: hits.length,
    };
  },

  /**
   * Case 3, naive mark.js: one `mark()` call with every alias over the whole
   * body (mark.js runs one regular expression, one walk over all text nodes,
   * per alias). Options: mark.js defaults except `separateWordSearch: false`,
   * so that "Koalition der Willigen" is one phrase and not three words
   * ("der" alone would mark half the page, a much slower baseline).
   */
  naiveMark() {
    const list = aliases();
    let marks = 0;
    const t0 = now();
    new Mark(body()).mark(list, { separateWordSearch: false, each: () => void marks++ });
    return { ms: now() - t0, marks, aliases: list.length };
  },

  /**
   * Case 4, mark.js `markRegExp` over body with ONE pattern of all aliases (see
   * `combinedPattern`). `ms`: the synchronous marking; `paintedMs`: until the
   * frame after the marks were painted (a task after the next animation frame).
   */
  async markRegExp() {
    const list = aliases();
    let marks = 0;
    const t0 = now();
    const re = combinedPattern(list);
    new Mark(body()).markRegExp(re, { each: () => void marks++ });
    const ms = now() - t0;
    await new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    return { ms, paintedMs: now() - t0, marks, aliases: list.length };
  },

  /**
   * Dictionary scaling on this page: the real dataset and synthetic ones of
   * `sizes` aliases. Datasets are built, validated and compiled first
   * (reported, not part of the matching figure); then `reps` rounds, each
   * timing `scan` and `findHits` once per dictionary (interleaved, so drift
   * hits all alike); the first `warmup` rounds are dropped.
   */
  scaling(sizes: number[], reps: number, warmup: number) {
    const text = readPageText(body()).text;
    const dicts = [{ label: 'real', dataset: dataset(), valid: true, buildMs: 0, validateMs: 0 }];
    for (const size of sizes) {
      const t0 = now();
      const synthetic = syntheticDataset(dataset(), size);
      const t1 = now();
      const v = validateDataset(synthetic);
      dicts.push({ label: String(size), dataset: synthetic, valid: v.ok, buildMs: t1 - t0, validateMs: now() - t1 });
    }
    const compiled = dicts.map((d) => {
      const t0 = now();
      const m = compileMatcher(d.dataset);
      return { ...d, matcher: m, compileMs: now() - t0, scan: [] as number[], findHits: [] as number[] };
    });
    const info = compiled.map((c) => ({
      hits: c.matcher.findHits(text).length,
      mentions: c.matcher.scan(text).mentions.length,
    }));
    for (let r = 0; r < warmup + reps; r++) {
      // A different dictionary goes first in every round, so position in the round (GC, caches) favours none.
      const order = compiled.map((_, i) => compiled[(i + r) % compiled.length]!);
      for (const c of order) {
        const t0 = now();
        c.matcher.scan(text);
        const t1 = now();
        c.matcher.findHits(text);
        const t2 = now();
        if (r >= warmup) {
          c.scan.push(t1 - t0);
          c.findHits.push(t2 - t1);
        }
      }
    }
    return {
      chars: text.length,
      dicts: compiled.map((c, i) => ({
        label: c.label,
        aliasesListed: countAliases(c.dataset),
        aliasCount: c.matcher.aliasCount,
        entities: c.dataset.entities.length,
        valid: c.valid,
        buildMs: c.buildMs,
        validateMs: c.validateMs,
        compileMs: c.compileMs,
        scan: c.scan,
        findHits: c.findHits,
        ...info[i],
      })),
    };
  },
};

declare global {
  interface Window {
    __bench: typeof bench;
  }
}
window.__bench = bench;

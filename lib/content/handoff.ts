/**
 * What the background handed the full stage as it injected it
 * (lib/background/stages.ts): the settings, and its answer for the head of
 * the first stage's text. That text was read by `readQuickText` (a bare walk:
 * hidden text included, other separators), so its offsets are not the full
 * reader's: `firstScreenAnswer` reads the same head again, node by node, and
 * moves each range onto the full reader's first screen — only where the text
 * under it is the same; the rest waits for the answer for the whole page,
 * which the scan session reconciles the first screen with anyway.
 */
import { sanitizeSettings, type Settings } from '../../core/settings';
import type { FullStageHandoff, ScanReply } from '../messages';
import { HANDOFF_KEY } from './handoff-key';
import type { PageText } from './page-text';
import { readQuickText } from './quick-text';

/** A handoff older than this is not the current injection's, ms. */
const MAX_AGE_MS = 10_000;

export interface Handed {
  settings: Settings;
  head: FullStageHandoff['head'];
}

/** Takes the handoff out of this isolated world (once); null when there is none, or an old one. */
export function takeHandoff(scope: Record<string, unknown> = globalThis as Record<string, unknown>): Handed | null {
  const value = scope[HANDOFF_KEY] as FullStageHandoff | undefined;
  delete scope[HANDOFF_KEY];
  if (!value || typeof value !== 'object' || typeof value.at !== 'number') return null;
  if (Math.abs(Date.now() - value.at) > MAX_AGE_MS) return null;
  return { settings: sanitizeSettings(value.settings), head: value.head ?? null };
}

/**
 * The head's answer on `screen` (the full reader's first screen of `root`):
 * ranges in its offsets, those whose text is not the same dropped.
 */
export function firstScreenAnswer(
  root: Element,
  screen: PageText,
  head: { chars: number; reply: ScanReply },
): ScanReply {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const { text } = readQuickText(root, head.chars, (node, start) => {
    nodes.push(node);
    starts.push(start);
  });
  const inScreen = new Map<Text, number>();
  screen.nodes.forEach((n, i) => inScreen.set(n, i));
  /** The full reader's offset of the quick text's offset `at` (`end`: the end of a range), or -1. */
  const move = (at: number, end: boolean): number => {
    const probe = end ? at - 1 : at;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= probe) lo = mid;
      else hi = mid - 1;
    }
    const node = nodes[lo];
    const i = node ? inScreen.get(node) : undefined;
    if (i === undefined || probe - starts[lo]! >= node!.data.length) return -1;
    return screen.starts[i]! + (at - starts[lo]!);
  };
  const ranges: number[] = [];
  const r = head.reply.ranges;
  for (let k = 0; k < r.length; k += 3) {
    const s = r[k]!;
    const e = r[k + 1]!;
    if (e > text.length || e <= s) continue;
    const s2 = move(s, false);
    const e2 = move(e, true);
    if (s2 < 0 || e2 <= s2 || e2 > screen.text.length) continue;
    if (screen.text.slice(s2, e2) !== text.slice(s, e)) continue;
    ranges.push(s2, e2, r[k + 2]!);
  }
  return { ...head.reply, ranges, quiet: false };
}

/**
 * Items recognized on the page that the highlight plan left without a mark
 * (a country with nothing to tell, a name whose every mention stands in a
 * disputed sentence about someone else), with the text of their first
 * mention. The popup lists every recognized item; choosing one of these
 * marks it on demand, so every item stays reachable.
 */
import type { FoundTarget, ScanReply } from '../messages';
import type { PageText } from './page-text';

export interface UnmarkedItem {
  /** The text of its first mention, as the page has it ("USA", "Kyjiw"). */
  surface: string;
  target: FoundTarget;
}

export class UnmarkedItems {
  private items = new Map<string, UnmarkedItem>();

  /** Notes the names of `reply` that `planned` (its highlight plan) leaves without any mark. */
  note(reply: ScanReply, planned: ScanReply, pt: PageText): void {
    const kept = new Set<string>();
    for (let i = 2; i < planned.ranges.length; i += 3) {
      const t = planned.targets[planned.ranges[i]!];
      if (t && t.type !== 'claim') kept.add(t.id);
    }
    for (let i = 0; i < reply.ranges.length; i += 3) {
      const target = reply.targets[reply.ranges[i + 2]!];
      if (!target || target.type === 'claim' || kept.has(target.id) || this.items.has(target.id)) continue;
      const surface = pt.text.slice(reply.ranges[i], reply.ranges[i + 1]);
      if (surface.trim()) this.items.set(target.id, { surface, target });
    }
  }

  get(id: string): UnmarkedItem | undefined {
    return this.items.get(id);
  }

  /** It has a mark now. */
  delete(id: string): void {
    this.items.delete(id);
  }

  clear(): void {
    this.items.clear();
  }
}

/** Where `surface` stands in `text` as a word of its own (not inside a longer word), or -1. */
export function findMention(text: string, surface: string): number {
  const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
    if (!isWord(text[at - 1]) && !isWord(text[at + surface.length])) return at;
  }
  return -1;
}

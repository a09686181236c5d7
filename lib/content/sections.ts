/**
 * Where the sections of a page begin (an article, a live-blog entry, a
 * teaser), as offsets into its read text, so that the highlight plan marks
 * the first mention of an item once per section rather than once per page.
 */
import type { PageText } from './page-text';

/** Containers that hold one piece of writing: articles, posts, live-blog entries, teasers. */
const SECTION_SELECTOR = [
  'article',
  '[role="article"]',
  '[itemtype*="BlogPosting"]',
  '[itemtype*="NewsArticle"]',
  '[class*="liveblog-entry"]',
  '[class*="live-entry"]',
  '[class*="teaser"]',
].join(',');

/**
 * Finds the section starts of a text read in steps: `advance` goes on from
 * the node where it stopped, so a full scan finds them in time slices, as
 * its text grows (a `PageTextReader`'s results share one node list).
 */
export class SectionFinder {
  /** Memoized per element up the tree: each element is matched once, not once per block below it. */
  private sectionOf = new Map<Element, Element | null>();
  private found: number[] = [0];
  private previous: Element | null | undefined;
  private at = 0;

  /** The starts found so far. */
  get starts(): number[] {
    return this.found;
  }

  /** Goes on over `pt`'s nodes; true once all are done, false when `more()` (asked every 256 nodes) said stop. */
  advance(pt: PageText, more: () => boolean = () => true): boolean {
    for (let n = 1; this.at < pt.nodes.length; this.at++, n++) {
      if ((n & 255) === 0 && !more()) return false;
      const block = pt.blocks[this.at];
      const section = block ? this.sectionFor(block) : null;
      if (this.previous !== undefined && section !== this.previous) this.found.push(pt.starts[this.at]!);
      this.previous = section;
    }
    return true;
  }

  private sectionFor(el: Element): Element | null {
    const known = this.sectionOf.get(el);
    if (known !== undefined) return known;
    const parent = el.parentElement;
    const found = el.matches(SECTION_SELECTOR) ? el : parent ? this.sectionFor(parent) : null;
    this.sectionOf.set(el, found);
    return found;
  }
}

export function sectionStarts(pt: PageText): number[] {
  const finder = new SectionFinder();
  finder.advance(pt);
  return finder.starts;
}

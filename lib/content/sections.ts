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

export function sectionStarts(pt: PageText): number[] {
  const starts: number[] = [0];
  // Memoized per element up the tree: each element is matched once, not once per block below it.
  const sectionOf = new Map<Element, Element | null>();
  const sectionFor = (el: Element): Element | null => {
    const known = sectionOf.get(el);
    if (known !== undefined) return known;
    const parent = el.parentElement;
    const found = el.matches(SECTION_SELECTOR) ? el : parent ? sectionFor(parent) : null;
    sectionOf.set(el, found);
    return found;
  };
  let previous: Element | null | undefined;
  for (let i = 0; i < pt.nodes.length; i++) {
    const block = pt.blocks[i];
    let section: Element | null = null;
    if (block) section = sectionFor(block);
    if (previous !== undefined && section !== previous) starts.push(pt.starts[i]!);
    previous = section;
  }
  return starts;
}

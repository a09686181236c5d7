// Choices shared by `npm run robustness` and the fast subset in `npm test`.
import { corpusUrlPath, fastSubset } from './corpus.mjs';

/**
 * The Firefox pages: the first German and the first English page of the fast
 * subset (news that name Trump, Putin, NATO or Ukraine, off the story: no mark
 * belongs there), the strict-CSP page (highlights and popover under
 * `style-src 'none'`) and the XHTML page. Page scripts are off in Firefox (none
 * of these pages needs them), as in Chromium's first pass.
 */
export function firefoxPages(index, server) {
  const subset = fastSubset(index);
  const pages = [];
  for (const lang of ['de', 'en']) {
    const e = subset.find((x) => x.lang === lang);
    if (e) pages.push({ page: e.path, url: server.url(corpusUrlPath(e.path)), minMarks: 0 });
  }
  pages.push({
    page: 'hostile/strict-csp.html (CSP header)',
    url: server.url('/hostile-csp/strict-csp.html'),
    minMarks: 5,
    hover: true,
  });
  pages.push({ page: 'hostile/story.xhtml', url: server.url('/hostile/story.xhtml'), minMarks: 5, hover: true });
  return pages;
}

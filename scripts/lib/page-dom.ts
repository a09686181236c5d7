/**
 * Reads an HTML page in Node exactly as the content script reads it in the
 * browser: the page is parsed into a DOM (happy-dom, scripts never run,
 * nothing is fetched), its text is read by the extension's own reader
 * (`lib/content/page-text.ts`) and what it says about itself by `lib/content/page-meta.ts`.
 * The `scan` and `evaluate` commands use this, so they report what the
 * extension would highlight. Node only.
 */
import { Window } from 'happy-dom';
import { readPageMeta, type PageMeta } from '../../lib/content/page-meta';
import { readPageText } from '../../lib/content/page-text';
import type { PageContext } from '../../core/recognize/index';

export interface ReadPage {
  /** The body's text as the content script reads it. */
  text: string;
  meta: PageMeta;
  /** The scan's page context. */
  page: PageContext;
}

/** Parses `html` and reads it; `url` is the page's address when known. */
export async function readHtmlPage(html: string, url: string | null = null): Promise<ReadPage> {
  const window = new Window({
    url: url ?? 'about:blank',
    settings: {
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  try {
    const parser = new window.DOMParser();
    // <link> elements hold no text; happy-dom would try to preload some of them: they are renamed.
    const doc = parser.parseFromString(html.replace(/<link\b/gi, '<x-link'), 'text/html') as unknown as Document;
    const text = doc.body ? readPageText(doc.body).text : '';
    const meta = readPageMeta(doc, url);
    return { text, meta, page: { published: meta.published, url: meta.url, title: meta.title } };
  } finally {
    await window.happyDOM.close();
  }
}

/**
 * lib/content/page-meta.ts under happy-dom: the page's own date, address and title.
 */
import { describe, expect, it } from 'vitest';
import { dateInUrl, isoDay, readPageMeta } from '../page-meta';

function doc(head: string, body = ''): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

describe('readPageMeta', () => {
  it('reads article:published_time first, as a day', () => {
    const d = doc(
      '<title> A page </title><meta property="article:published_time" content="2025-08-20T14:05:00+02:00"><meta name="date" content="2019-01-01">',
    );
    expect(readPageMeta(d, 'https://example.org/a')).toEqual({
      published: '2025-08-20',
      publishedFrom: 'meta article:published_time',
      url: 'https://example.org/a',
      title: 'A page',
    });
  });

  it('reads other meta names, JSON-LD datePublished (also in @graph), <time datetime>, then the URL', () => {
    expect(readPageMeta(doc('<meta itemprop="datePublished" content="2025-08-19">')).published).toBe('2025-08-19');
    expect(readPageMeta(doc('<meta name="parsely-pub-date" content="2025-08-18T08:00:00Z">')).published).toBe(
      '2025-08-18',
    );
    const ld = doc(
      '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2018-07-16T10:00:00Z"}]}</script>',
    );
    expect(readPageMeta(ld)).toMatchObject({ published: '2018-07-16', publishedFrom: 'json-ld' });
    const broken = doc(
      '<script type="application/ld+json">{not json</script>',
      '<time datetime="2025-02-28">Feb</time>',
    );
    expect(readPageMeta(broken)).toMatchObject({ published: '2025-02-28', publishedFrom: 'time' });
    const marked = doc('', '<time datetime="2024-01-01">x</time><time pubdate datetime="2025-06-25">y</time>');
    expect(readPageMeta(marked).published).toBe('2025-06-25');
    expect(readPageMeta(doc(''), 'https://news.example/2025/08/21/nato-chiefs/')).toMatchObject({
      published: '2025-08-21',
      publishedFrom: 'url',
    });
  });

  it('ignores what is not a date, and says unknown', () => {
    const d = doc('<meta property="article:published_time" content="yesterday"><time datetime="soon">x</time>');
    expect(readPageMeta(d, 'https://example.org/story-123')).toMatchObject({ published: null, publishedFrom: null });
  });

  it('does not change the document', () => {
    const d = doc('<title>T</title><meta name="date" content="2025-08-20">', '<p>Text</p>');
    const before = d.documentElement.outerHTML;
    readPageMeta(d);
    expect(d.documentElement.outerHTML).toBe(before);
  });
});

describe('date helpers', () => {
  it('isoDay understands ISO days, date-times, compact and written dates; rejects impossible ones', () => {
    expect(isoDay('2025-08-20')).toBe('2025-08-20');
    expect(isoDay('2025-8-2T00:00')).toBe('2025-08-02');
    expect(isoDay('20250820')).toBe('2025-08-20');
    expect(isoDay('Wed, 20 Aug 2025 10:00:00 GMT')).toBe('2025-08-20');
    expect(isoDay('2025-02-30')).toBeNull();
    expect(isoDay('12345')).toBeNull();
  });

  it('dateInUrl finds /YYYY/MM/DD/, YYYY-MM-DD, YYYYMMDD and /YYYY/MM/ in the path only', () => {
    expect(dateInUrl('https://a.example/news/2025/08/20/story')).toBe('2025-08-20');
    expect(dateInUrl('https://a.example/story-2025-08-19.html')).toBe('2025-08-19');
    expect(dateInUrl('https://a.example/20250818/story')).toBe('2025-08-18');
    expect(dateInUrl('https://a.example/2018/07/story')).toBe('2018-07');
    expect(dateInUrl('https://a.example/story/77752')).toBeNull();
    expect(dateInUrl('https://a.example/story?id=20250820')).toBeNull();
  });
});

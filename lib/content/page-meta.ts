/**
 * What a page says about itself, for the recognition core's `PageContext`:
 * its publication date, address and title. Reads the Document only (never
 * changes it); the core gets these as plain inputs.
 *
 * Publication date, first found wins:
 * 1. meta tags publishers and CMSs write: `article:published_time`
 *    (Open Graph), `og:published_time`, `datePublished` (microdata
 *    `itemprop`), `pubdate`, `publishdate`, `publish-date`, `date`,
 *    `dc.date`, `dc.date.issued`, `dcterms.created`, `parsely-pub-date`,
 *    `sailthru.date`, `article.published`, `cXenseParse:recs:publishtime`;
 * 2. JSON-LD (`<script type="application/ld+json">`): `datePublished` of the
 *    first object that has one (arrays and `@graph` searched);
 * 3. `<time datetime>` (the first with a parseable date, or one marked
 *    `pubdate` / `itemprop="datePublished"`);
 * 4. a date in the URL's path (`/2025/08/20/`, `/2025-08-20`, `/20250820`,
 *    `/2025/08/`).
 * Dates come back as `YYYY-MM-DD` (or `YYYY-MM` when only the month is
 * known); a value that is not a date is ignored.
 */

export interface PageMeta {
  /** `YYYY-MM-DD` or `YYYY-MM`, or null. */
  published: string | null;
  /** Where the date was found ("meta article:published_time", "json-ld", "time", "url"), or null. */
  publishedFrom: string | null;
  url: string | null;
  title: string | null;
}

const META_KEYS = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'dcterms.date',
  'parsely-pub-date',
  'sailthru.date',
  'article.published',
  'cxenseparse:recs:publishtime',
];

/** `YYYY-MM-DD` from an ISO-like date or date-time ("2025-08-20T10:00:00Z", "2025-08-20", "20250820"), or null. */
export function isoDay(value: string): string | null {
  const s = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/.exec(s);
  if (!m) m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?![\d])/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  // Other formats Date understands ("Wed, 20 Aug 2025 10:00:00 GMT").
  if (/[a-z]/i.test(s) && /\b(19|20)\d\d\b/.test(s)) {
    const t = Date.parse(s);
    if (!Number.isNaN(t)) {
      const d = new Date(t);
      return checked(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    }
  }
  return null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function checked(y: number, mo: number, d: number): string | null {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** A date in a URL's path, or null. */
export function dateInUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  let m = /(?:^|[/_-])((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?=$|[/_.-])/.exec(path);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(?:^|[/_-])((?:19|20)\d\d)(\d{2})(\d{2})(?=$|[/_.-])/.exec(path);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\/((?:19|20)\d\d)\/(\d{1,2})\//.exec(path);
  if (m) {
    const mo = Number(m[2]);
    if (mo >= 1 && mo <= 12) return `${m[1]}-${pad(mo)}`;
  }
  return null;
}

function fromJsonLd(node: unknown, depth = 0): string | null {
  if (depth > 6 || node === null || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const n of node) {
      const d = fromJsonLd(n, depth + 1);
      if (d) return d;
    }
    return null;
  }
  const o = node as Record<string, unknown>;
  const v = o['datePublished'] ?? o['dateCreated'];
  if (typeof v === 'string') {
    const d = isoDay(v);
    if (d) return d;
  }
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement']) {
    const d = fromJsonLd(o[key], depth + 1);
    if (d) return d;
  }
  return null;
}

/** Reads the page's own publication date, address and title. */
export function readPageMeta(doc: Document, url: string | null = null): PageMeta {
  const address = url ?? (doc.location?.href || null);
  const title = doc.title.trim() || null;
  const found = (published: string, from: string): PageMeta => ({
    published,
    publishedFrom: from,
    url: address,
    title,
  });

  const metas = doc.getElementsByTagName('meta');
  const byKey = new Map<string, string>();
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i] as HTMLMetaElement;
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '')
      .trim()
      .toLowerCase();
    const content = m.getAttribute('content');
    if (key && content && !byKey.has(key)) byKey.set(key, content);
  }
  for (const key of META_KEYS) {
    const content = byKey.get(key);
    const d = content ? isoDay(content) : null;
    if (d) return found(d, `meta ${key}`);
  }

  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      const d = fromJsonLd(JSON.parse(scripts[i]?.textContent ?? ''));
      if (d) return found(d, 'json-ld');
    } catch {
      // Not JSON: a page's broken markup is not our error.
    }
  }

  const times = doc.querySelectorAll('time[datetime]');
  let first: string | null = null;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as Element;
    const d = isoDay(t.getAttribute('datetime') ?? '');
    if (!d) continue;
    if (t.hasAttribute('pubdate') || t.getAttribute('itemprop') === 'datePublished') return found(d, 'time');
    first ??= d;
  }
  if (first) return found(first, 'time');

  const d = address ? dateInUrl(address) : null;
  if (d) return found(d, 'url');
  return { published: null, publishedFrom: null, url: address, title };
}

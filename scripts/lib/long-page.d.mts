/** Types of `long-page.mjs` (the deterministic long news page generator). */
export function generateLongPage(opts?: {
  paragraphs?: number;
  density?: 'realistic' | 'dense' | 'none';
  seed?: number;
  lang?: 'de' | 'en';
}): { html: string; textBytes: number; mentionsPlanted: number };

/**
 * Which source report is this page? (fixture dataset; the real reports are
 * tested in real-dataset.test.ts)
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../index';
import { normalizeForQuotes } from '../fold';
import { fixture, S1_QUOTES } from './fixture';

const matcher = compileMatcher(fixture);
const [Q0, Q1, Q2, Q3] = S1_QUOTES as [string, string, string, string];

/** Retypes a quote the way a web page might: other quotes/dashes, NBSP, soft hyphens, line breaks. */
function retyped(q: string): string {
  return q
    .replace(/ /g, (_, i: number) => (i % 3 === 0 ? '\u00A0' : i % 5 === 0 ? '\n' : ' '))
    .replace(/Luft/g, 'Luft\u00AD');
}

const BOILERPLATE_TOP =
  'Startseite › Politik › Ausland\nAnmelden | Abo\nDie Nato und Trump: alle Entwicklungen im Überblick.\n';
const BOILERPLATE_END = '\nTeilen: Facebook · X · E-Mail\n© 2025 Beispielverlag. Alle Rechte vorbehalten.';

describe('source identification', () => {
  it('normalizes whitespace, invisible characters, quote and dash styles, and case', () => {
    expect(normalizeForQuotes('  „Wir sind\u00A0ver\u00ADeint“ –\n sagte ER  ')).toBe('"wir sind vereint" - sagte er');
    expect(normalizeForQuotes("‚A‘ »B« 'C' — D")).toBe(`'a' "b" 'c' - d`);
  });

  it('recognizes a page that reprints enough of a source’s quotes, despite typography', () => {
    const page = `${BOILERPLATE_TOP}${retyped(Q0)} Außerdem: ${retyped(Q2)}\n${Q3}${BOILERPLATE_END}`;
    const r = matcher.scan(page);
    expect(r.relevant).toBe(true);
    expect(r.source).toBe('s1');
    expect(r.sourceEvidence).toEqual([Q0, Q3, Q2]);
  });

  it('one quote is not enough (other outlets reprint single statements)', () => {
    const page = `${BOILERPLATE_TOP}${Q0}${BOILERPLATE_END}`;
    const r = matcher.scan(page);
    expect(r.relevant).toBe(true);
    expect(r.source).toBeNull();
    expect(r.sourceEvidence).toEqual([]);
  });

  it('two of four quotes are half: enough', () => {
    const r = matcher.scan(`${BOILERPLATE_TOP}${Q1} ${Q2}${BOILERPLATE_END}`);
    expect(r.source).toBe('s1');
    expect(r.sourceEvidence).toEqual([Q2, Q1]);
  });

  it('paraphrases do not count', () => {
    const page = `${BOILERPLATE_TOP}${Q0.replace('Partnern', 'Verbündeten')} ${Q2.replace('offen', 'ehrlich')}`;
    expect(matcher.scan(page).source).toBeNull();
  });

  it('is only checked on relevant pages', () => {
    // Two quotes of s1 that carry little evidence of the story: Dragone (+1) and a topic term (+1).
    const page = `${Q2}\n${Q3}`;
    const r = matcher.scan(page);
    expect(r.relevant).toBe(false);
    expect(r.source).toBeNull();
    // The same text as part of a page already known to be relevant.
    expect(matcher.scan(page, { relevant: true }).source).toBe('s1');
  });
});

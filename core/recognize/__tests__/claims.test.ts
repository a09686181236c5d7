/**
 * Sentences and disputed-claim detection. Texts are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher, type ClaimMatch } from '../index';
import { sentenceAt, splitSentences } from '../sentences';
import { fixture } from './fixture';

const matcher = compileMatcher(fixture);

function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('sentences', () => {
  it('splits at sentence ends, not at abbreviations, initials, ordinals or hyphens', () => {
    const text =
      'Am 20. August sprach der US-Präsident mit Dr. Meier, z. B. über Luftunterstützung. Donald J. Trump schwieg! ' +
      'Warum? Die U.S. Army ist bereit… Gen. Caine nickte. Das war 2025. Dann kam Mr. Smith.';
    expect(sentences(text)).toEqual([
      'Am 20. August sprach der US-Präsident mit Dr. Meier, z. B. über Luftunterstützung.',
      'Donald J. Trump schwieg!',
      'Warum?',
      'Die U.S. Army ist bereit…',
      'Gen. Caine nickte.',
      'Das war 2025.',
      'Dann kam Mr. Smith.',
    ]);
  });

  it('splits at line breaks unless the next line continues in lower case, and after closing quotes', () => {
    const text = 'Überschrift ohne Punkt\nDer erste Satz geht\nweiter und endet. „Zitat.“ Danach\n\nAbsatz';
    expect(sentences(text)).toEqual([
      'Überschrift ohne Punkt',
      'Der erste Satz geht\nweiter und endet.',
      '„Zitat.“',
      'Danach',
      'Absatz',
    ]);
  });

  it('keeps offsets: every sentence is a slice of the text, and sentenceAt agrees with splitSentences', () => {
    const text = '  Erster Satz.  Zweiter Satz mit z. B. Abkürzung!\n\nDritter ohne Ende';
    const all = splitSentences(text);
    for (const s of all) {
      for (let pos = s.start; pos < s.end; pos++) expect(sentenceAt(text, pos)).toEqual(s);
    }
    expect(all.map((s) => text.slice(s.start, s.end))).toEqual([
      'Erster Satz.',
      'Zweiter Satz mit z. B. Abkürzung!',
      'Dritter ohne Ende',
    ]);
  });
});

describe('disputed claims', () => {
  const claimsOf = (text: string): ClaimMatch[] => matcher.scan(text, { relevant: true }).claims;

  it('German: a promise is "offered", with the sources that agree and disagree', () => {
    const text = 'Am Dienstag sprach man lange. Trump stellte Luftunterstützung in Aussicht. Mehr nicht.';
    const sentence = 'Trump stellte Luftunterstützung in Aussicht.';
    expect(claimsOf(text)).toEqual([
      {
        subject: 'trump',
        aspect: 'air-support',
        value: 'offered',
        sentence,
        start: text.indexOf(sentence),
        end: text.indexOf(sentence) + sentence.length,
        agree: ['s1', 's3'],
        disagree: ['s2'],
      },
    ]);
  });

  it('German: a modal is "option"', () => {
    const [c] = claimsOf('Die USA könnten Unterstützung aus der Luft leisten, sagte er.');
    expect(c).toMatchObject({ value: 'option', agree: ['s2'], disagree: ['s1', 's3'] });
  });

  it('English: "promised air support" is offered, "could help from the air" is option', () => {
    const text = 'Trump promised air support. Later, officials said the US could help from the air.';
    expect(claimsOf(text).map((c) => [c.value, c.sentence])).toEqual([
      ['offered', 'Trump promised air support.'],
      ['option', 'Later, officials said the US could help from the air.'],
    ]);
  });

  it('cue and signal must share a sentence', () => {
    expect(claimsOf('Es ging um Luftunterstützung. Das wurde später zugesagt.')).toEqual([]);
    expect(claimsOf('Air support was discussed. Something else was promised.')).toEqual([]);
  });

  it('two values in one sentence: the signal nearest to the cue wins; a tie reports nothing', () => {
    // "könnten" is 1 character from "Luftunterstützung"; "zugesagt" is far away.
    const [c] = claimsOf('Die USA könnten Luftunterstützung leisten, aber fest zugesagt ist nichts, hieß es.');
    expect(c?.value).toBe('option');
    // "promised" and "option" equally far (one space) from the cue: undecided.
    expect(claimsOf('It was promised air support option.')).toEqual([]);
  });

  it('several cues of one aspect in one sentence give one claim', () => {
    const claims = claimsOf('Luftunterstützung, also Hilfe aus der Luft, wurde zugesagt.');
    expect(claims.map((c) => c.value)).toEqual(['offered']);
  });

  it('undisputed aspects never produce claims, even with cue and signal', () => {
    // ground-troops has only the value "ruled-out" in the claims: not disputed.
    expect(claimsOf('Bodentruppen sind ausgeschlossen.')).toEqual([]);
  });

  it('claims are found with German abbreviations and dates inside the sentence', () => {
    const text = 'Laut Dr. Weber hat Trump am 18. August z. B. Luftunterstützung in Aussicht gestellt.';
    expect(claimsOf(text).map((c) => [c.value, c.sentence])).toEqual([['offered', text]]);
  });

  it('gives the same claims on a long text (one sentence split for many cues) as on its parts', () => {
    const a = 'Laut Dr. Weber hat Trump am 18. August Luftunterstützung in Aussicht gestellt. ';
    const b = 'Die USA könnten Unterstützung aus der Luft leisten.\n';
    const c = 'Es ging um Luftunterstützung, mehr nicht. ';
    const long = (a + b + c).repeat(40);
    const claims = claimsOf(long);
    expect(claims).toHaveLength(80);
    expect(claims.map((x) => x.value).slice(0, 4)).toEqual(['offered', 'option', 'offered', 'option']);
    for (const x of claims) expect(long.slice(x.start, x.end)).toBe(x.sentence);
    expect(claims[0]?.sentence).toBe(a.trim());
    expect(claims[1]?.sentence).toBe(b.trim());
  });

  it('a claim sentence needs an actor to make a page relevant on its own', () => {
    expect(matcher.scan('Die Löschhubschrauber könnten aus der Luft helfen.').relevant).toBe(false);
    const r = matcher.scan('Trump promised air support.');
    expect(r.relevant).toBe(true);
    expect(r.claims).toHaveLength(1);
  });
});

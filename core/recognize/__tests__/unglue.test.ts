import { describe, expect, it } from 'vitest';
import { unglue } from '../unglue';

describe('unglue', () => {
  it('puts apart a word that ends one element and one that starts the next', () => {
    expect(unglue('Treffen mit SelenskyjBerlin (dpa)').text).toBe('Treffen mit Selenskyj Berlin (dpa)');
    expect(unglue('Nato-GeneralstabschefsDie Ukraine').text).toBe('Nato-Generalstabschefs Die Ukraine');
    expect(unglue('LawrowÜber die Lage').text).toBe('Lawrow Über die Lage');
  });

  it('leaves acronyms, hyphenated words and ordinary text as they are', () => {
    for (const t of ['NATO-Beitritt', 'USA und EU', 'Trump sagte: Luftunterstützung', 'G7-Gipfel', 'Zelenskyy’s']) {
      const u = unglue(t);
      expect(u.text).toBe(t);
      expect(u.toRead(5)).toBe(5);
    }
  });

  it('takes an offset of the unglued text back to the text as read', () => {
    const read = 'Treffen mit SelenskyjBerlin und TrumpWashington.';
    const u = unglue(read);
    for (const word of ['Selenskyj', 'Berlin', 'Trump', 'Washington', 'und']) {
      const at = u.text.indexOf(word);
      expect(read.slice(u.toRead(at), u.toRead(at + word.length))).toBe(word);
    }
    expect(u.toRead(u.text.length)).toBe(read.length);
  });
});

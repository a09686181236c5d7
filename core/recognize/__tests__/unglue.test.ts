import { describe, expect, it } from 'vitest';
import { unglue } from '../unglue';

describe('unglue', () => {
  it('puts apart a word that ends one element and one that starts the next', () => {
    expect(unglue('Treffen mit SelenskyjBerlin (dpa)')).toBe('Treffen mit Selenskyj Berlin (dpa)');
    expect(unglue('Nato-GeneralstabschefsDie Ukraine')).toBe('Nato-Generalstabschefs Die Ukraine');
    expect(unglue('LawrowÜber die Lage')).toBe('Lawrow Über die Lage');
  });

  it('leaves acronyms, hyphenated words and ordinary text as they are', () => {
    for (const t of ['NATO-Beitritt', 'USA und EU', 'Trump sagte: Luftunterstützung', 'G7-Gipfel', 'Zelenskyy’s'])
      expect(unglue(t)).toBe(t);
  });
});

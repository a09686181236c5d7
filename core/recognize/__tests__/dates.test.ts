/**
 * Dates a text writes: found in the languages of the data, resolved to days, and the page's date guessed from them.
 */
import { describe, expect, it } from 'vitest';
import { statedDates, statedDayOf } from '../dates';

const days = (text: string) => statedDates(text, 2025).map((d) => [text.slice(d.start, d.end), d.day, d.year]);

describe('statedDates', () => {
  it('finds day and month in German, English, French, Italian, Spanish and Polish, with or without the year', () => {
    expect(days('Am 20. August 2025 fand sie statt.')).toEqual([['20. August 2025', '2025-08-20', true]]);
    expect(days('on Aug. 18 and on August 19, 2025')).toEqual([
      ['Aug. 18', '2025-08-18', false],
      ['August 19, 2025', '2025-08-19', true],
    ]);
    expect(days('le 18 août, el 18 de agosto, il 18 agosto, 18 sierpnia')).toEqual([
      ['18 août', '2025-08-18', false],
      ['18 de agosto', '2025-08-18', false],
      ['18 agosto', '2025-08-18', false],
      ['18 sierpnia', '2025-08-18', false],
    ]);
    expect(days('Aktualizacja: 20.08.2025 05:58; 2025-08-21')).toEqual([
      ['20.08.2025', '2025-08-20', true],
      ['2025-08-21', '2025-08-21', true],
    ]);
  });

  it('leaves numbers, months without a day and impossible days alone', () => {
    expect(days('um 3.5 Prozent, im Mai 2025, in February 2022, am 31. Juni, may 12 people')).toEqual([]);
  });
});

describe('statedDayOf', () => {
  it('is the latest day written without a year: the days a page reports, not the history it recalls', () => {
    expect(statedDayOf(statedDates('on Saturday (March 15) and on March 17', 2025))).toBe('2025-03-17');
    expect(statedDayOf(statedDates('the memorandum of December 5, 1994', 2025))).toBeNull();
    expect(statedDayOf(statedDates('no date here', 2025))).toBeNull();
  });
});

/**
 * Dates for relevance: the page's own date against the story's days. Pure
 * module.
 *
 * - `datelineOf(text)`: the first full date (day, month and year) written in
 *   the first `DATELINE_CHARS` characters of a text — where datelines,
 *   bylines and "Published 20 Aug, 2025" stand. Understood: ISO
 *   (2025-08-20), German/European numeric (20.08.2025), and day–month–year
 *   or month–day–year with month names in German, English, French, Italian,
 *   Spanish and Polish, full or abbreviated ("20. August 2025", "Aug. 20,
 *   2025", "20 août 2025", "20 sierpnia 2025").
 * - `statedDates(text, year)`: every date written anywhere in a text with
 *   its day and month ("20. August", "Aug. 20", "le 18 août", "18 de
 *   agosto", "20.08.2025", "March 15"), with its year, or `year` when none is
 *   written — one pass of a few regular expressions over the text, whatever
 *   the dataset. `statedDayOf(dates)`: the latest of them, the best guess of
 *   a page's date when it gives none itself (pages report what has
 *   happened, and plans only days ahead).
 * - `storySpan(dataset)`: the first and last day of the story: the day-
 *   precise dates of its events and of its sources' publication.
 * - `daysOutside(day, span)`: how many days a date lies before or after the
 *   span (0 inside it).
 */
import type { Dataset } from '../dataset/schema';

export const DATELINE_CHARS = 600;

const MONTHS: Record<string, number> = {};
const NAMES: Array<[number, string[]]> = [
  [1, ['januar', 'jänner', 'january', 'jan', 'janvier', 'gennaio', 'enero', 'stycznia', 'styczeń']],
  [2, ['februar', 'feber', 'february', 'feb', 'febr', 'février', 'fevrier', 'febbraio', 'febrero', 'lutego', 'luty']],
  [3, ['märz', 'marz', 'maerz', 'march', 'mar', 'mars', 'marzo', 'marca', 'marzec']],
  [4, ['april', 'apr', 'avril', 'aprile', 'abril', 'kwietnia', 'kwiecień']],
  [5, ['mai', 'may', 'maggio', 'mayo', 'maja', 'maj']],
  [6, ['juni', 'june', 'jun', 'juin', 'giugno', 'junio', 'czerwca', 'czerwiec']],
  [7, ['juli', 'july', 'jul', 'juillet', 'luglio', 'julio', 'lipca', 'lipiec']],
  [8, ['august', 'aug', 'août', 'aout', 'agosto', 'sierpnia', 'sierpień']],
  [9, ['september', 'sep', 'sept', 'septembre', 'settembre', 'septiembre', 'września', 'wrzesień']],
  [10, ['oktober', 'october', 'oct', 'okt', 'octobre', 'ottobre', 'octubre', 'października', 'październik']],
  [11, ['november', 'nov', 'novembre', 'noviembre', 'listopada', 'listopad']],
  [12, ['dezember', 'december', 'dec', 'dez', 'décembre', 'decembre', 'dicembre', 'diciembre', 'grudnia', 'grudzień']],
];
for (const [n, names] of NAMES) for (const name of names) MONTHS[name] = n;

const MONTH = '(\\p{L}{3,12})\\.?';
const DMY = new RegExp(
  `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:\\.|er|st|nd|rd|th)?\\s+(?:de\\s+)?${MONTH},?\\s+(?:de\\s+)?((?:19|20)\\d\\d)(?!\\d)`,
  'u',
);
const MDY = new RegExp(`(?<![\\p{L}\\p{N}])${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)(?!\\d)`, 'u');
const ISO = /(?<!\d)((?:19|20)\d\d)-(\d{2})-(\d{2})(?!\d)/;
const NUMERIC = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?!\d)/;

function day(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first full date in the first `DATELINE_CHARS` characters, as `YYYY-MM-DD`, or null. */
export function datelineOf(text: string): string | null {
  const head = text.slice(0, DATELINE_CHARS);
  const found: Array<{ at: number; value: string }> = [];
  const iso = ISO.exec(head);
  if (iso) {
    const v = day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (v) found.push({ at: iso.index, value: v });
  }
  const num = NUMERIC.exec(head);
  if (num) {
    const v = day(Number(num[3]), Number(num[2]), Number(num[1]));
    if (v) found.push({ at: num.index, value: v });
  }
  const dmy = DMY.exec(head);
  if (dmy) {
    const m = MONTHS[(dmy[2] as string).toLowerCase()];
    const v = m ? day(Number(dmy[3]), m, Number(dmy[1])) : null;
    if (v) found.push({ at: dmy.index, value: v });
  }
  const mdy = MDY.exec(head);
  if (mdy) {
    const m = MONTHS[(mdy[1] as string).toLowerCase()];
    const v = m ? day(Number(mdy[3]), m, Number(mdy[2])) : null;
    if (v) found.push({ at: mdy.index, value: v });
  }
  if (found.length === 0) return null;
  return found.sort((a, b) => a.at - b.at)[0]?.value ?? null;
}

export interface Span {
  first: string;
  last: string;
}

/** The story's first and last day (events and sources with a day-precise date), or null. */
export function storySpan(dataset: Dataset): Span | null {
  const days: string[] = [];
  for (const e of dataset.events) if (e.date && e.date.precision === 'day') days.push(e.date.value);
  for (const s of dataset.sources) if (s.published && s.published.precision === 'day') days.push(s.published.value);
  if (days.length === 0) return null;
  days.sort();
  return { first: days[0] as string, last: days[days.length - 1] as string };
}

const DAY_MS = 86_400_000;

function toTime(value: string, end: boolean): number | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  if (m[3] !== undefined) return Date.UTC(y, mo, Number(m[3]));
  // A month: its first day, or its last when measuring from the end.
  return end ? Date.UTC(y, mo + 1, 0) : Date.UTC(y, mo, 1);
}

/** Days between a date (`YYYY-MM-DD` or `YYYY-MM`) and the span; 0 when they overlap; null when unreadable. */
export function daysOutside(value: string, span: Span): number | null {
  const from = toTime(value, false);
  const to = toTime(value, true);
  const first = toTime(span.first, false);
  const last = toTime(span.last, true);
  if (from === null || to === null || first === null || last === null) return null;
  if (to < first) return Math.round((first - to) / DAY_MS);
  if (from > last) return Math.round((from - last) / DAY_MS);
  return 0;
}

/** A date written in a text, resolved to a day. */
export interface StatedDate {
  start: number;
  end: number;
  /** `YYYY-MM-DD`. */
  day: string;
  /** Whether the text writes the year. */
  year: boolean;
}

const S_MONTH = '(\\p{L}{3,12})\\.?';
const S_DM = new RegExp(
  `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:\\.|er|st|nd|rd|th)?\\s+(?:de\\s+)?${S_MONTH}(?:,?\\s+(?:de\\s+)?((?:19|20)\\d\\d)(?!\\d))?`,
  'gu',
);
// Month first (English): the month written with a capital ("May 12", not "may 12 people").
const S_MD = new RegExp(
  `(?<![\\p{L}\\p{N}])(\\p{Lu}\\p{L}{2,11})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{N}])(?:,?\\s+((?:19|20)\\d\\d)(?!\\d))?`,
  'gu',
);
const S_ISO = /(?<!\d)((?:19|20)\d\d)-(\d{2})-(\d{2})(?!\d)/g;
const S_NUM = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)?(?!\d)/g;

/** Every date with day and month written in `text`, in text order; `year` where the text writes none. */
export function statedDates(text: string, year: number): StatedDate[] {
  const out: StatedDate[] = [];
  const add = (start: number, end: number, y: number | null, m: number | undefined, d: number) => {
    if (!m) return;
    const v = day(y ?? year, m, d);
    if (v) out.push({ start, end, day: v, year: y !== null });
  };
  for (const re of [S_DM, S_MD, S_ISO, S_NUM]) re.lastIndex = 0;
  for (let m = S_DM.exec(text); m; m = S_DM.exec(text)) {
    add(
      m.index,
      m.index + m[0].length,
      m[3] ? Number(m[3]) : null,
      MONTHS[(m[2] as string).toLowerCase()],
      Number(m[1]),
    );
  }
  for (let m = S_MD.exec(text); m; m = S_MD.exec(text)) {
    add(
      m.index,
      m.index + m[0].length,
      m[3] ? Number(m[3]) : null,
      MONTHS[(m[1] as string).toLowerCase()],
      Number(m[2]),
    );
  }
  for (let m = S_ISO.exec(text); m; m = S_ISO.exec(text)) {
    add(m.index, m.index + m[0].length, Number(m[1]), Number(m[2]), Number(m[3]));
  }
  for (let m = S_NUM.exec(text); m; m = S_NUM.exec(text)) {
    // "20.08." needs its year or a following space; "3.5" (a number) is not a date.
    add(m.index, m.index + m[0].length, m[3] ? Number(m[3]) : null, Number(m[2]), Number(m[1]));
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The latest date written without a year, as `YYYY-MM-DD`, or null: how pages write the days they report ("on
 * Saturday (March 15)", "on August 18"). A date with its year is more often history ("the memorandum of December
 * 5, 1994") than the page's own day, which a dateline gives (`datelineOf`).
 */
export function statedDayOf(dates: StatedDate[]): string | null {
  let best: string | null = null;
  for (const d of dates) if (!d.year && (best === null || d.day > best)) best = d.day;
  return best;
}

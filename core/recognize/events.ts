/**
 * Event recognition: an event is what a page says about it — its
 * participants, place, date and key terms found together — not only a
 * trigger phrase. Pure module.
 *
 * Evidence per event (triggers and cues are concept patterns, see
 * `patterns.ts`; cues that name a day, "20. August" or "Aug. 20", are date
 * cues, the others key terms):
 * - a trigger (a phrase that names the event: "Videokonferenz der
 *   NATO-Militärchefs", "ruled out + US troops"): 3 points;
 * - each distinct key term ("chiefs of defence", "Militärausschuss"): 1
 *   point, at most 3. Distinct means another stretch of text: one phrase
 *   that several patterns (or the lists of several languages) know counts
 *   once, and a key term inside a trigger is that trigger's own word. A cue
 *   that is a place's name counts as that place;
 * - the event's day: a date cue, any date the page writes ("18 August",
 *   "le 18 août", "18 de agosto", "Aug. 18, 2025"; see `statedDates`) that is
 *   the event's day, or a weekday ("on Wednesday", "am Mittwoch", "mardi")
 *   that falls on it counted back from the page's own date: 2 points. A date
 *   cue followed by another year ("August 15, 2019") does not count;
 * - the place named (any alias, ambiguous ones too: the other evidence
 *   supplies the context), outside a trigger: 1 point;
 * - each distinct participant named by an unambiguous alias, outside a
 *   trigger: 1 point, at most 2.
 * Only evidence within `NEAR` characters of a seed counts: the parts of one
 * report, not words scattered over a page. Seeds are triggers, key terms,
 * and the event's day written in one sentence with its place or two of its
 * participants ("Putin and Trump held talks on August 15", "à la Maison
 * Blanche le 18 août").
 *
 * Another occasion: a seed in a sentence that writes another day (the
 * caption "in the Oval Office on Aug. 14, 2025", "a Sept. 4 summit", "on
 * Saturday (March 15)") is about that day, not this event — for an undated
 * event, a day more than `STALE_DAYS` from the story's days. Phrases that
 * name an institution rather than the place ("White House spokesperson",
 * "White House says") are block patterns of the triggers (`!…`): they hide
 * the place's name inside them and are no evidence.
 *
 * Participants that are places or `general` names (countries, agencies)
 * are on every page and count as nothing here.
 *
 * An event is recognized when its day is written in one sentence with its
 * place or two of its participants, or with at least `SUPPORT_NEEDED` (4)
 * points and
 * - a trigger with a key term, the day, the place, or its people together:
 *   three of its participants (Trump, Putin and Zelensky with "three-way
 *   summit"), all of them when it has fewer (Trump with "ruled out US
 *   troops"), or a trigger of three parts, which names who and what
 *   together ("NATO + military leaders + virtual meeting", "meeting +
 *   Putin + Zelensky"). A trigger with two names alone does not do: Trump
 *   and Putin met more than once;
 * - or, without a trigger, two distinct key terms with the day or the
 *   place, or two distinct key terms in one passage (within `NEAR`) with a
 *   participant — so one generic word ("Gipfel", "meeting", "video call")
 *   never makes an event, nor attendees' names scattered over a page.
 * An ongoing event without a day or a place (the negotiations on security
 * guarantees) is a theme more than an occasion: its trigger alone makes it
 * only on a page that is otherwise about the story — where another event is
 * recognized or the page's date is close to the story's days
 * (`EventContext.pageClose`).
 * An event whose every sentence of evidence names it only as the time of
 * something else or points at it ("a day after Zelenskyy … visited the White
 * House", "follows Trump's meeting with …", "anknüpfend an den
 * Ukraine-Gipfel", "bezog sich auf das Gipfeltreffen") is a passing
 * reference, not reported (`passingReference`).
 * A page dated more than `STALE_DAYS` after a dated event, or more than
 * `STALE_DAYS` before it (an undated one: after or before the story's days),
 * reports another occasion (a video meeting of the same chiefs in another
 * month), and the event is not recognized there.
 */
import type { Compiled } from './compiled';
import { statedDates, type StatedDate } from './dates';
import { foldToken } from './fold';
import type { RawHit } from './hits';
import { patternMatches, type Span } from './patterns';
import { sentenceAt } from './sentences';

export const SUPPORT_NEEDED = 4;
export const NEAR = 400;
export const STALE_DAYS = 31;
const TRIGGER_POINTS = 3;
const TERM_CAP = 3;
const DATE_POINTS = 2;
const PARTICIPANT_CAP = 2;
/** A trigger of this many parts names who and what together. */
const TOGETHER_PARTS = 3;
/**
 * Greatest span of one match of an event's trigger or cue pattern: a clause of news prose ("Dan Caine, the
 * chairman of the Joint Chiefs of Staff, who on Tuesday met the European military chiefs").
 */
export const EVENT_WINDOW = 160;
/** How close to a seed another day must be written to make it another occasion. */
export const OTHER_DAY_CHARS = 100;
/** Days after a one-day event from which a page that names neither its day nor its place only looks back on it. */
export const RECENT_DAYS = 7;
/** Sentences that must name an ongoing theme for its trigger alone to count. */
const THEME_SENTENCES = 3;

export interface RecognizedEvent {
  id: string;
  evidence: string[];
  /** Trigger hits that name the event as a whole phrase (the event's mentions). */
  triggers: RawHit[];
}

/** What the scan knows about the page's own date, for weekdays and staleness. */
export interface EventContext {
  /** The page's own day `YYYY-MM-DD`, or null. */
  pageDay: string | null;
  /** Whether the page's date is close to the story's days (see `relevance.ts`). */
  pageClose?: boolean;
  /** The dates the page writes (`statedDates`), when the caller has them already. */
  dates?: StatedDate[];
  /** Told about every event with a trigger or a cue, recognized or not, and why (see `ScanContext.explainEvents`). */
  explain?: (id: string, points: number, evidence: string[], verdict: string) => void;
}

/** A year written right after a date cue ("August 15, 2019", "20. August 2025"), or null. */
function yearAfter(text: string, end: number): number | null {
  const m = /^[\s,.]{0,3}((?:19|20)\d\d)(?!\d)/.exec(text.slice(end, end + 10));
  return m ? Number(m[1]) : null;
}

const MONTH_WORD =
  /(jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|janv|févr|avr|juil|août|ago|giu|lug|sierp|lip)/i;

/** A cue that names a day ("20. August", "Aug. 20", "20.08.2025"). */
export function isDateCue(source: string): boolean {
  return /\d/.test(source) && (MONTH_WORD.test(source) || /\d{1,2}\.\d{1,2}\./.test(source));
}

/** Weekday names (lower case) → day of the week (0 Sunday … 6 Saturday). */
const WEEKDAY_NAMES: Record<string, number> = {};
(
  [
    [1, ['monday', 'montag', 'lundi', 'lunedì', 'lunedi', 'lunes', 'poniedziałek', 'poniedzialek']],
    [2, ['tuesday', 'dienstag', 'mardi', 'martedì', 'martedi', 'martes', 'wtorek']],
    [
      3,
      [
        'wednesday',
        'mittwoch',
        'mercredi',
        'mercoledì',
        'mercoledi',
        'miércoles',
        'miercoles',
        'środa',
        'środę',
        'sroda',
      ],
    ],
    [4, ['thursday', 'donnerstag', 'jeudi', 'giovedì', 'giovedi', 'jueves', 'czwartek']],
    [5, ['friday', 'freitag', 'vendredi', 'venerdì', 'venerdi', 'viernes', 'piątek', 'piatek']],
    [6, ['saturday', 'samstag', 'sonnabend', 'samedi', 'sabato', 'sábado', 'sabado', 'sobota', 'sobotę']],
    [0, ['sunday', 'sonntag', 'dimanche', 'domenica', 'domingo', 'niedziela', 'niedzielę']],
  ] as Array<[number, string[]]>
).forEach(([day, names]) => names.forEach((n) => (WEEKDAY_NAMES[n] = day)));
/** All weekday names in one expression: one pass over the text. */
const WEEKDAY = new RegExp(
  `(?<![\\p{L}\\p{N}])(${Object.keys(WEEKDAY_NAMES)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

const DAY_MS = 86_400_000;

function dayTime(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** Weekday mentions resolved to days: the latest such weekday on or before the page's day (within a week). */
export function weekdayDays(text: string, pageDay: string): Array<Span & { day: string }> {
  const page = dayTime(pageDay);
  if (Number.isNaN(page)) return [];
  const pageWeekday = new Date(page).getUTCDay();
  const out: Array<Span & { day: string }> = [];
  const days = new Map<number, string>();
  WEEKDAY.lastIndex = 0;
  for (let m = WEEKDAY.exec(text); m; m = WEEKDAY.exec(text)) {
    const weekday = WEEKDAY_NAMES[(m[1] as string).toLowerCase()];
    if (weekday === undefined) continue;
    let day = days.get(weekday);
    if (day === undefined) {
      const back = (pageWeekday - weekday + 7) % 7;
      days.set(weekday, (day = new Date(page - back * DAY_MS).toISOString().slice(0, 10)));
    }
    out.push({ start: m.index, end: m.index + m[0].length, day });
  }
  return out;
}

/**
 * Spans indexed for overlap questions in logarithmic time (pages can hold thousands of hits): sorted by start,
 * with the greatest end so far.
 */
class SpanIndex {
  private readonly starts: number[];
  private readonly maxEnd: number[];
  constructor(spans: Span[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((x) => x.start);
    this.maxEnd = [];
    let m = -Infinity;
    for (const x of sorted) this.maxEnd.push((m = Math.max(m, x.end)));
  }
  /** Index of the last span starting before `pos` (or at it, with `inclusive`), or -1. */
  private last(pos: number, inclusive: boolean): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const v = this.starts[mid] as number;
      if (v < pos || (inclusive && v === pos)) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
  /** Some span overlaps [start, end). */
  overlaps(start: number, end: number): boolean {
    const j = this.last(end, false);
    return j >= 0 && (this.maxEnd[j] as number) > start;
  }
  /** Some span holds [start, end). */
  holds(start: number, end: number): boolean {
    const j = this.last(start, true);
    return j >= 0 && (this.maxEnd[j] as number) >= end;
  }
  /** Some span lies within `NEAR` characters of [start, end). */
  near(start: number, end: number): boolean {
    return this.overlaps(start - NEAR - 1, end + NEAR + 1);
  }
}

/** Spans of `list` (sorted by start) that start in [from, to). */
function* startingIn<T extends Span>(list: T[], from: number, to: number): Generator<T> {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as T).start < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length && (list[i] as T).start < to; i++) yield list[i] as T;
}

/** A phrase folded word by word ("Koalition der Willigen" and "Koalition  der willigen" are one). */
function foldWords(phrase: string): string {
  return (phrase.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => foldToken(w)).join(' ');
}

/**
 * Words that make what follows them a time reference or a pointer, not a report: "a day after", "follows",
 * "in the wake of", "referring to", "nach dem", "anknüpfend an", "bezog sich auf", "après", "dopo", "tras".
 */
const PASSING =
  /(?<![\p{L}\p{N}])(?:(?:a|one|two|three|several|days?|weeks?|hours?) (?:days? |weeks? )?after|follow(?:s|ed)?(?!-)|(?<!the )following|in the wake of|on the heels of|comes? after|referr(?:ing|ed) to|nach (?:dem|der|den|einem|einer)|anknüpfend an|im anschluss an|infolge|bezog sich auf|verwies auf|après|à la suite d|dopo|in seguito a|tras|después de)(?![\p{L}\p{N}])/iu;
/** How far before an event's first evidence in its sentence such a word governs it. */
const PASSING_CHARS = 120;

/**
 * Every sentence that holds evidence of an event names it only as the time of something else, or points at
 * it: the event is the object of "a day after", "follows", "anknüpfend an", "bezog sich auf" … written before
 * its first evidence in that sentence. The page reports something else and points back at the event
 * (labelled so: "not a passing time reference").
 */
function passingReference(text: string, seeds: Span[], sentenceOf: (pos: number) => Span): boolean {
  /** Sentence start → its first seed. */
  const firstIn = new Map<number, { sentence: Span; first: number }>();
  for (const x of seeds) {
    const sentence = sentenceOf(x.start);
    if (x.end > sentence.end) return false;
    const f = firstIn.get(sentence.start);
    if (!f) firstIn.set(sentence.start, { sentence, first: x.start });
    else if (x.start < f.first) f.first = x.start;
  }
  for (const { sentence, first } of firstIn.values()) {
    if (!PASSING.test(text.slice(Math.max(sentence.start, first - PASSING_CHARS), first))) return false;
  }
  return true;
}

/** Recognizes the events of `hits`, in dataset order, in steps: one for sorting the hits, one per event with a seed. */
export function* recognizeEventsSteps(
  c: Compiled,
  text: string,
  hits: RawHit[],
  context: EventContext = { pageDay: null },
): Generator<void, RecognizedEvent[]> {
  const triggers = new Map<string, RawHit[]>();
  const cues = new Map<string, RawHit[]>();
  /** Alias hits per entity, in text order. */
  const aliasById = new Map<string, RawHit[]>();
  /** Block phrases of triggers ("White House spokesperson"): the names inside them are not the place. */
  const blocked: Span[] = [];
  const push = (map: Map<string, RawHit[]>, key: string, h: RawHit) => {
    const list = map.get(key);
    if (list) list.push(h);
    else map.set(key, [h]);
  };
  for (const h of hits) {
    const p = h.payload;
    if (p.role === 'block') {
      if (p.kind === 'trigger') blocked.push(h);
    } else if (p.kind === 'trigger') push(triggers, p.id, h);
    else if (p.kind === 'event-cue') push(cues, p.id, h);
    else if (p.kind === 'alias') push(aliasById, p.id, h);
  }
  const story = c.span;
  const storyYear = story ? Number(story.first.slice(0, 4)) : new Date().getUTCFullYear();
  let weekdays: Array<Span & { day: string }> | null = null;
  let stated: StatedDate[] | null = context.dates ?? null;
  const placeSpans = new SpanIndex(
    hits.filter((h) => h.payload.kind === 'alias' && c.entities.get(h.payload.id)?.kind === 'place'),
  );
  const blockedIndex = new SpanIndex(blocked);
  const patterns = c.dict.patterns;
  const whole = (h: RawHit) => h.payload.pattern === undefined || patterns[h.payload.pattern]?.parts === 1;
  // The sentence around a position, found by scanning its neighbourhood (and kept: seeds share sentences).
  const sentenceCache = new Map<number, Span>();
  const sentenceOf = (pos: number): Span => {
    let s = sentenceCache.get(pos);
    if (!s) sentenceCache.set(pos, (s = sentenceAt(text, pos)));
    return s;
  };

  /** The parts of a pattern are found in one sentence. */
  const oneSentence = (m: Span & { pattern: number }): boolean =>
    (patterns[m.pattern]?.parts ?? 1) === 1 || sentenceOf(m.start).end >= m.end;

  const out: RecognizedEvent[] = [];
  /** Ongoing themes with a trigger but too little support: decided once the other events are known. */
  const themes: Array<{ id: string; points: number; evidence: string[]; triggers: RawHit[] }> = [];
  for (const ev of c.dataset.events) {
    const trig = triggers.get(ev.id) ?? [];
    const cueHits = cues.get(ev.id) ?? [];
    if (trig.length === 0 && cueHits.length === 0) continue;
    yield;
    const eventDay = ev.date && ev.date.precision === 'day' ? ev.date.value : null;
    if (context.pageDay) {
      // Dated events against their day; planned and undated ones against the story's days.
      const page = dayTime(context.pageDay);
      const first = eventDay ? dayTime(eventDay) : story ? dayTime(story.first) : null;
      const last = eventDay ? first : story ? dayTime(story.last) : null;
      if (
        first !== null &&
        last !== null &&
        (page - last > STALE_DAYS * DAY_MS || first - page > STALE_DAYS * DAY_MS)
      ) {
        context.explain?.(ev.id, 0, [], 'the page is dated a month away');
        continue;
      }
    }
    stated ??= statedDates(text, storyYear);
    const datesWritten = stated;
    /** A day written next to `s` (in its sentence, within `OTHER_DAY_CHARS`) that is another occasion than this event's. */
    const otherDay = (s: Span): boolean => {
      const near = [...startingIn(datesWritten, s.start - OTHER_DAY_CHARS - 40, s.end + OTHER_DAY_CHARS)];
      if (near.length === 0) return false;
      const sentence = sentenceOf(s.start);
      let other = false;
      for (const d of near) {
        if (d.start < sentence.start || d.start >= sentence.end) continue;
        if (d.end < s.start - OTHER_DAY_CHARS || d.end > sentence.end) continue;
        if (eventDay !== null && d.day === eventDay) return false;
        if (eventDay !== null) other = true;
        else if (story) {
          const t = dayTime(d.day);
          if (t < dayTime(story.first) - STALE_DAYS * DAY_MS || t > dayTime(story.last) + STALE_DAYS * DAY_MS)
            other = true;
        }
      }
      return other;
    };
    const year = ev.date ? Number(ev.date.value.slice(0, 4)) : null;
    const evidence: string[] = [];
    const trigSpans = patternMatches(
      patterns,
      trig.filter((h) => !blockedIndex.overlaps(h.start, h.end)),
      EVENT_WINDOW,
    ).filter((t) => !otherDay(t) && oneSentence(t));
    const trigIndex = new SpanIndex(trigSpans);
    const terms: Array<Span & { source: string }> = [];
    const dates: Array<Span & { source: string }> = [];
    for (const m of patternMatches(patterns, cueHits, EVENT_WINDOW)) {
      if (!oneSentence(m)) continue;
      const source = patterns[m.pattern]?.source ?? '';
      // A cue that is a place's name is that place, not a key term ("Schweiz", "Alaska").
      if (placeSpans.overlaps(m.start, m.end)) continue;
      if (isDateCue(source)) {
        const y = yearAfter(text, m.end);
        if (y !== null && year !== null && y !== year) continue;
        dates.push({ ...m, source });
      } else if (!trigIndex.overlaps(m.start, m.end) && !otherDay(m)) terms.push({ ...m, source });
    }
    // Dates the page writes that are the event's day.
    if (eventDay !== null) {
      const cued = new SpanIndex(dates);
      for (const d of datesWritten) {
        if (d.day === eventDay && !cued.overlaps(d.start, d.end))
          dates.push({ ...d, source: text.slice(d.start, d.end) });
      }
    }
    // Participants (not places, not general names) named by an unambiguous alias, outside triggers.
    const people: string[] = [];
    for (const pid of new Set(ev.participants)) {
      const entity = c.entities.get(pid);
      if (pid === ev.place || !entity || entity.kind === 'place' || entity.specificity === 'general') continue;
      // A group named only by ambiguous aliases ("European leaders") is never counted as named.
      if (entity.aliases.every((a) => entity.ambiguous.includes(a))) continue;
      people.push(pid);
    }
    const personHitsOf = new Map(
      people.map((pid) => [
        pid,
        (aliasById.get(pid) ?? []).filter((h) => !h.payload.ambiguous && !trigIndex.holds(h.start, h.end)),
      ]),
    );
    const personHits = (pid: string) => personHitsOf.get(pid) ?? [];
    const placeHits =
      ev.place === null ? [] : (aliasById.get(ev.place) ?? []).filter((h) => !blockedIndex.overlaps(h.start, h.end));
    // The day written in one sentence with the place (by an unambiguous name) or two participants: the event
    // itself.
    const anchors: Span[] = [];
    if (eventDay && context.pageDay) weekdays ??= weekdayDays(text, context.pageDay);
    const days: Span[] = [...dates, ...(eventDay && weekdays ? weekdays.filter((w) => w.day === eventDay) : [])];
    const clearPlace = placeHits.filter((h) => !h.payload.ambiguous);
    for (const d of days) {
      const s = sentenceOf(d.start);
      const within = (list: RawHit[]) => {
        for (const h of startingIn(list, s.start, s.end)) if (h.end <= s.end) return true;
        return false;
      };
      const withPlace = within(clearPlace);
      const withPeople = people.filter((pid) => within(personHits(pid))).length;
      if (withPlace || withPeople >= 2) anchors.push(d);
    }
    const seedList: Span[] = [...trigSpans, ...terms, ...anchors];
    if (seedList.length === 0) {
      context.explain?.(ev.id, 0, [], 'no trigger, key term or day with its place or people');
      continue;
    }
    const seeds = new SpanIndex(seedList);
    let points = 0;
    const kinds = new Set<string>();
    if (trigSpans.length) {
      points += TRIGGER_POINTS;
      kinds.add('trigger');
      for (const t of trigSpans) evidence.push(`trigger "${patterns[t.pattern]?.source ?? ''}"`);
    }
    // Distinct key terms: another pattern, another stretch of text and other words each.
    const counted: Span[] = [];
    const seenTerms = new Set<string>();
    for (const t of terms) {
      if (counted.length > TERM_CAP + 8) break; // enough to tell; the rest is repetition
      if (seenTerms.has(t.source)) continue;
      const words = foldWords(text.slice(t.start, t.end));
      if (seenTerms.has(words) || counted.some((x) => x.start < t.end && t.start < x.end)) continue;
      seenTerms.add(t.source);
      seenTerms.add(words);
      counted.push(t);
      if (counted.length <= TERM_CAP) points += 1;
      kinds.add('term');
      evidence.push(`key term "${t.source}"`);
    }
    // The day: a date near a seed, or a weekday that falls on the event's day.
    const dateHit = dates.find((d) => seeds.near(d.start, d.end));
    let dayEvidence: string | null = dateHit ? `date "${dateHit.source}"` : null;
    if (!dayEvidence && eventDay && context.pageDay) {
      weekdays ??= weekdayDays(text, context.pageDay);
      const w = weekdays.find((x) => x.day === eventDay && seeds.near(x.start, x.end));
      if (w) dayEvidence = `date "${text.slice(w.start, w.end)}" (${eventDay}, from the page's date)`;
    }
    if (dayEvidence) {
      points += DATE_POINTS;
      kinds.add('date');
      evidence.push(dayEvidence);
    }
    if (ev.place !== null && placeHits.some((h) => seeds.near(h.start, h.end) && !trigIndex.holds(h.start, h.end))) {
      points += 1;
      kinds.add('place');
      evidence.push(`place ${ev.place}`);
    }
    // Participants named near a seed, in text order.
    const named: { pid: string; at: number }[] = [];
    for (const pid of people) {
      const first = personHits(pid).find((h) => seeds.near(h.start, h.end));
      if (first) named.push({ pid, at: first.start });
    }
    named.sort((a, b) => a.at - b.at);
    named.forEach(({ pid }, i) => {
      if (i < PARTICIPANT_CAP) points += 1;
      kinds.add('participant');
      evidence.push(`participant ${pid}`);
    });
    // A trigger that names who and what together ("NATO + military leaders + virtual meeting") is its own support.
    const whoAndWhat = trigSpans.find((t) => (patterns[t.pattern]?.parts ?? 0) >= TOGETHER_PARTS);
    if (whoAndWhat) {
      points += 1;
      evidence.push(`who and what together in "${text.slice(whoAndWhat.start, whoAndWhat.end).replace(/\s+/g, ' ')}"`);
    }
    const placed = kinds.has('date') || kinds.has('place');
    // Two distinct key terms in one passage (names of attendees scattered over a page are not a report).
    const termsTogether = counted.some((a, i) =>
      counted.some((b, j) => j > i && a.start <= b.end + NEAR && b.start <= a.end + NEAR),
    );
    // Its people together: three of them, or all when it has fewer.
    const together = named.length >= 3 || (people.length > 0 && named.length === people.length);
    // The day with the place or two participants in one sentence is when and where (or who): the event itself.
    const ok =
      anchors.length > 0 ||
      (points >= SUPPORT_NEEDED &&
        (trigSpans.length > 0
          ? placed || kinds.has('term') || together || whoAndWhat !== undefined
          : (counted.length >= 2 && placed) || (termsTogether && kinds.has('participant'))));
    // Weeks after a one-day event, a page that names neither its day nor its place only looks back on it.
    const page = context.pageDay ? dayTime(context.pageDay) : null;
    const lookingBack =
      eventDay !== null && page !== null && page - dayTime(eventDay) > RECENT_DAYS * DAY_MS && !placed;
    if (!ok || lookingBack) {
      const sentences = new Set(trigSpans.map((t) => sentenceOf(t.start).start));
      if (
        !ok &&
        sentences.size >= THEME_SENTENCES &&
        ev.status === 'ongoing' &&
        ev.date === null &&
        ev.place === null
      ) {
        themes.push({ id: ev.id, points, evidence, triggers: trig.filter(whole) });
      } else {
        const why = lookingBack
          ? 'the page looks back on it weeks later'
          : points < SUPPORT_NEEDED
            ? 'too little support'
            : 'no day, place, key term or its people with the trigger';
        context.explain?.(ev.id, points, evidence, why);
      }
      continue;
    }
    if (passingReference(text, seedList, sentenceOf)) {
      context.explain?.(ev.id, points, evidence, 'only a passing reference ("after …", "follows …")');
      continue;
    }
    // Named only by a trigger with its people (no day, place or key term): as for themes, the page must be
    // about the story — the same people meet and talk in other months.
    if (!placed && !kinds.has('term')) {
      themes.push({ id: ev.id, points, evidence, triggers: trig.filter(whole) });
      continue;
    }
    context.explain?.(ev.id, points, evidence, 'recognized');
    out.push({ id: ev.id, evidence, triggers: trig.filter(whole) });
  }
  // Themes: on a page that is otherwise about the story.
  const storyPage = out.length > 0 || context.pageClose === true;
  for (const t of themes) {
    if (!storyPage) {
      context.explain?.(t.id, t.points, t.evidence, 'only its trigger, on a page not otherwise about the story');
      continue;
    }
    const evidence = [
      ...t.evidence,
      out.length > 0 ? 'on a page about the story (another event)' : "on a page about the story (the page's date)",
    ];
    context.explain?.(t.id, t.points, evidence, 'recognized');
    out.push({ id: t.id, evidence, triggers: t.triggers });
  }
  const order = new Map(c.dataset.events.map((e, i) => [e.id, i]));
  return out.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

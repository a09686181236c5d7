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
 *   point, at most 3 (a cue that is a place's name counts as that place);
 * - the event's day: a date cue, or a weekday ("on Wednesday", "am
 *   Mittwoch", "mardi") that falls on the event's day counted back from the
 *   page's own date: 2 points. A date cue followed by another year ("August
 *   15, 2019") does not count and blocks nothing else;
 * - the place named (any alias, ambiguous ones too: the other evidence
 *   supplies the context), outside a trigger: 1 point;
 * - each distinct participant named by an unambiguous alias, outside a
 *   trigger: 1 point, at most 2.
 * Only evidence within `NEAR` characters of a seed (a trigger or a key term)
 * counts: the parts of one report, not words scattered over a page.
 *
 * Participants that are places or `general` names (countries, agencies)
 * are on every page and count as nothing here.
 *
 * An event is recognized with at least `SUPPORT_NEEDED` (4) points and
 * either a trigger with a key term, the day, the place or three of its
 * participants (Trump, Putin and Zelensky with "three-way summit"), or two distinct
 * key terms with the day, the place or a participant — so one generic word
 * ("Gipfel", "meeting", "video call") never makes an event, and a trigger
 * with names alone does not either: Trump and Putin met more than once.
 * A page dated more than
 * `STALE_DAYS` after a dated event, or more than `STALE_DAYS` before it
 * (an undated one: after or before the story's days),
 * reports another occasion (a video meeting of the same chiefs in another
 * month), and the event is not recognized there.
 */
import type { Compiled } from './compiled';
import type { RawHit } from './hits';
import { patternMatches, type Span } from './patterns';

export const SUPPORT_NEEDED = 4;
export const NEAR = 400;
export const STALE_DAYS = 31;
const TRIGGER_POINTS = 3;
const TERM_CAP = 3;
const DATE_POINTS = 2;
const PARTICIPANT_CAP = 2;

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

const WEEKDAYS: Array<[number, RegExp]> = [
  [1, /\b(monday|montag|lundi|lunedì|lunedi|lunes|poniedziałek|poniedzialek)\b/giu],
  [2, /\b(tuesday|dienstag|mardi|martedì|martedi|martes|wtorek)\b/giu],
  [3, /\b(wednesday|mittwoch|mercredi|mercoledì|mercoledi|miércoles|miercoles|środa|środę|sroda)\b/giu],
  [4, /\b(thursday|donnerstag|jeudi|giovedì|giovedi|jueves|czwartek)\b/giu],
  [5, /\b(friday|freitag|vendredi|venerdì|venerdi|viernes|piątek|piatek)\b/giu],
  [6, /\b(saturday|samstag|sonnabend|samedi|sabato|sábado|sabado|sobota|sobotę)\b/giu],
  [0, /\b(sunday|sonntag|dimanche|domenica|domingo|niedziela|niedzielę)\b/giu],
];

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
  for (const [weekday, re] of WEEKDAYS) {
    re.lastIndex = 0;
    const back = (pageWeekday - weekday + 7) % 7;
    const day = new Date(page - back * DAY_MS).toISOString().slice(0, 10);
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, day });
  }
  return out.sort((a, b) => a.start - b.start);
}

function near(a: Span, seeds: Span[]): boolean {
  return seeds.some((s) => a.start <= s.end + NEAR && s.start <= a.end + NEAR);
}

function inside(a: Span, spans: Span[]): boolean {
  return spans.some((s) => s.start <= a.start && a.end <= s.end);
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
  const push = (map: Map<string, RawHit[]>, key: string, h: RawHit) => {
    const list = map.get(key);
    if (list) list.push(h);
    else map.set(key, [h]);
  };
  for (const h of hits) {
    const p = h.payload;
    if (p.kind === 'trigger') push(triggers, p.id, h);
    else if (p.kind === 'event-cue') push(cues, p.id, h);
    else if (p.kind === 'alias') push(aliasById, p.id, h);
  }
  let weekdays: Array<Span & { day: string }> | null = null;
  const placeSpans: Span[] = hits.filter(
    (h) => h.payload.kind === 'alias' && c.entities.get(h.payload.id)?.kind === 'place',
  );
  const patterns = c.dict.patterns;
  const whole = (h: RawHit) => h.payload.pattern === undefined || patterns[h.payload.pattern]?.parts === 1;

  const out: RecognizedEvent[] = [];
  for (const ev of c.dataset.events) {
    const trig = triggers.get(ev.id) ?? [];
    const cueHits = cues.get(ev.id) ?? [];
    if (trig.length === 0 && cueHits.length === 0) continue;
    yield;
    const eventDay = ev.date && ev.date.precision === 'day' ? ev.date.value : null;
    if (context.pageDay) {
      // Dated events against their day; planned and undated ones against the story's days.
      const page = dayTime(context.pageDay);
      const first = eventDay ? dayTime(eventDay) : c.span ? dayTime(c.span.first) : null;
      const last = eventDay ? first : c.span ? dayTime(c.span.last) : null;
      if (first !== null && last !== null && (page - last > STALE_DAYS * DAY_MS || first - page > STALE_DAYS * DAY_MS))
        continue;
    }
    const year = ev.date ? Number(ev.date.value.slice(0, 4)) : null;
    const trigSpans = patternMatches(patterns, trig);
    const terms: Array<Span & { source: string }> = [];
    const dates: Array<Span & { source: string }> = [];
    for (const m of patternMatches(patterns, cueHits)) {
      const source = patterns[m.pattern]?.source ?? '';
      // A cue that is a place's name is that place, not a key term ("Schweiz", "Alaska").
      if (placeSpans.some((p) => p.start < m.end && m.start < p.end)) continue;
      if (isDateCue(source)) {
        const y = yearAfter(text, m.end);
        if (y !== null && year !== null && y !== year) continue;
        dates.push({ ...m, source });
      } else terms.push({ ...m, source });
    }
    const seeds: Span[] = [...trigSpans, ...terms];
    if (seeds.length === 0) continue;
    const evidence: string[] = [];
    let points = 0;
    const kinds = new Set<string>();
    if (trigSpans.length) {
      points += TRIGGER_POINTS;
      kinds.add('trigger');
      for (const t of trigSpans) evidence.push(`trigger "${patterns[t.pattern]?.source ?? ''}"`);
    }
    const seenTerms = new Set<string>();
    for (const t of terms) {
      if (seenTerms.has(t.source)) continue;
      seenTerms.add(t.source);
      if (seenTerms.size <= TERM_CAP) points += 1;
      kinds.add('term');
      evidence.push(`key term "${t.source}"`);
    }
    // The day: a date cue near a seed, or a weekday that falls on the event's day.
    const dateHit = dates.find((d) => near(d, seeds));
    let dayEvidence: string | null = dateHit ? `date "${dateHit.source}"` : null;
    if (!dayEvidence && eventDay && context.pageDay) {
      weekdays ??= weekdayDays(text, context.pageDay);
      const w = weekdays.find((x) => x.day === eventDay && near(x, seeds));
      if (w) dayEvidence = `date "${text.slice(w.start, w.end)}" (${eventDay}, from the page's date)`;
    }
    if (dayEvidence) {
      points += DATE_POINTS;
      kinds.add('date');
      evidence.push(dayEvidence);
    }
    if (ev.place !== null && (aliasById.get(ev.place) ?? []).some((h) => near(h, seeds) && !inside(h, trigSpans))) {
      points += 1;
      kinds.add('place');
      evidence.push(`place ${ev.place}`);
    }
    // Participants named near a seed (not inside a trigger, not by an ambiguous alias), in text order.
    const named: { pid: string; at: number }[] = [];
    for (const pid of new Set(ev.participants)) {
      // Places and general names (countries, agencies) are on every page: not a participant's evidence.
      const entity = c.entities.get(pid);
      if (pid === ev.place || !entity || entity.kind === 'place' || entity.specificity === 'general') continue;
      const first = (aliasById.get(pid) ?? []).find(
        (h) => !h.payload.ambiguous && !inside(h, trigSpans) && near(h, seeds),
      );
      if (first) named.push({ pid, at: first.start });
    }
    named.sort((a, b) => a.at - b.at);
    named.forEach(({ pid }, i) => {
      if (i < PARTICIPANT_CAP) points += 1;
      kinds.add('participant');
      evidence.push(`participant ${pid}`);
    });
    if (points < SUPPORT_NEEDED) continue;
    // A trigger needs a key term, the day, the place or three participants (two met more than once);
    // without a trigger, two key terms need the day, the place or a participant.
    const placed = kinds.has('date') || kinds.has('place');
    const together = named.length >= 3; // three of its participants named with the trigger: the event itself
    if (
      trigSpans.length > 0
        ? !(placed || kinds.has('term') || together)
        : seenTerms.size < 2 || !(placed || kinds.has('participant'))
    )
      continue;
    out.push({ id: ev.id, evidence, triggers: trig.filter(whole) });
  }
  return out;
}

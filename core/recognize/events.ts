/**
 * Event recognition. Pure module.
 *
 * Rule: an event is recognized when the text has at least one of its trigger
 * phrases AND at least `SUPPORT_NEEDED` (2) points of supporting evidence, at
 * least one of them a cue or the place:
 * - each distinct cue phrase of the event (dates as pages write them, key
 *   terms): 2 points when it stands within `NEAR` characters of a trigger,
 *   1 point anywhere else in the text (page furniture such as "Editor's
 *   picks – August 15" is far from the article's "summit"). A date cue
 *   directly followed by another year than the event's ("August 15, 2019")
 *   does not count at all;
 * - the event's place named anywhere in the text outside its triggers (any
 *   alias, ambiguous ones too: the trigger supplies the context): 1 point.
 *   A place inside the trigger ("Pressekonferenz in Moskau", "talks in
 *   Paris") is the trigger's own word and proves nothing more: any Lavrov
 *   press conference is in Moscow;
 * - each distinct participant named by an unambiguous alias within `NEAR`
 *   characters of one of the event's triggers, but not inside the trigger
 *   itself (the "Trump" of "Trump-Putin-Gipfel" is the trigger's own word):
 *   1 point.
 * So a trigger needs a cue near it, or a cue or the place plus one more
 * item. One generic word ("Gipfel", "meeting") never makes an event, and
 * participants alone never do either: Trump and Putin met more than once,
 * only a date, a key term or the place tells this summit from another (a
 * 2018 article on the "Trump-Putin-Gipfel" in Helsinki is not the Alaska
 * summit).
 */
import type { Compiled } from './compiled';
import type { RawHit } from './hits';

export const SUPPORT_NEEDED = 2;
export const NEAR = 400;

export interface RecognizedEvent {
  id: string;
  evidence: string[];
  triggers: RawHit[];
}

/** A year written right after a date cue ("August 15, 2019", "20. August 2025"), or null. */
function yearAfter(text: string, end: number): number | null {
  const m = /^[\s,.]{0,3}((?:19|20)\d\d)(?!\d)/.exec(text.slice(end, end + 10));
  return m ? Number(m[1]) : null;
}

/**
 * Index of the first trigger that ends at or after `pos` (triggers of one event
 * never overlap, so they are sorted by start and by end alike).
 */
function firstEndingAfter(triggers: RawHit[], pos: number): number {
  let lo = 0;
  let hi = triggers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((triggers[mid] as RawHit).end < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Within `NEAR` characters of a trigger. */
function near(h: RawHit, triggers: RawHit[]): boolean {
  const t = triggers[firstEndingAfter(triggers, h.start - NEAR)];
  return t !== undefined && t.start - NEAR <= h.end;
}

/** Inside a trigger's span. */
function inside(h: RawHit, triggers: RawHit[]): boolean {
  const t = triggers[firstEndingAfter(triggers, h.end)];
  return t !== undefined && t.start <= h.start;
}

/** Recognizes the events of `hits`, in dataset order, in steps: one for sorting the hits, one per triggered event. */
export function* recognizeEventsSteps(c: Compiled, text: string, hits: RawHit[]): Generator<void, RecognizedEvent[]> {
  const triggers = new Map<string, RawHit[]>();
  const cues = new Map<string, Map<string, RawHit[]>>();
  /** Alias hits per entity, in text order. */
  const aliasById = new Map<string, RawHit[]>();
  for (const h of hits) {
    const p = h.payload;
    if (p.kind === 'trigger') {
      const list = triggers.get(p.id);
      if (list) list.push(h);
      else triggers.set(p.id, [h]);
    } else if (p.kind === 'event-cue') {
      let m = cues.get(p.id);
      if (!m) cues.set(p.id, (m = new Map()));
      const list = m.get(p.phrase);
      if (list) list.push(h);
      else m.set(p.phrase, [h]);
    } else if (p.kind === 'alias') {
      const list = aliasById.get(p.id);
      if (list) list.push(h);
      else aliasById.set(p.id, [h]);
    }
  }

  const out: RecognizedEvent[] = [];
  for (const [id, trig] of triggers) {
    yield;
    const ev = c.events.get(id);
    if (!ev) continue;
    const year = ev.date ? Number(ev.date.value.slice(0, 4)) : null;
    const evidence: string[] = [];
    let points = 0;
    let anchored = false;
    for (const [phrase, list] of cues.get(id) ?? []) {
      // Is there a cue of this phrase not dated to another year, and is one of those near a trigger?
      let valid = false;
      let close = false;
      for (const h of list) {
        const y = yearAfter(text, h.end);
        if (y !== null && year !== null && y !== year) continue;
        valid = true;
        if (near(h, trig)) {
          close = true;
          break;
        }
      }
      if (!valid) continue;
      points += close ? 2 : 1;
      anchored = true;
      evidence.push(close ? `cue "${phrase}"` : `cue "${phrase}" (far from the trigger)`);
    }
    if (ev.place !== null && (aliasById.get(ev.place) ?? []).some((h) => !inside(h, trig))) {
      points += 1;
      anchored = true;
      evidence.push(`place ${ev.place}`);
    }
    // Participants named near a trigger (not inside it, not by an ambiguous alias), in the order the text names them.
    const named: { pid: string; at: number }[] = [];
    for (const pid of new Set(ev.participants)) {
      const first = (aliasById.get(pid) ?? []).find((h) => !h.payload.ambiguous && !inside(h, trig) && near(h, trig));
      if (first) named.push({ pid, at: first.start });
    }
    for (const { pid } of named.sort((a, b) => a.at - b.at)) {
      points += 1;
      evidence.push(`participant ${pid}`);
    }
    if (points < SUPPORT_NEEDED || !anchored) continue;
    const phrases = [...new Set(trig.map((t) => t.payload.phrase))];
    out.push({ id, evidence: [...phrases.map((p) => `trigger "${p}"`), ...evidence], triggers: trig });
  }
  // Dataset order.
  const order = new Map(c.dataset.events.map((e, i) => [e.id, i]));
  return out.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/**
 * The timeline of an event: the event and everything linked to it through
 * `before`/`after` (in either direction, transitively), in time order.
 *
 * Ordering: a dated event sorts by the start of its date (a month before the
 * days in it). An undated event goes right before the earliest event it
 * precedes; failing that, one that happened goes right after the latest event
 * it follows; an ongoing, planned or proposed one (or one with no placed
 * neighbour) goes to the end, as the most recent. Ties keep the order the
 * links give (counted in before/after steps from the event itself).
 */
import type { CrosscheckEvent } from '../dataset/schema';
import { formatDate, machineDate, type ViewLocale } from './locale';
import { storyEvents, type ViewIndex } from './view-index';

export interface TimelineItem {
  id: string;
  title: string;
  /** Formatted date, or "date not stated". */
  date: string;
  dateIso: string | null;
  /** No date in the data: placed by its links. */
  undated: boolean;
  /** The event the brief is about. */
  current: boolean;
  status: string;
}

const startOf = (e: CrosscheckEvent) => (e.date ? Date.parse(e.date.value) : undefined);

export function buildTimeline(index: ViewIndex, eventId: string, locale: ViewLocale): TimelineItem[] {
  if (!index.events.has(eventId)) return [];

  const step = storyEvents(index.relatedEvents, eventId);

  const key = new Map<string, number>();
  for (const id of step.keys()) {
    const event = index.events.get(id);
    const start = event && startOf(event);
    if (start !== undefined) key.set(id, start);
  }
  // Undated events: settle from their neighbours, as long as that places more.
  for (let changed = true; changed;) {
    changed = false;
    for (const id of step.keys()) {
      if (key.has(id)) continue;
      const related = index.relatedEvents.get(id);
      const successors = [...(related?.after ?? [])].flatMap((a) => key.get(a) ?? []);
      const predecessors = [...(related?.before ?? [])].flatMap((b) => key.get(b) ?? []);
      const happened = index.events.get(id)?.status === 'happened';
      const placed = successors.length
        ? Math.min(...successors) - 1
        : happened && predecessors.length
          ? Math.max(...predecessors) + 1
          : undefined;
      if (placed !== undefined) {
        key.set(id, placed);
        changed = true;
      }
    }
  }

  return [...step.keys()]
    .sort((a, b) => (key.get(a) ?? Infinity) - (key.get(b) ?? Infinity) || (step.get(a) ?? 0) - (step.get(b) ?? 0))
    .flatMap((id) => {
      const e = index.events.get(id);
      if (!e) return [];
      return {
        id,
        title: e.title[locale.lang],
        date: formatDate(e.date, locale),
        dateIso: machineDate(e.date),
        undated: e.date === null,
        current: id === eventId,
        status: locale.t(`status_${e.status}`),
      };
    });
}

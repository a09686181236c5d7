/**
 * A small hand-made dataset for view tests: four sources (two sharing a
 * publisher), a disputed and an agreed aspect on Trump, a disputed count and
 * an agreed format of the conference, a timeline with an undated planned event.
 */
import { parseDataset } from '../../dataset/validate';
import type { DatasetInput } from '../../dataset/schema';
import type { PageSummary } from '../../page-summary';

const L = (en: string, de = en) => ({ en, de });
const P = (de: string[] = [], en: string[] = []) => ({ de, en });

export function fixtureInput(): DatasetInput {
  return {
    version: 1,
    name: 'Fixture',
    sources: [
      {
        id: 's-a',
        file: 'a.txt',
        title: 'Conference report',
        titleSupplied: false,
        publisher: 'Agency A',
        language: 'de',
        published: { value: '2025-08-20', precision: 'day' },
      },
      {
        id: 's-b',
        file: 'b.txt',
        title: 'A supplied title that is rather long for a chip',
        titleSupplied: true,
        publisher: null,
        language: 'de',
        published: { value: '2025-08', precision: 'month' },
      },
      {
        id: 's-c',
        file: 'c.txt',
        title: 'Shared one',
        titleSupplied: false,
        publisher: 'Shared Pub',
        language: 'de',
        published: null,
      },
      {
        id: 's-d',
        file: 'd.txt',
        title: 'Shared two',
        titleSupplied: false,
        publisher: 'Shared Pub',
        language: 'de',
        published: { value: '2025-08-21', precision: 'day' },
        shortName: 'Shared Pub: two',
        shortNameSupplied: true,
      },
    ],
    entities: [
      {
        id: 'trump',
        kind: 'person',
        name: L('Donald Trump'),
        aliases: ['Trump'],
        ambiguous: [],
        description: L('US president', 'US-Präsident'),
        evidence: [{ source: 's-a', quote: 'Präsident Trump' }],
      },
      {
        id: 'nato',
        kind: 'organization',
        name: L('NATO'),
        aliases: ['NATO'],
        ambiguous: [],
        description: L('Military alliance', 'Militärbündnis'),
        evidence: [{ source: 's-c', quote: 'die NATO tagte' }],
      },
      {
        id: 'brussels',
        kind: 'place',
        name: L('Brussels', 'Brüssel'),
        aliases: ['Brüssel'],
        ambiguous: [],
        description: L('Capital of Belgium', 'Hauptstadt Belgiens'),
        evidence: [{ source: 's-a', quote: 'in Brüssel' }],
      },
      {
        id: 'loner',
        kind: 'group',
        name: L('Loners'),
        aliases: ['Loners'],
        ambiguous: [],
        description: L('In no event'),
        evidence: [{ source: 's-b', quote: 'Loners' }],
      },
    ],
    events: [
      {
        id: 'conf',
        title: L('Video conference', 'Videokonferenz'),
        date: { value: '2025-08-20', precision: 'day' },
        status: 'happened',
        place: 'brussels',
        participants: ['nato'],
        summary: L('The chiefs met.', 'Die Chefs trafen sich.'),
        triggers: P(['Videokonferenz']),
        cues: P(),
        before: ['summit'],
        after: [],
        evidence: [{ source: 's-a', quote: 'Videokonferenz' }],
      },
      {
        id: 'summit',
        title: L('Alaska summit', 'Alaska-Gipfel'),
        date: { value: '2025-08-15', precision: 'day' },
        status: 'happened',
        place: null,
        participants: ['trump'],
        summary: L('Trump met Putin.'),
        triggers: P(['Gipfel']),
        cues: P(),
        before: [],
        after: [],
        evidence: [{ source: 's-b', quote: 'Gipfel in Alaska' }],
      },
      {
        id: 'paris',
        title: L('Paris talks', 'Gespräche in Paris'),
        date: null,
        status: 'planned',
        place: null,
        participants: [],
        summary: L('Talks to follow.'),
        triggers: P(['Paris']),
        cues: P(),
        before: ['conf'],
        after: [],
        evidence: [{ source: 's-c', quote: 'in Paris fortsetzen' }],
      },
      {
        id: 'white-house',
        title: L('White House meeting'),
        date: { value: '2025-08-18', precision: 'day' },
        status: 'happened',
        place: null,
        participants: ['trump'],
        summary: L('Meeting in Washington.'),
        triggers: P(['Weißes Haus']),
        cues: P(),
        before: ['summit'],
        after: ['conf'],
        evidence: [{ source: 's-d', quote: 'im Weißen Haus' }],
      },
    ],
    aspects: [
      {
        id: 'trump-air',
        subject: 'trump',
        label: L('Did Trump offer US air support?', 'Hat Trump Luftunterstützung angeboten?'),
        values: [
          { value: 'offered', label: L('offered', 'angeboten') },
          { value: 'option', label: L('one option', 'eine Option') },
        ],
      },
      {
        id: 'trump-troops',
        subject: 'trump',
        label: L('Did Trump rule out US troops?'),
        values: [{ value: 'ruled-out', label: L('ruled out', 'ausgeschlossen') }],
      },
      {
        id: 'conf-count',
        subject: 'conf',
        label: L('How many took part?'),
        values: [
          { value: 'n32', label: L('32') },
          { value: 'n30', label: L('30') },
        ],
      },
      {
        id: 'conf-format',
        subject: 'conf',
        label: L('How was it held?'),
        values: [{ value: 'virtual', label: L('by video') }],
      },
    ],
    claims: [
      claim('c1', 's-a', 'trump', 'trump-air', 'offered', 'Luftunterstützung in Aussicht gestellt'),
      claim('c2', 's-d', 'trump', 'trump-air', 'option', 'Luftunterstützung als Option'),
      claim('c3', 's-b', 'trump', 'trump-troops', 'ruled-out', 'Truppen ausgeschlossen'),
      claim('c4', 's-c', 'trump', 'trump-troops', 'ruled-out', 'keine US-Truppen'),
      claim('c5', 's-a', 'conf', 'conf-count', 'n32', 'aller 32 Mitgliedstaaten'),
      claim('c6', 's-b', 'conf', 'conf-count', 'n32', '32 Verteidigungsminister'),
      claim('c7', 's-c', 'conf', 'conf-count', 'n30', '30 Länder'),
      claim('c8', 's-a', 'conf', 'conf-format', 'virtual', 'virtuelle Konferenz'),
    ],
  };
}

function claim(id: string, source: string, subject: string, aspect: string, value: string, quote: string) {
  return {
    id,
    source,
    subject,
    aspect,
    value,
    summary: L(`${source} says ${value}`, `${source} sagt ${value}`),
    quote,
  };
}

export const fixture = () => parseDataset(fixtureInput());

/** A page's summary as the background sends it, for view and popup tests: a page about the story with `over`'s items. */
export const pageSummary = (over: Partial<PageSummary> = {}): PageSummary => ({
  url: 'https://example.org/a',
  host: 'example.org',
  active: true,
  relevant: true,
  source: null,
  items: [],
  events: [],
  claims: [],
  disputed: true,
  ...over,
});

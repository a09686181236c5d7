/**
 * A small pack written for these tests (a made-up story in our own words): an
 * Arctic summit in Tromsø that two made-up reports describe differently.
 * Donald Trump carries his Wikidata key, as in the bundled pack, so merging
 * makes him one item.
 */
import type { Pack } from '../schema';
import { validatePack } from '../validate';

const L = (de: string, en: string = de) => ({ de, en });

/** The ids of the bundled pack and of this fixture's pack. */
export const BUNDLED = 'nato-ukraine-security-guarantees-2025-08';
export const ARCTIC = 'arctic-summit-tromso';

export const ARCTIC_REPORT_1 =
  'Auf dem Arktis-Gipfel in Tromsø erschien Donald Trump persönlich und sprach über Eisbrecher. ' +
  'Die Gastgeberin Ingrid Solberg-Haugen dankte allen Delegationen.';
export const ARCTIC_REPORT_2 =
  'At the Arctic summit in Tromsø, Donald Trump joined only by video link, aides said. ' +
  'Host Ingrid Solberg-Haugen spoke about icebreakers and shipping lanes.';

export function arcticPack(overrides: { id?: string; revision?: number } = {}) {
  return {
    pack: {
      id: overrides.id ?? 'arctic-summit-tromso',
      title: L('Arktis-Gipfel in Tromsø', 'Arctic summit in Tromsø'),
      revision: overrides.revision ?? 1,
      schemaVersion: 2,
      languages: ['de', 'en'],
      created: '2026-11-30',
      license: 'CC0-1.0',
      attribution: 'Crosscheck tests',
      homepage: 'https://example.org/arctic',
    },
    version: 1,
    name: 'Arktis-Gipfel in Tromsø',
    sources: [
      {
        id: 'a1',
        file: 'arctic-1.txt',
        title: 'Arktis-Gipfel',
        titleSupplied: false,
        publisher: null,
        language: 'de',
        published: { value: '2026-11-28', precision: 'day' },
      },
      {
        id: 'a2',
        file: 'arctic-2.txt',
        title: 'Arctic summit',
        titleSupplied: false,
        publisher: null,
        language: 'en',
        published: null,
      },
    ],
    entities: [
      {
        id: 'trump',
        kind: 'person',
        key: 'Q22686',
        name: L('Donald Trump'),
        aliases: ['Donald Trump', 'Trump', 'President Trump'],
        ambiguous: [],
        description: L('US-Präsident', 'US president'),
        evidence: [{ source: 'a1', quote: 'erschien Donald Trump persönlich' }],
      },
      {
        id: 'solberg-haugen',
        kind: 'person',
        name: L('Ingrid Solberg-Haugen'),
        aliases: ['Ingrid Solberg-Haugen', 'Solberg-Haugen'],
        ambiguous: [],
        description: L('Gastgeberin des Gipfels', 'Host of the summit'),
        evidence: [{ source: 'a2', quote: 'Host Ingrid Solberg-Haugen spoke about icebreakers' }],
      },
      {
        id: 'tromso',
        kind: 'place',
        name: L('Tromsø'),
        aliases: ['Tromsø', 'Tromso'],
        ambiguous: [],
        description: L('Stadt in Norwegen', 'City in Norway'),
        evidence: [{ source: 'a1', quote: 'Arktis-Gipfel in Tromsø' }],
      },
    ],
    events: [
      {
        id: 'summit',
        title: L('Arktis-Gipfel in Tromsø', 'Arctic summit in Tromsø'),
        date: { value: '2026-11-27', precision: 'day' },
        status: 'happened',
        place: 'tromso',
        participants: ['trump', 'solberg-haugen'],
        summary: L('Ein Gipfel über die Arktis.', 'A summit on the Arctic.'),
        triggers: { de: ['Arktis-Gipfel'], en: ['Arctic summit'] },
        cues: { de: ['Eisbrecher'], en: ['icebreakers'] },
        before: [],
        after: [],
        evidence: [{ source: 'a2', quote: 'At the Arctic summit in Tromsø' }],
      },
    ],
    aspects: [
      {
        id: 'trump-attendance',
        subject: 'trump',
        label: L('War Trump vor Ort?', 'Was Trump there in person?'),
        values: [
          {
            value: 'in-person',
            label: L('persönlich', 'in person'),
            signals: { de: ['persönlich'], en: ['in person'] },
          },
          { value: 'video', label: L('per Video', 'by video'), signals: { de: ['per Video'], en: ['video link'] } },
        ],
        cues: { de: ['erschien'], en: ['joined'] },
      },
    ],
    claims: [
      {
        id: 'c1',
        source: 'a1',
        subject: 'trump',
        aspect: 'trump-attendance',
        value: 'in-person',
        summary: L('Trump kam persönlich.', 'Trump came in person.'),
        quote: 'erschien Donald Trump persönlich',
      },
      {
        id: 'c2',
        source: 'a2',
        subject: 'trump',
        aspect: 'trump-attendance',
        value: 'video',
        summary: L('Trump war nur per Video dabei.', 'Trump joined by video only.'),
        quote: 'Donald Trump joined only by video link',
      },
    ],
  };
}

/** The fixture pack as the store holds it: validated (and migrated). */
export function validArcticPack(): Pack {
  const r = validatePack(arcticPack());
  if (!r.ok) throw new Error('fixture');
  return r.pack;
}

/**
 * Page relevance and events: texts about the story light up, everything else
 * stays quiet. Texts are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher, type ScanResult } from '../index';
import { fixture } from './fixture';

const matcher = compileMatcher(fixture);

function expectQuiet(r: ScanResult): void {
  expect(r.relevant).toBe(false);
  expect(r.mentions).toEqual([]);
  expect(r.events).toEqual([]);
  expect(r.claims).toEqual([]);
  expect(r.source).toBeNull();
}

const ON_TOPIC =
  'Die Verteidigungschefs der Nato haben am Mittwoch in einer Videokonferenz über Garantien für die Ukraine beraten. ' +
  'Admiral Giuseppe Cavo Dragone sprach von einem offenen Austausch. Auch Caine war zugeschaltet, hieß es aus Washington. ' +
  'Bundeskanzler Merz äußerte sich zurückhaltend; die nächste Runde soll in Paris stattfinden.';

describe('relevance', () => {
  it('a text about the story is relevant, and then its ambiguous names are reported too', () => {
    const r = matcher.scan(ON_TOPIC);
    expect(r.relevant).toBe(true);
    expect(r.relevance.score).toBeGreaterThanOrEqual(4);
    expect(r.relevance.reasons).toContain('+4 event video-call (NATO defence chiefs video call)');
    const byText = Object.fromEntries(r.mentions.map((m) => [m.text, [m.id, m.ambiguous]]));
    expect(byText).toMatchObject({
      Nato: ['nato', false],
      'Giuseppe Cavo Dragone': ['dragone', false],
      Caine: ['caine', true],
      Washington: ['washington', true],
      Merz: ['merz', true],
      Paris: ['paris', true],
      Videokonferenz: ['video-call', false],
    });
  });

  it('ambiguous names never count as evidence', () => {
    // Every name here is ambiguous: no score at all.
    const r = matcher.scan('Caine, Merz, Paris, Alaska und Washington. Caine! Merz! Paris!');
    expect(r.relevance.score).toBe(0);
    expectQuiet(r);
  });

  it('a fashion text that mentions "Merz" stays quiet', () => {
    expectQuiet(
      matcher.scan(
        'Herbstmode 2025: Die Strickjacken von Merz b. Schwanen sind zurück. Merz setzt auf Merinowolle, ' +
          'gedeckte Farben und klassische Schnitte. Dazu passen Stiefel aus Italien.',
      ),
    );
  });

  it('a travel text with "Paris" and "Alaska" stays quiet', () => {
    expectQuiet(
      matcher.scan(
        'Reisetipps: Von Paris aus fliegen Sie über Frankfurt nach Alaska. In Anchorage lohnt ein Besuch des ' +
          'Hafens, in Paris die Seine-Ufer. Die beste Reisezeit für Alaska ist der Sommer; Europa ist im Frühling schön.',
      ),
    );
  });

  it('a film review with "Michael Caine" stays quiet', () => {
    expectQuiet(
      matcher.scan(
        'Michael Caine glänzt in seiner letzten Rolle als Kriegsveteran, der aus England nach Frankreich reist. ' +
          'Caine spielt leise und genau; der Film läuft ab Donnerstag in Deutschland.',
      ),
    );
  });

  it('an English sports page naming countries stays quiet', () => {
    expectQuiet(
      matcher.scan(
        'The United States beat Germany 3-1 in Paris on Saturday. Europe’s champions looked tired, and the US ' +
          'coach praised his defence. Next up: a friendly in Washington against the USA under-21 side.',
      ),
    );
  });

  it('a German weather report mentioning Washington and the USA stays quiet', () => {
    const r = matcher.scan(
      'Das Wetter: In Deutschland bleibt es wechselhaft, aus Westen ziehen Schauer über Europa. ' +
        'In den USA sorgt ein Hitzedom für Rekorde, in Washington wurden 41 Grad gemessen.',
    );
    expectQuiet(r);
    // Unambiguous places are seen, but weigh nothing.
    expect(r.relevance.reasons).toEqual(
      expect.arrayContaining(['+0 place germany (general)', '+0 place europe (general)', '+0 place usa (general)']),
    );
  });

  it('a 2018-style article about a Trump–Putin summit elsewhere stays quiet (borderline, by design)', () => {
    const r = matcher.scan(
      'Helsinki, 16. Juli 2018: Beim Gipfeltreffen in Helsinki gab sich Donald Trump versöhnlich. Putin lobte ' +
        'die Gespräche, Nato-Diplomaten reagierten besorgt, auch Erdogan meldete sich zu Wort. Der ' +
        'Trump-Putin-Gipfel dauerte vier Stunden.',
    );
    // Four well-known actors (4 points), no anchor (no event: no date cue, not in Alaska; no topic term),
    // and the dateline is years away from the story: strongly against.
    expect(r.relevance.reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^-8 page date 2018-07-16 \(dateline\), \d+ days from the story$/),
      ]),
    );
    expect(r.relevance.score).toBe(4 + 1 - 8); // four actors, one trigger of an unrecognized event, the date
    expect(r.relevance.reasons).toContain(
      'no anchor (an event, a claim on a named subject, 2 topic terms, or a date close to the story)',
    );
    expectQuiet(r);
    const undated = matcher.scan(
      'Beim Gipfeltreffen in Helsinki gab sich Donald Trump versöhnlich. Putin lobte die Gespräche, Nato-Diplomaten ' +
        'reagierten besorgt, auch Erdogan meldete sich zu Wort. Der Trump-Putin-Gipfel dauerte vier Stunden.',
    );
    expect(undated.relevance.score).toBe(4 + 1);
    expectQuiet(undated);
  });

  it('the same actors plus two topic terms of the story make it relevant; one is not enough', () => {
    const one = matcher.scan(
      'Donald Trump und Putin sprachen, Nato-Diplomaten und Erdogan reagierten: über Luftunterstützung.',
    );
    expect(one.relevant).toBe(false);
    const r = matcher.scan(
      'Donald Trump und Putin sprachen, Nato-Diplomaten und Erdogan reagierten: über Luftunterstützung und Bodentruppen.',
    );
    expect(r.relevant).toBe(true);
    expect(r.relevance.reasons).toEqual(
      expect.arrayContaining(['+1 topic "Luftunterstützung"', '+1 topic "Bodentruppen"']),
    );
  });

  it('names alone never decide, however many', () => {
    const r = matcher.scan(
      'Trump, Putin, Selenskyj, Dragone, Erdogan, Merz und die Nato: ein Gruppenbild mit Dan Caine.',
    );
    expect(r.relevance.score).toBe(7);
    expect(r.relevant).toBe(false);
  });

  it('a cue that is a name counts as the name, not as a topic term', () => {
    const cueName = compileMatcher({
      ...fixture,
      aspects: fixture.aspects.map((a) =>
        a.id === 'air-support' ? { ...a, cues: { de: ['Luftunterstützung', 'Dragone', 'Dan Caine'], en: [] } } : a,
      ),
    });
    const r = cueName.scan('Dragone und Dan Caine. Caine.');
    expect(r.relevance.reasons.filter((x) => x.startsWith('+1 topic'))).toEqual([]);
    expect(r.relevance.reasons).toContain('+1 person caine (topic)');
  });

  it('a claim counts only when its subject is named', () => {
    const unnamed = matcher.scan(
      'Die Verteidigungsminister sagen: Die USA könnten Unterstützung aus der Luft leisten.',
    );
    expect(unnamed.relevance.reasons).toContain('+0 claim on air-support (its subject is not named)');
    const named = matcher.scan('Trump sagt: Die USA könnten Unterstützung aus der Luft leisten.');
    expect(named.relevance.reasons).toContain('+2 claim on air-support');
    expect(named.relevant).toBe(true);
  });

  it('a relevance threshold can be configured', () => {
    const text = 'Die Verteidigungschefs hielten am 20. August eine Videokonferenz ab.';
    expect(matcher.scan(text).relevant).toBe(true);
    expect(compileMatcher(fixture, { relevanceThreshold: 6 }).scan(text).relevant).toBe(false);
  });

  it('context.relevant reports everything in a chunk of an already relevant page', () => {
    const chunk = 'Später am Abend äußerte sich auch Merz in Paris.';
    expectQuiet(matcher.scan(chunk));
    const r = matcher.scan(chunk, { relevant: true });
    expect(r.relevant).toBe(true);
    expect(r.relevance.reasons[0]).toBe('context: page already relevant');
    expect(r.mentions.map((m) => [m.text, m.id, m.ambiguous])).toEqual([
      ['Merz', 'merz', true],
      ['Paris', 'paris', true],
    ]);
  });

  it('mentions are sorted, non-overlapping and carry exact offsets', () => {
    const r = matcher.scan(ON_TOPIC + ' Der Trump-Putin-Gipfel in Alaska am 15. August ging dem voraus.');
    expect(r.mentions.length).toBeGreaterThan(5);
    for (let i = 0; i < r.mentions.length; i++) {
      const m = r.mentions[i]!;
      expect(
        ON_TOPIC.concat(' Der Trump-Putin-Gipfel in Alaska am 15. August ging dem voraus.').slice(m.start, m.end),
      ).toBe(m.text);
      if (i > 0) expect(m.start).toBeGreaterThanOrEqual(r.mentions[i - 1]!.end);
    }
  });
});

describe('events', () => {
  it('a trigger with a cue is an event; its trigger is an event mention', () => {
    const text = 'Die Verteidigungschefs hielten eine Videokonferenz ab.';
    const r = matcher.scan(text, { relevant: true });
    const start = text.indexOf('Videokonferenz');
    expect(r.events).toEqual([
      {
        id: 'video-call',
        evidence: ['trigger "Videokonferenz"', 'key term "Verteidigungschefs"'],
        mentions: [
          { start, end: start + 14, text: 'Videokonferenz', kind: 'event', id: 'video-call', ambiguous: false },
        ],
      },
    ]);
    expect(r.mentions).toContainEqual(r.events[0]!.mentions[0]);
  });

  it('a generic trigger alone is not an event', () => {
    const r = matcher.scan('Das Gipfeltreffen war lang. The summit was long.', { relevant: true });
    expect(r.events).toEqual([]);
    expect(r.mentions).toEqual([]);
  });

  it('participants alone do not make an event: the place or a cue must tell which summit', () => {
    const helsinki = matcher.scan('Beim Gipfeltreffen in Helsinki sprach Trump lange mit Putin.', { relevant: true });
    expect(helsinki.events).toEqual([]);
    const alaska = matcher.scan('Beim Gipfeltreffen in Alaska sprach Trump lange mit Putin.', { relevant: true });
    expect(alaska.events.map((e) => [e.id, e.evidence])).toEqual([
      ['alaska-summit', ['trigger "Gipfeltreffen"', 'place alaska', 'participant trump', 'participant putin']],
    ]);
  });

  it('names inside a trigger do not support it, and the trigger wins over them as a mention', () => {
    const only = matcher.scan('Der Trump-Putin-Gipfel war kurz.', { relevant: true });
    expect(only.events).toEqual([]);
    expect(only.mentions.map((m) => m.text)).toEqual(['Trump', 'Putin']);

    const text = 'Der Trump-Putin-Gipfel am 15. August war kurz.';
    const dated = matcher.scan(text, { relevant: true });
    expect(dated.events.map((e) => e.evidence)).toEqual([['trigger "Trump-Putin-Gipfel"', 'date "15. August"']]);
    expect(dated.mentions).toEqual([
      { start: 4, end: 22, text: 'Trump-Putin-Gipfel', kind: 'event', id: 'alaska-summit', ambiguous: false },
    ]);
  });

  it('participants count only near a trigger', () => {
    const far = 'Trump sprach. ' + 'Lange Zeit geschah nichts weiter. '.repeat(20) + 'Das Alaska-Gipfel-Protokoll.';
    expect(matcher.scan(far, { relevant: true }).events).toEqual([]);
    const near = 'Trump sprach in Anchorage, Alaska, über das Alaska-Gipfel-Protokoll.';
    expect(matcher.scan(near, { relevant: true }).events.map((e) => e.evidence)).toEqual([
      ['trigger "Alaska-Gipfel"', 'place alaska', 'participant trump'],
    ]);
  });

  it('a place inside the trigger is the trigger’s own word, not support', () => {
    const text = 'Trump sprach über das Alaska-Gipfel-Protokoll.';
    expect(matcher.scan(text, { relevant: true }).events).toEqual([]);
  });

  it('a date far from the trigger does not count, nor a date cue with another year', () => {
    const filler = ' Lorem ipsum dolor sit amet.'.repeat(20);
    // Page furniture: a "Summit" menu entry, and a date far away.
    expect(matcher.scan(`Security Analyst Summit.${filler} Posted August 15.`, { relevant: true }).events).toEqual([]);
    // The place near the trigger: enough; the far date is not part of it.
    expect(
      matcher
        .scan(`The summit in Alaska.${filler} Posted August 15.`, { relevant: true })
        .events.map((e) => e.evidence),
    ).toEqual([['trigger "summit"', 'place alaska']]);
    // Another year right after the date: not this event.
    expect(matcher.scan('The summit on August 15, 2019 was short.', { relevant: true }).events).toEqual([]);
    expect(
      matcher.scan('The summit on August 15, 2025 was short.', { relevant: true }).events.map((e) => e.evidence),
    ).toEqual([['trigger "summit"', 'date "August 15"']]);
  });

  it('English triggers and cues work the same way', () => {
    const r = matcher.scan('NATO defence chiefs held a video call on August 20, Dragone said.', { relevant: true });
    expect(r.events.map((e) => e.evidence)).toEqual([
      [
        'trigger "video call"',
        'key term "defence chiefs"',
        'date "August 20"',
        'participant nato',
        'participant dragone',
      ],
    ]);
  });

  it('an event alone makes a page relevant', () => {
    const r = matcher.scan('Die Verteidigungschefs hielten eine Videokonferenz ab.');
    expect(r.relevance.score).toBe(4);
    expect(r.relevant).toBe(true);
    expect(r.relevance.reasons).toContain('+4 event video-call (NATO defence chiefs video call)');
  });

  it('a page without a date of its own is dated by the latest day its text writes', () => {
    // The story's day: a guess, so it adds little.
    const close = matcher.scan('Die Verteidigungschefs hielten am 20. August eine Videokonferenz ab.');
    expect(close.relevance.reasons).toContain('+1 page date 2025-08-20 (text), within the story');
    expect(close.relevant).toBe(true);
    // Another month: the same words report another meeting — no event, and the date counts against the page.
    const far = matcher.scan('Die Verteidigungschefs hielten am Samstag (15. März) eine Videokonferenz ab.');
    expect(far.events).toEqual([]);
    expect(far.relevance.reasons).toContain('-4 page date 2025-03-15 (text), 153 days from the story');
    expect(far.relevant).toBe(false);
    // The page's own date wins over the days it writes.
    const dated = matcher.scan('Die Verteidigungschefs hielten am 15. März eine Videokonferenz ab.', {
      page: { published: '2025-08-21', url: null, title: null },
    });
    expect(dated.relevance.reasons).toContain('+3 page date 2025-08-21 (published), within the story');
  });
});

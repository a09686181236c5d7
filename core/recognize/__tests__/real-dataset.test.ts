/**
 * The recognizer with the bundled dataset: its own reports are recognized,
 * the disputed claims on Trump's air-support offer are found in German and
 * English, and off-topic pages stay quiet. Texts other than the reports are
 * written for these tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../data/index';
import { compileMatcher, type ScanResult } from '../index';

const matcher = compileMatcher(bundledDataset);
const SEEDS = path.resolve(__dirname, '../../../../shared/seeds');

function expectQuiet(r: ScanResult): void {
  expect(r.relevant).toBe(false);
  expect(r.mentions).toEqual([]);
  expect(r.events).toEqual([]);
  expect(r.claims).toEqual([]);
}

/** Who said what on the air-support question, from the dataset itself. */
function airSupportSources(value: string): string[] {
  return [
    ...new Set(
      bundledDataset.claims.filter((c) => c.aspect === 'trump-air-support' && c.value === value).map((c) => c.source),
    ),
  ];
}

describe('the bundled dataset', () => {
  it('recognizes each of its reports inside a page with extra boilerplate and retyped whitespace', () => {
    for (const source of bundledDataset.sources) {
      const report = readFileSync(path.join(SEEDS, source.file), 'utf8');
      // Web-page typography: NBSPs after some commas, a soft hyphen, Windows line breaks.
      const retyped = report
        .replace(/, /g, ',\u00A0')
        .replace(/Sicherheitsgarantien/, 'Sicherheits\u00ADgarantien')
        .replace(/\n/g, '\r\n');
      const page =
        'Menü Startseite Politik Wirtschaft Sport\nAnmelden\nWerbung\n' +
        retyped +
        '\nDas könnte Sie auch interessieren: Wetter, Horoskop, Kreuzworträtsel.\nImpressum Datenschutz Kontakt';
      const r = matcher.scan(page);
      expect(r.relevant, source.id).toBe(true);
      expect(r.source, source.id).toBe(source.id);
      expect(r.sourceEvidence.length, source.id).toBeGreaterThanOrEqual(3);
      // Every mention's offsets are exact.
      for (const m of r.mentions) expect(page.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('does not take a page that merely covers the same story for one of the reports', () => {
    const r = matcher.scan(
      'Bei einer Videokonferenz der Nato-Verteidigungschefs am Mittwoch ging es um Sicherheitsgarantien für die ' +
        'Ukraine beraten. Admiral Giuseppe Cavo Dragone sprach danach von einem guten Austausch. US-Präsident Donald ' +
        'Trump hatte zuvor Bodentruppen ausgeschlossen.',
    );
    expect(r.relevant).toBe(true);
    expect(r.events.map((e) => e.id)).toContain('nato-video-conference');
    expect(r.source).toBeNull();
  });

  it('finds the disputed air-support claim in German and English, with the reports on each side', () => {
    const offered = airSupportSources('offered');
    const option = airSupportSources('option');
    expect(offered).toEqual(['r000']);
    expect(option).toEqual(['r004']);
    const cases: Array<[string, string, string[], string[]]> = [
      ['Trump promised air support.', 'offered', offered, option],
      ['Trump stellte Luftunterstützung in Aussicht.', 'offered', offered, option],
      // "could"/"könnten" provide it: the labels' and the issue's reading is "offered" (it was "option" before).
      ['Die USA könnten Unterstützung aus der Luft leisten, sagte Trump.', 'offered', offered, option],
      ['The US could provide air cover, Trump said.', 'offered', offered, option],
    ];
    for (const [text, value, agree, disagree] of cases) {
      const r = matcher.scan(text);
      expect(r.relevant, text).toBe(true);
      expect(
        r.claims.map((c) => [c.aspect, c.value, c.agree, c.disagree, c.sentence]),
        text,
      ).toEqual([['trump-air-support', value, agree, disagree, text]]);
    }
    const paraphrases: Array<[string, string, string[], string[]]> = [
      // Paraphrase: parts apart, in any order, inflected (on a page already known to be relevant).
      ['Trump sagte, die USA würden den Europäern aus der Luft helfen.', 'offered', offered, option],
      ["We're willing to help them with things, especially, probably, by air, Trump said.", 'offered', offered, option],
      ['Leavitt said US air support was an option and a possibility.', 'option', option, offered],
      ['Das Weiße Haus bezeichnete Luftunterstützung nur als Möglichkeit.', 'option', option, offered],
      [
        'Trump a évoqué un possible soutien aérien américain, qui pourrait aider les Européens.',
        'offered',
        offered,
        option,
      ],
    ];
    for (const [text, value, agree, disagree] of paraphrases) {
      const r = matcher.scan(text, { relevant: true });
      expect(
        r.claims.map((c) => [c.aspect, c.value, c.agree, c.disagree, c.sentence]),
        text,
      ).toEqual([['trump-air-support', value, agree, disagree, text]]);
    }
  });

  it("negated air support, another actor's air support, and air defence are no claim on Trump's offer", () => {
    for (const text of [
      'Trump ruled out air support for Ukraine.',
      'Trump sagte, es werde keine Luftunterstützung der USA geben.',
      'Trump did not offer air support, the White House said.',
      'Trump said European jets could provide air support.',
      'Trump said the US could help Ukraine with air defence.',
      'Die USA könnten der Ukraine bei der Luftverteidigung helfen, sagte Trump.',
    ]) {
      const r = matcher.scan(text, { relevant: true });
      expect(
        r.claims.filter((c) => c.aspect === 'trump-air-support'),
        text,
      ).toEqual([]);
    }
    // "not rule out" is two negations: a position (only an option), not a denial.
    const notRuledOut = matcher.scan('Trump did not rule out US air support.', { relevant: true });
    expect(notRuledOut.claims.map((c) => c.value)).toEqual(['option']);
    // Troops ruled out in one clause, air support offered in the next.
    const both = matcher.scan(
      'While Trump ruled out US ground troops, he hinted Washington could provide air support.',
      {
        relevant: true,
      },
    );
    expect(both.claims.map((c) => c.value)).toEqual(['offered']);
  });

  it('recognizes its events from their triggers and support', () => {
    const r = matcher.scan(
      'NATO chiefs of defence video conference: on Wednesday, Admiral Cavo Dragone said the Military Committee ' +
        'discussed security guarantees. Grynkewich joined.',
    );
    expect(r.events.map((e) => e.id)).toContain('nato-video-conference');
    const alaska = matcher.scan('Beim Gipfeltreffen in Alaska am 15. August sprachen Trump und Putin lange.');
    expect(alaska.events.map((e) => e.id)).toContain('alaska-summit');
  });

  describe('events from what a page says (texts written for these tests)', () => {
    const ids = (text: string, published?: string) =>
      matcher
        .scan(text, { relevant: true, ...(published ? { page: { published, url: null, title: null } } : {}) })
        .events.map((e) => e.id);

    it('takes the event’s day in the languages pages write it', () => {
      for (const text of [
        'Le sommet a eu lieu à la Maison Blanche le 18 août, en présence de Trump.',
        'La cumbre tuvo lugar en la Casa Blanca el 18 de agosto.',
        'The leaders gathered at the White House on Aug. 18, 2025.',
      ]) {
        expect(ids(text), text).toContain('white-house-meeting');
      }
    });

    it('the day with two participants in one sentence is the event, without any trigger word', () => {
      expect(ids('Putin and Trump held three-on-three talks on August 15.')).toEqual(['alaska-summit']);
      expect(ids('Putin and Trump held talks.')).toEqual([]);
    });

    it('another day written next to the words is another occasion', () => {
      const text = 'European leaders met Zelensky and Trump at the White House on Monday, Macron said.';
      expect(ids(text, '2025-08-19')).toContain('white-house-meeting');
      expect(ids('Trump in the Oval Office of the White House with European leaders on Aug. 14, 2025.')).toEqual([]);
    });

    it('the White House that speaks is not the place of a meeting', () => {
      expect(ids('White House spokesperson Karoline Leavitt said Zelensky and European leaders were welcome.')).toEqual(
        [],
      );
    });

    it('counts a phrase once, however many language lists know it', () => {
      // "Trump + Putin + Zelensky" is a key term of the trilateral meeting in five languages: one term, no event.
      expect(ids('Trump said Putin and Zelensky were ready; Putin and Zelensky agreed.')).not.toContain(
        'trilateral-meeting',
      );
    });

    it('a trigger that names who and what counts only on a page about the story', () => {
      const text = 'Vorbereitungen für ein Treffen zwischen Selenskyj und Putin liefen.';
      expect(ids(text)).toEqual([]);
      expect(ids(text, '2025-08-20')).toEqual(['putin-zelensky-summit']);
      expect(ids(text, '2025-05-16')).toEqual([]);
    });

    it('the parts of a trigger are found in one sentence', () => {
      expect(ids('Neither meeting resulted in progress. Trump guides Putin and Zelensky.', '2025-08-20')).toEqual([]);
    });

    it('an event named only in passing, as the time of something else, is not reported', () => {
      const passing = [
        'The chiefs talked a day after Zelenskyy and European leaders visited the White House.',
        'The push follows Trump’s meeting with Zelensky and European leaders at the White House.',
        'Anknüpfend an den Ukraine-Gipfel im Weißen Haus mit Selenskyj und europäischen Staats- und Regierungschefs berieten die Generäle.',
        'A day after Zelenskyy and European leaders visited the White House, the chiefs talked. ' +
          'Their talks followed Trump’s meeting with European leaders in Washington.',
      ];
      for (const text of passing) expect(ids(text, '2025-08-20'), text).not.toContain('white-house-meeting');
      // The same words that report it, or that say "after" only behind it, or over two sentences, are the event.
      for (const text of [
        'Zelenskyy and European leaders visited the White House after Trump called them.',
        'The following leaders visited the White House with Zelensky: European leaders from six countries.',
        'A day after Zelenskyy and European leaders visited the White House, the chiefs talked. European leaders had flown to Washington for it.',
      ])
        expect(ids(text, '2025-08-20'), text).toContain('white-house-meeting');
    });

    it('weeks after a one-day event, a page that gives neither its day nor its place only looks back on it', () => {
      const text = 'Trump hat US-Bodentruppen ausgeschlossen, bietet aber Luftunterstützung an.';
      expect(ids(text, '2025-08-20')).toEqual(['trump-rules-out-us-troops']);
      expect(ids(text, '2025-09-05')).toEqual([]);
    });
  });

  it('a title followed by another person’s name is that person’s, not the dataset’s', () => {
    const ids = (text: string) =>
      matcher
        .scan(text, { relevant: true })
        .mentions.filter((m) => m.kind === 'person')
        .map((m) => m.id);
    expect(ids('NATO Secretary-General Jens Stoltenberg and German Chancellor Olaf Scholz met Trump.')).toEqual([
      'donald-trump',
    ]);
    expect(
      ids('NATO-Generalsekretär Mark Rutte und Bundeskanzler Merz trafen den NATO-Chef, sagte der Kanzler.'),
    ).toEqual(['mark-rutte', 'mark-rutte', 'friedrich-merz', 'friedrich-merz', 'mark-rutte', 'friedrich-merz']);
  });

  it('finds names in hard typography', () => {
    const text =
      'KEIN NATO-BEITRITT DER UKRAINE, schrieb Trump. Selenskyjs Antwort kam schnell; Zelenskyy’s office and ' +
      'Putins Sprecher Peskow widersprachen. Der Nato-Generalsekretär Mark\u00A0Rutte traf Alar\nKaris in Brüssel.';
    const r = matcher.scan(text, { relevant: true });
    expect(r.mentions.map((m) => [m.text, m.id])).toEqual([
      ['NATO', 'nato'],
      ['UKRAINE', 'ukraine'],
      ['Trump', 'donald-trump'],
      ['Selenskyjs', 'volodymyr-zelensky'],
      ['Zelenskyy', 'volodymyr-zelensky'],
      ['Putins', 'vladimir-putin'],
      ['Nato-Generalsekretär', 'mark-rutte'],
      ['Mark\u00A0Rutte', 'mark-rutte'],
      ['Alar\nKaris', 'alar-karis'],
      ['Brüssel', 'brussels'],
    ]);
  });

  describe('off-topic pages stay quiet', () => {
    it('fashion text with "Merz"', () => {
      expectQuiet(
        matcher.scan(
          'Strickmode von Merz b. Schwanen: Die Herbstkollektion setzt auf Merinowolle. Merz bleibt sich treu, der ' +
            'Kanzler unter den Cardigans ist zurück.',
        ),
      );
    });

    it('travel text with "Paris" and "Alaska"', () => {
      expectQuiet(
        matcher.scan(
          'Von Paris nach Alaska: Unsere Reporterin fuhr mit dem Zug durch Europa und flog dann weiter in die USA. ' +
            'In Alaska warten Bären, Gletscher und lange Sommertage; Paris bleibt die Stadt der Cafés.',
        ),
      );
    });

    it('film review with "Michael Caine"', () => {
      expectQuiet(
        matcher.scan(
          'Michael Caine spielt in seinem letzten Film einen Kriegsveteranen, der heimlich aus dem Altersheim nach ' +
            'Frankreich reist. Caine ist großartig, der Film läuft in Deutschland ab Donnerstag.',
        ),
      );
    });

    it('English sports page', () => {
      expectQuiet(
        matcher.scan(
          'The United States beat Germany 3-1 in a friendly in Washington. Britain and France drew in Paris, and ' +
            'Italy lost to Japan. The coach of the US team said his side could improve its air game on Monday.',
        ),
      );
    });

    it('German weather report mentioning Washington', () => {
      expectQuiet(
        matcher.scan(
          'Wetter: In Deutschland wird es am Mittwoch sonnig, über Europa zieht ein Hoch. In den USA leidet die ' +
            'Ostküste unter Hitze, in Washington wurden 40 Grad gemessen. In Moskau und Kiew regnet es.',
        ),
      );
    });

    it('a 2018-style article on a Trump–Putin summit in Helsinki', () => {
      const r = matcher.scan(
        'Helsinki, 16. Juli 2018. Beim Gipfeltreffen zwischen Trump und Putin in Helsinki stellte sich Trump hinter ' +
          'den Kremlchef. Lawrow sprach von einem guten Treffen, die Nato reagierte besorgt. Obama schwieg.',
      );
      // The same cast (and a trigger), but the dateline says 2018: the date counts strongly against.
      expect(r.relevance.reasons).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^-8 page date 2018-07-16 \(dateline\), \d+ days from the story$/),
        ]),
      );
      expectQuiet(r);
      // Without the dateline the cast alone still makes no anchor.
      expectQuiet(
        matcher.scan(
          r.relevance.reasons.length
            ? 'Beim Gipfeltreffen zwischen Trump und Putin in Helsinki stellte sich Trump hinter den Kremlchef. Lawrow sprach von einem guten Treffen, die Nato reagierte besorgt. Obama schwieg.'
            : '',
        ),
      );
    });
  });
});

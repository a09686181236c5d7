/**
 * Scores recognition against a labelled folder of real coverage (the format
 * of `../shared/coverage`: `pages/*.txt` with a header, and `labels.json`).
 * Node only; used by `npm run evaluate` and its regression test.
 *
 * Every excerpt becomes the page a browser would show (`pageHtml`: the
 * header's title as `<title>`, a known published date as
 * `<meta property="article:published_time">`, each text line as a `<p>`;
 * never the labels), is read by the extension's reader and scanned by the
 * extension's core (`page-dom.ts`), and compared with its labels:
 *
 * - relevance: on-story pages judged relevant, near-topic pages judged
 *   relevant (the fewer the better);
 * - persons (on-story pages): the dataset's people mapped to the labels'
 *   English surnames (the last word of the entity's English name, "Giuseppe
 *   Cavo Dragone" → "Dragone"). Recall is over the labelled people the
 *   dataset knows; precision over the people highlighted (a highlighted
 *   person the labels do not list is a false one);
 * - events (on-story pages): recognized event ids against the labelled ones;
 *   every event the page gives evidence for is listed with the recognizer's
 *   points, evidence and verdict (`eventsConsidered`; a missed event shows its
 *   verdict in the readable report), so a miss can be read, not guessed;
 * - near-topic pages: the right result is no highlight at all; the pages
 *   with any highlight (names, events) are counted;
 * - disputed questions the labels define (air support, who met on 20 August,
 *   the coalition's size, the injured): per page with a labelled value,
 *   flagged (a claim of the aspect; for air support in the labelled sentence
 *   when one is given) and value right (that claim asserts the labelled
 *   value). A label of "ruled-out" expects NO flag (the sentence commits to
 *   neither value). False flags: claims of the aspect on pages whose label
 *   says the page does not assert it, and every claim of any aspect on a
 *   near-topic page.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Dataset } from '../../core/dataset/schema';
import type { ClaimMatch, Matcher, ScanResult } from '../../core/recognize/index';
import { foldToken } from '../../core/recognize/index';
import { readHtmlPage } from './page-dom';

export interface PageHeader {
  url: string | null;
  language: string;
  kind: string;
  published: string | null;
  title: string | null;
}

export interface Label {
  file: string;
  kind: string;
  language: string;
  persons: string[];
  events: string[];
  air_support?: string;
  air_sentence?: string | null;
  numbers?: { coalition?: string; injured?: string };
  attendees_20aug?: string | null;
  notes?: string;
}

export interface CoveragePage {
  file: string;
  header: PageHeader;
  text: string;
  label: Label;
}

/** Splits a page file into its header and the excerpt. */
export function parsePageFile(raw: string): { header: PageHeader; text: string } {
  const sep = /^---\s*$/m.exec(raw);
  if (!sep) throw new Error('no header separator line "---"');
  const head = raw.slice(0, sep.index);
  const text = raw.slice(sep.index + sep[0].length).replace(/^\r?\n/, '');
  const fields = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const m = /^([a-z_]+):\s*(.*)$/.exec(line.trim());
    if (m) fields.set(m[1] as string, (m[2] as string).trim());
  }
  const published = fields.get('published') ?? '';
  return {
    header: {
      url: fields.get('url') || null,
      language: fields.get('language') ?? '',
      kind: fields.get('kind') ?? '',
      published: /^\d{4}-\d{2}(-\d{2})?$/.test(published) ? published : null,
      title: fields.get('title') || null,
    },
    text,
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The page a browser would show for an excerpt: title, published date, one paragraph per line. */
export function pageHtml(header: PageHeader, text: string): string {
  const head = [
    '<meta charset="utf-8">',
    header.title ? `<title>${escapeHtml(header.title)}</title>` : '',
    header.published ? `<meta property="article:published_time" content="${escapeHtml(header.published)}">` : '',
  ].join('');
  const body = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('\n');
  return `<!doctype html><html lang="${escapeHtml(header.language)}"><head>${head}</head><body><article>${body}</article></body></html>`;
}

/** Reads a labelled folder: every page that has a label, in label order. */
export async function readLabelledFolder(dir: string): Promise<CoveragePage[]> {
  const labels = JSON.parse(await readFile(path.join(dir, 'labels.json'), 'utf8')) as Label[];
  if (!Array.isArray(labels)) throw new Error(`${dir}/labels.json: must be an array of page labels`);
  const files = new Set(await readdir(path.join(dir, 'pages')));
  const out: CoveragePage[] = [];
  for (const label of labels) {
    if (!files.has(label.file)) throw new Error(`${dir}/labels.json: no page ${label.file} in pages/`);
    const { header, text } = parsePageFile(await readFile(path.join(dir, 'pages', label.file), 'utf8'));
    out.push({ file: label.file, header, text, label });
  }
  return out;
}

/** A disputed question the labels define, and how its labels map to the dataset's values. */
interface Question {
  aspect: string;
  /** The labelled value; null when the page does not assert it. */
  label: (l: Label) => string | null;
  /** Label value → dataset value; null = the page commits to no value (expects no flag). */
  values: Record<string, string | null>;
  /** The labelled sentence, when the labels give one. */
  sentence?: (l: Label) => string | null;
}

const QUESTIONS: Question[] = [
  {
    aspect: 'trump-air-support',
    label: (l) => (l.air_support && l.air_support !== 'none' ? l.air_support : null),
    values: { offered: 'offered', option: 'option', 'ruled-out': null },
    sentence: (l) => l.air_sentence ?? null,
  },
  {
    aspect: 'conference-attendees',
    label: (l) => l.attendees_20aug ?? null,
    values: { 'chiefs-of-defence': 'chiefs-of-defence', 'defence-ministers': 'defence-ministers' },
  },
  {
    aspect: 'coalition-size',
    label: (l) => l.numbers?.coalition ?? null,
    values: { '30': '30', 'about 30': 'about-30', 'over 30': 'about-30' },
  },
  {
    aspect: 'attacks-injured',
    label: (l) => l.numbers?.injured ?? null,
    values: { '15': '15', 'at least 15': 'at-least-15' },
  },
];

function words(s: string): Set<string> {
  return new Set((s.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => foldToken(w)));
}

/** The labelled sentence and a flagged one are the same sentence (most of the shorter one's words shared). */
function sameSentence(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared >= 0.6 * Math.min(wa.size, wb.size);
}

export interface QuestionScore {
  aspect: string;
  /** Pages with a labelled value (expected flags). */
  labelled: number;
  flagged: number;
  right: number;
  /** Pages labelled as committing to no value, or with a label value the dataset has no value for. */
  expectNoFlag: number;
  falseFlags: number;
}

export interface PageScore {
  file: string;
  kind: string;
  language: string;
  relevant: boolean;
  score: number;
  evidence: string[];
  source: string | null;
  persons: { expected: string[]; found: string[]; missed: string[]; extra: string[] };
  events: { expected: string[]; found: string[]; missed: string[]; extra: string[] };
  /** Every event the page gives evidence for: the recognizer's points, evidence and verdict. */
  eventsConsidered: Array<{ id: string; points: number; evidence: string[]; verdict: string }>;
  questions: Array<{ aspect: string; expected: string | null; flagged: string[]; verdict: string }>;
  falseFlags: Array<{ aspect: string; value: string; sentence: string }>;
}

export interface Totals {
  onStory: number;
  onStoryRelevant: number;
  nearTopic: number;
  nearTopicRelevant: number;
  personsExpected: number;
  personsFound: number;
  personsExtra: number;
  eventsExpected: number;
  eventsFound: number;
  eventsExtra: number;
  questions: QuestionScore[];
  /** Claims on near-topic pages (every aspect). */
  nearTopicFlags: number;
  /** Near-topic pages with any highlight. */
  nearTopicHighlighted: number;
  personRecall: number;
  personPrecision: number;
  eventRecall: number;
  eventPrecision: number;
}

export interface Evaluation {
  dir: string;
  pages: PageScore[];
  totals: Totals;
}

/** Surname of a dataset person: the last word of its English name. */
function surname(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1] ?? name;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export async function evaluateFolder(dir: string, dataset: Dataset, matcher: Matcher): Promise<Evaluation> {
  const pages = await readLabelledFolder(dir);
  const personSurname = new Map(
    dataset.entities.filter((e) => e.kind === 'person').map((e) => [e.id, foldToken(surname(e.name.en))]),
  );
  const known = new Set(personSurname.values());
  const qs = new Map<string, QuestionScore>(
    QUESTIONS.map((q) => [
      q.aspect,
      { aspect: q.aspect, labelled: 0, flagged: 0, right: 0, expectNoFlag: 0, falseFlags: 0 },
    ]),
  );
  const scores: PageScore[] = [];
  for (const p of pages) {
    const read = await readHtmlPage(pageHtml(p.header, p.text), p.header.url);
    const eventsConsidered: PageScore['eventsConsidered'] = [];
    const result: ScanResult = matcher.scan(read.text, {
      page: read.page,
      explainEvents: (id, points, evidence, verdict) => eventsConsidered.push({ id, points, evidence, verdict }),
    });
    const near = p.label.kind === 'near-topic';

    const labelled = p.label.persons.map((s) => foldToken(s.split(/\s+/).pop() ?? s));
    const expectedPersons = [...new Set(labelled.filter((s) => known.has(s)))];
    const foundPersons = [
      ...new Set(result.mentions.filter((m) => m.kind === 'person').flatMap((m) => personSurname.get(m.id) ?? [])),
    ];
    const expectedEvents = [...new Set(p.label.events)];
    const foundEvents = result.events.map((e) => e.id);

    const page: PageScore = {
      file: p.file,
      kind: p.label.kind,
      language: p.label.language,
      relevant: result.relevant,
      score: result.relevance.score,
      evidence: result.relevance.reasons,
      source: result.source,
      persons: {
        expected: expectedPersons,
        found: foundPersons,
        missed: expectedPersons.filter((s) => !foundPersons.includes(s)),
        extra: foundPersons.filter((s) => !labelled.includes(s)),
      },
      events: {
        expected: expectedEvents,
        found: foundEvents,
        missed: expectedEvents.filter((e) => !foundEvents.includes(e)),
        extra: foundEvents.filter((e) => !expectedEvents.includes(e)),
      },
      eventsConsidered,
      questions: [],
      falseFlags: [],
    };

    const byAspect = new Map<string, ClaimMatch[]>();
    for (const c of result.claims) byAspect.set(c.aspect, [...(byAspect.get(c.aspect) ?? []), c]);
    if (near) {
      for (const c of result.claims) page.falseFlags.push({ aspect: c.aspect, value: c.value, sentence: c.sentence });
    }
    for (const q of QUESTIONS) {
      const s = qs.get(q.aspect) as QuestionScore;
      const claims = byAspect.get(q.aspect) ?? [];
      const raw = near ? null : q.label(p.label);
      const expected = raw === null ? null : raw in q.values ? (q.values[raw] ?? null) : null;
      if (raw === null || expected === null) {
        // The page asserts no value of this question: every flag is false.
        if (raw !== null) s.expectNoFlag++;
        s.falseFlags += claims.length;
        if (!near) {
          for (const c of claims) page.falseFlags.push({ aspect: c.aspect, value: c.value, sentence: c.sentence });
        }
        if (raw !== null) {
          page.questions.push({
            aspect: q.aspect,
            expected: raw,
            flagged: claims.map((c) => c.value),
            verdict: claims.length ? 'false flag' : 'right (no flag)',
          });
        }
        continue;
      }
      s.labelled++;
      const sentence = q.sentence?.(p.label) ?? null;
      const inSentence = sentence ? claims.filter((c) => sameSentence(c.sentence, sentence)) : claims;
      const flagged = inSentence.length > 0;
      const right = inSentence.some((c) => c.value === expected) && inSentence.every((c) => c.value === expected);
      if (flagged) s.flagged++;
      if (right) s.right++;
      page.questions.push({
        aspect: q.aspect,
        expected,
        flagged: inSentence.map((c) => c.value),
        verdict: !flagged ? 'missed' : right ? 'right' : 'wrong value',
      });
    }
    scores.push(page);
  }

  const on = scores.filter((s) => s.kind === 'on-story');
  const nt = scores.filter((s) => s.kind === 'near-topic');
  const sum = (f: (s: PageScore) => number) => on.reduce((a, s) => a + f(s), 0);
  const personsExpected = sum((s) => s.persons.expected.length);
  const personsHit = sum((s) => s.persons.expected.length - s.persons.missed.length);
  const personsFound = sum((s) => s.persons.found.length);
  const personsExtra = sum((s) => s.persons.extra.length);
  const eventsExpected = sum((s) => s.events.expected.length);
  const eventsHit = sum((s) => s.events.expected.length - s.events.missed.length);
  const eventsFound = sum((s) => s.events.found.length);
  const eventsExtra = sum((s) => s.events.extra.length);
  const totals: Totals = {
    onStory: on.length,
    onStoryRelevant: on.filter((s) => s.relevant).length,
    nearTopic: nt.length,
    nearTopicRelevant: nt.filter((s) => s.relevant).length,
    personsExpected,
    personsFound,
    personsExtra,
    eventsExpected,
    eventsFound,
    eventsExtra,
    questions: [...qs.values()],
    nearTopicFlags: nt.reduce((a, s) => a + s.falseFlags.length, 0),
    nearTopicHighlighted: nt.filter((s) => s.persons.found.length > 0 || s.events.found.length > 0).length,
    personRecall: ratio(personsHit, personsExpected),
    personPrecision: ratio(personsFound - personsExtra, personsFound),
    eventRecall: ratio(eventsHit, eventsExpected),
    eventPrecision: ratio(eventsFound - eventsExtra, eventsFound),
  };
  return { dir, pages: scores, totals };
}

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** Why an event was not recognized on a page, as " (verdict, N points)", or "" when the page gave no evidence. */
function whyNot(p: PageScore, id: string): string {
  const e = p.eventsConsidered.find((x) => x.id === id);
  return e ? ` (${e.verdict}, ${e.points} points)` : ' (no evidence)';
}

/** The readable report. */
export function formatEvaluation(ev: Evaluation): string {
  const lines: string[] = [`Evaluation of ${ev.dir} (${ev.pages.length} pages)`, ''];
  for (const p of ev.pages) {
    const rel = p.relevant ? 'relevant' : 'not relevant';
    const ok = (p.kind === 'on-story') === p.relevant ? ' ' : '✗';
    lines.push(
      `${ok} ${p.file} [${p.kind}, ${p.language}] ${rel} (score ${p.score})${p.source ? ` source ${p.source}` : ''}`,
    );
    const pe = p.persons;
    if (pe.expected.length || pe.found.length) {
      lines.push(
        `    persons ${pe.expected.length - pe.missed.length}/${pe.expected.length}` +
          (pe.missed.length ? ` missed: ${pe.missed.join(', ')}` : '') +
          (pe.extra.length ? ` extra: ${pe.extra.join(', ')}` : ''),
      );
    }
    const ev2 = p.events;
    if (ev2.expected.length || ev2.found.length) {
      lines.push(
        `    events ${ev2.expected.length - ev2.missed.length}/${ev2.expected.length}` +
          (ev2.missed.length ? ` missed: ${ev2.missed.map((id) => `${id}${whyNot(p, id)}`).join(', ')}` : '') +
          (ev2.extra.length ? ` extra: ${ev2.extra.join(', ')}` : ''),
      );
    }
    for (const q of p.questions) {
      lines.push(`    ${q.aspect}: expected ${q.expected}, flagged [${q.flagged.join(', ')}] → ${q.verdict}`);
    }
    for (const f of p.falseFlags) {
      lines.push(`    FALSE FLAG ${f.aspect} = ${f.value}: "${f.sentence.replace(/\s+/g, ' ').slice(0, 160)}"`);
    }
  }
  const t = ev.totals;
  lines.push('', 'Totals');
  lines.push(
    `  on-story pages judged relevant   ${t.onStoryRelevant}/${t.onStory} (${pct(ratio(t.onStoryRelevant, t.onStory))})`,
  );
  lines.push(
    `  near-topic pages judged relevant ${t.nearTopicRelevant}/${t.nearTopic} (${pct(ratio(t.nearTopicRelevant, t.nearTopic))})`,
  );
  lines.push(`  near-topic pages with highlights  ${t.nearTopicHighlighted}/${t.nearTopic}`);
  lines.push(
    `  persons (on-story) recall ${pct(t.personRecall)} of ${t.personsExpected}, precision ${pct(t.personPrecision)} of ${t.personsFound}`,
  );
  lines.push(
    `  events (on-story)  recall ${pct(t.eventRecall)} of ${t.eventsExpected}, precision ${pct(t.eventPrecision)} of ${t.eventsFound}`,
  );
  for (const q of t.questions) {
    lines.push(
      `  ${q.aspect.padEnd(22)} flagged ${q.flagged}/${q.labelled}, value right ${q.right}/${q.labelled}, false flags ${q.falseFlags}` +
        (q.expectNoFlag ? ` (${q.expectNoFlag} pages expect no flag)` : ''),
    );
  }
  lines.push(`  claims on near-topic pages       ${t.nearTopicFlags}`);
  return lines.join('\n');
}

// Two more generated pages for the benchmark, written by this generator (no
// real page's text): an off-topic 1 MB news page that names nothing the
// dataset knows, and a long live blog about the story at a realistic density.
// Deterministic: same seed, same page.

/** @param {number} seed */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** @param {string} s */
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

// ---------- off-topic: local news, weather, sport, food, science ----------
const SUBJECTS = [
  'Der Gemeinderat',
  'Die Stadtwerke',
  'Der Sportverein',
  'Die Bäckerei am Marktplatz',
  'Das Gesundheitsamt',
  'Die Feuerwehr',
  'Der Wetterdienst',
  'Die Musikschule',
  'Das Tierheim',
  'Die Bibliothek',
  'Der Kleingartenverein',
  'Die Verkehrsbetriebe',
  'Das Hallenbad',
  'Die Sternwarte',
  'Der Imkerverein',
];
const VERBS = [
  'plant für den Herbst',
  'meldet überraschend',
  'diskutiert seit Wochen über',
  'kündigt für das Frühjahr',
  'prüft derzeit',
  'feiert in diesem Jahr',
  'beklagt seit Monaten',
  'organisiert am Wochenende',
  'verschiebt erneut',
  'lädt alle Interessierten ein zu',
];
const OBJECTS = [
  'eine neue Radwegbrücke über den Mühlbach',
  'den Umbau der alten Turnhalle',
  'ein Sommerfest mit Flohmarkt und Kuchenbuffet',
  'höhere Gebühren für die Müllabfuhr',
  'die Sanierung des Freibads',
  'einen Kurs für Brotbacken mit Sauerteig',
  'längere Öffnungszeiten am Samstag',
  'die Pflanzung von zweihundert Obstbäumen',
  'ein Turnier der Jugendmannschaften',
  'eine Ausstellung über Wildbienen und Schmetterlinge',
  'den ersten Nachtfrost der Saison',
  'Gewitter mit Starkregen am Nachmittag',
  'eine Führung durch die Kläranlage',
  'neue Busverbindungen in die Nachbardörfer',
  'die Wahl eines neuen Vorstands',
];
const TAILS = [
  'Anwohner begrüßen die Pläne, fragen aber nach den Kosten',
  'die Anmeldung ist ab sofort im Rathaus möglich',
  'mehrere Helfer werden noch gesucht',
  'über die Finanzierung soll im nächsten Monat entschieden werden',
  'die Temperaturen sinken nachts auf drei Grad',
  'der Eintritt ist frei, Spenden sind willkommen',
  'die Bauarbeiten dauern voraussichtlich bis zum Frühjahr',
  'ein Gutachten liegt inzwischen vor',
  'Kinder unter zwölf Jahren zahlen die Hälfte',
  'Parkplätze sind am Sportplatz vorhanden',
];

/**
 * An off-topic German news page of about 1 MB of text (a town's news site:
 * council, weather, sport, food, clubs), nested like a real site. It names
 * none of the dataset's aliases (`assertNoAlias` checks that at bench start).
 * @param {{ paragraphs?: number, seed?: number }} [opts]
 */
export function generateOffTopicPage({ paragraphs = 1500, seed = 7 } = {}) {
  const rand = rng(seed);
  /** @type {<T>(arr: T[]) => T} */
  const pick = (arr) => /** @type {any} */ (arr[Math.floor(rand() * arr.length)]);
  let textBytes = 0;
  const sentence = () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}; ${pick(TAILS)}.`;
  const paragraph = () => {
    const n = 4 + Math.floor(rand() * 4);
    const text = Array.from({ length: n }, sentence).join(' ');
    textBytes += Buffer.byteLength(text);
    return `<p>${esc(text)
      .replace(/^(\S+ \S+)/, '<strong>$1</strong>')
      .replace(/(\S+)\.$/, '<a href="#">$1</a>.')}</p>`;
  };
  const body = [];
  body.push('<header class="site"><div class="logo">Bote vom Mühlbach</div><nav><ul>');
  for (const s of ['Lokales', 'Wetter', 'Sport', 'Vereine', 'Genuss']) body.push(`<li><a href="#">${s}</a></li>`);
  body.push('</ul></nav></header><main><article><h1>Was diese Woche im Ort los ist</h1>');
  for (let i = 0; i < paragraphs; i++) {
    if (i % 50 === 0) body.push(`<section><h2>Teil ${i / 50 + 1}</h2><div class="body"><div class="col">`);
    body.push(paragraph());
    if (i % 120 === 60) body.push('<figure><div class="img"></div><figcaption>Foto: Redaktion</figcaption></figure>');
    if (i % 200 === 100) body.push(`<aside><h3>Auch interessant</h3><ul><li><a href="#">${esc(sentence())}</a></li></ul></aside>`); // prettier-ignore
    if (i % 50 === 49) body.push('</div></div></section>');
  }
  body.push('</article></main><footer><p>© Bote vom Mühlbach</p></footer>');
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Bote vom Mühlbach</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:720px;margin:0 auto;padding:0 16px}.img{height:120px;background:#ddd}</style>
</head><body>${body.join('\n')}</body></html>`;
  return { html, textBytes };
}

// ---------- the live blog about the story ----------
const LB_NAMES = [
  'Donald Trump',
  'Trump',
  'Wladimir Putin',
  'Putin',
  'Wolodymyr Selenskyj',
  'Selenskyj',
  'Sergej Lawrow',
  'Mark Rutte',
  'Friedrich Merz',
  'Giuseppe Cavo Dragone',
  'Alexus Grynkewich',
  'Dan Caine',
  'Karoline Leavitt',
  'Maria Sacharowa',
];
const LB_PLACES = ['Kyjiw', 'Moskau', 'Washington', 'Brüssel', 'Alaska', 'Odessa', 'Sumy', 'London', 'Paris'];
const LB_GROUPS = ['die Nato', 'die Koalition der Willigen', 'die europäischen Verbündeten', 'das Weiße Haus', 'die US-Regierung']; // prettier-ignore
const LB_TEMPLATES = [
  (n, p, g) =>
    `${n} hat sich am Abend erneut zu den Sicherheitsgarantien geäußert, ${g} will bis Freitag einen Entwurf vorlegen`,
  (n, p) =>
    `Nach Angaben aus ${p} ist ein weiteres Treffen in der kommenden Woche geplant, bestätigt hat ${n} das bisher nicht`,
  (n, _p, g) =>
    `Die Militärchefs beraten in einer Videokonferenz über Truppen zur Absicherung eines Waffenstillstands, ${g} hält sich bedeckt`,
  (n) => `${n} schrieb auf seiner Plattform, man sei einer Einigung „so nah wie nie“`,
  (n, p) =>
    `In ${p} heulten in der Nacht erneut die Sirenen, ${n} sprach von einem gezielten Angriff auf die Energieversorgung`,
  (n, _p, g) => `Ein Sprecher sagte, ${g} werde keine Entscheidung ohne ${n} treffen`,
  (n, p) => `${n} reist nach ${p}; dort sollen die Gespräche über einen Gipfel fortgesetzt werden`,
  (n) => `Die Forderung nach einem Nato-Beitritt bleibt nach Darstellung von ${n} auf dem Tisch`,
  (n, p, g) =>
    `Diplomaten in ${p} erwarten, dass ${g} noch vor dem Wochenende über die Zusammensetzung der Schutztruppe spricht, so ${n}`,
];
const LB_FILLER = [
  'Wir halten Sie an dieser Stelle auf dem Laufenden',
  'Die Angaben ließen sich zunächst nicht unabhängig überprüfen',
  'Weitere Einzelheiten wurden nicht bekannt',
  'Die Lage bleibt unübersichtlich',
  'Eine offizielle Bestätigung steht noch aus',
  'Mehrere Agenturen berichteten übereinstimmend darüber',
];

/**
 * A long live blog about the story (German, newest entry first): a ticker of
 * `entries` timestamped posts, each a headline and one to three paragraphs,
 * with quotes, embedded posts and share buttons in between; most posts name
 * one to three people, places or groups of the story.
 * @param {{ entries?: number, seed?: number }} [opts]
 */
export function generateLiveBlog({ entries = 2100, seed = 11 } = {}) {
  const rand = rng(seed);
  /** @type {<T>(arr: T[]) => T} */
  const pick = (arr) => /** @type {any} */ (arr[Math.floor(rand() * arr.length)]);
  let textBytes = 0;
  const story = () =>
    /** @type {string} */ (pick(LB_TEMPLATES)(pick(LB_NAMES), pick(LB_PLACES), pick(LB_GROUPS))) + '.';
  const filler = () => `${pick(LB_FILLER)}.`;
  const para = (named) => {
    const n = 2 + Math.floor(rand() * 3);
    const parts = Array.from({ length: n }, (_, k) => (named && k < 2 ? story() : filler()));
    const text = parts.join(' ');
    textBytes += Buffer.byteLength(text);
    return `<p>${esc(text)}</p>`;
  };
  const body = [];
  body.push('<header class="site"><div class="logo">Der Tagesticker</div><nav><ul>');
  for (const s of ['Start', 'Politik', 'Ausland', 'Meinung']) body.push(`<li><a href="#">${s}</a></li>`);
  body.push('</ul></nav></header><main><article class="liveblog">');
  body.push('<h1>Sicherheitsgarantien für die Ukraine – der Liveblog</h1><p class="lead">Alle Entwicklungen im Überblick.</p>'); // prettier-ignore
  body.push('<ol class="ticker">');
  let minutes = 23 * 60 + 59;
  for (let i = 0; i < entries; i++) {
    minutes = (minutes - 1 - Math.floor(rand() * 20) + 24 * 60) % (24 * 60);
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    const named = rand() < 0.8;
    const head = named ? (story().split(',')[0] ?? '') : filler();
    body.push(`<li class="entry" id="e${i}"><time datetime="T${hh}:${mm}">${hh}:${mm} Uhr</time><h3>${esc(head)}</h3>`);
    const paras = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < paras; k++) body.push(para(named && k === 0 ? true : rand() < 0.4));
    if (i % 9 === 4) body.push(`<blockquote><p>„${esc(story())}“</p><cite>${esc(pick(LB_NAMES))}</cite></blockquote>`);
    if (i % 23 === 11) body.push(`<div class="embed"><p>${esc(story())}</p><a href="#">Zum Beitrag</a></div>`);
    body.push('<div class="share"><button type="button">Teilen</button><button type="button">Link kopieren</button></div></li>'); // prettier-ignore
  }
  body.push('</ol></article></main><footer><p>© Der Tagesticker</p></footer>');
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Liveblog</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:760px;margin:0 auto;padding:0 16px}.entry{border-top:1px solid #ccc;padding:8px 0}.share button{margin-right:6px}</style>
</head><body>${body.join('\n')}</body></html>`;
  return { html, textBytes };
}

/**
 * Throws when the text names one of the aliases (whole word, any case): the
 * off-topic page must be off the story for the figure to mean "nothing found".
 * @param {string} html
 * @param {string[]} aliases
 */
export function assertNoAlias(html, aliases) {
  const text = html.replace(/<[^>]*>/g, ' ');
  for (const a of aliases) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, 'iu');
    const m = re.exec(text);
    if (m)
      throw new Error(`the off-topic page names the alias “${a}” (at “${text.slice(m.index - 30, m.index + 30)}”)`);
  }
}

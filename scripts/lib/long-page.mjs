// A deterministic generator of long news pages: ~1 MB of text in 2,000
// paragraphs, nested like a real site (header, nav, article sections, asides,
// figures, teasers, comments). Mentions of the dataset's names come at two
// densities: 'realistic' (a few per paragraph, in every few paragraphs) and
// 'dense' (names in every sentence). Same seed, same page.

const FILLER_DE = [
  'Die Verhandlungen ziehen sich nach Angaben von Diplomaten noch über Wochen hin',
  'Beobachter verweisen auf die angespannte Lage an der Front und auf steigende Kosten',
  'In den Hauptstädten wird über Zuständigkeiten, Mandate und Finanzierung gestritten',
  'Fachleute halten eine rasche Einigung für unwahrscheinlich, aber nicht ausgeschlossen',
  'Die Opposition fordert mehr Transparenz über die Pläne der Regierung',
  'Am Rande des Treffens wurden auch Fragen der Energieversorgung besprochen',
  'Mehrere Delegationen baten um zusätzliche Zeit für Rücksprachen',
  'Die Märkte reagierten zunächst gelassen auf die Nachrichten aus Brüssel',
  'Im Mittelpunkt stehen die Sicherheitsgarantien für die Ukraine nach einem möglichen Waffenstillstand',
  'Die Nato-Militärchefs hatten sich am 20. August zu einer Videokonferenz zusammengeschaltet',
];
const FILLER_EN = [
  'Diplomats expect the talks to drag on for several more weeks',
  'Observers point to the tense situation at the front and to rising costs',
  'Capitals are arguing over responsibilities, mandates and funding',
  'Experts consider a quick agreement unlikely but not impossible',
  'The opposition is demanding more transparency about the plans',
  'Energy supply questions were also discussed on the sidelines',
  'Several delegations asked for more time to consult at home',
  'Markets initially shrugged off the news from Brussels',
  'At the heart of it are security guarantees for Ukraine after a possible ceasefire',
  'NATO chiefs of defence had joined a video conference on August 20',
];
const NAMES = [
  'Donald Trump',
  'Trumps',
  'Wladimir Putin',
  'Putins',
  'Wolodymyr Selenskyj',
  'Selenskyjs',
  'Sergej Lawrow',
  'Giuseppe Cavo Dragone',
  'Alexus Grynkewich',
  'Dan Caine',
  'Mark Rutte',
  'die Nato',
  'Nato-Beitritt',
  'Koalition der Willigen',
  'Kyjiw',
  'Odessa',
  'Sumy',
  'Moskau',
  'Alaska',
  'Weißen Haus',
  'Zelenskyy',
  'Lavrov',
];

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * @param {{ paragraphs?: number, density?: 'realistic' | 'dense' | 'none', seed?: number, lang?: 'de' | 'en' }} [opts]
 * @returns {{ html: string, textBytes: number, mentionsPlanted: number }}
 */
export function generateLongPage({ paragraphs = 2000, density = 'realistic', seed = 42, lang = 'de' } = {}) {
  const rand = rng(seed);
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const filler = lang === 'de' ? FILLER_DE : FILLER_EN;
  let planted = 0;
  let textBytes = 0;
  const sentence = (withName) => {
    let s = pick(filler);
    if (withName) {
      const name = pick(NAMES);
      s = rand() < 0.5 ? `${name}: ${s}` : `${s}, sagte ${name}`;
      planted++;
    }
    return `${s}.`;
  };
  const paragraph = (i) => {
    const sentences = 5 + Math.floor(rand() * 4);
    const parts = [];
    for (let k = 0; k < sentences; k++) {
      const withName = density === 'dense' ? true : density === 'none' ? false : i % 4 === 0 && k < 2;
      parts.push(sentence(withName));
    }
    const text = parts.join(' ');
    textBytes += Buffer.byteLength(text);
    // Inline markup inside paragraphs, like real articles.
    return `<p>${esc(text)
      .replace(/^(\S+ \S+)/, '<strong>$1</strong>')
      .replace(/(\S+)\.$/, '<a href="#">$1</a>.')}</p>`;
  };
  const body = [];
  body.push('<header class="site"><div class="logo">Der Langtext</div><nav><ul>');
  for (const s of ['Politik', 'Wirtschaft', 'Kultur', 'Sport', 'Wissen']) body.push(`<li><a href="#">${s}</a></li>`);
  body.push('</ul></nav></header><main><article><h1>Sicherheitsgarantien: die lange Chronik</h1>');
  for (let i = 0; i < paragraphs; i++) {
    if (i % 50 === 0) body.push(`<section><h2>Kapitel ${i / 50 + 1}</h2><div class="body"><div class="col">`);
    body.push(paragraph(i));
    if (i % 120 === 60) body.push('<figure><div class="img"></div><figcaption>Archivbild</figcaption></figure>');
    if (i % 200 === 100)
      body.push(`<aside><h3>Mehr zum Thema</h3><ul><li><a href="#">${esc(sentence(false))}</a></li></ul></aside>`);
    if (i % 50 === 49) body.push('</div></div></section>');
  }
  body.push('</article></main><footer><p>© Der Langtext</p></footer>');
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Langer Artikel</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:720px;margin:0 auto;padding:0 16px}.img{height:120px;background:#ddd}</style>
</head><body>${body.join('\n')}</body></html>`;
  return { html, textBytes, mentionsPlanted: planted };
}

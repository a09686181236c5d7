/**
 * `pack export --format jsonld`: a pack's claims as schema.org `Claim` items,
 * so other tools can read a pack. Each claim's `appearance` is the report it
 * appears in, as a W3C Web Annotation `SpecificResource`: `hasSource` is the
 * report (a schema.org `CreativeWork`), `hasSelector` a `TextQuoteSelector`
 * whose `exact` is the verbatim quote. The claim is `about` its subject (the
 * Wikidata item when the entity has a key, else the pack's own id) and
 * answers the question `name` with `text` (the summary). Ids are URNs
 * (`urn:crosscheck:<pack>:<id>`): nothing here is meant to be fetched.
 */
import type { Entity, Lang, Source } from '../../../core/dataset/schema';
import type { Pack } from '../../../core/pack/schema';

export const JSONLD_CONTEXT = [
  'https://schema.org/',
  {
    oa: 'http://www.w3.org/ns/oa#',
    SpecificResource: 'oa:SpecificResource',
    TextQuoteSelector: 'oa:TextQuoteSelector',
    hasSource: { '@id': 'oa:hasSource', '@type': '@id' },
    hasSelector: { '@id': 'oa:hasSelector' },
    exact: { '@id': 'oa:exact' },
    claimValue: { '@id': 'https://crosscheck.invalid/ns#claimValue' },
  },
];

const urn = (p: Pack, id: string) => `urn:crosscheck:${p.pack.id}:${id}`;

function sourceNode(p: Pack, s: Source) {
  return {
    '@type': 'CreativeWork',
    '@id': urn(p, s.id),
    name: s.title,
    inLanguage: s.language,
    ...(s.publisher ? { publisher: { '@type': 'Organization', name: s.publisher } } : {}),
    ...(s.published ? { datePublished: s.published.value } : {}),
  };
}

function subjectNode(p: Pack, id: string, lang: Lang) {
  const e: Entity | undefined = p.entities.find((x) => x.id === id);
  if (e) {
    const type = { person: 'Person', organization: 'Organization', place: 'Place', group: 'Organization' }[e.kind];
    return {
      '@type': type,
      '@id': e.key ? `http://www.wikidata.org/entity/${e.key}` : urn(p, e.id),
      name: e.name[lang],
    };
  }
  const ev = p.events.find((x) => x.id === id);
  return { '@type': 'Event', '@id': urn(p, id), name: ev?.title[lang] ?? id };
}

export function packToJsonLd(p: Pack, lang: Lang = 'en') {
  const sources = new Map(p.sources.map((s) => [s.id, s]));
  const aspects = new Map(p.aspects.map((a) => [a.id, a]));
  return {
    '@context': JSONLD_CONTEXT,
    '@type': 'Dataset',
    '@id': `urn:crosscheck:${p.pack.id}`,
    name: p.pack.title[lang],
    version: String(p.pack.revision),
    dateCreated: p.pack.created,
    license: p.pack.license,
    creator: { '@type': 'Organization', name: p.pack.attribution },
    ...(p.pack.homepage ? { url: p.pack.homepage } : {}),
    inLanguage: p.pack.languages,
    hasPart: p.claims.map((c) => {
      const aspect = aspects.get(c.aspect);
      return {
        '@type': 'Claim',
        '@id': urn(p, c.id),
        name: aspect?.label[lang] ?? c.aspect,
        text: c.summary[lang],
        claimValue: aspect?.values.find((x) => x.value === c.value)?.label[lang] ?? c.value,
        about: subjectNode(p, c.subject, lang),
        appearance: {
          '@type': 'SpecificResource',
          hasSource: sourceNode(p, sources.get(c.source)!),
          hasSelector: { '@type': 'TextQuoteSelector', exact: c.quote },
        },
      };
    }),
  };
}

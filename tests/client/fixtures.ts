/**
 * A small graph in the shape the API answers, for tests that need exact numbers:
 * three organisations, a person and a place, two sources, and parallel relations.
 */
import type { EntitySummaryFragment, RelationSummaryFragment } from '../../client/src/api/generated/graphql';
import {
  shapeGraphData,
  type CitationRef,
  type GraphData,
  type LoadedOverview,
} from '../../client/src/core/graph-data';

export const overview: LoadedOverview = {
  dataset: { title: 'Fixture graph' },
  stats: { entityCount: 5, relationCount: 5, claimCount: 0, sourceCount: 2, citationCount: 7 },
  vocabulary: {
    entityTypes: [
      { id: 'organization', label: 'Organization', description: 'A group', count: 3 },
      { id: 'person', label: 'Person', description: 'A person', count: 1 },
      { id: 'place', label: 'Place', description: 'A place', count: 1 },
    ],
    relationTypes: [
      { id: 'enemy_of', label: 'enemy of', directed: false, description: 'Hostile', count: 2 },
      { id: 'leader_of', label: 'leader of', directed: true, description: 'Leads', count: 1 },
      { id: 'operates_in', label: 'operates in', directed: true, description: 'Active in', count: 1 },
      { id: 'affiliate_of', label: 'affiliate of', directed: true, description: 'Branch of', count: 1 },
      { id: 'funds', label: 'funds', directed: true, description: 'Pays', count: 0 },
    ],
  },
  sources: [
    {
      id: 'bbc',
      title: 'What is ISIS-K?',
      publisher: 'BBC',
      author: 'Frank Gardner',
      published: null,
      kind: 'news_article',
    },
    { id: 'other', title: 'Who are ISIS-K?', publisher: null, author: null, published: null, kind: 'news_article' },
  ],
};

/** The sources that support each fixture entity, as the API knows them (the loaded graph does not). */
const entitySources = new Map<string, readonly string[]>();

/** The fixture entities the sources support, as api/source-support.ts would answer. */
export function supportedByFixtureSources(sources: readonly string[]): Set<string> {
  return new Set(
    [...entitySources].filter(([, ids]) => ids.some((id) => sources.includes(id))).map(([entityId]) => entityId),
  );
}

const entity = (id: string, name: string, type: string, degree: number, sources: string[]): EntitySummaryFragment => {
  entitySources.set(id, sources);
  return { id, name, type, aliases: id === 'isis-k' ? ['ISKP', 'IS-K'] : [], degree, span: null };
};

export const entityPage: EntitySummaryFragment[] = [
  entity('taliban', 'Taliban', 'organization', 2, ['bbc', 'other']),
  entity('isis-k', 'ISIS-K', 'organization', 4, ['bbc', 'other']),
  entity('islamic-state', 'Islamic State', 'organization', 1, ['other']),
  entity('leader', 'Shahab al-Muhajir', 'person', 1, ['other']),
  entity('nangarhar', 'Nangarhar', 'place', 1, ['bbc']),
];

const citation = (source: string, quote: string, start: number) => ({
  quote,
  start,
  end: start + quote.length,
  source: { id: source },
});

/** The fixture relations' citations, as api/relation-citations.ts gives them (the graph leaves them out). */
export const fixtureCitations = new Map<string, CitationRef[]>();

const relation = (
  id: string,
  type: string,
  label: string,
  directed: boolean,
  subject: string,
  object: string,
  citations: ReturnType<typeof citation>[],
): RelationSummaryFragment => {
  fixtureCitations.set(
    id,
    citations.map((c) => ({ sourceId: c.source.id, quote: c.quote, start: c.start, end: c.end })),
  );
  // As the API gives them: the distinct supporting sources, sorted, and their number.
  const sourceIds = [...new Set(citations.map((c) => c.source.id))].sort();
  return {
    id,
    type,
    label,
    directed,
    span: null,
    corroboration: sourceIds.length,
    statedPlainly: true,
    ownVoice: true,
    unhedged: true,
    sourceIds,
    subject: { id: subject },
    object: { id: object },
  };
};

export const relationPage: RelationSummaryFragment[] = [
  relation('r-enemy', 'enemy_of', 'enemy of', false, 'isis-k', 'taliban', [
    citation('bbc', 'ISIS-K have major differences with the Taliban', 10),
    citation('other', 'sworn enemies, "the Taliban"', 40),
  ]),
  relation('r-operates', 'operates_in', 'operates in', true, 'isis-k', 'nangarhar', [
    citation('bbc', 'based in Nangarhar, the group', 80),
  ]),
  relation('r-affiliate', 'affiliate_of', 'affiliate of', true, 'isis-k', 'islamic-state', [
    citation('other', 'the Afghan affiliate of Islamic State', 5),
  ]),
  relation('r-leader', 'leader_of', 'leader of', true, 'leader', 'isis-k', [citation('other', 'led by Shahab', 120)]),
  // A second relation between ISIS-K and the Taliban, written the other way round.
  relation('r-fought', 'enemy_of', 'enemy of', false, 'taliban', 'isis-k', [
    citation('bbc', 'the Taliban fought ISIS-K', 200),
    citation('bbc', 'again, clashes', 260),
  ]),
];

export function fixtureGraph(): GraphData {
  return shapeGraphData(overview, entityPage, relationPage);
}

/**
 * A hand-made knowledge graph small enough to reason about: parallel relations, both
 * directions, an undirected relation, accents, and two sources.
 *
 *   acme ──member_of──▶ umbrella        (source s1)
 *   umbrella ──enemy_of── rival         (s1, s2)   undirected
 *   rival ──member_of──▶ umbrella       (s2)       a second relation between the same pair
 *   acme ──based_in──▶ zürich           (s2)
 *   zürich ──located_in──▶ helvetia     (s1)
 *   wolf ──member_of──▶ rival           (s2)
 *   loner                               (no relations; named "Lone Wolf" like wolf)
 */
import { buildEntityGraph } from '../../server/data/load-graph-data';
import type {
  CitationRecord,
  ClaimRecord,
  EntityRecord,
  KnowledgeGraph,
  RelationRecord,
  SourceRecord,
} from '../../server/data/model';
import { sourceRecord } from '../support/source-record';

const TEXTS: Record<string, string> = {
  s1:
    'Acme is a member of Umbrella. Umbrella fights Rival. Zürich lies in Helvetia. Acme has 10 staff.' +
    ' Its motto: Onwards. Founded May 2020. Umbrella has 5 staff, or 50 staff.',
  s2:
    'Rival is at war with Umbrella. Rival joined Umbrella. Acme is based in Zürich. Acme has 12 staff. The Lone Wolf serves Rival.' +
    ' Its motto: Ever onwards. Founded last May.',
};

function cite(sourceId: string, quote: string, target: CitationRecord['target']): CitationRecord {
  const start = TEXTS[sourceId]!.indexOf(quote);
  if (start < 0) throw new Error(`tiny graph: "${quote}" is not in ${sourceId}`);
  return { sourceId, quote, start, end: start + quote.length, target };
}

function relation(
  id: string,
  subject: string,
  type: string,
  object: string,
  directed: boolean,
  quotes: [string, string][],
): RelationRecord {
  const citations = quotes.map(([source, quote]) => cite(source, quote, { kind: 'relation', id }));
  return {
    id,
    type,
    subject,
    object,
    directed,
    note: null,
    citations,
    time: [],
    sourceIds: [...new Set(citations.map((c) => c.sourceId))].sort(),
  };
}

export function tinyKnowledgeGraph(): KnowledgeGraph {
  const entities: EntityRecord[] = [
    { id: 'acme', type: 'organization', name: 'Acme Corp', aliases: ['ACME-X'], description: '', time: [] },
    { id: 'umbrella', type: 'organization', name: 'Umbrella', aliases: [], description: '', time: [] },
    { id: 'rival', type: 'organization', name: 'Rival Front', aliases: ['Rivals'], description: '', time: [] },
    { id: 'zurich', type: 'place', name: 'Zürich', aliases: [], description: '', time: [] },
    { id: 'helvetia', type: 'place', name: 'Helvetia', aliases: [], description: '', time: [] },
    { id: 'loner', type: 'person', name: 'Lone Wolf', aliases: [], description: '', time: [] },
    { id: 'wolf', type: 'person', name: 'Lone Wolf', aliases: [], description: '', time: [] },
  ];
  const relations = [
    relation('acme--member_of--umbrella', 'acme', 'member_of', 'umbrella', true, [
      ['s1', 'Acme is a member of Umbrella'],
    ]),
    relation('umbrella--enemy_of--rival', 'umbrella', 'enemy_of', 'rival', false, [
      ['s1', 'Umbrella fights Rival'],
      ['s2', 'Rival is at war with Umbrella'],
    ]),
    relation('rival--member_of--umbrella', 'rival', 'member_of', 'umbrella', true, [['s2', 'Rival joined Umbrella']]),
    relation('acme--based_in--zurich', 'acme', 'based_in', 'zurich', true, [['s2', 'Acme is based in Zürich']]),
    relation('zurich--located_in--helvetia', 'zurich', 'located_in', 'helvetia', true, [
      ['s1', 'Zürich lies in Helvetia'],
    ]),
    relation('wolf--member_of--rival', 'wolf', 'member_of', 'rival', true, [['s2', 'The Lone Wolf serves Rival']]),
  ];
  const claims: ClaimRecord[] = [
    {
      id: 'acme--staff--s1',
      entity: 'acme',
      attribute: 'staff',
      value: '10',
      normalized: null,
      note: null,
      citations: [],
      sourceIds: ['s1'],
    },
    {
      id: 'acme--staff--s2',
      entity: 'acme',
      attribute: 'staff',
      value: '12',
      normalized: null,
      note: null,
      citations: [],
      sourceIds: ['s2'],
    },
    // Two sources' different wordings of a motto: not comparable, so no disagreement.
    {
      id: 'acme--motto--s1',
      entity: 'acme',
      attribute: 'motto',
      value: 'Onwards',
      normalized: null,
      note: null,
      citations: [],
      sourceIds: ['s1'],
    },
    {
      id: 'acme--motto--s2',
      entity: 'acme',
      attribute: 'motto',
      value: 'Ever onwards',
      normalized: null,
      note: null,
      citations: [],
      sourceIds: ['s2'],
    },
    // The same date in two wordings: normalized alike, so the sources agree.
    {
      id: 'acme--founded--s1',
      entity: 'acme',
      attribute: 'founded',
      value: 'May 2020',
      normalized: '2020-05',
      note: null,
      citations: [],
      sourceIds: ['s1'],
    },
    {
      id: 'acme--founded--s2',
      entity: 'acme',
      attribute: 'founded',
      value: 'last May',
      normalized: '2020-05',
      note: null,
      citations: [],
      sourceIds: ['s2'],
    },
    // One source giving two figures is not sources disagreeing.
    {
      id: 'umbrella--staff--s1-low',
      entity: 'umbrella',
      attribute: 'staff',
      value: '5',
      normalized: null,
      note: null,
      citations: [],
      sourceIds: ['s1'],
    },
    {
      id: 'umbrella--staff--s1-high',
      entity: 'umbrella',
      attribute: 'staff',
      value: '50',
      normalized: null,
      note: null,
      citations: [],
      sourceIds: ['s1'],
    },
  ];
  const quoteOf = (claim: ClaimRecord): string =>
    claim.attribute === 'motto'
      ? `motto: ${claim.value}`
      : claim.attribute === 'founded'
        ? `Founded ${claim.value}`
        : claim.entity === 'umbrella'
          ? `${claim.value} staff`
          : `Acme has ${claim.value} staff`;
  for (const claim of claims) {
    claim.citations.push(cite(claim.sourceIds[0]!, quoteOf(claim), { kind: 'claim', id: claim.id }));
  }
  const sources = new Map<string, SourceRecord>(
    Object.entries(TEXTS).map(([id, text]) => [id, sourceRecord(id, text)]),
  );
  return {
    graph: buildEntityGraph(entities, relations),
    sources,
    claims: new Map(claims.map((claim) => [claim.id, claim])),
    vocabulary: {
      hedges: new Map(),
      entityTypes: new Map(['organization', 'place', 'person'].map((id) => [id, { id, label: id, description: '' }])),
      claimAttributes: new Map(
        [
          ['staff', true],
          ['founded', true],
          ['motto', false],
        ].map(([id, comparable]) => [
          String(id),
          { id: String(id), label: String(id), comparable: Boolean(comparable), description: '', time: [] },
        ]),
      ),
      relationTypes: new Map(
        [
          ['member_of', true],
          ['enemy_of', false],
          ['based_in', true],
          ['located_in', true],
        ].map(([id, directed]) => [
          String(id),
          { id: String(id), label: String(id), directed: Boolean(directed), description: '', time: [] },
        ]),
      ),
    },
  };
}

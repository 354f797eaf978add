/**
 * The client's filter rules and the API's agree. The explorer filters the graph it holds
 * (core/filters: computeVisibility) and asks the API the same filters for its server-side
 * questions (toRelationFilter: neighbourhoods, paths): if the two rules drifted apart, the
 * canvas would show relations a focus or a path then leaves out, or the reverse.
 *
 * Over the shipped graph, loaded the way the page loads it, every combination that matters
 * (each filter alone over all its values, each pair of filters over sample values, and a
 * seeded sample of everything together) is run through both, and the sets compared.
 */
import type { Client } from '@urql/core';

import { createApiClient } from '../../client/src/api/client';
import { loadGraphData } from '../../client/src/api/load-graph';
import { fetchEntitiesSupportedBy } from '../../client/src/api/source-support';
import {
  computeVisibility,
  DEFAULT_FILTERS,
  sourceSupportScope,
  toRelationFilter,
  type FilterId,
  type FilterState,
} from '../../client/src/core/filters';
import type { GraphData } from '../../client/src/core/graph-data';
import { startTestServer, type GraphQLResult, type TestServer } from '../api/test-server';

let api: TestServer;
let apiClient: Client;
let data: GraphData;
beforeAll(async () => {
  api = await startTestServer();
  apiClient = createApiClient(api.graphqlUrl);
  data = await loadGraphData(apiClient);
});
afterAll(() => api.close());

interface IdPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string } }[];
}

/** Every id a connection field answers for a filter, page after page. */
async function allIds(field: 'relations' | 'entities', filterType: string, filter: object): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const { data: answer, errors }: GraphQLResult<Record<string, IdPage>> = await api.query(
      `query($filter: ${filterType}, $after: String) {
        ${field}(filter: $filter, first: 500, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } }
      }`,
      { filter, after },
    );
    expect(errors).toBeUndefined();
    const page: IdPage = answer![field]!;
    ids.push(...page.edges.map((edge) => edge.node.id));
    if (!page.pageInfo.hasNextPage) return ids.sort();
    after = page.pageInfo.endCursor;
  }
}

const SHORT_LIST = 6;
/** Room for a few hundred in-process API questions on a shared machine. */
const SLOW_TEST_MS = 60_000;

/** A small deterministic generator, so a failure names a combination that fails again. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * The values worth trying for each filter on this graph: no restriction, nothing chosen, each
 * value alone, all but each value, and (for short lists) each pair.
 */
function valuesToTry(graph: GraphData): { [Id in FilterId]: FilterState[Id][] } {
  const sets = (all: readonly string[]) => [
    null,
    [],
    ...all.map((value) => [value]),
    ...all.map((value) => all.filter((other) => other !== value)),
    ...(all.length <= SHORT_LIST
      ? all.flatMap((value, index) => all.slice(index + 1).map((other) => [value, other]))
      : []),
  ];
  const usedRelationTypes = graph.relationTypes.filter((type) => type.count > 0).map((type) => type.id);
  return {
    entityTypes: sets(graph.entityTypes.map((type) => type.id)),
    relationTypes: sets(usedRelationTypes),
    sources: sets(graph.sources.map((source) => source.id)),
    minSources: Array.from({ length: graph.sources.length + 1 }, (_, index) => index + 1),
    // Time ranges: none, closed ranges of years, months and days, open ones, and each with the undated shown.
    during: [
      DEFAULT_FILTERS.during,
      ...[
        { from: '2015', to: '2016' },
        { from: '2021-08', to: '2021-08' },
        { from: '2020-05', to: '2020-12' },
        { from: '2021-08-26', to: '2021-08-26' },
        { from: null, to: '2015-06' },
        { from: '2019', to: null },
        { from: '2010', to: '2012' },
      ].flatMap((range) => [false, true].map((includeUndated) => ({ ...range, includeUndated }))),
    ],
    ownVoice: [false, true],
    unhedged: [false, true],
    hideIsolated: [false, true],
  };
}

function combinations(graph: GraphData): FilterState[] {
  const values = valuesToTry(graph);
  const ids = Object.keys(values) as FilterId[];
  const pick = <Id extends FilterId>(id: Id, random: () => number): FilterState[Id] => {
    const options = values[id];
    return options[Math.floor(random() * options.length)]!;
  };
  const cases: FilterState[] = [];
  // Each filter alone, over every value tried.
  for (const id of ids) for (const value of values[id]) cases.push({ ...DEFAULT_FILTERS, [id]: value });
  // Each pair of filters, over a sample of values of each.
  const random = seededRandom(8);
  for (const [index, first] of ids.entries()) {
    for (const second of ids.slice(index + 1)) {
      for (let sample = 0; sample < 12; sample++) {
        cases.push({ ...DEFAULT_FILTERS, [first]: pick(first, random), [second]: pick(second, random) });
      }
    }
  }
  // Every filter at once.
  for (let sample = 0; sample < 60; sample++) {
    cases.push(Object.fromEntries(ids.map((id) => [id, pick(id, random)])) as FilterState);
  }
  return cases;
}

describe('the client and the API filter the graph alike', () => {
  it(
    'keep the same relations for every combination of filters',
    async () => {
      const cases = combinations(data);
      expect(cases.length).toBeGreaterThan(150);
      let restricting = 0;
      for (const filters of cases) {
        const client = [...computeVisibility(data, filters).relations].sort();
        const server = await allIds('relations', 'RelationFilter', toRelationFilter(filters));
        if (client.length < data.relations.length) restricting += 1;
        // Compared with the filters alongside, so a failure names the combination.
        expect({ filters, relations: client }).toEqual({ filters, relations: server });
      }
      // The combinations do narrow the graph (a comparison of two full sets proves little).
      expect(restricting).toBeGreaterThan(cases.length / 2);
    },
    SLOW_TEST_MS,
  );

  it(
    'keep the same entities for every choice of entity types and sources',
    async () => {
      const values = valuesToTry(data);
      for (const entityTypes of values.entityTypes) {
        for (const sources of values.sources.slice(0, 2 + data.sources.length)) {
          const filters: FilterState = { ...DEFAULT_FILTERS, entityTypes, sources };
          // The source filter's rule for entities is the API's answer for the entities loaded (use-source-support.ts).
          const support =
            sources === null
              ? null
              : sourceSupportScope(data, await fetchEntitiesSupportedBy(apiClient, sources, data.entityById.keys()));
          const client = [...computeVisibility(data, filters, support).entities].sort();
          // The API's entity filter names the same two parts: types and sources.
          const server = await allIds('entities', 'EntityFilter', { types: entityTypes, sources });
          expect({ filters, entities: client }).toEqual({ filters, entities: server });
        }
      }
    },
    SLOW_TEST_MS,
  );
});

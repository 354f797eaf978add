/**
 * A server restarted from its snapshot gives the answers a server over a full load gives: its
 * relations make their citations and dates when first read (data/snapshot-relations.ts), and the
 * citation counts come from what the snapshot kept, so both are asked for here through the API.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ServedGraph } from '../../server/api/served-graph';
import { loadGraphDataWithSnapshot } from '../../server/data/snapshot';
import { type GraphQLResult, type TestServer, startTestServer } from './test-server';

interface RelationsPage {
  relations: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: unknown }[] };
}

const SHIPPED = join(import.meta.dirname, '..', '..', 'graph-data');

const CITATION = `source { id } quote start end attributedTo { name entity { id } } hedge { id }
  relation { id } claim { id }`;
const RELATIONS = `query Relations($after: String) {
  relations(first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id type label directed note sourceIds corroboration statedPlainly ownVoice unhedged
      subject { id } object { id }
      citations { ${CITATION} }
      time { at start end precision first last inferred relative note citations { ${CITATION} } }
      span { first last inherited }
    } }
  }
}`;
const SOURCES = `{
  stats { citationCount relationCount }
  sources(orderBy: CITATIONS, first: 100) { edges { node { id citationCount relationCount } } }
  mostCited: sources(orderBy: CITATIONS, first: 1) {
    edges { node { citations(first: 100) { totalCount edges { node { ${CITATION} } } } } }
  }
}`;

/** Every relation, page after page, as the API gives them. */
async function allRelations(server: TestServer): Promise<unknown[]> {
  const nodes: unknown[] = [];
  let after: string | null = null;
  for (;;) {
    const { data, errors }: GraphQLResult<RelationsPage> = await server.query(RELATIONS, { after });
    expect(errors).toBeUndefined();
    nodes.push(...data!.relations.edges.map((edge) => edge.node));
    if (!data!.relations.pageInfo.hasNextPage) return nodes;
    after = data!.relations.pageInfo.endCursor;
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'restart-answers-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test('a restarted server answers relations, their dates and citations, and the sources’ counts as a cold one', async () => {
  const cold = await loadGraphDataWithSnapshot(SHIPPED, dir);
  expect(await cold.saveSnapshot(new ServedGraph(cold.knowledgeGraph, cold.dataVersion).derived())).toBe('written');
  const restart = await loadGraphDataWithSnapshot(SHIPPED, dir);
  expect(restart.snapshot).toBe('read');

  const servers = await Promise.all([
    startTestServer({ knowledgeGraph: cold.knowledgeGraph, dataVersion: cold.dataVersion }),
    startTestServer({
      knowledgeGraph: restart.knowledgeGraph,
      dataVersion: restart.dataVersion,
      derived: restart.derived,
    }),
  ]);
  try {
    const [coldServer, restarted] = servers;
    // The sources first: before anything has made the restarted relations' citations.
    const sources = await Promise.all(servers.map((server) => server.query(SOURCES)));
    expect(sources[0]!.errors).toBeUndefined();
    expect(sources[1]).toEqual(sources[0]);
    expect(sources[0]!.data.stats.citationCount).toBeGreaterThan(0);

    const relations = await allRelations(coldServer!);
    expect(relations.length).toBe(cold.knowledgeGraph.graph.size);
    expect(JSON.stringify(relations)).toMatch(/"time":\[\{"at"/);
    expect(JSON.stringify(relations)).toMatch(/"attributedTo":\{"name"/);
    expect(await allRelations(restarted!)).toEqual(relations);
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
}, 60_000);

/**
 * An entity whose id every JavaScript object inherits as a property ("constructor" is a valid
 * entity id) answers every question like any other: the seed graph, with one entity renamed so.
 * graphology keeps neighbours in tables keyed by id (server/data/neighbour-tables.ts).
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { DEFAULT_GRAPH_DATA_DIR, loadGraphData } from '../../server/data/load-graph-data';
import { startTestServer, type TestServer } from './test-server';

const RENAMED = 'haqqani-network';
const INHERITED = 'constructor';

let dir: string;
let api: TestServer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'inherited-ids-'));
  await cp(DEFAULT_GRAPH_DATA_DIR, dir, { recursive: true });
  for (const file of await readdir(dir)) {
    if (!file.endsWith('.yaml')) continue;
    const text = await readFile(path.join(dir, file), 'utf8');
    await writeFile(path.join(dir, file), text.replaceAll(RENAMED, INHERITED));
  }
  api = await startTestServer({ knowledgeGraph: await loadGraphData(dir) });
});

afterAll(async () => {
  await api?.close();
  await rm(dir, { recursive: true, force: true });
});

const ids = (items: { id: string }[]) => items.map((item) => item.id).sort();

describe(`an entity with the id "${INHERITED}"`, () => {
  it('has its relations, and its neighbourhood holds its neighbours', async () => {
    const { data, errors } = await api.query<{
      entity: {
        relations: { totalCount: number; edges: { node: { subject: { id: string }; object: { id: string } } }[] };
      };
      neighborhood: { entities: { id: string }[] };
    }>(
      `{ entity(id: "${INHERITED}") { relations(first: 100) { totalCount edges { node { subject { id } object { id } } } } }
         neighborhood(id: "${INHERITED}", depth: 1, limit: 5000) { entities { id } } }`,
    );
    expect(errors).toBeUndefined();
    const neighbours = new Set(
      data!.entity.relations.edges
        .flatMap(({ node }) => [node.subject.id, node.object.id])
        .filter((id) => id !== INHERITED),
    );
    expect(data!.entity.relations.totalCount).toBeGreaterThan(0);
    expect(ids(data!.neighborhood.entities)).toEqual([...neighbours, INHERITED].sort());
  });

  it('is in its neighbours’ neighbourhoods and on paths', async () => {
    const { data, errors } = await api.query<{
      neighborhood: { entities: { id: string }[] };
      paths: { entities: { id: string }[] }[];
    }>(
      `{ neighborhood(id: "taliban", depth: 1, limit: 5000) { entities { id } }
         paths(from: "${INHERITED}", to: "isis-k", maxLength: 2) { entities { id } } }`,
    );
    expect(errors).toBeUndefined();
    expect(ids(data!.neighborhood.entities)).toContain(INHERITED);
    expect(data!.paths.length).toBeGreaterThan(0);
    for (const found of data!.paths) {
      expect(found.entities[0]!.id).toBe(INHERITED);
      expect(found.entities.at(-1)!.id).toBe('isis-k');
    }
  });

  it('is laid out in the overview', async () => {
    const { data, errors } = await api.query<{ overview: { positions: { id: string }[] } }>(
      '{ overview { positions { id } } }',
    );
    expect(errors).toBeUndefined();
    expect(ids(data!.overview.positions)).toContain(INHERITED);
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { startTestServer, type TestServer } from './test-server';

// The README promises queries a user can paste; each must run as written and answer data.
const readme = await readFile(path.join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

describe('the README example queries', () => {
  test('there are the four promised examples', () => {
    expect(examples).toHaveLength(4);
  });

  test.each(examples.map((query, index) => [index + 1, query] as const))(
    'example %i runs without errors and answers non-empty data',
    async (_number, query) => {
      const result = await api.query(query);
      expect(result.errors).toBeUndefined();
      const [field] = Object.values(result.data ?? {});
      expect(Array.isArray(field) ? field.length : field).toBeTruthy();
    },
  );

  test('the linked-entities example gives every edge of ISIS-K its sources', async () => {
    const result = await api.query<{
      neighborhood: { relations: { citations: { quote: string; source: { title: string } }[] }[] };
    }>(examples[0]!);
    const relations = result.data!.neighborhood.relations;
    expect(relations.length).toBeGreaterThanOrEqual(api.knowledgeGraph.graph.degree('isis-k'));
    for (const relation of relations) expect(relation.citations.length).toBeGreaterThan(0);
  });
});

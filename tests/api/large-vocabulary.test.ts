/**
 * A vocabulary with more types than a list argument usually takes (MAX_LIST_LENGTH): a client
 * filtering by type names every type it keeps, so a list of types may be as long as the
 * vocabulary (server/api/argument-bounds.ts maxListLength). The seed graph, with entity types
 * added until the vocabulary holds more than MAX_LIST_LENGTH of them (no entity has them).
 */
import { MAX_LIST_LENGTH } from '../../server/api/argument-bounds';
import { addedEntityType, seedWithAddedEntityTypes } from '../support/added-entity-types';
import { startTestServer, type TestServer } from './test-server';

const ADDED = MAX_LIST_LENGTH + 20;

let api: TestServer;
let entityTypes: string[];

beforeAll(async () => {
  api = await startTestServer({ knowledgeGraph: await seedWithAddedEntityTypes(ADDED) });
  const { data } = await api.query<{ vocabulary: { entityTypes: { id: string }[] } }>(
    '{ vocabulary { entityTypes { id } } }',
  );
  entityTypes = data!.vocabulary.entityTypes.map((type) => type.id);
});

afterAll(async () => {
  await api?.close();
});

describe('a vocabulary of more types than a list argument takes', () => {
  it('holds them all', () => {
    expect(entityTypes.length).toBeGreaterThan(MAX_LIST_LENGTH);
    expect(entityTypes).toContain(addedEntityType(ADDED - 1));
  });

  it('filters entities and relations by every type but one', async () => {
    const kept = entityTypes.filter((type) => type !== 'person');
    const { status, data, errors } = await api.query<{
      stats: { entityCount: number };
      all: { totalCount: number };
      kept: { totalCount: number; edges: { node: { type: string } }[] };
      persons: { totalCount: number };
      relations: { edges: { node: { subject: { type: string }; object: { type: string } } }[] };
    }>(
      `query($all: [String!], $kept: [String!]) {
         stats { entityCount }
         all: entities(first: 1, filter: { types: $all }) { totalCount }
         kept: entities(first: 500, filter: { types: $kept }) { totalCount edges { node { type } } }
         persons: entities(first: 1, filter: { types: ["person"] }) { totalCount }
         relations(first: 500, filter: { entityTypes: $kept }) { edges { node { subject { type } object { type } } } }
       }`,
      { all: entityTypes, kept },
    );
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    expect(data!.all.totalCount).toBe(data!.stats.entityCount);
    expect(data!.persons.totalCount).toBeGreaterThan(0);
    expect(data!.kept.totalCount).toBe(data!.stats.entityCount - data!.persons.totalCount);
    expect(data!.kept.edges.every(({ node }) => node.type !== 'person')).toBe(true);
    expect(data!.relations.edges.length).toBeGreaterThan(0);
    expect(
      data!.relations.edges.every(({ node }) => node.subject.type !== 'person' && node.object.type !== 'person'),
    ).toBe(true);
  });

  it('takes a neighbourhood, paths and an entity’s relations with such lists', async () => {
    const kept = entityTypes.filter((type) => type !== 'place');
    const { data, errors } = await api.query<{
      neighborhood: { entities: { type: string }[] };
      paths: unknown[];
      entity: { relations: { totalCount: number } };
    }>(
      `query($kept: [String!]) {
         neighborhood(id: "isis-k", depth: 1, filter: { entityTypes: $kept }) { entities { type } }
         paths(from: "isis-k", to: "taliban", filter: { entityTypes: $kept }) { length }
         entity(id: "isis-k") { relations(first: 5, neighborTypes: $kept) { totalCount } }
       }`,
      { kept },
    );
    expect(errors).toBeUndefined();
    expect(data!.neighborhood.entities.length).toBeGreaterThan(1);
    expect(data!.neighborhood.entities.every((entity) => entity.type !== 'place')).toBe(true);
    expect(data!.paths.length).toBeGreaterThan(0);
    expect(data!.entity.relations.totalCount).toBeGreaterThan(0);
  });

  it('refuses a list of types longer than the vocabulary, naming its maximum', async () => {
    const { status, errors } = await api.query(
      `query($types: [String!]) { entities(first: 1, filter: { types: $types }) { totalCount } }`,
      { types: [...entityTypes, 'person'] },
    );
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'filter.types',
      maxItems: entityTypes.length,
    });
  });

  it(`still refuses other lists of more than ${MAX_LIST_LENGTH} values`, async () => {
    const sources = Array.from({ length: MAX_LIST_LENGTH + 1 }, (_, index) => `s${index}`);
    const { status, errors } = await api.query(
      `query($sources: [ID!]) { relations(first: 1, filter: { sources: $sources }) { totalCount } }`,
      { sources },
    );
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'filter.sources',
      maxItems: MAX_LIST_LENGTH,
    });
  });
});

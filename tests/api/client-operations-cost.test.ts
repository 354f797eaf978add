/**
 * The explorer's own queries must pass the API's cost limit as the browser sends them: urql
 * adds `__typename` to every selection set, which adds to the cost of every item of a page.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { Kind, type OperationDefinitionNode, buildSchema, parse, visit } from 'graphql';

import { CITABLE_RELATIONS } from '../../client/src/api/curation';
import { PATHS_PAGE_SIZE } from '../../client/src/api/use-paths';
import { PAGE_SIZE } from '../../client/src/api/load-graph';
import { LIST_ARGUMENT_MAX } from '../../client/src/core/list-bound';
import { ENTITY_RELATIONS_PAGE_SIZE } from '../../client/src/api/use-entity-relations';
import { NEIGHBORHOOD_LIMIT } from '../../client/src/api/use-neighborhood';
import { LIST_PAGE } from '../../client/src/api/queries';
import { BOUNDED_VIEW_THRESHOLD } from '../../client/src/core/bounded-view';
import { EXPAND_PAGE_SIZE } from '../../client/src/core/bounded-view/expansion';
import { MAX_LIST_LENGTH } from '../../server/api/argument-bounds';
import { ARGUMENT_LIMITS, MAX_COST, operationCost } from '../../server/api/limits';
import { SCHEMA_FILE } from '../../server/api/server';

const OPERATIONS = join(import.meta.dirname, '..', '..', 'client', 'src', 'api', 'operations');

test('the client batches ids by the API’s bound on a list argument', () => {
  expect(LIST_ARGUMENT_MAX).toBe(MAX_LIST_LENGTH);
});

test('the focus asks a neighbourhood no larger than the API allows', () => {
  expect(NEIGHBORHOOD_LIMIT).toBeLessThanOrEqual(ARGUMENT_LIMITS.neighborhoodRelations.max);
});

test("every client operation, with urql's __typename fields and the largest pages, costs less than the limit", async () => {
  const schema = buildSchema(await readFile(SCHEMA_FILE, 'utf8'));
  const files = (await readdir(OPERATIONS)).filter((file) => file.endsWith('.graphql'));
  const text = (await Promise.all(files.map((file) => readFile(join(OPERATIONS, file), 'utf8')))).join('\n');
  const document = visit(parse(text), {
    SelectionSet: (node) => ({
      ...node,
      selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }],
    }),
  });
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  expect(operations.length).toBeGreaterThan(5);
  // The largest `first` each question allows, or the one the client sends. EntityStatements grows its `first` by 20 per
  // "show more"; priced here at 100: at 500, with __typename, it costs more than the limit.
  const largestFirst: Record<string, number> = {
    Paths: PATHS_PAGE_SIZE,
    SearchEntities: ARGUMENT_LIMITS.searchResults.max,
    EntityStatements: 100,
    // The explorer's graph load asks PAGE_SIZE relations a page (each with its source ids and time span).
    RelationsPage: PAGE_SIZE,
    ExpandEntity: EXPAND_PAGE_SIZE,
    // Export citations and the source filter's support: as many ids as a list argument holds.
    RelationCitations: LIST_ARGUMENT_MAX,
    EntitiesSupportedBy: LIST_ARGUMENT_MAX,
    CitableRecords: CITABLE_RELATIONS,
    EntityRelationsPage: ENTITY_RELATIONS_PAGE_SIZE,
    // The panels' and pages' lists ask LIST_PAGE items a page ("Show more" asks the next page).
    ...Object.fromEntries(
      [
        'EntityClaims',
        'EntityTimeline',
        'SourcesOverview',
        'SourceEntities',
        'SourceRelations',
        'SourceClaims',
        'Disagreements',
        'CompareOnlyA',
        'CompareOnlyB',
        'CompareBoth',
      ].map((name) => [name, LIST_PAGE]),
    ),
  };
  for (const operation of operations) {
    const cost = operationCost(schema, document, operation.name!.value, {
      first: largestFirst[operation.name!.value] ?? ARGUMENT_LIMITS.pageSize.max,
      depth: 3,
      maxLength: 5,
      from: 'x',
      to: 'x',
      id: 'x',
      ids: ['x'],
      sources: ['x'],
      text: 'x',
      a: 'x',
      b: 'x',
      // The whole graph's positions: the overview at the whole-graph threshold.
      maxEntities: BOUNDED_VIEW_THRESHOLD.entities,
      maxRelations: BOUNDED_VIEW_THRESHOLD.relations,
      // The curator's mutations (curation.graphql).
      baseVersion: 'x',
      target: 'RELATION',
      change: 1,
      reason: 'x',
      relation: { subject: 'x', type: 'x', object: 'x', citations: [] },
      claim: { entity: 'x', attribute: 'x', value: 'x', citations: [] },
      citation: { source: 'x', start: 0, end: 1 },
      bucket: 'MONTH',
      limit: NEIGHBORHOOD_LIMIT,
    });
    expect({ operation: operation.name!.value, underLimit: cost <= MAX_COST }).toEqual({
      operation: operation.name!.value,
      underLimit: true,
    });
  }
});

/**
 * Compiled execution (server/api/compiled-execution.ts) answers exactly as Apollo's own
 * executor does: every query the explorer sends, and a few that exercise what a compiled
 * query must get right (aliases, fragments, defaults read from the schema, errors).
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { ApolloServer } from '@apollo/server';
import {
  type DefinitionNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  visit,
} from 'graphql';

import { compiledExecutionPlugin } from '../../server/api/compiled-execution';
import type { ApiContext } from '../../server/api/context';
import { resolvers } from '../../server/api/resolvers';
import { SCHEMA_FILE } from '../../server/api/server';
import { loadGraphData } from '../../server/data/load-graph-data';
import { buildDeferredIndexes, buildGraphIndex } from '../../server/graph/indexes';

import { startTestServer } from './test-server';

const OPERATIONS = join(import.meta.dirname, '..', '..', 'client', 'src', 'api', 'operations');

type Resolvers = Record<string, Record<string, unknown>>;

/** The resolvers with every Query field counting its calls: which path answered is visible. */
function counted(all: Resolvers, calls: { count: number }): Resolvers {
  const query = Object.fromEntries(
    Object.entries(all.Query!).map(([field, resolve]) => [
      field,
      (...args: unknown[]) => {
        calls.count++;
        return (resolve as (...args: unknown[]) => unknown)(...args);
      },
    ]),
  );
  return { ...all, Query: query };
}

let typeDefs: string;
let context: ApiContext;
let plain: ApolloServer<ApiContext>;
let compiled: ApolloServer<ApiContext>;
/** Calls of Query resolvers by Apollo's own executor on the server with the plugin. */
const executorCalls = { count: 0 };
let variablesByName: Record<string, unknown>;
/** Values an operation needs of its own: `ids` are relation ids for one question and entity ids for another. */
let variablesOf: Record<string, Record<string, unknown>>;

beforeAll(async () => {
  typeDefs = await readFile(SCHEMA_FILE, 'utf8');
  const knowledgeGraph = await loadGraphData();
  const index = buildGraphIndex(knowledgeGraph);
  await buildDeferredIndexes(index);
  context = { index, curation: null };
  plain = new ApolloServer<ApiContext>({ typeDefs, resolvers });
  compiled = new ApolloServer<ApiContext>({
    typeDefs,
    resolvers: counted(resolvers as unknown as Resolvers, executorCalls),
    plugins: [compiledExecutionPlugin(typeDefs, resolvers)],
  });
  await Promise.all([plain.start(), compiled.start()]);

  const hub = [...index.entityIds].sort((a, b) => knowledgeGraph.graph.degree(b) - knowledgeGraph.graph.degree(a));
  const sources = index.sourceIds;
  variablesByName = {
    first: 5,
    id: hub[0],
    from: hub[0],
    to: hub[1],
    a: sources[0],
    b: sources[1],
    text: knowledgeGraph.graph.getNodeAttribute(hub[1]!, 'name'),
    depth: 1,
    bucket: 'YEAR',
    maxEntities: 2000,
    maxRelations: 5000,
    limit: 50,
    sources: sources.slice(0, 2),
  };
  variablesOf = {
    RelationCitations: { ids: index.relationIds.slice(0, 5) },
    EntitiesSupportedBy: { ids: hub.slice(0, 20) },
    ShownRelations: { ids: index.relationIds.slice(0, 5) },
  };
}, 30_000);

afterAll(async () => {
  await Promise.all([plain?.stop(), compiled?.stop()]);
});

/** The operation with the fragments it spreads, directly or through other fragments. */
function withItsFragments(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): string {
  const needed: DefinitionNode[] = [operation];
  const seen = new Set<string>();
  for (let i = 0; i < needed.length; i++) {
    visit(needed[i]!, {
      FragmentSpread: (spread) => {
        if (seen.has(spread.name.value)) return;
        seen.add(spread.name.value);
        needed.push(fragments.get(spread.name.value)!);
      },
    });
  }
  return needed.map((definition) => print(definition)).join('\n');
}

/**
 * The query's answer from Apollo's own executor, and from the server with the plugin asked
 * twice: a document is compiled when it comes the second time.
 */
async function both(query: string, variables: Record<string, unknown> = {}) {
  const ask = async (server: ApolloServer<ApiContext>) => {
    const before = executorCalls.count;
    const response = await server.executeOperation({ query, variables }, { contextValue: { ...context } });
    if (response.body.kind !== 'single') throw new Error('expected a single answer');
    return { result: response.body.singleResult, byExecutor: executorCalls.count > before };
  };
  const expected = (await ask(plain)).result;
  const first = await ask(compiled);
  const second = await ask(compiled);
  expect(first.result).toEqual(expected);
  return { expected, actual: second.result, firstByExecutor: first.byExecutor, answeredCompiled: !second.byExecutor };
}

test('every query the explorer sends gets the same answer, from the compiled query', async () => {
  const files = (await readdir(OPERATIONS)).filter((file) => file.endsWith('.graphql'));
  const text = (await Promise.all(files.map((file) => readFile(join(OPERATIONS, file), 'utf8')))).join('\n');
  const document = parse(text);
  const fragments = new Map(
    document.definitions
      .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const queries = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'query',
  );
  expect(queries.length).toBeGreaterThan(20);
  for (const operation of queries) {
    const variables: Record<string, unknown> = {};
    for (const definition of operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      if (definition.type.kind !== Kind.NON_NULL_TYPE) continue;
      const own = variablesOf[operation.name?.value ?? ''] ?? {};
      if (!(name in own) && !(name in variablesByName)) {
        throw new Error(`${operation.name?.value}: give $${name} a value in this test`);
      }
      variables[name] = name in own ? own[name] : variablesByName[name];
    }
    const query = withItsFragments(operation, fragments);
    const { expected, actual, firstByExecutor, answeredCompiled } = await both(query, variables);
    expect({ operation: operation.name?.value, errors: expected.errors }).toEqual({
      operation: operation.name?.value,
      errors: undefined,
    });
    expect(actual).toEqual(expected);
    expect({ operation: operation.name?.value, firstByExecutor, answeredCompiled }).toEqual({
      operation: operation.name?.value,
      firstByExecutor: true,
      answeredCompiled: true,
    });
  }
}, 30_000);

test('aliases, fragments, __typename and schema defaults come out the same', async () => {
  const { expected, actual, answeredCompiled } = await both(
    `query Q($id: ID!) {
      hub: entity(id: $id) { __typename ...Named relations { totalCount edges { node { id } } } }
      entities { totalCount pageInfo { hasNextPage } }
    }
    fragment Named on Entity { id name type degree }`,
    { id: variablesByName.id },
  );
  expect(expected.errors).toBeUndefined();
  expect((expected.data as { hub: { relations: { edges: unknown[] } } }).hub.relations.edges.length).toBeGreaterThan(0);
  expect(actual).toEqual(expected);
  expect(answeredCompiled).toBe(true);
});

test("a query with an error is answered by Apollo's executor, with its error formatted as before", async () => {
  const { expected, actual } = await both(`{ entities(first: -1) { totalCount } }`);
  expect(expected.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(actual).toEqual(expected);
});

test('a compiled query keeps the time limit: past it, the answer is the same REQUEST_TIMEOUT', async () => {
  const slow = await startTestServer({ timeLimitMs: 0 });
  try {
    // The second request is the one answered by the compiled query.
    for (let attempt = 1; attempt <= 2; attempt++) {
      const { status, errors } = await slow.query(`{ relations(first: 5) { edges { node { id } } } }`);
      expect({ attempt, status, code: errors?.[0]?.extensions?.code }).toEqual({
        attempt,
        status: 503,
        code: 'REQUEST_TIMEOUT',
      });
    }
  } finally {
    await slow.close();
  }
});

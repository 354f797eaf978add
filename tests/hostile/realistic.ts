/**
 * Realistic traffic: the explorer's own operations (client/src/**\/*.graphql) with variables
 * drawn from the served graph, in a seeded mix. The soak run's load, and the fuzz run's
 * warm-up.
 */
import { Kind, isEnumType, parse, typeFromAST } from 'graphql';

import { buildSchemaFromFile } from '../api/schema';

import { explorerOperations } from '../support/explorer-operations';
import type { HostileRequest } from './requests';
import { seededRandom } from './requests';

interface GraphIds {
  entities: { id: string; name: string }[];
  relations: string[];
  sources: string[];
}

async function post(baseUrl: string, query: string) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data: never; errors?: unknown };
  if (body.errors) throw new Error(`Cannot read the graph's ids: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function graphIds(baseUrl: string): Promise<GraphIds> {
  const data: {
    entities: { edges: { node: { id: string; name: string } }[] };
    relations: { edges: { node: { id: string } }[] };
    sources: { edges: { node: { id: string } }[] };
  } = await post(
    baseUrl,
    '{ entities(first: 500) { edges { node { id name } } } relations(first: 500) { edges { node { id } } } sources(first: 500) { edges { node { id } } } }',
  );
  return {
    entities: data.entities.edges.map((edge) => edge.node),
    relations: data.relations.edges.map((edge) => edge.node.id),
    sources: data.sources.edges.map((edge) => edge.node.id),
  };
}

/** An endless seeded mix of the explorer's requests against the graph served at `baseUrl`. */
export async function realisticRequests(baseUrl: string, seed: number): Promise<() => HostileRequest> {
  const ids = await graphIds(baseUrl);
  // A reader's queries; the curator's mutations are refused on a read-only server.
  const schema = await buildSchemaFromFile();
  const reads = (await explorerOperations()).filter(({ operation }) => operation === 'query');
  const operations = reads.map((operation) => {
    const definition = parse(operation.document).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    const variables = definition?.kind === Kind.OPERATION_DEFINITION ? (definition.variableDefinitions ?? []) : [];
    return {
      ...operation,
      variables: variables.map((v) => {
        // An enum variable takes one of its values, whatever its name (a timeline's bucket …).
        const type = typeFromAST(schema, v.type);
        const named = type && 'ofType' in type ? type.ofType : type;
        return {
          name: v.variable.name.value,
          enumValues: isEnumType(named) ? named.getValues().map((e) => e.value) : [],
        };
      }),
    };
  });
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const valueOf = (operation: string, variable: string): unknown => {
    switch (variable) {
      case 'id':
        if (/Relation/.test(operation)) return pick(ids.relations);
        if (/Source/.test(operation)) return pick(ids.sources);
        return pick(ids.entities).id;
      case 'from':
      case 'to':
        return pick(ids.entities).id;
      case 'a':
      case 'b':
        return pick(ids.sources);
      case 'text':
        return pick(ids.entities).name.slice(0, 2 + Math.floor(random() * 8));
      case 'first':
        return /Page/.test(operation) ? pick([50, 200, 500]) : 10;
      case 'depth':
        return pick([1, 1, 2]);
      case 'maxLength':
        return pick([2, 3]);
      case 'minSources':
        return pick([null, 1, 2]);
      default:
        return undefined;
    }
  };

  return () => {
    const operation = pick(operations);
    const variables = Object.fromEntries(
      operation.variables.map(({ name, enumValues }) => [
        name,
        enumValues.length > 0 ? pick(enumValues) : valueOf(operation.name, name),
      ]),
    );
    // The explorer never asks what lies between an entity and itself (the API refuses it).
    while ('to' in variables && variables.to === variables.from && ids.entities.length > 1) {
      variables.to = pick(ids.entities).id;
    }
    return {
      kind: `realistic: ${operation.name}`,
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: operation.document, operationName: operation.name, variables }),
    };
  };
}

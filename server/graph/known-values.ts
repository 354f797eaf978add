/**
 * Filters that name things the graph does not have. An unknown type, entity or source in a
 * filter is almost always a typo, and answering it with an empty page would look like "the
 * sources say nothing": so it is an error that names the value and what would be right.
 */
import type { GraphIndex } from './indexes';
import { InvalidArgumentError } from './invalid-argument';

interface FilterValues {
  ids?: readonly string[] | null;
  types?: readonly string[] | null;
  entityTypes?: readonly string[] | null;
  entity?: string | null;
  sources?: readonly string[] | null;
}

export function assertKnownRelationFilter(index: GraphIndex, filter: FilterValues | null | undefined): void {
  if (!filter) return;
  assertKnownIds('relation', filter.ids, (id) => index.graph.hasEdge(id));
  const { relationTypes } = index.knowledgeGraph.vocabulary;
  assertKnown('filter.types', 'relation type', filter.types, (id) => relationTypes.has(id), [...relationTypes.keys()]);
  const { entityTypes } = index.knowledgeGraph.vocabulary;
  assertKnown('filter.entityTypes', 'entity type', filter.entityTypes, (id) => entityTypes.has(id), [
    ...entityTypes.keys(),
  ]);
  if (filter.entity != null && !index.graph.hasNode(filter.entity)) {
    throw new InvalidArgumentError(
      'filter.entity',
      `No entity has the id "${filter.entity}": pass the id of an existing entity as \`filter.entity\`.`,
    );
  }
  assertKnownSources(index, filter.sources);
}

export function assertKnownEntityFilter(index: GraphIndex, filter: FilterValues | null | undefined): void {
  if (!filter) return;
  assertKnownIds('entity', filter.ids, (id) => index.graph.hasNode(id));
  const { entityTypes } = index.knowledgeGraph.vocabulary;
  assertKnown('filter.types', 'entity type', filter.types, (id) => entityTypes.has(id), [...entityTypes.keys()]);
  assertKnownSources(index, filter.sources);
}

function assertKnownIds(what: string, ids: readonly string[] | null | undefined, isKnown: (id: string) => boolean) {
  const unknown = (ids ?? []).filter((id) => !isKnown(id));
  if (unknown.length === 0) return;
  // No list of the known ones, as for types: there can be a million.
  throw new InvalidArgumentError(
    'filter.ids',
    `No ${what} has the id${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => `"${id}"`).join(', ')} ` +
      `in \`filter.ids\`: pass ids of existing ${what === 'entity' ? 'entities' : 'relations'} (the data may have changed since they were read).`,
  );
}

function assertKnownSources(index: GraphIndex, sources: readonly string[] | null | undefined): void {
  const known = index.knowledgeGraph.sources;
  assertKnown('filter.sources', 'source', sources, (id) => known.has(id), [...known.keys()].sort());
}

function assertKnown(
  argument: string,
  what: string,
  values: readonly string[] | null | undefined,
  isKnown: (value: string) => boolean,
  knownValues: string[],
): void {
  const unknown = (values ?? []).filter((value) => !isKnown(value));
  if (unknown.length === 0) return;
  throw new InvalidArgumentError(
    argument,
    `Unknown ${what}${unknown.length > 1 ? 's' : ''} in \`${argument}\`: ${unknown.map((v) => `"${v}"`).join(', ')}. ` +
      `Known: ${knownValues.join(', ')}.`,
  );
}

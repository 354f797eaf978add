/**
 * Everything that ties two entities
 * =================================
 *
 * The answer to "how are A and B connected?" in one place: every relation whose ends are A
 * and B (either way round, directed or not), grouped by relation type, and the paths between
 * them through other entities (paths.ts, from two hops up).
 *
 * The direct relations are a lookup in graphology's adjacency (`edges(a, b)` holds a→b, b→a
 * and undirected edges alike), so the cost follows the pair, not the graph.
 */
import type { EntityRecord, RelationRecord } from '../data/model';
import type { GraphIndex } from './indexes';
import { InvalidArgumentError } from './invalid-argument';
import { type PathPageRecord, type PathPageOptions, pathPage } from './paths';
import { type RelationFilter, byCorroboration, relationMatcher } from './relations';
import { relationTypeLabel } from './vocabulary';

/** The relations of one type between the two entities. */
export interface RelationGroupRecord {
  type: string;
  label: string;
  directed: boolean;
  /** Best supported first (see byCorroboration). */
  relations: RelationRecord[];
}

export interface BetweenRecord {
  a: EntityRecord;
  b: EntityRecord;
  filter: RelationFilter | null;
  /** Every relation between A and B that passes the filter, best supported first. */
  relations: RelationRecord[];
  /** The same relations by type, ordered by each group's best relation (byCorroboration). */
  groups: RelationGroupRecord[];
}

/** The relations between `aId` and `bId` (passing the filter), flat and by type. */
export function between(
  index: GraphIndex,
  aId: string,
  bId: string,
  filter: RelationFilter | null | undefined = null,
): BetweenRecord {
  const { graph } = index;
  for (const [argument, id] of [
    ['a', aId],
    ['b', bId],
  ] as const) {
    if (!graph.hasNode(id)) {
      throw new InvalidArgumentError(
        argument,
        `No entity has the id "${id}": pass the id of an existing entity as \`${argument}\`.`,
      );
    }
  }
  if (aId === bId) {
    throw new InvalidArgumentError('b', `\`a\` and \`b\` are both "${aId}": pass two different entities.`);
  }

  const matches = relationMatcher(index, filter);
  const relations = graph
    .edges(aId, bId)
    .map((id) => graph.getEdgeAttributes(id))
    .filter((relation) => !matches || matches(relation))
    .sort(byCorroboration);

  const byType = new Map<string, RelationGroupRecord>();
  for (const relation of relations) {
    let group = byType.get(relation.type);
    if (!group) {
      group = {
        type: relation.type,
        label: relationTypeLabel(index, relation.type),
        directed: relation.directed,
        relations: [],
      };
      byType.set(relation.type, group);
    }
    group.relations.push(relation); // already best supported first
  }
  // Relations come best first, so groups are made in the order of their best relation.
  const groups = [...byType.values()];

  return {
    a: graph.getNodeAttributes(aId),
    b: graph.getNodeAttributes(bId),
    filter: filter ?? null,
    relations,
    groups,
  };
}

/** The paths from A to B through at least one other entity (two hops or more), with their total. */
export function pathsThroughOthers(
  index: GraphIndex,
  record: BetweenRecord,
  options: Omit<PathPageOptions, 'minLength' | 'filter'>,
): PathPageRecord {
  return pathPage(index, record.a.id, record.b.id, { ...options, minLength: 2, filter: record.filter });
}

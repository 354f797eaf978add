/**
 * What lies within a few hops of an entity
 * ========================================
 *
 * A breadth-first walk from the entity, direction ignored, over the relations that pass the
 * filter, up to `depth` hops. The result is flat: the entities reached and every relation
 * (passing the filter) between two of them, each once.
 *
 * Hand-written rather than graphology-traversal's `bfsFromNode`: its modes follow outbound,
 * inbound or undirected neighbours, never every edge of a mixed graph, and it can neither
 * skip edges by a filter nor stop at a budget.
 *
 * Cost: every entity reached joins through a kept relation, so at most `limit + 1` entities
 * are expanded and the work is bounded by the sum of their degrees, whatever the graph size.
 */
import type { RelationRecord } from '../data/model';
import type { SubgraphRecord } from './results';
import { type GraphIndex } from './indexes';
import { InvalidArgumentError } from './invalid-argument';
import { type RelationFilter, relationMatcher } from './relations';

export interface NeighborhoodOptions {
  /** Hops from the entity, 0 or more. */
  depth: number;
  filter?: RelationFilter | null;
  /** At most this many relations; `truncated` says when more were there. */
  limit: number;
}

/** The entities within `depth` hops of `entityId` and the relations between them. */
export function neighborhood(index: GraphIndex, entityId: string, options: NeighborhoodOptions): SubgraphRecord {
  const { graph } = index;
  if (!graph.hasNode(entityId)) {
    throw new InvalidArgumentError('id', `No entity has the id "${entityId}": pass the id of an existing entity.`);
  }
  const matches = relationMatcher(index, options.filter);

  const depthOf = new Map<string, number>([[entityId, 0]]);
  const queue = [entityId];
  const relations: RelationRecord[] = [];
  const seenRelations = new Set<string>();
  let truncated = false;

  for (let head = 0; head < queue.length && !truncated; head++) {
    const node = queue[head]!;
    const nodeDepth = depthOf.get(node)!;
    // someEdge walks every edge of the node (out, in and undirected) and stops on `true`.
    graph.someEdge(node, (relationId, relation, source, target) => {
      if (seenRelations.has(relationId) || (matches && !matches(relation))) return false;
      const other = source === node ? target : source;
      const reached = depthOf.has(other);
      if (!reached && nodeDepth >= options.depth) return false;
      if (relations.length >= options.limit) {
        truncated = true;
        return true;
      }
      seenRelations.add(relationId);
      relations.push(relation);
      if (!reached) {
        depthOf.set(other, nodeDepth + 1);
        queue.push(other);
      }
      return false;
    });
  }

  return { entities: queue.map((id) => graph.getNodeAttributes(id)), relations, truncated };
}

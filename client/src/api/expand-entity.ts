/** A page of an entity's neighbours for the bounded view (core/bounded-view/expansion), best supported first. */
import type { Client } from 'urql';

import { EXPAND_PAGE_SIZE, type NeighbourPage } from '../core/bounded-view/expansion';
import { toEntityNode, toRelationEdge } from '../core/graph-data';
import { ExpandEntityDocument } from './generated/graphql';
import { ApiError, ask } from './load-graph';

export async function fetchNeighbourPage(
  client: Client,
  entityId: string,
  after: string | null,
): Promise<NeighbourPage> {
  const what = `the neighbours of "${entityId}"`;
  const { entity } = await ask(client, what, ExpandEntityDocument, { id: entityId, first: EXPAND_PAGE_SIZE, after });
  if (!entity) throw new ApiError(`The API knows no entity "${entityId}", so it cannot be expanded.`);
  const { relations } = entity;
  return {
    // The entity itself first: one named by search or a link may not be in the view yet.
    entities: [toEntityNode(entity), ...relations.edges.map((edge) => toEntityNode(edge.neighbor))],
    relations: relations.edges.map((edge) => toRelationEdge(edge.node)),
    total: relations.totalCount,
    countsByType: relations.countsByType.map(({ type, count }) => ({ type, count })),
    countsByEntityType: relations.countsByEntityType.map(({ type, count }) => ({ type, count })),
    next: relations.pageInfo.hasNextPage ? (relations.pageInfo.endCursor ?? null) : null,
  };
}

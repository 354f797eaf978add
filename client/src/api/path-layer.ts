/** The shown paths' relations and their ends, for a bounded view (core/bounded-view/path-layer). */
import type { Client } from 'urql';

import type { ViewLayer } from '../core/bounded-view/expansion';
import { toEntityNode, toRelationEdge, type EntityNode } from '../core/graph-data';
import { PathLayerDocument } from './generated/graphql';
import { ask } from './load-graph';

/** The relations and their ends; where they are placed (the layer's `entityId`) is the view's to say. */
export async function fetchPathLayer(
  client: Client,
  relationIds: readonly string[],
): Promise<Omit<ViewLayer, 'entityId'>> {
  const { relations } = await ask(client, 'the entities on the paths', PathLayerDocument, { ids: [...relationIds] });
  const entities = new Map<string, EntityNode>();
  for (const { node } of relations.edges) {
    for (const end of [node.subject, node.object]) if (!entities.has(end.id)) entities.set(end.id, toEntityNode(end));
  }
  return {
    entities: [...entities.values()],
    relations: relations.edges.map(({ node }) => toRelationEdge(node)),
  };
}

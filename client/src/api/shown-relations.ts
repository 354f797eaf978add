/** Relations shown by name and their ends, for a bounded view that lacks them (core/bounded-view/shown-relations). */
import type { Client } from 'urql';

import type { ViewLayer } from '../core/bounded-view/expansion';
import { toEntityNode, toRelationEdge, type EntityNode } from '../core/graph-data';
import { ShownRelationsDocument } from './generated/graphql';
import { ask } from './load-graph';

/** The relations and their ends; where they are placed (the layer's `entityId`) is the view's to say. */
export async function fetchShownRelations(
  client: Client,
  relationIds: readonly string[],
): Promise<Omit<ViewLayer, 'entityId'>> {
  const { relations } = await ask(client, 'the relations shown', ShownRelationsDocument, { ids: [...relationIds] });
  const entities = new Map<string, EntityNode>();
  for (const { node } of relations.edges) {
    for (const end of [node.subject, node.object]) if (!entities.has(end.id)) entities.set(end.id, toEntityNode(end));
  }
  return {
    entities: [...entities.values()],
    relations: relations.edges.map(({ node }) => toRelationEdge(node)),
  };
}

/** The focus entity's neighbourhood for a bounded view (core/bounded-view/focus-layer), from Query.neighborhood. */
import type { Client } from 'urql';

import type { FocusLayer } from '../core/bounded-view/focus-layer';
import type { FocusState } from '../core/focus';
import { toEntityNode, toRelationEdge } from '../core/graph-data';
import { FocusLayerDocument } from './generated/graphql';
import { ask } from './load-graph';

export async function fetchFocusLayer(client: Client, focus: FocusState): Promise<FocusLayer> {
  const { entityId, depth } = focus;
  const { neighborhood } = await ask(client, `the neighbourhood of "${entityId}"`, FocusLayerDocument, {
    id: entityId,
    depth,
  });
  return {
    entityId,
    depth,
    // The API walks from the focus entity: it comes first, and the rest are placed around it.
    entities: neighborhood.entities.map(toEntityNode),
    relations: neighborhood.relations.map(toRelationEdge),
    truncated: neighborhood.truncated,
  };
}

/**
 * Which of the entities shown the chosen sources support: the source filter's rule for
 * entities, asked of the API because an entity's sources are not in the loaded graph (a hub's
 * can number in the thousands). The entities go in batches; the sources go whole, as the filter
 * holds no more than one list argument takes (core/filters, isChoiceFull).
 */
import type { Client } from 'urql';

import { askEach, inBatches } from './batches';
import { EntitiesSupportedByDocument } from './generated/graphql';
import { ask } from './load-graph';

export async function fetchEntitiesSupportedBy(
  client: Client,
  sources: readonly string[],
  entityIds: Iterable<string>,
): Promise<Set<string>> {
  const supported = new Set<string>();
  const chosen = [...new Set(sources)];
  await askEach(inBatches([...new Set(entityIds)]), async (ids) => {
    const what = `which of ${ids.length} entities ${chosen.length} sources support`;
    const variables = { ids, sources: chosen, first: ids.length };
    const { entities } = await ask(client, what, EntitiesSupportedByDocument, variables);
    for (const { node } of entities.edges) supported.add(node.id);
  });
  return supported;
}

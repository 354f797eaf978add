/**
 * Which of the entities shown the chosen sources support: the source filter's rule for
 * entities, asked of the API because an entity's sources are not in the loaded graph (a hub's
 * can number in the thousands). An entity is supported when any batch of the sources supports it.
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
  const sourceBatches = inBatches([...new Set(sources)]);
  const questions = inBatches([...new Set(entityIds)]).flatMap((ids) =>
    sourceBatches.map((someSources) => ({ ids, sources: someSources })),
  );
  await askEach(questions, async ({ ids, sources: someSources }) => {
    const what = `which of ${ids.length} entities ${someSources.length} sources support`;
    const variables = { ids, sources: someSources, first: ids.length };
    const { entities } = await ask(client, what, EntitiesSupportedByDocument, variables);
    for (const { node } of entities.edges) supported.add(node.id);
  });
  return supported;
}

/**
 * Which of the entities shown the chosen sources support: the source filter's rule for
 * entities, asked of the API because an entity's sources are not in the loaded graph (a hub's
 * can number in the thousands). Entities and sources go 100 at a time, the most a list
 * argument holds (EntityFilter in schema.graphql), two requests at a time; an entity is
 * supported when any batch of the sources supports it.
 */
import type { Client } from 'urql';

import { EntitiesSupportedByDocument } from './generated/graphql';
import { ask } from './load-graph';

/** EntityFilter's `ids` and `sources` hold at most this many each (schema.graphql). */
export const IDS_PER_REQUEST = 100;
const REQUESTS_AT_ONCE = 2;

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += IDS_PER_REQUEST)
    out.push(items.slice(start, start + IDS_PER_REQUEST));
  return out;
}

export async function fetchEntitiesSupportedBy(
  client: Client,
  sources: readonly string[],
  entityIds: Iterable<string>,
): Promise<Set<string>> {
  const supported = new Set<string>();
  const requests = batches([...new Set(entityIds)]).flatMap((ids) =>
    batches([...new Set(sources)]).map((someSources) => ({ ids, sources: someSources })),
  );
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const { ids, sources: someSources } = requests[next++]!;
      const { entities } = await ask(
        client,
        `which of ${ids.length} entities ${someSources.length} sources support`,
        EntitiesSupportedByDocument,
        { ids, sources: someSources, first: ids.length },
      );
      for (const { node } of entities.edges) supported.add(node.id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(REQUESTS_AT_ONCE, requests.length) }, worker));
  return supported;
}

/** The citations of chosen relations (exports write them): the loaded graph leaves them out. */
import type { Client } from 'urql';

import { toCitationRefs, type CitationRef, type RelationCitations } from '../core/graph-data';
import { askEach, inBatches } from './batches';
import { RelationCitationsDocument } from './generated/graphql';
import { ask } from './load-graph';

export async function fetchRelationCitations(
  client: Client,
  relationIds: Iterable<string>,
): Promise<RelationCitations> {
  const citations = new Map<string, CitationRef[]>();
  await askEach(inBatches([...new Set(relationIds)]), async (ids) => {
    const what = `the citations of ${ids.length} relations`;
    const { relations } = await ask(client, what, RelationCitationsDocument, { ids, first: ids.length });
    for (const { node } of relations.edges) citations.set(node.id, toCitationRefs(node));
  });
  return citations;
}

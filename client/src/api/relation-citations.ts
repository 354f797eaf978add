/**
 * The citations of chosen relations (exports write them): the loaded graph leaves them out.
 * Asked 100 ids at a time, the most a list argument holds (RelationFilter.ids in
 * schema.graphql), two requests at a time, so an export of thousands of relations neither
 * waits on one request after another nor floods the server.
 */
import type { Client } from 'urql';

import { toCitationRefs, type CitationRef, type RelationCitations } from '../core/graph-data';
import { RelationCitationsDocument } from './generated/graphql';
import { ask } from './load-graph';

/** RelationFilter.ids holds at most this many (schema.graphql). */
export const IDS_PER_REQUEST = 100;
const REQUESTS_AT_ONCE = 2;

export async function fetchRelationCitations(
  client: Client,
  relationIds: Iterable<string>,
): Promise<RelationCitations> {
  const ids = [...new Set(relationIds)];
  const batches: string[][] = [];
  for (let start = 0; start < ids.length; start += IDS_PER_REQUEST)
    batches.push(ids.slice(start, start + IDS_PER_REQUEST));
  const citations = new Map<string, CitationRef[]>();
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      const { relations } = await ask(client, `the citations of ${batch.length} relations`, RelationCitationsDocument, {
        ids: batch,
        first: batch.length,
      });
      for (const { node } of relations.edges) citations.set(node.id, toCitationRefs(node));
    }
  };
  await Promise.all(Array.from({ length: Math.min(REQUESTS_AT_ONCE, batches.length) }, worker));
  return citations;
}

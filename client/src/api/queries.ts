/** The pages' and panels' questions to the API, one hook each (operations in operations/). */
import { useCallback } from 'react';
import { useClient } from 'urql';

import type { EntityFilter, EntityOrder, RelationFilter, RelationOrder } from './generated/graphql';
import {
  BetweenDocument,
  DisagreementsDocument,
  EntityDetailsDocument,
  EntityStatementsDocument,
  FullTextSearchDocument,
  RelationEvidenceDocument,
  SearchEntitiesDocument,
  SourceReaderDocument,
  SourcesOverviewDocument,
  SourceSupportDocument,
  TableEntitiesDocument,
  TableRelationsDocument,
  EntityTimelineDocument,
  TimelineCountsDocument,
  TimelineEventsDocument,
  type TimeBucket,
} from './generated/graphql';
import { useApiQuery } from './use-api-query';

const NO_VARIABLES = {};

/** An entity's details (claims, relations, disagreements); paused while no entity is named (''). */
export const useEntityDetails = (id: string) => useApiQuery(EntityDetailsDocument, { id }, id === '');

/** What the articles attribute to one person or body, the first `first` of them. */
export const useEntityStatements = (id: string, first: number) => useApiQuery(EntityStatementsDocument, { id, first });

/** A relation with every citation behind it. */
export const useRelationEvidence = (id: string) => useApiQuery(RelationEvidenceDocument, { id });

/** Everything between two entities: the relations (passing `filter`) with their citations, and the paths through others. */
export const useBetween = (a: string, b: string, filter: RelationFilter | null) =>
  useApiQuery(BetweenDocument, { from: a, to: b, filter }, a === '' || b === '');

/** Full-text search in three groups (entities, relations, passages), the first `first` of each; paused while empty. */
export const useFullTextSearch = (text: string, perGroup: number) =>
  useApiQuery(FullTextSearchDocument, { text, perGroup }, text.trim() === '');

/** A source's full text and every citation into it. */
export const useSourceReader = (id: string) => useApiQuery(SourceReaderDocument, { id });

/** Every source's facts and counts. */
export const useSourcesOverview = () => useApiQuery(SourcesOverviewDocument, NO_VARIABLES);

/** What one source supports: entities, relations, claims. */
export const useSourceSupport = (id: string) => useApiQuery(SourceSupportDocument, { id });

/** Every attribute on which the sources give different values. */
export const useDisagreements = () => useApiQuery(DisagreementsDocument, NO_VARIABLES);

/**
 * Entities whose name or alias matches `text` (paused while it is empty), and `searchNow` for
 * a match wanted at once (Enter typed faster than the autocomplete).
 */
export function useEntitySearch(text: string, first: number) {
  const client = useClient();
  const query = useApiQuery(SearchEntitiesDocument, { text, first }, text.length === 0);
  const searchNow = useCallback(
    async (typed: string) =>
      (await client.query(SearchEntitiesDocument, { text: typed, first }).toPromise()).data?.search ?? [],
    [client, first],
  );
  return { ...query, searchNow };
}

/** Dated relations and entity statements per month or year, for the time bar. */
export const useTimelineCounts = (bucket: TimeBucket) => useApiQuery(TimelineCountsDocument, { bucket });

/** A page of the dated statements about entities, in date order. */
export const useTimelineEvents = (first: number, after: string | null) =>
  useApiQuery(TimelineEventsDocument, { first, after });

/** An entity's dated relations in date order, the first `first` of them. */
export const useEntityTimeline = (id: string, first: number) => useApiQuery(EntityTimelineDocument, { id, first });

/** One page of the relations passing `filter`, sorted on the server (the table view). */
export const useTableRelations = (
  filter: RelationFilter,
  orderBy: RelationOrder,
  first: number,
  after: string | null,
  pause: boolean,
) => useApiQuery(TableRelationsDocument, { filter, orderBy, first, after }, pause);

/** One page of the entities passing `filter`, sorted on the server (the table view). */
export const useTableEntities = (
  filter: EntityFilter,
  orderBy: EntityOrder,
  first: number,
  after: string | null,
  pause: boolean,
) => useApiQuery(TableEntitiesDocument, { filter, orderBy, first, after }, pause);

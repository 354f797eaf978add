/** The pages' and panels' questions to the API, one hook each (operations in operations/). */
import { useCallback } from 'react';
import { useClient } from 'urql';

import { apiDocument } from './documents';
import type { EntityFilter, EntityOrder, RelationFilter, RelationOrder } from './generated/graphql';
import {
  BetweenDocument,
  ClaimDetailsDocument,
  CompareBothDocument,
  CompareOnlyADocument,
  CompareOnlyBDocument,
  DisagreementsDocument,
  EntityClaimsDocument,
  EntityDetailsDocument,
  EntityStatementsDocument,
  FullTextSearchDocument,
  RelationEvidenceDocument,
  SearchEntitiesDocument,
  SourceCitationsDocument,
  SourceChoicesDocument,
  SourceClaimsDocument,
  SourceEntitiesDocument,
  SourceReaderDocument,
  SourceRelationsDocument,
  SourcesOverviewDocument,
  TableEntitiesDocument,
  TableRelationsDocument,
  EntityTimelineDocument,
  TimelineCountsDocument,
  TimelineEventsDocument,
  type TimeBucket,
} from './generated/graphql';
import { useApiQuery } from './use-api-query';
import { usePagedList } from './use-paged-list';

/**
 * How many items one page of a list asks for: lists grow a page at a time ("Show more"). The
 * API allows up to 500 a page (server/api/limits.ts); a panel's page stays small to draw fast.
 */
export const LIST_PAGE = 50;

/** The reader's page of citations: it reads them all, so in the largest pages the API allows. */
const READER_PAGE = 500;

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

/** A claim with its entity's disputed attributes (the reader's claim panel); paused without an id. */
export const useClaimDetails = (id: string) => useApiQuery(ClaimDetailsDocument, { id }, id === '');

/** An entity's claims, a page at a time. */
export const useEntityClaims = (id: string) =>
  usePagedList(EntityClaimsDocument, { id, first: LIST_PAGE }, (data) => data.entity?.claims, {
    what: 'claims',
    pause: id === '',
  });

/**
 * A source's full text (the first answer) and every citation into it: the reader marks them
 * all in the one text it shows, so it follows the pages to the end (the text bounds them).
 */
export function useSourceReader(id: string) {
  const reader = useApiQuery(SourceReaderDocument, { id });
  const citations = usePagedList(
    SourceCitationsDocument,
    { id, first: READER_PAGE },
    (data) => data.source?.citations,
    { what: 'the citations of the source', loadAll: true },
  );
  return { reader, citations };
}

/** The sources' facts and counts, a page at a time. */
export const useSourcesOverview = () =>
  usePagedList(SourcesOverviewDocument, { first: LIST_PAGE }, (data) => data.sources, { what: 'sources' });

/** The source filter's choices: the most cited sources, or those matching `text`, a page at a time. */
export const useSourceChoices = (text: string, first: number) =>
  usePagedList(SourceChoicesDocument, { text: text.trim() || null, first }, (data) => data.sources, {
    what: 'sources',
  });

/** What one source supports: its entities, relations and claims, each a page at a time. */
export const useSourceEntities = (id: string) =>
  usePagedList(SourceEntitiesDocument, { id, first: LIST_PAGE }, (data) => data.source?.entities, {
    what: 'entities',
  });
export const useSourceRelations = (id: string) =>
  usePagedList(SourceRelationsDocument, { id, first: LIST_PAGE }, (data) => data.source?.relations, {
    what: 'relations',
  });
export const useSourceClaims = (id: string) =>
  usePagedList(SourceClaimsDocument, { id, first: LIST_PAGE }, (data) => data.source?.claims, { what: 'claims' });

/** Where the sources disagree, by entity then attribute, a page at a time; for one entity when `entity` is given. */
export const useDisagreements = (entity: string | null, pause = false) =>
  usePagedList(DisagreementsDocument, { entity, first: LIST_PAGE }, (data) => data.disagreements, {
    what: 'disagreements',
    pause,
  });

/** The three parts of a comparison of two sources, each a page at a time (paused until both are chosen). */
export function useComparedRelations(a: string, b: string, pause: boolean) {
  const variables = { a, b, first: LIST_PAGE };
  return {
    onlyA: usePagedList(CompareOnlyADocument, variables, (data) => data.compareSources.onlyA, {
      what: 'relations',
      pause,
    }),
    onlyB: usePagedList(CompareOnlyBDocument, variables, (data) => data.compareSources.onlyB, {
      what: 'relations',
      pause,
    }),
    both: usePagedList(CompareBothDocument, variables, (data) => data.compareSources.both, {
      what: 'relations',
      pause,
    }),
  };
}

/**
 * Entities whose name or alias matches `text` (paused while it is empty), and `searchNow` for
 * a match wanted at once (Enter typed faster than the autocomplete).
 */
export function useEntitySearch(text: string, first: number) {
  const client = useClient();
  const query = useApiQuery(SearchEntitiesDocument, { text, first }, text.length === 0);
  const searchNow = useCallback(
    async (typed: string) =>
      (await client.query(apiDocument(SearchEntitiesDocument), { text: typed, first }).toPromise()).data?.search ?? [],
    [client, first],
  );
  return { ...query, searchNow };
}

/** Dated relations and entity statements per month or year, for the time bar (not asked while `pause`). */
export const useTimelineCounts = (bucket: TimeBucket, pause = false) =>
  useApiQuery(TimelineCountsDocument, { bucket }, pause);

/** A page of the dated statements about entities, in date order. */
export const useTimelineEvents = (first: number, after: string | null) =>
  useApiQuery(TimelineEventsDocument, { first, after });

/** An entity's dated relations in date order, a page at a time. */
export const useEntityTimeline = (id: string) =>
  usePagedList(EntityTimelineDocument, { id, first: LIST_PAGE }, (data) => data.entity?.timeline, {
    what: 'dated relations',
  });

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

/**
 * Binding: an entity's relations for its panel (Entity.relations), a page at a time. The first
 * page is a query (cached, refetched when the entity or the chosen type changes); "more"
 * fetches the next page from the last cursor and appends it. A hub's panel thus costs one page
 * to open, whatever its degree.
 */
import { useCallback, useMemo, useState } from 'react';
import { useClient, useQuery, type CombinedError } from 'urql';

import { apiDocument } from './documents';
import {
  EntityRelationsPageDocument,
  type EntityRelationsPageQuery,
  type EntityRelationsPageQueryVariables,
} from './generated/graphql';

/** Relations per page: the seed's entities fit in one; a hub shows this many, then more on request. */
export const ENTITY_RELATIONS_PAGE_SIZE = 100;

type Page = NonNullable<EntityRelationsPageQuery['entity']>['relations'];
type EntityRelationEdge = Page['edges'][number];

export interface EntityRelationsResult {
  /** The relations loaded so far, best supported first, each with its other end. */
  edges: readonly EntityRelationEdge[];
  /** Relations of the chosen type (all types when none is chosen); null before the first answer. */
  totalCount: number | null;
  /** Every relation of the entity by type, largest first (whatever type is chosen). */
  countsByType: Page['countsByType'];
  hasMore: boolean;
  fetching: boolean;
  error: CombinedError | undefined;
  retry: () => void;
  more: () => void;
}

const NO_EDGES: readonly EntityRelationEdge[] = [];

export function useEntityRelations(entityId: string, type: string | null): EntityRelationsResult {
  const client = useClient();
  const variables: EntityRelationsPageQueryVariables = useMemo(
    () => ({ id: entityId, first: ENTITY_RELATIONS_PAGE_SIZE, types: type === null ? null : [type] }),
    [entityId, type],
  );
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: apiDocument(EntityRelationsPageDocument),
    variables,
  });

  // Later pages, kept with the variables they continue, so another entity or type drops them.
  const [later, setLater] = useState<{ variables: EntityRelationsPageQueryVariables; pages: Page[] } | null>(null);
  const [moreState, setMoreState] = useState<{ fetching: boolean; error: CombinedError | undefined }>({
    fetching: false,
    error: undefined,
  });
  const pages = useMemo(() => {
    const first = data?.entity?.relations;
    if (!first) return [];
    return later?.variables === variables ? [first, ...later.pages] : [first];
  }, [data, later, variables]);
  const last = pages.at(-1);

  const more = useCallback(() => {
    if (!last?.pageInfo.hasNextPage || !last.pageInfo.endCursor) return;
    setMoreState({ fetching: true, error: undefined });
    void client
      .query(apiDocument(EntityRelationsPageDocument), { ...variables, after: last.pageInfo.endCursor })
      .toPromise()
      .then((result) => {
        setMoreState({ fetching: false, error: result.error });
        const page = result.data?.entity?.relations;
        if (!page) return;
        setLater((previous) => ({
          variables,
          pages: [...(previous?.variables === variables ? previous.pages : []), page],
        }));
      });
  }, [client, variables, last]);

  const edges = useMemo(() => (pages.length === 0 ? NO_EDGES : pages.flatMap((page) => page.edges)), [pages]);
  const first = pages[0];
  return {
    edges,
    totalCount: first ? first.totalCount : null,
    countsByType: first?.countsByType ?? [],
    hasMore: Boolean(last?.pageInfo.hasNextPage),
    fetching: fetching || moreState.fetching,
    error: error ?? moreState.error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
    more,
  };
}

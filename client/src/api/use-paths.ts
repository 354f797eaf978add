/**
 * Binding: the connecting paths from the API (Query.pathsConnection) for the path finder's
 * two ends, page by page. The first page is a query (cached, refetched when the ends, the
 * length or the filters change); "more" fetches the next page from the last cursor and
 * appends it, until the ends or filters change.
 */
import { useCallback, useMemo, useState } from 'react';
import { useClient, useQuery, type CombinedError } from 'urql';

import { toRelationFilter, type FilterState } from '../core/filters';
import { isPathComplete, type PathResult, type PathState, type PathTotal } from '../core/paths/index';
import { apiDocument, hookDocument } from './documents';
import { PathsDocument, type PathsQuery, type PathsQueryVariables } from './generated/graphql';

/** Paths asked for at a time (the schema allows at most 50). */
export const PATHS_PAGE_SIZE = 10;

export interface PathsResult {
  paths: readonly PathResult[];
  /** The API's count of every path between the ends, or null before the first answer. */
  total: PathTotal | null;
  hasMore: boolean;
  fetching: boolean;
  error: CombinedError | undefined;
  retry: () => void;
  /** Fetches the next page and appends it. */
  more: () => void;
}

const NO_PATHS: readonly PathResult[] = [];

type Page = PathsQuery['pathsConnection'];

export function usePaths(path: PathState | null, filters: FilterState): PathsResult {
  const client = useClient();
  const filter = useMemo(() => toRelationFilter(filters), [filters]);
  const complete = isPathComplete(path);
  const variables: PathsQueryVariables = useMemo(
    () => ({
      from: path?.from ?? '',
      to: path?.to ?? '',
      maxLength: path?.maxLength ?? 3,
      first: PATHS_PAGE_SIZE,
      filter,
    }),
    [path?.from, path?.to, path?.maxLength, filter],
  );
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: hookDocument(PathsDocument, !complete),
    variables,
    pause: !complete,
  });

  // Later pages, kept with the variables they continue, so a change of ends drops them.
  const [later, setLater] = useState<{ variables: PathsQueryVariables; pages: Page[] } | null>(null);
  const [moreState, setMoreState] = useState<{ fetching: boolean; error: CombinedError | undefined }>({
    fetching: false,
    error: undefined,
  });
  const pages = useMemo(() => {
    const first = complete ? data?.pathsConnection : undefined;
    if (!first) return [];
    return later?.variables === variables ? [first, ...later.pages] : [first];
  }, [complete, data, later, variables]);
  const last = pages.at(-1);

  const more = useCallback(() => {
    if (!last?.pageInfo.hasNextPage || !last.pageInfo.endCursor) return;
    setMoreState({ fetching: true, error: undefined });
    void client
      .query(apiDocument(PathsDocument), { ...variables, after: last.pageInfo.endCursor })
      .toPromise()
      .then((result) => {
        setMoreState({ fetching: false, error: result.error });
        const page = result.data?.pathsConnection;
        if (!page) return;
        setLater((previous) => ({
          variables,
          pages: [...(previous?.variables === variables ? previous.pages : []), page],
        }));
      });
  }, [client, variables, last]);

  const paths = useMemo(
    () => (pages.length === 0 ? NO_PATHS : pages.flatMap((page) => page.edges.map((edge) => edge.node))),
    [pages],
  );
  const first = pages[0];
  return {
    paths,
    total: first ? { count: first.totalCount, exact: first.totalCountExact } : null,
    hasMore: Boolean(last?.pageInfo.hasNextPage),
    fetching: complete && (fetching || moreState.fetching),
    error: complete ? (error ?? moreState.error) : undefined,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
    more,
  };
}

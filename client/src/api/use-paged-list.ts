/**
 * Binding: a Relay connection of the API read a page at a time. The first page is an ordinary
 * query (cached, retried like every other); "Show more" asks for the page after the last
 * cursor and appends it, so the DOM grows only when the reader asks. `loadAll` follows the
 * cursors to the end, for the few lists a view needs whole (the citations of the one text the
 * reader shows). Every list of the API that grows with the graph is read through here.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient, type AnyVariables, type CombinedError } from 'urql';

import { apiDocument } from './documents';
import type { TypedDocumentString } from './generated/graphql';
import { describeApiError } from './load-graph';
import { useApiQuery } from './use-api-query';

/** What a page of any connection of the API holds. */
export interface ConnectionPage<Node> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: readonly { node: Node }[];
}

export interface PagedList<Data, Node> {
  /** The first page's whole answer (for the fields around the connection), or undefined before it. */
  data: Data | undefined;
  /** Every node read so far, in the API's order. */
  nodes: readonly Node[];
  /** The connection's total, or null before the first page. */
  totalCount: number | null;
  hasMore: boolean;
  /** Asks for the next page; does nothing while one is in flight or when there is none. */
  loadMore: () => void;
  loadingMore: boolean;
  fetching: boolean;
  error: CombinedError | undefined;
  /** A later page's failure, said as the API said it. */
  moreError: Error | null;
  retry: () => void;
}

interface MorePages<Node> {
  /** The first page these follow, so a new first page drops them. */
  after: unknown;
  nodes: Node[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export function usePagedList<Data, Variables extends AnyVariables & { after?: string | null }, Node>(
  document: TypedDocumentString<Data, Variables>,
  variables: Variables,
  connectionOf: (data: Data) => ConnectionPage<Node> | null | undefined,
  options: { pause?: boolean; what: string; loadAll?: boolean },
): PagedList<Data, Node> {
  const client = useClient();
  const first = useApiQuery(document, variables, options.pause ?? false);
  const firstPage = first.data == null ? null : (connectionOf(first.data) ?? null);
  const [more, setMore] = useState<MorePages<Node> | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Error | null>(null);
  const inFlight = useRef<unknown>(null);

  const current = more !== null && more.after === firstPage ? more : null;
  const nodes = useMemo(
    () => (firstPage ? [...firstPage.edges.map((edge) => edge.node), ...(current?.nodes ?? [])] : []),
    [firstPage, current],
  );
  const endCursor = current ? current.endCursor : (firstPage?.pageInfo.endCursor ?? null);
  const hasMore = Boolean(firstPage && (current ? current.hasNextPage : firstPage.pageInfo.hasNextPage) && endCursor);

  const loadMore = useCallback(() => {
    if (!firstPage || !hasMore || inFlight.current === firstPage) return;
    inFlight.current = firstPage;
    setLoadingMore(true);
    setMoreError(null);
    void client
      .query(apiDocument(document), { ...variables, after: endCursor }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (inFlight.current !== firstPage) return;
        const page = result.data == null ? null : connectionOf(result.data);
        if (result.error || !page) {
          setMoreError(
            result.error ? describeApiError(options.what, result.error) : new Error(`No page of ${options.what}.`),
          );
          return;
        }
        setMore((previous) => ({
          after: firstPage,
          nodes: [...(previous?.after === firstPage ? previous.nodes : []), ...page.edges.map((edge) => edge.node)],
          endCursor: page.pageInfo.endCursor ?? null,
          hasNextPage: page.pageInfo.hasNextPage,
        }));
      })
      .finally(() => {
        if (inFlight.current === firstPage) {
          inFlight.current = null;
          setLoadingMore(false);
        }
      });
    // `variables` and `connectionOf` are read as they were when the first page was asked.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, document, firstPage, hasMore, endCursor]);

  useEffect(() => {
    if (options.loadAll && hasMore && !loadingMore && !moreError) loadMore();
  }, [options.loadAll, hasMore, loadingMore, moreError, loadMore]);

  return {
    data: first.data,
    nodes,
    totalCount: firstPage ? firstPage.totalCount : null,
    hasMore,
    loadMore,
    loadingMore,
    fetching: first.fetching,
    error: first.error,
    moreError,
    retry: first.retry,
  };
}

/**
 * The foot of a paged list: "N of M" and a button for the next page, or what went wrong with
 * it. Every list that can grow with the graph ends with it, so none draws more than asked.
 */
import type { PagedList } from '../api/use-paged-list';
import './show-more.css';

interface ShowMoreProps {
  /** The list as usePagedList reads it. */
  list: Pick<
    PagedList<unknown, unknown>,
    'nodes' | 'totalCount' | 'hasMore' | 'loadingMore' | 'moreError' | 'loadMore'
  >;
  /** What the list holds, plural: "claims", "sources". */
  what: string;
}

export function ShowMore({ list, what }: ShowMoreProps) {
  const { nodes, totalCount: total, hasMore, loadingMore, moreError, loadMore } = list;
  if (total === null || (!hasMore && !moreError)) return null;
  return (
    <div className="show-more">
      <p className="show-more__count">
        {nodes.length} of {total} {what} shown
      </p>
      {moreError && (
        <p role="alert" className="note note--error">
          Could not load more {what}: {moreError.message}
        </p>
      )}
      {hasMore && (
        <button type="button" className="secondary-button" onClick={loadMore} disabled={loadingMore}>
          {loadingMore ? 'Loading…' : moreError ? `Retry: show more ${what}` : `Show more ${what}`}
        </button>
      )}
    </div>
  );
}

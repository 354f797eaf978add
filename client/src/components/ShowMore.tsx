/**
 * The foot of a paged list: "N of M" and a button for the next page, or what went wrong with
 * it. Every list that can grow with the graph ends with it, so none draws more than asked.
 */
interface ShowMoreProps {
  shown: number;
  total: number | null;
  /** What the list holds, plural: "claims", "sources". */
  what: string;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: Error | null;
  onMore: () => void;
}

export function ShowMore({ shown, total, what, hasMore, loadingMore, moreError, onMore }: ShowMoreProps) {
  if (total === null || (!hasMore && !moreError)) return null;
  return (
    <div className="show-more">
      <p className="show-more__count">
        {shown} of {total} {what} shown
      </p>
      {moreError && (
        <p role="alert" className="note note--error">
          Could not load more {what}: {moreError.message}
        </p>
      )}
      {hasMore && (
        <button type="button" className="secondary-button" onClick={onMore} disabled={loadingMore}>
          {loadingMore ? 'Loading…' : moreError ? `Retry: show more ${what}` : `Show more ${what}`}
        </button>
      )}
    </div>
  );
}

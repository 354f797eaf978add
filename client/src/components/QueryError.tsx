/**
 * A query that failed inside a page or a panel: what could not be done, why (the API is
 * unreachable, or what it answered), and a retry. The rest of the page stays usable.
 */
import type { CombinedError } from 'urql';

export function QueryError({
  action,
  error,
  onRetry,
}: {
  /** What failed, as it completes "Could not …": "load the claim", "find paths". */
  action: string;
  error: CombinedError;
  onRetry: () => void;
}) {
  return (
    <div role="alert" className="note note--error">
      <p>
        Could not {action}: {error.networkError ? 'the API cannot be reached' : error.message}.
      </p>
      <button type="button" className="secondary-button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

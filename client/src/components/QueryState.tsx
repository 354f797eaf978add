/**
 * The states of an API question inside a page or a panel, said the same way everywhere:
 * what could not be done and why, with a retry (the rest of the page stays usable); a
 * loading note until what the view needs is there; and what is missing when the API
 * answered without it. Renders nothing once the view has what it needs.
 */
import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';

interface QueryStateProps {
  query: { data?: unknown; fetching: boolean; error: CombinedError | undefined; retry: () => void };
  /** What failed, as it completes "Could not …": "load the claim", "find paths". */
  action: string;
  /** Whether the view has what it needs from the answer. */
  found: boolean;
  /** Shown while the question is in flight and nothing is found yet. */
  loading?: string;
  /** Shown when the API answered without what the view needs. */
  missing?: ReactNode;
}

export function QueryState({ query, action, found, loading, missing }: QueryStateProps) {
  if (query.error) return <QueryError action={action} error={query.error} onRetry={query.retry} />;
  if (found) return null;
  if (query.fetching) return loading ? <p className="loading-note">{loading}</p> : null;
  if (query.data !== undefined && missing) return <p className="note note--warning">{missing}</p>;
  return null;
}

/** A failed question: what could not be done, why (unreachable, or what the API answered), and a retry. */
function QueryError({ action, error, onRetry }: { action: string; error: CombinedError; onRetry: () => void }) {
  return (
    <div role="alert" className="note note--error">
      <p>
        Could not {action}: {error.networkError ? 'the API cannot be reached' : withoutFinalStop(error.message)}.
      </p>
      <button type="button" className="secondary-button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

/** The API's messages end in a full stop of their own; the sentence around them adds one. */
const withoutFinalStop = (message: string) => message.replace(/\.\s*$/, '');

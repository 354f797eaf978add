/**
 * Binding: one GraphQL query as a React hook, in the shape every view reads (the answer, in
 * flight, the error, a retry that skips the cache). The named hooks in queries.ts are built
 * on it, so views never call urql themselves.
 */
import { useCallback } from 'react';
import { useQuery, type AnyVariables, type CombinedError } from 'urql';

import { hookDocument } from './documents';
import type { TypedDocumentString } from './generated/graphql';

export interface ApiQuery<Data, Variables = AnyVariables> {
  /** The last answer, or undefined before the first. */
  data: Data | undefined;
  /**
   * The variables `data` answers: while the answer to new variables is on its way, urql keeps
   * the last one (a pager says which page the rows shown are, not which is asked).
   */
  answered: Variables | undefined;
  fetching: boolean;
  error: CombinedError | undefined;
  retry: () => void;
}

export function useApiQuery<Data, Variables extends AnyVariables>(
  query: TypedDocumentString<Data, Variables>,
  variables: Variables,
  pause = false,
): ApiQuery<Data, Variables> {
  const [{ data, fetching, error, operation }, reexecute] = useQuery<Data, Variables>({
    query: hookDocument(query, pause),
    variables,
    pause,
  });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return { data, answered: operation?.variables, fetching, error, retry };
}

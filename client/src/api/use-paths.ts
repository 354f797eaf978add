/** Binding: the connecting paths from the API (Query.paths) for the path finder's two ends. */
import { useMemo } from 'react';
import { useQuery, type CombinedError } from 'urql';

import { toRelationFilter, type FilterState } from '../core/filters';
import { isPathComplete, type PathResult, type PathState } from '../core/paths/index';
import { PathsDocument } from './generated/graphql';

export const PATHS_WANTED = 10;

export interface PathsResult {
  paths: readonly PathResult[];
  fetching: boolean;
  error: CombinedError | undefined;
  retry: () => void;
}

const NO_PATHS: readonly PathResult[] = [];

export function usePaths(path: PathState | null, filters: FilterState): PathsResult {
  const filter = useMemo(() => toRelationFilter(filters), [filters]);
  const complete = isPathComplete(path);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: PathsDocument,
    variables: {
      from: path?.from ?? '',
      to: path?.to ?? '',
      maxLength: path?.maxLength ?? 3,
      first: PATHS_WANTED,
      filter,
    },
    pause: !complete,
  });
  return {
    paths: complete ? (data?.paths ?? NO_PATHS) : NO_PATHS,
    fetching: complete && fetching,
    error: complete ? error : undefined,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

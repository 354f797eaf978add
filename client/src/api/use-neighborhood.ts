/** Binding: the focus entity's neighbourhood from the API (Query.neighborhood), as a visibility scope. */
import { useMemo } from 'react';
import { useQuery, type CombinedError } from 'urql';

import { toRelationFilter, type FilterState, type Visibility } from '../core/filters';
import type { FocusState } from '../core/focus/index';
import { hookDocument } from './documents';
import { NeighborhoodDocument } from './generated/graphql';

/** The most relations a focus shows: the API's largest `neighborhood(limit)` (a test holds it within that bound). */
export const NEIGHBORHOOD_LIMIT = 5_000;

export interface NeighborhoodResult {
  scope: Visibility | null;
  fetching: boolean;
  /** True when the neighbourhood has more than NEIGHBORHOOD_LIMIT relations, and only that many are shown. */
  truncated: boolean;
  error: CombinedError | undefined;
  retry: () => void;
}

export function useNeighborhood(focus: FocusState | null, filters: FilterState): NeighborhoodResult {
  const filter = useMemo(() => toRelationFilter(filters), [filters]);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: hookDocument(NeighborhoodDocument, focus === null),
    variables: { id: focus?.entityId ?? '', depth: focus?.depth ?? 1, filter, limit: NEIGHBORHOOD_LIMIT },
    pause: focus === null,
  });
  const subgraph = focus ? data?.neighborhood : undefined;
  const scope = useMemo<Visibility | null>(
    () =>
      subgraph
        ? {
            entities: new Set(subgraph.entities.map((entity) => entity.id)),
            relations: new Set(subgraph.relations.map((relation) => relation.id)),
          }
        : null,
    [subgraph],
  );
  return {
    scope,
    fetching,
    truncated: subgraph?.truncated ?? false,
    error: focus ? error : undefined,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

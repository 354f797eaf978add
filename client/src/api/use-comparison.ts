/** Binding: the comparison of two sources from the API (Query.compareSources), classified for the graph. */
import { useMemo } from 'react';
import { useQuery, type CombinedError } from 'urql';

import {
  classifyComparison,
  isCompareComplete,
  type CompareState,
  type ComparisonHighlight,
} from '../core/comparison/index';
import type { GraphData } from '../core/graph-data';
import { CompareSourcesDocument, type CompareSourcesQuery } from './generated/graphql';

export interface ComparisonResult {
  comparison: CompareSourcesQuery['compareSources'] | null;
  highlight: ComparisonHighlight | null;
  fetching: boolean;
  error: CombinedError | undefined;
  retry: () => void;
}

export function useComparison(compare: CompareState | null, data: GraphData): ComparisonResult {
  const complete = isCompareComplete(compare);
  const [{ data: result, fetching, error }, reexecute] = useQuery({
    query: CompareSourcesDocument,
    variables: { a: compare?.a ?? '', b: compare?.b ?? '' },
    pause: !complete,
  });
  // A stale answer (for the sources chosen before) is never shown for the new pair.
  const comparison =
    complete && result && result.compareSources.a.id === compare.a && result.compareSources.b.id === compare.b
      ? result.compareSources
      : null;
  const highlight = useMemo(() => {
    if (!comparison) return null;
    const ids = (relations: readonly { id: string }[]) => relations.map((relation) => relation.id);
    return classifyComparison(
      { onlyA: ids(comparison.onlyA), onlyB: ids(comparison.onlyB), both: ids(comparison.both) },
      (id) => {
        const relation = data.relationById.get(id);
        return relation ? [relation.subjectId, relation.objectId] : undefined;
      },
    );
  }, [comparison, data]);
  return {
    comparison,
    highlight,
    fetching: complete && fetching,
    error: complete ? error : undefined,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

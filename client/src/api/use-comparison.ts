/**
 * Binding: the comparison of two sources. The panel's three lists come from the API
 * (Query.compareSources), each a page at a time with its total; the graph colours the
 * relations it has loaded by the same rule (core/comparison), so nothing is fetched whole.
 */
import { useMemo } from 'react';

import {
  classifyComparison,
  compareLoadedRelations,
  isCompareComplete,
  type CompareState,
  type ComparisonHighlight,
} from '../core/comparison/index';
import type { GraphData } from '../core/graph-data';
import { useComparedRelations } from './queries';

export interface ComparisonResult {
  /** The relations only in a, only in b, and in both, from the API; paused until two different sources are chosen. */
  parts: ReturnType<typeof useComparedRelations>;
  /** What the graph draws for the comparison, from the loaded relations; null until it is complete. */
  highlight: ComparisonHighlight | null;
}

export function useComparison(compare: CompareState | null, data: GraphData): ComparisonResult {
  const complete = isCompareComplete(compare);
  const a = compare?.a ?? '';
  const b = compare?.b ?? '';
  const parts = useComparedRelations(a, b, !complete);
  const highlight = useMemo(() => {
    if (!complete) return null;
    return classifyComparison(compareLoadedRelations(data.relations, a, b), (id) => {
      const relation = data.relationById.get(id);
      return relation ? [relation.subjectId, relation.objectId] : undefined;
    });
  }, [complete, a, b, data]);
  return { parts, highlight };
}

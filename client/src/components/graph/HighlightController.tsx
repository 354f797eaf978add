/** Renders nothing: turns the highlight view model into sigma reducers (hover, selection, path, filters). */
import { useEffect, useMemo } from 'react';

import { computeEmphasis, createEdgeReducer, createNodeReducer, type HighlightInput } from '../../core/highlight';
import { useSigma } from './sigma-context';

export function HighlightController({ input }: { input: HighlightInput }) {
  const sigma = useSigma();
  const graph = sigma.getGraph();
  const emphasis = useMemo(() => computeEmphasis(graph, input), [graph, input]);

  useEffect(() => {
    sigma.setSetting('nodeReducer', createNodeReducer(input, emphasis));
    sigma.setSetting('edgeReducer', createEdgeReducer(input, emphasis));
  }, [sigma, input, emphasis]);

  return null;
}

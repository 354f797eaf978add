/**
 * Renders nothing: turns the highlight view model into sigma reducers (hover, selection,
 * path, filters), and says on the container what is hovered and emphasised.
 */
import { useEffect, useMemo } from 'react';

import { computeEmphasis, highlightSettings, type HighlightInput } from '../../../core/highlight';
import { useSigma } from './sigma-context';

export function HighlightController({ input }: { input: HighlightInput }) {
  const sigma = useSigma();
  const graph = sigma.getGraph();
  const emphasis = useMemo(() => computeEmphasis(graph, input), [graph, input]);

  useEffect(() => {
    const settings = highlightSettings(graph, input, emphasis);
    sigma.setSetting('nodeReducer', settings.nodeReducer);
    sigma.setSetting('edgeReducer', settings.edgeReducer);
    sigma.setSetting('renderEdgeLabels', settings.renderEdgeLabels);
    // What stands out, on the container for tests and styles: "entity:<id>" or "relation:<id>"
    // under the pointer, and why others are dimmed ("hover", "path", "selection" or "none").
    const container = sigma.getContainer();
    container.dataset.hover =
      input.hoveredEntity !== null
        ? `entity:${input.hoveredEntity}`
        : input.hoveredRelation !== null
          ? `relation:${input.hoveredRelation}`
          : '';
    container.dataset.emphasis = emphasis?.reason ?? 'none';
  }, [sigma, graph, input, emphasis]);

  return null;
}

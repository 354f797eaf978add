/**
 * Renders nothing: gives sigma the highlight's reducers (hover, selection, path, filters),
 * and says on the container what is hovered and emphasised.
 */
import { useEffect } from 'react';

import type { Highlighting, HighlightInput } from '../../../core/highlight';
import { useSigma } from './sigma-context';

export function HighlightController({ input, highlighting }: { input: HighlightInput; highlighting: Highlighting }) {
  const sigma = useSigma();
  const { settings, emphasis } = highlighting;

  useEffect(() => {
    // Each settings change makes sigma run every entity and relation through the reducers again
    // (a full refresh): one change for all three, and none when sigma already has them (a new
    // sigma starts with them, GraphStage's startingSettings).
    const changed = (Object.keys(settings) as (keyof typeof settings)[]).some(
      (key) => sigma.getSetting(key) !== settings[key],
    );
    if (changed) sigma.setSettings(settings);
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
  }, [sigma, input, settings, emphasis]);

  return null;
}

/**
 * A focus in a bounded view: the view holds only part of the graph, so the focus entity's
 * neighbourhood, as the API walks it, joins the view while the focus lasts (placed around the
 * focus entity, as an expansion's neighbours are) and leaves with it. What the filters hide of
 * it stays hidden: the focus's scope (api/use-neighborhood.ts) decides what is shown. Pure:
 * api/focus-layer.ts fetches it, bindings/use-expansions.ts composes it into the view.
 */
import type { FocusState } from '../focus';
import type { ViewLayer } from './expansion';

export interface FocusLayer extends ViewLayer {
  depth: number;
  /** True when the neighbourhood has more relations than the layer brought in. */
  truncated: boolean;
}

/** The key a focus's layer is fetched and kept under. */
export function focusLayerKey(focus: FocusState): string {
  return `${focus.depth}\n${focus.entityId}`;
}

/** The layer to compose for a focus: the fetched one when it is this focus's (not a focus left or deepened), else null. */
export function layerOfFocus(focus: FocusState | null, layer: FocusLayer | null): FocusLayer | null {
  return focus && layer && layer.entityId === focus.entityId && layer.depth === focus.depth ? layer : null;
}

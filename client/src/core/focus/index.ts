/** Focus mode: only one entity's neighbourhood, as the API computes it (Query.neighborhood). */
export const FOCUS_DEPTHS = [1, 2, 3] as const;
export type FocusDepth = (typeof FOCUS_DEPTHS)[number];

export interface FocusState {
  entityId: string;
  depth: FocusDepth;
}

type FocusProducer = (focus: FocusState | null) => FocusState | null;

export function toFocusDepth(value: unknown): FocusDepth {
  const depth = Number(value);
  return (FOCUS_DEPTHS as readonly number[]).includes(depth) ? (depth as FocusDepth) : 1;
}

/** The query string's names for the focus (core/url-state writes them). */
export const FOCUS_PARAMS = { entity: 'focus', depth: 'depth' } as const;

/** The focus a query string names (`focus=<id>`, `depth=2`), or null. */
export function readFocusParams(params: URLSearchParams): FocusState | null {
  const entityId = params.get(FOCUS_PARAMS.entity);
  return entityId ? { entityId, depth: toFocusDepth(params.get(FOCUS_PARAMS.depth) ?? 1) } : null;
}

export const focusOn =
  (entityId: string, depth: number = 1): FocusProducer =>
  () => ({ entityId, depth: toFocusDepth(depth) });

export const setFocusDepth =
  (depth: number): FocusProducer =>
  (focus) =>
    focus ? { ...focus, depth: toFocusDepth(depth) } : null;

export const leaveFocus = (): FocusProducer => () => null;

/**
 * How much of a neighbourhood the loaded graph holds: in a bounded view the API's neighbourhood
 * reaches entities not brought into the view, which the canvas cannot show (the banner says
 * so); null when it holds every one.
 */
export function neighbourhoodInView(
  entityIds: ReadonlySet<string>,
  loaded: ReadonlyMap<string, unknown>,
): { shown: number; total: number } | null {
  let shown = 0;
  for (const id of entityIds) if (loaded.has(id)) shown += 1;
  return shown === entityIds.size ? null : { shown, total: entityIds.size };
}

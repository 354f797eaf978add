/**
 * Where the overview's entities are drawn
 * =======================================
 *
 * The explorer's first picture is an overview (overview.ts; the whole graph when it is
 * small). Laying it out in the browser cost most of the time to its first frame, so the
 * server lays each overview out once (layout.ts) and serves the positions with it: the
 * browser draws as soon as the data is in. Entities brought in later by expanding one are
 * placed by the explorer around the entity they came from, so nothing drawn moves.
 *
 * Cost: about a second of CPU for an overview of 500 entities, paid once per overview
 * record (and not again after a restart when the server keeps layouts on disk), so once per
 * data version and size asked (overview.ts memoises the records, and
 * gives every size that holds the whole graph the same one), in a worker thread: the server
 * answers other requests meanwhile, and a request for positions awaits them.
 */
import { type GraphIndex, degreeOf } from './indexes';
import { computeLayout, entityRadius, layoutParameters, type LayoutEdge, type LayoutNode } from './layout';
import { cachedLayout, type PositionRecord } from './layout-cache';
import { overview, type OverviewRecord } from './overview';

export type EntityPositionRecord = PositionRecord;

const layouts = new WeakMap<OverviewRecord, Promise<EntityPositionRecord[]>>();

/** An overview's size, as `Query.overview` takes it. */
export interface OverviewSize {
  maxEntities: number;
  maxRelations: number;
}

/** Lays out the overviews of these sizes now, so that the first request for them need not wait. */
export async function prepareOverviewLayouts(index: GraphIndex, sizes: readonly OverviewSize[]): Promise<void> {
  await Promise.all(
    sizes.map((size) => overviewPositions(index, overview(index, size.maxEntities, size.maxRelations))),
  );
}

/** The position of every entity of `overview`, in id order; laid out on the first call. */
export function overviewPositions(index: GraphIndex, overview: OverviewRecord): Promise<EntityPositionRecord[]> {
  let layout = layouts.get(overview);
  if (!layout) layouts.set(overview, (layout = layOut(index, overview)));
  return layout;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What the layout reads of an overview, in id order (the order is part of what makes the picture). */
export function overviewLayoutInput(
  index: GraphIndex,
  overview: OverviewRecord,
): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const degrees = new Map(overview.entities.map((entity) => [entity.id, degreeOf(index, entity.id)]));
  const maxDegree = Math.max(0, ...degrees.values());
  const nodes = [...overview.entities]
    .sort(byId)
    .map((entity) => ({ id: entity.id, size: entityRadius(degrees.get(entity.id)!, maxDegree) }));
  const edges = [...overview.relations]
    .sort(byId)
    .map((relation) => ({ source: relation.subject, target: relation.object }));
  return { nodes, edges };
}

/** Laid out in a worker, or read from the layouts kept on disk for the same input (layout-cache.ts). */
async function layOut(index: GraphIndex, overview: OverviewRecord): Promise<EntityPositionRecord[]> {
  const { nodes, edges } = overviewLayoutInput(index, overview);
  const input = { parameters: layoutParameters(nodes.length), nodes, edges };
  return cachedLayout(
    input,
    nodes.map(({ id }) => id),
    async () => {
      const positions = await computeLayout(nodes, edges);
      return nodes.map(({ id }) => ({ id, ...positions.get(id)! }));
    },
  );
}

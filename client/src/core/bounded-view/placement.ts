/**
 * Where an entity brought in by an expansion goes: on a sunflower spiral around the entity it
 * came from, so nothing already drawn moves (no re-layout: the view does not jump). Pure.
 */
import {
  entityNodeAttributes,
  entityTypeColors,
  parallelEdgeCurvatures,
  relationEdgeAttributes,
  type RenderGraph,
} from '../graph-building';
import type { GraphData } from '../graph-data';
import type { ViewLayer } from './expansion';

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** The `index`-th point of a spiral around `center`, `step` apart (spiral rings stay evenly filled). */
export function spiralPoint(center: { x: number; y: number }, index: number, step: number): { x: number; y: number } {
  const distance = step * Math.sqrt(index + 1);
  const angle = index * GOLDEN_ANGLE;
  return { x: center.x + distance * Math.cos(angle), y: center.y + distance * Math.sin(angle) };
}

/**
 * Each render graph's spacing, taken once from its first drawing (the overview), so that the
 * same expansions place their entities in the same spots however the pages arrived.
 */
const steps = new WeakMap<RenderGraph, number>();

function spiralStep(graph: RenderGraph): number {
  let step = steps.get(graph);
  if (step === undefined) {
    step = measureStep(graph);
    steps.set(graph, step);
  }
  return step;
}

/** A spacing that suits the drawing: a fortieth of its width or height, whichever is larger. */
function measureStep(graph: RenderGraph): number {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((_, { x, y }) => {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  const extent = Math.max(maxX - minX, maxY - minY);
  return Number.isFinite(extent) && extent > 0 ? extent / 40 : 10;
}

/**
 * Makes the render graph draw `view` (the overview plus the layers composed into it): removes
 * what left it, adds what joined it, each new entity around the entity whose layer brought it
 * in (an expanded entity, a focus). Nodes already drawn keep their place. Mutates the graph
 * (sigma redraws on its events).
 */
export function syncRenderGraph(graph: RenderGraph, view: GraphData, layers: readonly ViewLayer[]): void {
  graph.forEachEdge((id) => {
    if (!view.relationById.has(id)) graph.dropEdge(id);
  });
  graph.forEachNode((id) => {
    if (!view.entityById.has(id)) graph.dropNode(id);
  });

  const colors = entityTypeColors(view.entityTypes);
  const maxDegree = view.entities.reduce((max, entity) => Math.max(max, entity.degree), 0);
  const step = spiralStep(graph);
  for (const layer of layers) {
    const center = graph.hasNode(layer.entityId) ? graph.getNodeAttributes(layer.entityId) : { x: 0, y: 0 };
    layer.entities.forEach((entity, index) => {
      if (graph.hasNode(entity.id)) return;
      graph.addNode(entity.id, entityNodeAttributes(entity, spiralPoint(center, index, step), colors, maxDegree));
    });
  }

  const curvatures = parallelEdgeCurvatures(
    view.relations.map((relation) => ({ id: relation.id, source: relation.subjectId, target: relation.objectId })),
  );
  for (const relation of view.relations) {
    if (graph.hasEdge(relation.id)) continue;
    const curvature = curvatures.get(relation.id) ?? 0;
    graph.addDirectedEdgeWithKey(
      relation.id,
      relation.subjectId,
      relation.objectId,
      relationEdgeAttributes(relation, curvature),
    );
  }
}

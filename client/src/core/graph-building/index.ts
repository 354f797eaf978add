/**
 * Building the render graph (what sigma draws) from the data graph (what the API said).
 */
import { MultiDirectedGraph } from 'graphology';

import type { EntityNode, GraphData, RelationEdge } from '../graph-data';
import { edgeColor, edgeSize, entityTypeColors, nodeSize, UNKNOWN_TYPE_COLOR } from './appearance';
import { parallelEdgeCurvatures } from './parallel-edges';
import { withPrototypeFreeTables } from './neighbour-tables';
import type { EdgeShape, RenderEdgeAttributes, RenderGraph, RenderNodeAttributes } from './types';

export type * from './types';
export {
  corroborationSteps,
  entityTypeColors,
  edgeColor,
  edgeSize,
  nodeSize,
  QUALIFIED_EDGE_COLOR,
  STRONGEST_DRAWN_CORROBORATION,
} from './appearance';
export { parallelEdgeCurvatures } from './parallel-edges';
export { withPrototypeFreeTables } from './neighbour-tables';

export function edgeShape(directed: boolean, curvature: number): EdgeShape {
  if (curvature === 0) return directed ? 'arrow' : 'line';
  return directed ? 'curvedArrow' : 'curved';
}

/** How an entity is drawn: at `position`, coloured by type, sized by degree. */
export function entityNodeAttributes(
  entity: EntityNode,
  position: { x: number; y: number },
  colors: ReadonlyMap<string, string>,
  maxDegree: number,
): RenderNodeAttributes {
  return {
    label: entity.name,
    ...position,
    size: nodeSize(entity.degree, maxDegree),
    color: colors.get(entity.type) ?? UNKNOWN_TYPE_COLOR,
    entityType: entity.type,
    degree: entity.degree,
  };
}

/** How a relation is drawn: width and colour by corroboration, curved when parallel to another. */
export function relationEdgeAttributes(relation: RelationEdge, curvature: number): RenderEdgeAttributes {
  return {
    label: relation.label,
    size: edgeSize(relation.corroboration),
    color: edgeColor(relation.corroboration, relation.statedPlainly),
    type: edgeShape(relation.directed, curvature),
    curvature,
    relationType: relation.type,
    directed: relation.directed,
    corroboration: relation.corroboration,
    statedPlainly: relation.statedPlainly,
  };
}

/** Where an entity the server's layout did not place is drawn (none should be: see loadGraphData). */
const UNPLACED = { x: 0, y: 0 };

/**
 * Every entity and relation, in id order, where the server's layout put it (data.positions),
 * colour by type, size by degree, and curvature for parallel relations.
 */
export function buildRenderGraph(data: GraphData): RenderGraph {
  const graph: RenderGraph = withPrototypeFreeTables(new MultiDirectedGraph());
  const colors = entityTypeColors(data.entityTypes);
  const maxDegree = data.entities.reduce((max, entity) => Math.max(max, entity.degree), 0);

  for (const entity of data.entities) {
    graph.addNode(
      entity.id,
      entityNodeAttributes(entity, data.positions?.get(entity.id) ?? UNPLACED, colors, maxDegree),
    );
  }

  const curvatures = parallelEdgeCurvatures(
    data.relations.map((relation) => ({ id: relation.id, source: relation.subjectId, target: relation.objectId })),
  );
  for (const relation of data.relations) {
    const curvature = curvatures.get(relation.id) ?? 0;
    graph.addDirectedEdgeWithKey(
      relation.id,
      relation.subjectId,
      relation.objectId,
      relationEdgeAttributes(relation, curvature),
    );
  }
  return graph;
}

/** The render graph of each loaded graph: one per load, whoever asks first (see renderGraphOf). */
const renderGraphs = new WeakMap<GraphData, RenderGraph>();

/**
 * The render graph of `data`, built once: the opening load builds it as soon as its data is in
 * (api/graph-load.ts), while the interface's code is still arriving, and App then draws that
 * same graph (expansions change it in place).
 */
export function renderGraphOf(data: GraphData): RenderGraph {
  let graph = renderGraphs.get(data);
  if (!graph) renderGraphs.set(data, (graph = buildRenderGraph(data)));
  return graph;
}

/**
 * The visible graph as GEXF (graphology-gexf), for Gephi and friends: positions, sizes and
 * colours as drawn, with the domain attributes (entity type, relation type, corroboration).
 */
import { MultiDirectedGraph } from 'graphology';
import writeGexf from 'graphology-gexf/browser/writer.js';

import type { Visibility } from '../filters';
import type { RenderGraph } from '../graph-building';
import type { GraphData } from '../graph-data';

export function visibleGraphForExport(graph: RenderGraph, data: GraphData, visibility: Visibility): MultiDirectedGraph {
  const out = new MultiDirectedGraph();
  graph.forEachNode((node, attributes) => {
    if (!visibility.entities.has(node)) return;
    const entity = data.entityById.get(node);
    out.addNode(node, {
      label: attributes.label,
      x: attributes.x,
      y: attributes.y,
      size: attributes.size,
      color: attributes.color,
      entity_type: attributes.entityType,
      aliases: entity?.aliases.join('; ') ?? '',
      degree: attributes.degree,
    });
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (!visibility.relations.has(edge) || !out.hasNode(source) || !out.hasNode(target)) return;
    const relation = data.relationById.get(edge);
    out.addDirectedEdgeWithKey(edge, source, target, {
      label: attributes.label,
      color: attributes.color,
      thickness: attributes.size,
      relation_type: attributes.relationType,
      directed: attributes.directed,
      corroboration: attributes.corroboration,
      sources: relation?.sourceIds.join('; ') ?? '',
    });
  });
  return out;
}

export function visibleGraphGexf(graph: RenderGraph, data: GraphData, visibility: Visibility): string {
  return writeGexf(visibleGraphForExport(graph, data, visibility), { version: '1.3' });
}

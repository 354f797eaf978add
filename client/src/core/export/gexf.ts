/**
 * The visible graph as GEXF (graphology-gexf), for Gephi and friends: positions, sizes and
 * colours as drawn, with the domain attributes (entity type, relation type, corroboration)
 * and every citation of each relation.
 *
 * Directedness is kept per edge: the export graph is mixed, symmetric relations (`directed:
 * false` in the vocabulary, such as enemy_of) are undirected edges, and graphology-gexf writes
 * `type="undirected"` on each of them under `defaultedgetype="directed"`, so Gephi draws no
 * arrow on them.
 */
import { MultiGraph } from 'graphology';
import writeGexf from 'graphology-gexf/browser/writer.js';

import type { Visibility } from '../filters';
import { withPrototypeFreeTables, type RenderGraph } from '../graph-building';
import type { CitationRef, GraphData, RelationCitations } from '../graph-data';

/** One citation as the `citations` edge attribute holds it (a JSON list of these). */
export interface GexfCitation {
  source: string;
  quote: string;
  /** UTF-16 offsets of the quote in the source's text, end exclusive (as the API gives them). */
  start: number;
  end: number;
}

/** `citations` holds those of the visible relations (api/relation-citations.ts). */
export function visibleGraphForExport(
  graph: RenderGraph,
  data: GraphData,
  visibility: Visibility,
  citations: RelationCitations,
): MultiGraph {
  const out = withPrototypeFreeTables(new MultiGraph());
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
    const cited = citations.get(edge) ?? [];
    const edgeAttributes = {
      label: attributes.label,
      color: attributes.color,
      thickness: attributes.size,
      relation_type: attributes.relationType,
      directed: attributes.directed,
      corroboration: attributes.corroboration,
      sources: relation?.sourceIds.join('; ') ?? '',
      citation_count: cited.length,
      // One string column: GEXF list values cannot hold a quote with ", " in it unambiguously.
      citations: JSON.stringify(cited.map(gexfCitation)),
    };
    if (attributes.directed) out.addDirectedEdgeWithKey(edge, source, target, edgeAttributes);
    else out.addUndirectedEdgeWithKey(edge, source, target, edgeAttributes);
  });
  return out;
}

function gexfCitation(citation: CitationRef): GexfCitation {
  return { source: citation.sourceId, quote: citation.quote, start: citation.start, end: citation.end };
}

export function visibleGraphGexf(
  graph: RenderGraph,
  data: GraphData,
  visibility: Visibility,
  citations: RelationCitations,
): string {
  return writeGexf(visibleGraphForExport(graph, data, visibility, citations), { version: '1.3' });
}

import type { KnowledgeGraph } from '../../server/data/model';

/** A copy of the graph with one entity renamed, so the original stays as loaded. */
export function withEntityRenamed(knowledgeGraph: KnowledgeGraph, id: string, name: string): KnowledgeGraph {
  const graph = knowledgeGraph.graph.copy();
  graph.mergeNodeAttributes(id, { name });
  return { ...knowledgeGraph, graph };
}

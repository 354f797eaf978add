import type { MultiDirectedGraph } from 'graphology';

/** How an edge is drawn: straight or curved (parallel edges), with an arrow or not (symmetric relations). */
export type EdgeShape = 'line' | 'arrow' | 'curved' | 'curvedArrow';

/** What sigma draws for an entity. Highlight and filters never write these: reducers do. */
export interface RenderNodeAttributes {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  entityType: string;
  degree: number;
}

/** What sigma draws for a relation. `type` is the sigma program, `relationType` the vocabulary id. */
export interface RenderEdgeAttributes {
  label: string;
  size: number;
  color: string;
  type: EdgeShape;
  curvature: number;
  relationType: string;
  directed: boolean;
  corroboration: number;
  /** False when the articles only put the relation in someone's mouth or hedge it. */
  statedPlainly: boolean;
}

/**
 * The render graph: entities as nodes, relations as edges (subject → object; symmetric
 * relations are drawn without arrows). A multi graph, since several relations can join
 * the same two entities.
 */
export type RenderGraph = MultiDirectedGraph<RenderNodeAttributes, RenderEdgeAttributes>;

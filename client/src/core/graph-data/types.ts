/**
 * The data graph: entities, relations and citations as typed records, exactly as the API
 * gives them (flattened to ids). The render graph that sigma draws is derived from this
 * (core/graph-building) and never written back. Records the API gives as they are (the
 * overview's vocabulary, sources and totals) take their types from the generated operation
 * types, so a schema change shows up here at compile time; the rest are flattened by hand.
 */
import type { BoundedTotals } from '../bounded-view';
import type { GraphTotalsFragment, SourceSummaryFragment } from '../../api/generated/graphql';

export type EntityTypeInfo = GraphTotalsFragment['vocabulary']['entityTypes'][number];

export type RelationTypeInfo = GraphTotalsFragment['vocabulary']['relationTypes'][number];

export type SourceInfo = SourceSummaryFragment;

/**
 * The overview the graph is shaped from, with the sources loaded so far: every page of them
 * unless `sourcesComplete` is false (GraphData.sourcesComplete).
 */
export type LoadedOverview = GraphTotalsFragment & { sources: readonly SourceInfo[]; sourcesComplete?: boolean };

export type GraphStats = GraphTotalsFragment['stats'];

/** The first and last day (YYYY-MM-DD) something spans; a null end is open. */
export interface DaySpan {
  first: string | null;
  last: string | null;
}

export interface EntityNode {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  /** Number of relations the entity takes part in, in the whole graph. */
  degree: number;
  /** When it happened or held; null when the sources do not date it. */
  span: DaySpan | null;
}

export interface CitationRef {
  sourceId: string;
  /** The verbatim quote. */
  quote: string;
  /** UTF-16 offsets of the quote in its source's text (end exclusive). */
  start: number;
  end: number;
}

/**
 * Relation id → its citations, asked for the relations that need them (exports): the loaded
 * graph leaves them out, as its pages would otherwise be mostly quotes.
 */
export type RelationCitations = ReadonlyMap<string, readonly CitationRef[]>;

export interface RelationEdge {
  id: string;
  type: string;
  /** Human label of the type, such as "enemy of". */
  label: string;
  /** False when the relation reads the same both ways. */
  directed: boolean;
  subjectId: string;
  objectId: string;
  /** Number of distinct supporting sources. */
  corroboration: number;
  /** False when every citation puts the relation in someone's mouth or hedges it. */
  statedPlainly: boolean;
  /** A citation is in an article's own voice (the `ownVoice` filter keeps it). */
  ownVoice: boolean;
  /** A citation is unhedged (the `unhedged` filter keeps it). */
  unhedged: boolean;
  sourceIds: string[];
  /** When it held or happened (its own dates or its dated ends'); null when undated. */
  span: DaySpan | null;
}

export interface GraphData {
  /** The dataset's title (graph-data/dataset.yaml). */
  title: string;
  stats: GraphStats;
  entityTypes: EntityTypeInfo[];
  relationTypes: RelationTypeInfo[];
  /** Every source's short record, or only the first page of them while `sourcesComplete` is false. */
  sources: SourceInfo[];
  /**
   * False while the sources' later pages are still coming (api/load-graph.ts): a graph with
   * thousands of sources is drawn without waiting for them. How many there are is
   * `stats.sourceCount` either way; what needs every id (checking a link's) waits for true.
   */
  sourcesComplete: boolean;
  /** Sorted by id: the order every derived structure (render graph, layout) follows. */
  entities: EntityNode[];
  /** Sorted by id. */
  relations: RelationEdge[];
  entityById: Map<string, EntityNode>;
  relationById: Map<string, RelationEdge>;
  sourceById: Map<string, SourceInfo>;
  /** Relations that name an entity missing from the loaded entities (should stay empty). */
  danglingRelationIds: string[];
  /**
   * The whole graph's totals when only a bounded view of it is loaded (core/bounded-view);
   * null when every entity and relation is.
   */
  bounded?: BoundedTotals | null;
  /**
   * Where the server's layout puts each loaded entity (Overview.positions), so the explorer
   * draws without laying out; entities joining later are placed around the one they came from.
   */
  positions?: EntityPositions;
}

/** Entity id → where it is drawn, in layout units. */
export type EntityPositions = ReadonlyMap<string, { x: number; y: number }>;

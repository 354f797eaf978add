/**
 * The shapes the graph queries return, beyond the loader's records. They hold records, not
 * ids, so the API serves most of their fields with default resolvers.
 */
import type {
  ClaimRecord,
  EntityRecord,
  EntityTypeRecord,
  RelationRecord,
  RelationTypeRecord,
  SourceRecord,
} from '../data/model';

/** One attribute of one entity on which the sources give two or more distinct values. */
export interface DisagreementRecord {
  entity: EntityRecord;
  attribute: string;
  /** One claim per value, in a stable order (by value, then claim id). */
  claims: ClaimRecord[];
}

/** One hop of a path: every relation (passing the filter) that joins its two entities. */
export interface PathHopRecord {
  from: EntityRecord;
  to: EntityRecord;
  /** Best-supported first: by corroboration (descending), then id. */
  relations: RelationRecord[];
}

/** A simple path between two entities, direction ignored. */
export interface PathRecord {
  /** From the path's start to its end; one more than `hops`. */
  entities: EntityRecord[];
  /** The best-supported relation of each hop. */
  relations: RelationRecord[];
  hops: PathHopRecord[];
  length: number;
}

/** A flat piece of the graph: entities and the relations between them. */
export interface SubgraphRecord {
  entities: EntityRecord[];
  relations: RelationRecord[];
  /** True when a limit cut the result. */
  truncated: boolean;
}

/** Two sources compared: `onlyA`, `onlyB` and `both` are paged from it (comparison.ts). */
export interface SourceComparisonRecord {
  a: SourceRecord;
  b: SourceRecord;
}

export interface EntityTypeSummary extends EntityTypeRecord {
  /** Number of entities of this type. */
  count: number;
}

export interface RelationTypeSummary extends RelationTypeRecord {
  /** Number of relations of this type. */
  count: number;
}

/** Someone an article quotes: an entity, or a speaker it only describes ("officials"). */
export interface SpeakerRecord {
  entity: EntityRecord | null;
  name: string;
  affiliation: EntityRecord | null;
}

/**
 * The knowledge graph as the loader hands it on: typed records, every citation resolved
 * to offsets in its source's text. Everything downstream (graph queries, API, client)
 * reads these shapes; nothing downstream writes them.
 */
import type { MultiGraph } from 'graphology';
import type { DatasetRecord } from './dataset';

export interface SourceRecord {
  id: string;
  title: string;
  publisher: string | null;
  author: string | null;
  /** ISO date (YYYY-MM-DD or YYYY-MM), null where the text gives none. */
  published: string | null;
  kind: string;
  note: string | null;
  /** Where the article was published online, when the curator gave it. */
  url?: string;
  /** Path of the text file, relative to the graph-data folder. */
  file: string;
  /** SHA-256 of the text file: the loader refuses a text that was changed, even by one character. */
  sha256: string;
  /** The full text, exactly as stored. */
  text: string;
}

/** What a citation supports: a relation or a claim. */
export type CitationTarget = { kind: 'relation'; id: string } | { kind: 'claim'; id: string };

/**
 * Who an article attributes a statement to: an entity of the graph (`colin-clarke`), or a
 * speaker the article only describes ("officials"), in the article's words.
 */
export type Attribution = { entity: string } | { described: string };

export interface CitationRecord {
  sourceId: string;
  quote: string;
  /** JavaScript string index (UTF-16 code units) of the quote's first character in the source text. */
  start: number;
  /** Index just past the quote's last character: text.slice(start, end) === quote. */
  end: number;
  target: CitationTarget;
  /** Who the article puts the statement in the mouth of; absent when it says it in its own voice. */
  attributedTo?: Attribution;
  /** The id of the hedge (vocabulary `hedges`) the article puts on the statement; absent when unhedged. */
  hedge?: string;
}

export interface EntityRecord {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  description: string;
}

export interface RelationRecord {
  id: string;
  type: string;
  subject: string;
  object: string;
  directed: boolean;
  note: string | null;
  citations: CitationRecord[];
  /** Distinct supporting source ids, sorted: its length is the relation's corroboration. */
  sourceIds: string[];
}

export interface ClaimRecord {
  id: string;
  entity: string;
  attribute: string;
  /** The value as the source words it. */
  value: string;
  /** A curator's canonical form ("2020-08" for "last August"), used only to compare values; null when the wording is the value. */
  normalized: string | null;
  note: string | null;
  citations: CitationRecord[];
  sourceIds: string[];
}

export interface EntityTypeRecord {
  id: string;
  label: string;
  description: string;
}

export interface RelationTypeRecord {
  id: string;
  label: string;
  directed: boolean;
  description: string;
}

export interface ClaimAttributeRecord {
  id: string;
  label: string;
  /**
   * True when values can contradict each other (numbers, dates, amounts); false for
   * descriptive wordings, where different sources' phrasings are not a disagreement.
   */
  comparable: boolean;
  description: string;
}

/** A hedge an article can put on a statement ("reportedly", "may"), with the words that signal it. */
export interface HedgeRecord {
  id: string;
  label: string;
  description: string;
  cues: string[];
}

export interface Vocabulary {
  entityTypes: Map<string, EntityTypeRecord>;
  relationTypes: Map<string, RelationTypeRecord>;
  claimAttributes: Map<string, ClaimAttributeRecord>;
  hedges: Map<string, HedgeRecord>;
  /** Words that say a sentence reports someone's words ("said", "according to"). */
  reportingCues?: string[];
}

/**
 * Entities are nodes (key = entity id), relations are edges (key = relation id) of a mixed
 * multi graph: several relations may join the same two entities, and symmetric relation
 * types (enemy_of, linked_to …) are undirected edges.
 */
export type EntityGraph = MultiGraph<EntityRecord, RelationRecord>;

export interface KnowledgeGraph {
  graph: EntityGraph;
  sources: Map<string, SourceRecord>;
  claims: Map<string, ClaimRecord>;
  vocabulary: Vocabulary;
  /** The dataset's title and description (dataset.yaml); graphs built in memory may leave it out. */
  dataset?: DatasetRecord;
}

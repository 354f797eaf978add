/**
 * The graph being served
 * ======================
 *
 * One place holds the index every request reads and the data version it was built from.
 * A request takes the current snapshot once, when its context is made, and reads only that
 * one, so a change swapped in meanwhile is seen whole by the next request and never half by
 * this one. Caches keyed by the data version (such as a response cache) subscribe to swaps.
 */
import type { KnowledgeGraph } from '../data/model';
import { type GraphIndex, buildGraphIndex } from '../graph/indexes';

export interface GraphSnapshot {
  readonly index: GraphIndex;
  /** The data version (change-log.ts dataVersionOf) the index was built from. */
  readonly version: string;
}

export interface GraphStore {
  current(): GraphSnapshot;
  /** Builds the index of `knowledgeGraph` and serves it from now on. */
  swap(knowledgeGraph: KnowledgeGraph, version: string): GraphSnapshot;
  /** Calls `listener` after every swap; returns the unsubscribe function. */
  onSwap(listener: (snapshot: GraphSnapshot) => void): () => void;
}

export function createGraphStore(knowledgeGraph: KnowledgeGraph, version: string): GraphStore {
  let snapshot: GraphSnapshot = { index: buildGraphIndex(knowledgeGraph), version };
  const listeners = new Set<(snapshot: GraphSnapshot) => void>();
  return {
    current: () => snapshot,
    swap(next, nextVersion) {
      // Built before it is published: readers see the old snapshot until this assignment.
      snapshot = { index: buildGraphIndex(next), version: nextVersion };
      for (const listener of listeners) listener(snapshot);
      return snapshot;
    },
    onSwap(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

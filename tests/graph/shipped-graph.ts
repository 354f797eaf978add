/**
 * The shipped graph-data, loaded and indexed once per test file.
 */
import { loadGraphData } from '../../server/data/load-graph-data';
import type { RelationRecord } from '../../server/data/model';
import { type GraphIndex, buildGraphIndex } from '../../server/graph/indexes';

let loading: Promise<GraphIndex> | undefined;

export function shippedGraphIndex(): Promise<GraphIndex> {
  return (loading ??= loadGraphData().then(buildGraphIndex));
}

/** Every relation of the graph, straight from graphology: the reference the tests compare with. */
export function everyRelation(index: GraphIndex): RelationRecord[] {
  return index.graph.mapEdges((_id, relation) => relation);
}

/** Relation ids sorted the way the API orders them. */
export function sortedIds(records: readonly { id: string }[]): string[] {
  return records.map((record) => record.id).sort();
}

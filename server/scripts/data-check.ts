/**
 * `npm run data:check [dir]`: validates graph-data (or another folder laid out the same way)
 * and prints either a summary or every problem with its file, record, field and line.
 */
import { GraphDataError } from '../data/errors';
import { DEFAULT_GRAPH_DATA_DIR, loadGraphData } from '../data/load-graph-data';

const dir = process.argv[2] ?? DEFAULT_GRAPH_DATA_DIR;

try {
  const { graph, sources, claims } = await loadGraphData(dir);
  let citations = 0;
  let corroborated = 0;
  graph.forEachEdge((_key, relation) => {
    citations += relation.citations.length;
    if (relation.sourceIds.length > 1) corroborated += 1;
  });
  for (const claim of claims.values()) citations += claim.citations.length;
  console.log(
    `graph-data is valid: ${sources.size} sources, ${graph.order} entities, ${graph.size} relations ` +
      `(${corroborated} supported by 2+ sources), ${claims.size} claims, ${citations} citations resolved verbatim.`,
  );
} catch (error) {
  if (error instanceof GraphDataError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

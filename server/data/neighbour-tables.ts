/**
 * Neighbour tables without a prototype
 * ====================================
 *
 * graphology keeps each node's neighbours in plain objects keyed by the neighbour's id (`in`,
 * `out` and `undirected` on its internal node data), made as `{}`. That costs twice here:
 *
 * - Ids that Object.prototype already holds: a relation to an entity with the (valid) id
 *   "constructor" finds Object's constructor function in the table, graphology 0.26 takes it for
 *   an earlier edge, and listing the entity's relations then throws.
 * - Time: V8 gives an object made as `{}` a new hidden class for each key added to it, and at
 *   10^6 relations these tables take 2·10^6 keys. An object without a prototype starts as a hash
 *   table instead: in back-to-back restarts from the snapshot at 10^6 relations, the graph build
 *   took 7.0-7.5 s of CPU with `{}` tables and 4.8-5.4 s with these (on a busy machine).
 *
 * So the tables are replaced by prototype-less copies, best before any edge is added. graphology
 * offers no public way to choose them; this reaches into its node data, and leaves alone any
 * shape it does not know (tests/data/neighbour-tables.test.ts fails if that ever happens).
 */
import type Graph from 'graphology';

const TABLES = ['in', 'out', 'undirected'] as const;

/** Makes every node's neighbour tables prototype-less copies of themselves (see above). */
export function useNeighbourTablesWithoutPrototype(graph: Graph): void {
  const nodes = (graph as unknown as { _nodes?: unknown })._nodes;
  if (!(nodes instanceof Map)) return;
  for (const data of nodes.values() as Iterable<Partial<Record<(typeof TABLES)[number], object>>>) {
    for (const table of TABLES) {
      const current = data[table];
      if (typeof current === 'object' && current !== null && Object.getPrototypeOf(current) !== null) {
        data[table] = Object.assign(Object.create(null) as object, current);
      }
    }
  }
}

/**
 * graphology (0.26) keeps each node's neighbours in objects made as `{}` and keyed by the
 * neighbour's id. An id that every object inherits as a property ("constructor" is a valid
 * entity id) is then found there before any edge reaches it: graphology takes it for an edge
 * already there, and adding a relation to that entity throws, which would stop the explorer
 * from drawing the graph at all. graphology offers no choice of table; a graph made here gets
 * node data whose tables have no prototype, from its first node on (expansions add nodes later)
 * and again whenever graphology clears them. This relies on graphology's internal node data
 * (`NodeDataClass`, and its `in`, `out` and `undirected` tables); tests/client/graph-building
 * fails if that shape changes. The server guards its own entity graph the same way; the client
 * cannot import its code.
 */
const TABLES = ['in', 'out', 'undirected'] as const;

type NodeData = Partial<Record<(typeof TABLES)[number], object>> & { clear?(): void };
type NodeDataClass = new (key: string, attributes: object) => NodeData;

function emptyTables(data: NodeData): void {
  for (const table of TABLES) if (table in data) data[table] = Object.create(null) as object;
}

/** `graph`, whose nodes from now on keep their neighbours in prototype-free tables. */
export function withPrototypeFreeTables<G extends object>(graph: G): G {
  const internals = graph as unknown as { NodeDataClass?: NodeDataClass };
  const Base = internals.NodeDataClass;
  if (typeof Base !== 'function') return graph;
  internals.NodeDataClass = class extends Base {
    constructor(key: string, attributes: object) {
      super(key, attributes);
      emptyTables(this);
    }
    override clear(): void {
      super.clear?.();
      emptyTables(this);
    }
  };
  return graph;
}

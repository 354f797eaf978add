/**
 * Reading a connection of the graph queries to its end, a page at a time, as a client does:
 * the test helper behind every "pages cover the list" assertion.
 */
import type { Connection, PageArgs } from '../../server/graph/pagination';

export interface Paged<T> {
  nodes: T[];
  cursors: string[];
  totalCount: number;
  pages: number;
}

/** Every node, following `endCursor` while `hasNextPage`; fails when a page's total differs from the first's. */
export function everyPage<T>(page: (args: PageArgs) => Connection<T>, first: number): Paged<T> {
  const nodes: T[] = [];
  const cursors: string[] = [];
  let after: string | null = null;
  let totalCount: number | null = null;
  for (let pages = 1; ; pages++) {
    const connection = page({ first, after });
    if (totalCount !== null && connection.totalCount !== totalCount) {
      throw new Error(`Page ${pages} counts ${connection.totalCount}, the first counted ${totalCount}.`);
    }
    totalCount = connection.totalCount;
    if (connection.edges.length > first) throw new Error(`Page ${pages} has ${connection.edges.length} > ${first}.`);
    for (const edge of connection.edges) {
      nodes.push(edge.node);
      cursors.push(edge.cursor);
    }
    if (!connection.pageInfo.hasNextPage) return { nodes, cursors, totalCount, pages };
    if (connection.edges.length !== first) throw new Error(`Page ${pages} is short but says there is more.`);
    after = connection.pageInfo.endCursor;
    if (pages > 100_000) throw new Error('More than 100 000 pages: the cursor does not move.');
  }
}

/** Every node of a connection in one page of at most 500 (the API's largest). */
export function allOf<T>(page: (args: PageArgs) => Connection<T>): T[] {
  return everyPage(page, 500).nodes;
}

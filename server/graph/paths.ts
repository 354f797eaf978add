/**
 * How two entities are connected
 * ==============================
 *
 * Every simple path (no entity twice) of at most `maxLength` hops between two entities,
 * direction ignored, shortest first; several relations joining the same two entities make one
 * hop. Among paths of one length the better supported come first (the sum, over hops, of the
 * best relation's number of sources), then by entity ids, so the order is stable.
 *
 * graphology-shortest-path gives one shortest path (`bidirectional`, which follows edge
 * direction) or distances over the whole graph (`undirectedSingleSourceLength`, no cut-off,
 * no edge filter), so the search is hand-written and bounded:
 *   1. a breadth-first walk from the target, grown one layer at a time and only as far as the
 *      current length needs, gives each nearby entity its distance to the target;
 *   2. a depth-first walk from the start enumerates the paths of exactly length L, pruned by
 *      that distance: a branch is followed only if it can still reach the target in L hops.
 * Both walks count their steps against a work budget, so no request can walk a large graph.
 *
 * `pathPage` walks every length up to `maxLength`, so that it can say how many paths there are
 * ("10 of 18") and serve any page of them; `shortestPaths` stops as soon as it has `first`.
 */
import type { EntityRecord, RelationRecord } from '../data/model';
import type { PathHopRecord, PathRecord } from './results';
import { type GraphIndex, compareStrings } from './indexes';
import { InvalidArgumentError } from './invalid-argument';
import { type RelationFilter, byCorroboration, relationMatcher } from './relations';

export interface PathOptions {
  /** Longest path, in hops. */
  maxLength: number;
  /** At most this many paths. */
  first: number;
  filter?: RelationFilter | null;
  /** Edge visits and search steps allowed before giving up; see DEFAULT_PATH_WORK_BUDGET. */
  workBudget?: number;
}

/**
 * Enough for any question on the shipped graph and for paths of 3 hops through ordinary
 * entities of a million-relation graph; a query past it fails with a message that says how
 * to narrow it.
 */
export const DEFAULT_PATH_WORK_BUDGET = 2_000_000;

/** Paths of one length collected before ranking them; beyond it the first found are kept. */
const MAX_RANKED_PER_LENGTH = 1_000;

/** A page of the ranked paths, with how many there are in all. */
export interface PathPageOptions extends PathOptions {
  /** Shortest path wanted, in hops (1 leaves out nothing but the empty path; 2 leaves out direct relations). */
  minLength?: number;
  /** Paths skipped before the page, in rank order. */
  offset?: number;
}

export interface PathPageRecord {
  /** At most `first` paths from `offset` on, shortest and best supported first. */
  paths: PathRecord[];
  /** Every path of `minLength` to `maxLength` hops; a lower bound when `totalCountExact` is false. */
  totalCount: number;
  /**
   * False when a bound cut the count: more than MAX_RANKED_PER_LENGTH paths of one length, or
   * the work budget spent on counting once the page was full (the page itself never is cut).
   */
  totalCountExact: boolean;
}

/** The shortest simple paths from `fromId` to `toId`, shortest and best supported first. */
export function shortestPaths(index: GraphIndex, fromId: string, toId: string, options: PathOptions): PathRecord[] {
  return walkPaths(index, fromId, toId, { ...options, minLength: 0, offset: 0 }, false).paths;
}

/**
 * A page of the paths from `fromId` to `toId` and their total: every length up to
 * `maxLength` is walked (not only until the page is full), so the total is known.
 */
export function pathPage(index: GraphIndex, fromId: string, toId: string, options: PathPageOptions): PathPageRecord {
  return walkPaths(index, fromId, toId, options, true);
}

function walkPaths(
  index: GraphIndex,
  fromId: string,
  toId: string,
  options: PathPageOptions,
  countAll: boolean,
): PathPageRecord {
  const { graph } = index;
  for (const [argument, id] of [
    ['from', fromId],
    ['to', toId],
  ] as const) {
    if (!graph.hasNode(id)) {
      throw new InvalidArgumentError(
        argument,
        `No entity has the id "${id}": pass the id of an existing entity as \`${argument}\`.`,
      );
    }
  }
  const minLength = options.minLength ?? 0;
  const offset = options.offset ?? 0;
  const end = offset + options.first;
  const none: PathPageRecord = { paths: [], totalCount: 0, totalCountExact: true };
  if (!countAll && options.first <= 0) return none;
  if (fromId === toId) {
    const all = minLength <= 0 ? [pathThrough(index, [fromId], null)] : [];
    return { paths: all.slice(offset, end), totalCount: all.length, totalCountExact: true };
  }

  const matches = relationMatcher(index, options.filter);
  let work = options.workBudget ?? DEFAULT_PATH_WORK_BUDGET;
  const spend = (steps: number) => {
    work -= steps;
    if (work < 0) throw new WorkBudgetSpent();
  };

  // Neighbours over the relations that pass the filter, in the graph's order, cached per request.
  const neighborCache = new Map<string, string[]>();
  const neighborsOf = (node: string): string[] => {
    let neighbors = neighborCache.get(node);
    if (!neighbors) {
      const found = new Set<string>();
      graph.forEachEdge(node, (_id, relation, source, target) => {
        const other = source === node ? target : source;
        if (other !== node && (!matches || matches(relation))) found.add(other);
      });
      spend(graph.degree(node));
      neighbors = [...found];
      neighborCache.set(node, neighbors);
    }
    return neighbors;
  };

  // 1. Distances to the target, one layer at a time.
  const distance = new Map<string, number>([[toId, 0]]);
  let frontier = [toId];
  let radius = 0;
  const growTo = (wanted: number) => {
    while (radius < wanted && frontier.length > 0) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const neighbor of neighborsOf(node)) {
          if (!distance.has(neighbor)) {
            distance.set(neighbor, radius + 1);
            next.push(neighbor);
          }
        }
      }
      frontier = next;
      radius++;
    }
  };

  // 2. The paths of exactly `length` hops (at most MAX_RANKED_PER_LENGTH of them).
  const pathsOfLength = (length: number): string[][] => {
    growTo(length - 1);
    const found: string[][] = [];
    const path = [fromId];
    const onPath = new Set(path);
    const extend = (node: string) => {
      for (const neighbor of neighborsOf(node)) {
        if (found.length >= MAX_RANKED_PER_LENGTH) return;
        spend(1);
        const hops = path.length; // hops once `neighbor` is added
        const toGo = distance.get(neighbor);
        if (toGo === undefined || hops + toGo > length || onPath.has(neighbor)) continue;
        if (neighbor === toId) {
          if (hops === length) found.push([...path, toId]);
          continue;
        }
        path.push(neighbor);
        onPath.add(neighbor);
        extend(neighbor);
        path.pop();
        onPath.delete(neighbor);
      }
    };
    extend(fromId);
    return found;
  };

  // 3. Lengths from the shortest up: rank those the page needs, count the rest.
  const paths: PathRecord[] = [];
  let totalCount = 0;
  let totalCountExact = true;
  try {
    while (!distance.has(fromId) && radius < options.maxLength && frontier.length > 0) growTo(radius + 1);
    const shortest = distance.get(fromId);
    if (shortest === undefined || shortest > options.maxLength) return none;
    for (let length = Math.max(shortest, minLength); length <= options.maxLength; length++) {
      if (!countAll && totalCount >= end) break;
      const found = pathsOfLength(length);
      if (found.length >= MAX_RANKED_PER_LENGTH) totalCountExact = false;
      if (totalCount < end && totalCount + found.length > offset) {
        const ranked = found.map((ids) => pathThrough(index, ids, matches)).sort(bySupportThenIds);
        paths.push(...ranked.slice(Math.max(0, offset - totalCount), end - totalCount));
      }
      totalCount += found.length;
    }
  } catch (error) {
    if (!(error instanceof WorkBudgetSpent)) throw error;
    // Once the page is full, running out of budget only leaves the total a lower bound.
    if (totalCount < end) {
      throw new InvalidArgumentError(
        'maxLength',
        `Finding paths between "${fromId}" and "${toId}" needs more work than one request may do: lower \`maxLength\`, or pass a \`filter\` to follow fewer relations.`,
      );
    }
    totalCountExact = false;
  }
  return { paths, totalCount, totalCountExact };
}

/** Thrown inside the walk when its work budget is spent; never leaves this module. */
class WorkBudgetSpent extends Error {}

/** The path along these entities, each hop with its relations that pass the filter. */
function pathThrough(
  index: GraphIndex,
  entityIds: readonly string[],
  matches: ((relation: RelationRecord) => boolean) | null,
): PathRecord {
  const { graph } = index;
  const entities: EntityRecord[] = entityIds.map((id) => graph.getNodeAttributes(id));
  const hops: PathHopRecord[] = [];
  for (let i = 1; i < entities.length; i++) {
    const [from, to] = [entities[i - 1]!, entities[i]!];
    // In a mixed multi graph, edges(a, b) holds a→b, b→a and undirected edges alike.
    const relations = graph
      .edges(from.id, to.id)
      .map((id) => graph.getEdgeAttributes(id))
      .filter((relation) => !matches || matches(relation))
      .sort(byCorroboration);
    hops.push({ from, to, relations });
  }
  return { entities, relations: hops.map((hop) => hop.relations[0]!), hops, length: hops.length };
}

function support(path: PathRecord): number {
  return path.relations.reduce((sum, relation) => sum + relation.sourceIds.length, 0);
}

function bySupportThenIds(a: PathRecord, b: PathRecord): number {
  const bySupport = support(b) - support(a);
  if (bySupport !== 0) return bySupport;
  for (let i = 0; i < a.entities.length; i++) {
    const order = compareStrings(a.entities[i]!.id, b.entities[i]!.id);
    if (order !== 0) return order;
  }
  return 0;
}

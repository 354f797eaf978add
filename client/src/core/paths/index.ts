/** Path finder: two entities and the connecting paths between them (Query.pathsConnection). */
import type { PathsQuery } from '../../api/generated/graphql';

export const PATH_MAX_LENGTHS = [1, 2, 3, 4, 5] as const;
export const DEFAULT_PATH_MAX_LENGTH = 3;

export interface PathState {
  from: string | null;
  to: string | null;
  /** Longest path searched, in hops (1 to 5). */
  maxLength: number;
  /** The path shown on its own (0-based), or null for all of them. */
  index: number | null;
}

export type PathResult = PathsQuery['pathsConnection']['edges'][number]['node'];

/** How many paths the API counted, and whether a bound cut the count. */
export interface PathTotal {
  count: number;
  exact: boolean;
}

/**
 * What the path finder says about the paths listed: "18 paths" when all are shown, "10 of 18
 * paths" when more can be fetched, "10 of at least 1000 paths" when a bound cut the count.
 */
export function pathCountSummary(shown: number, total: PathTotal): string {
  const noun = (count: number) => (count === 1 ? 'path' : 'paths');
  if (total.exact && shown >= total.count) return `${shown} ${noun(shown)}`;
  return `${shown} of ${total.exact ? '' : 'at least '}${total.count} ${noun(total.count)}`;
}

type PathProducer = (path: PathState | null) => PathState | null;

export const EMPTY_PATH: PathState = { from: null, to: null, maxLength: DEFAULT_PATH_MAX_LENGTH, index: null };

export function toPathMaxLength(value: unknown): number {
  const length = Number(value);
  return Number.isInteger(length) && length >= 1 && length <= 5 ? length : DEFAULT_PATH_MAX_LENGTH;
}

export const setPathEnd =
  (end: 'from' | 'to', entityId: string | null): PathProducer =>
  (path) => {
    const next = { ...(path ?? EMPTY_PATH), [end]: entityId, index: null };
    return next.from === null && next.to === null ? null : next;
  };

export const swapPathEnds = (): PathProducer => (path) =>
  path ? { ...path, from: path.to, to: path.from, index: null } : null;

export const setPathMaxLength =
  (maxLength: number): PathProducer =>
  (path) => ({ ...(path ?? EMPTY_PATH), maxLength: toPathMaxLength(maxLength), index: null });

export const showPath =
  (index: number | null): PathProducer =>
  (path) =>
    path ? { ...path, index } : null;

export const clearPath = (): PathProducer => () => null;

/** True when both ends are chosen and the API can be asked. */
export const isPathComplete = (path: PathState | null): path is PathState & { from: string; to: string } =>
  path !== null && path.from !== null && path.to !== null;

/** The entities and relations of the shown paths, for highlighting. */
export function pathHighlight(
  paths: readonly PathResult[],
  index: number | null,
): { entities: Set<string>; relations: Set<string> } {
  const shown = index === null ? paths : paths.slice(index, index + 1);
  const entities = new Set<string>();
  const relations = new Set<string>();
  for (const path of shown) {
    for (const entity of path.entities) entities.add(entity.id);
    for (const hop of path.hops) for (const relation of hop.relations) relations.add(relation.id);
  }
  return { entities, relations };
}

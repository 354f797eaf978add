/**
 * Cursors over ranked lists
 * =========================
 *
 * Paths and search hits are ranked, not sorted by id, so their cursor is a position: the
 * opaque base64url of the rank of the last item a page showed. The index never changes, so
 * the same question ranks the same way on every request and a position stays valid.
 */
import { InvalidArgumentError } from './invalid-argument';

const CURSOR_PREFIX = 'rank:';

/** The cursor of the item at this position (0 = first). */
export function encodeRankCursor(position: number): string {
  return Buffer.from(CURSOR_PREFIX + position, 'utf8').toString('base64url');
}

/** Where the page after this cursor starts (0 without a cursor); a cursor this API did not make is an error naming `argument`. */
export function offsetAfter(cursor: string | null | undefined, argument = 'after'): number {
  if (cursor == null) return 0;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const position = Number(decoded.slice(CURSOR_PREFIX.length));
  if (!decoded.startsWith(CURSOR_PREFIX) || !Number.isSafeInteger(position) || encodeRankCursor(position) !== cursor) {
    throw new InvalidArgumentError(
      argument,
      `\`${argument}\` is not a cursor of this list: pass the \`endCursor\` or an edge \`cursor\` of a previous page of the same question, or leave it out to start at the beginning.`,
    );
  }
  return position + 1;
}

/** A ranked page as a Relay connection: `items` start at `offset` of the whole ranking. */
export interface RankedConnection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export function rankedConnection<T>(items: readonly T[], offset: number, totalCount: number): RankedConnection<T> {
  const edges = items.map((node, i) => ({ cursor: encodeRankCursor(offset + i), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: offset + items.length < totalCount,
      endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor : null,
    },
    totalCount,
  };
}

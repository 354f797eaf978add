/**
 * Loading the graph: every page of the sources, and at the same time the totals, the
 * vocabulary and the API's overview at its defaults. A graph that overview holds
 * whole needs nothing more; a graph too large to draw whole (core/bounded-view) opens on it;
 * between the two, the loader pages through every entity and relation (Relay connections,
 * 400 at a time, until hasNextPage is false). Either way with the server's positions for
 * the entities, so the explorer draws without laying out. A named side effect; the shaping
 * itself is pure (core/graph-data).
 */
import type { AnyVariables, Client, CombinedError } from '@urql/core';

import { BOUNDED_VIEW_THRESHOLD, chooseGraphScope } from '../core/bounded-view';
import { shapeGraphData, type EntityPositions, type GraphData } from '../core/graph-data';
import { parsedDocument } from './documents';
import {
  EntitiesPageDocument,
  OpeningRelationsDocument,
  OpeningViewDocument,
  RelationsPageDocument,
  SourcesPageDocument,
  WholeGraphPositionsDocument,
  type EntityPlaceFragment,
  type EntitySummaryFragment,
  type RelationSummaryFragment,
  type SourceSummaryFragment,
  type TypedDocumentString,
} from './generated/graphql';

/**
 * A relation's summary (ends, source ids, citations, time span) costs about 52 under the API's
 * cost limit (server/api/limits.ts MAX_COST, 25 000): 400 a page stays clear of it.
 */
export const PAGE_SIZE = 400;

/** A source's short record costs a handful: the API's largest page. */
const SOURCE_PAGE_SIZE = 500;

export interface LoadProgress {
  entities: number;
  relations: number;
  entityTotal: number | null;
  relationTotal: number | null;
}

/** An error worth showing as is: says what failed and what would help. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
}

export function describeApiError(what: string, error: CombinedError): ApiError {
  if (error.networkError) {
    return new ApiError(
      `Could not reach the API at /graphql while loading ${what} (${error.networkError.message}). ` +
        'Check that the server is running (npm start), then retry.',
    );
  }
  const messages = error.graphQLErrors.map((graphQLError) => {
    const code = graphQLError.extensions?.code;
    return typeof code === 'string' ? `${graphQLError.message} [${code}]` : graphQLError.message;
  });
  return new ApiError(`The API refused the request for ${what}: ${messages.join('; ') || error.message}.`);
}

export async function ask<Data, Variables extends AnyVariables>(
  client: Client,
  what: string,
  query: TypedDocumentString<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const result = await client.query(parsedDocument(query), variables, { requestPolicy: 'network-only' }).toPromise();
  if (result.error) throw describeApiError(what, result.error);
  if (!result.data) throw new ApiError(`The API answered without data for ${what}.`);
  return result.data;
}

/** One page of a Relay connection, as the entity and relation page queries ask for it. */
interface ConnectionPage<Node> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: readonly { node: Node }[];
}

/** Every node of a connection, a page at a time (after the last cursor) until hasNextPage is false. */
async function loadAllPages<Node>(
  fetchPage: (after: string | null) => Promise<ConnectionPage<Node>>,
  onPage: (count: number, total: number) => void,
): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetchPage(after);
    nodes.push(...page.edges.map((edge) => edge.node));
    onPage(nodes.length, page.totalCount);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return nodes;
    after = page.pageInfo.endCursor;
  }
}

function positionsById(places: readonly EntityPlaceFragment[]): EntityPositions {
  return new Map(places.map(({ id, x, y }) => [id, { x, y }]));
}

export async function loadGraphData(client: Client, onProgress?: (progress: LoadProgress) => void): Promise<GraphData> {
  // The sources' short records (what chips and pickers name them by) are read whole, a page at
  // a time, alongside everything else: thousands at most, and their lists are drawn a page at a
  // time (the source filter).
  const sourcesLoaded = loadAllPages<SourceSummaryFragment>(
    async (after) => (await ask(client, 'sources', SourcesPageDocument, { first: SOURCE_PAGE_SIZE, after })).sources,
    () => undefined,
  );
  // Not left unhandled while the overview is awaited: its failure surfaces where it is awaited.
  sourcesLoaded.catch(() => undefined);
  const openingRelations = ask(client, 'the overview’s relations', OpeningRelationsDocument, {});
  openingRelations.catch(() => undefined);
  const { stats, vocabulary, overview } = await ask(client, 'the graph overview', OpeningViewDocument, {});
  const whole = !overview.truncated;
  if (whole || chooseGraphScope(stats) === 'bounded') {
    const [{ overview: relations }, sources] = await Promise.all([openingRelations, sourcesLoaded]);
    onProgress?.({
      entities: overview.entities.length,
      relations: relations.relations.length,
      entityTotal: overview.entities.length,
      relationTotal: relations.relations.length,
    });
    return shapeGraphData(
      { stats, vocabulary, sources },
      [...overview.entities],
      [...relations.relations],
      whole ? null : { totalEntities: overview.totalEntities, totalRelations: overview.totalRelations },
      positionsById(overview.positions),
    );
  }
  const progress: LoadProgress = { entities: 0, relations: 0, entityTotal: null, relationTotal: null };
  const report = () => onProgress?.({ ...progress });
  // Within the threshold, the overview asked at the threshold holds every entity: its layout places them all.
  const positions = ask(client, 'the layout', WholeGraphPositionsDocument, {
    maxEntities: BOUNDED_VIEW_THRESHOLD.entities,
    maxRelations: BOUNDED_VIEW_THRESHOLD.relations,
  }).then((answer) => positionsById(answer.overview.positions));
  positions.catch(() => undefined);
  const [entities, relations, sources] = await Promise.all([
    loadAllPages<EntitySummaryFragment>(
      async (after) => (await ask(client, 'entities', EntitiesPageDocument, { first: PAGE_SIZE, after })).entities,
      (count, total) => {
        progress.entities = count;
        progress.entityTotal = total;
        report();
      },
    ),
    loadAllPages<RelationSummaryFragment>(
      async (after) => (await ask(client, 'relations', RelationsPageDocument, { first: PAGE_SIZE, after })).relations,
      (count, total) => {
        progress.relations = count;
        progress.relationTotal = total;
        report();
      },
    ),
    sourcesLoaded,
  ]);
  return shapeGraphData({ stats, vocabulary, sources }, entities, relations, null, await positions);
}

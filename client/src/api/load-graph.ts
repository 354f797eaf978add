/**
 * Loading the graph: every page of the sources, and at the same time the totals, the
 * vocabulary and the API's overview at its defaults (a graph that opens on the overview is
 * drawn once the first page of sources is in: StagedGraphLoad). A graph that overview holds
 * whole needs nothing more; a graph too large to draw whole (core/bounded-view) opens on it;
 * between the two, the loader pages through every entity and relation (Relay connections,
 * 400 at a time, until hasNextPage is false). Either way with the server's positions for
 * the entities, so the explorer draws without laying out. A named side effect; the shaping
 * itself is pure (core/graph-data).
 */
import type { AnyVariables, Client, CombinedError } from '@urql/core';

import { BOUNDED_VIEW_THRESHOLD, chooseGraphScope } from '../core/bounded-view';
import { shapeGraphData, withAllSources, type EntityPositions, type GraphData } from '../core/graph-data';
import { apiDocument } from './documents';
import { takeEmbeddedAnswer } from './embedded-answers';
import { requestBody, SOURCE_PAGE_SIZE } from './opening-queries';
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
 * A relation's summary (ends, source ids, time span) costs about 23 under the API's cost limit
 * (server/api/limits.ts MAX_COST, 25 000): 400 a page stays well clear of it.
 */
export const PAGE_SIZE = 400;

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
  // The page may have come with this answer (embedded-answers.ts): no round trip then.
  const embedded = takeEmbeddedAnswer(requestBody(query, variables));
  if (embedded !== undefined) return embedded as Data;
  const result = await client.query(apiDocument(query), variables, { requestPolicy: 'network-only' }).toPromise();
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

/**
 * Every node of a connection from its first page on, a page at a time (after the last cursor)
 * until hasNextPage is false.
 */
async function loadPagesFrom<Node>(
  firstPage: Promise<ConnectionPage<Node>>,
  fetchPage: (after: string) => Promise<ConnectionPage<Node>>,
  onPage: (count: number, total: number) => void,
): Promise<Node[]> {
  const nodes: Node[] = [];
  let page = await firstPage;
  for (;;) {
    nodes.push(...page.edges.map((edge) => edge.node));
    onPage(nodes.length, page.totalCount);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return nodes;
    page = await fetchPage(page.pageInfo.endCursor);
  }
}

/** Every node of a connection, a page at a time until hasNextPage is false. */
function loadAllPages<Node>(
  fetchPage: (after: string | null) => Promise<ConnectionPage<Node>>,
  onPage: (count: number, total: number) => void,
): Promise<Node[]> {
  return loadPagesFrom(fetchPage(null), fetchPage, onPage);
}

function positionsById(places: readonly EntityPlaceFragment[]): EntityPositions {
  return new Map(places.map(({ id, x, y }) => [id, { x, y }]));
}

/**
 * A load in two stages: `first`, the graph to draw, and `complete`, the same graph with every
 * source. They are one unless the graph opens on the overview and has more sources than one
 * page: then `first` holds the first page of them (GraphData.sourcesComplete false), so that
 * thousands of sources, read a page after another, do not hold back the first frame.
 */
export interface StagedGraphLoad {
  first: Promise<GraphData>;
  complete: Promise<GraphData>;
}

/** The whole graph, every source included (the second stage of loadGraphDataInStages). */
export function loadGraphData(client: Client, onProgress?: (progress: LoadProgress) => void): Promise<GraphData> {
  return loadGraphDataInStages(client, onProgress).complete;
}

/**
 * `secondStageWhen`: when the second stage may ask for its pages (graph-load.ts: once the first
 * is drawn), so that their answers, read and shaped on the main thread, do not compete with the
 * first frame. By default, at once.
 */
export function loadGraphDataInStages(
  client: Client,
  onProgress?: (progress: LoadProgress) => void,
  secondStageWhen: Promise<unknown> = Promise.resolve(),
): StagedGraphLoad {
  const stages = loadStages(client, onProgress, secondStageWhen);
  const first = stages.then((loaded) => loaded.first);
  const complete = stages.then((loaded) => loaded.complete);
  // Neither left unhandled when only the other is awaited: a failure surfaces where that one is.
  first.catch(() => undefined);
  complete.catch(() => undefined);
  return { first, complete };
}

async function loadStages(
  client: Client,
  onProgress: ((progress: LoadProgress) => void) | undefined,
  secondStageWhen: Promise<unknown>,
): Promise<{ first: GraphData; complete: Promise<GraphData> }> {
  // The sources' short records (what chips and pickers name them by) are read whole, a page at
  // a time: thousands at most, and their lists are drawn a page at a time (the source filter).
  const sourcesPage = (after: string | null) =>
    ask(client, 'sources', SourcesPageDocument, { first: SOURCE_PAGE_SIZE, after }).then((answer) => answer.sources);
  const firstSources = sourcesPage(null);
  // Not left unhandled while the overview is awaited: its failure surfaces where it is awaited.
  firstSources.catch(() => undefined);
  const allSources = () => loadPagesFrom<SourceSummaryFragment>(firstSources, sourcesPage, () => undefined);
  const openingRelations = ask(client, 'the overview’s relations', OpeningRelationsDocument, {});
  openingRelations.catch(() => undefined);
  const { dataset, stats, vocabulary, overview } = await ask(client, 'the graph overview', OpeningViewDocument, {});
  const whole = !overview.truncated;
  if (whole || chooseGraphScope(stats) === 'bounded') {
    const [{ overview: relations }, sourcesFirstPage] = await Promise.all([openingRelations, firstSources]);
    onProgress?.({
      entities: overview.entities.length,
      relations: relations.relations.length,
      entityTotal: overview.entities.length,
      relationTotal: relations.relations.length,
    });
    const sourcesComplete = !sourcesFirstPage.pageInfo.hasNextPage;
    const first = shapeGraphData(
      { dataset, stats, vocabulary, sources: sourcesFirstPage.edges.map((edge) => edge.node), sourcesComplete },
      [...overview.entities],
      [...relations.relations],
      whole ? null : { totalEntities: overview.totalEntities, totalRelations: overview.totalRelations },
      positionsById(overview.positions),
    );
    const complete = sourcesComplete
      ? Promise.resolve(first)
      : secondStageWhen.then(allSources).then((sources) => withAllSources(first, sources));
    return { first, complete };
  }
  // Drawn whole: every source is read alongside everything else, before the first frame.
  const sourcesLoaded = allSources();
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
  const data = shapeGraphData({ dataset, stats, vocabulary, sources }, entities, relations, null, await positions);
  return { first: data, complete: Promise.resolve(data) };
}

/**
 * The bounded view: the seed-sized graph loads whole, a generated graph over the threshold
 * loads the API's overview and says how much of the graph that is.
 */
import { fetchNeighbourPage } from '../../client/src/api/expand-entity';
import { createApiClient } from '../../client/src/api/client';
import {
  collapseEntity,
  expandEntity,
  grownExpansion,
  NOT_EXPANDED,
} from '../../client/src/core/bounded-view/expanded';
import {
  composeView,
  EXPAND_PAGE_SIZE,
  expansionCounts,
  expansionsFor,
  nextPageToLoad,
  withLoadedPage,
  type LoadedPages,
} from '../../client/src/core/bounded-view/expansion';
import { layerOfFocus } from '../../client/src/core/bounded-view/focus-layer';
import {
  missingRelations,
  shownRelations,
  shownRelationsAnchor,
} from '../../client/src/core/bounded-view/shown-relations';
import { syncRenderGraph } from '../../client/src/core/bounded-view/placement';
import { fetchFocusLayer } from '../../client/src/api/focus-layer';
import { fetchShownRelations } from '../../client/src/api/shown-relations';
import { buildRenderGraph } from '../../client/src/core/graph-building';
import { loadGraphData } from '../../client/src/api/load-graph';
import { corroborationSteps } from '../../client/src/core/graph-building';
import {
  BOUNDED_VIEW_THRESHOLD,
  boundedPips,
  chooseGraphScope,
  MAX_PIPS,
  describeBoundedView,
  shownOf,
} from '../../client/src/core/bounded-view';
import { startServer, type RunningServer } from '../../server/api/server';
import { BOUNDED_TEST_GRAPH, generatedGraph } from '../support/generated-graph';

describe('choosing between the whole graph and a bounded view', () => {
  const { entities, relations } = BOUNDED_VIEW_THRESHOLD;

  it('keeps a graph at the threshold whole', () => {
    expect(chooseGraphScope({ entityCount: 40, relationCount: 60 })).toBe('whole');
    expect(chooseGraphScope({ entityCount: entities, relationCount: relations })).toBe('whole');
  });

  it('bounds a graph one entity or one relation over it', () => {
    expect(chooseGraphScope({ entityCount: entities + 1, relationCount: 10 })).toBe('bounded');
    expect(chooseGraphScope({ entityCount: 10, relationCount: relations + 1 })).toBe('bounded');
  });
});

describe('saying what a bounded view leaves out', () => {
  it('reads "N of M" with thousands separated', () => {
    expect(shownOf(500, 50_000, 'entity', 'entities')).toBe('500 of 50,000 entities');
    expect(
      describeBoundedView({ entities: 500, relations: 1_234 }, { totalEntities: 50_000, totalRelations: 100_000 }),
    ).toEqual({
      short: '500 of 50,000 entities shown',
      full: '500 of 50,000 entities · 1,234 of 100,000 relations shown',
    });
  });

  it('says "all" when nothing of that kind is left out', () => {
    expect(shownOf(3, 3, 'relation', 'relations')).toBe('all 3 relations');
    expect(shownOf(1, 1, 'entity', 'entities')).toBe('all 1 entity');
  });
});

describe('per-source widgets stay bounded whatever the number of sources', () => {
  it('draws one pip per source for a few sources, and at most MAX_PIPS for hundreds', () => {
    expect(boundedPips(2, 5)).toEqual({ pips: 5, filled: 2 });
    expect(boundedPips(3, 800)).toEqual({ pips: MAX_PIPS, filled: 3 });
    expect(boundedPips(400, 800)).toEqual({ pips: MAX_PIPS, filled: MAX_PIPS });
  });

  it('keys corroboration from 1 to the number of sources, up to where the drawing stops changing', () => {
    expect(corroborationSteps(3).map((step) => step.label)).toEqual(['1', '2', '3']);
    expect(corroborationSteps(5).map((step) => step.label)).toEqual(['1', '2', '3', '4', '5']);
    expect(corroborationSteps(4_000).map((step) => step.label)).toEqual(['1', '2', '3', '4', '5+']);
  });
});

describe('what a step of the expansions grew', () => {
  it('names the entity that took a page more, and none for a collapse or no change', () => {
    const one = expandEntity('acme')(NOT_EXPANDED);
    const two = expandEntity('bolt')(one);
    expect(grownExpansion(NOT_EXPANDED, one)).toBe('acme');
    expect(grownExpansion(one, two)).toBe('bolt');
    expect(grownExpansion(two, expandEntity('acme')(two))).toBe('acme');
    expect(grownExpansion(two, collapseEntity('bolt')(two))).toBeNull();
    expect(grownExpansion(two, two)).toBeNull();
  });
});

describe('loading a graph over the threshold', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      knowledgeGraph: await generatedGraph(BOUNDED_TEST_GRAPH),
    });
  }, 120_000);
  afterAll(() => server.close());

  /** The first 500 entities by id that a view leaves out, with a relation or more. */
  const entitiesOutside = async (view: { entityById: ReadonlyMap<string, unknown> }) => {
    const { entities } = await askApi<{ entities: { edges: { node: { id: string; degree: number } }[] } }>(
      '{ entities(first: 500) { edges { node { id degree } } } }',
    );
    return entities.edges.map(({ node }) => node).filter((node) => !view.entityById.has(node.id) && node.degree > 0);
  };

  /** The API's data for a query, asked plainly (not as the explorer asks it). */
  const askApi = async <T>(query: string): Promise<T> => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const { data, errors } = (await response.json()) as { data: T; errors?: unknown };
    expect(errors).toBeUndefined();
    return data;
  };

  it("loads the API's overview, not every page, with the whole graph's totals", async () => {
    const data = await loadGraphData(createApiClient(`${server.url}/graphql`));
    expect(chooseGraphScope(data.stats)).toBe('bounded');
    expect(data.bounded).toEqual({
      totalEntities: data.stats.entityCount,
      totalRelations: data.stats.relationCount,
    });
    expect(data.entities.length).toBeGreaterThan(0);
    expect(data.entities.length).toBeLessThan(data.stats.entityCount);
    expect(data.relations.length).toBeLessThan(data.stats.relationCount);
    expect(data.danglingRelationIds).toEqual([]);
    for (const relation of data.relations) {
      expect(data.entityById.has(relation.subjectId) && data.entityById.has(relation.objectId)).toBe(true);
    }
  }, 60_000);

  it('expands the best-connected entity a page at a time, places its neighbours around it, and collapses back', async () => {
    const client = createApiClient(`${server.url}/graphql`);
    const base = await loadGraphData(client);
    const graph = buildRenderGraph(base);
    const hub = [...base.entities].sort((a, b) => b.degree - a.degree)[0]!;
    expect(hub.degree).toBeGreaterThan(EXPAND_PAGE_SIZE);

    // The URL asks for the hub's first page; the loader fetches it.
    let wanted = expandEntity(hub.id)(NOT_EXPANDED);
    let loaded: LoadedPages = new Map();
    expect(nextPageToLoad(wanted, loaded)).toEqual({ entityId: hub.id, after: null });
    const first = await fetchNeighbourPage(client, hub.id, null);
    expect(first.total).toBe(hub.degree);
    expect(first.relations).toHaveLength(EXPAND_PAGE_SIZE);
    expect(first.countsByType.reduce((sum, { count }) => sum + count, 0)).toBe(hub.degree);
    expect(first.countsByEntityType.reduce((sum, { count }) => sum + count, 0)).toBe(hub.degree);
    loaded = withLoadedPage(loaded, hub.id, null, first);
    expect(nextPageToLoad(wanted, loaded)).toBeNull();
    let expansions = expansionsFor(wanted, loaded);
    expect(expansionCounts(expansions.get(hub.id)!)).toEqual({ shown: EXPAND_PAGE_SIZE, total: hub.degree });

    // "Next 50": a second page, fetched from where the first ended.
    wanted = expandEntity(hub.id)(wanted);
    expect(nextPageToLoad(wanted, loaded)).toEqual({ entityId: hub.id, after: first.next });
    const second = await fetchNeighbourPage(client, hub.id, first.next);
    loaded = withLoadedPage(loaded, hub.id, first.next, second);
    expansions = expansionsFor(wanted, loaded);
    expect(expansionCounts(expansions.get(hub.id)!).shown).toBe(Math.min(2 * EXPAND_PAGE_SIZE, hub.degree));

    const before = Object.fromEntries(graph.mapNodes((id, { x, y }) => [id, { x, y }]));
    const view = composeView(base, [...expansions.values()]);
    syncRenderGraph(graph, view, [...expansions.values()]);
    expect(graph.order).toBe(view.entities.length);
    expect(graph.size).toBe(view.relations.length);
    expect(view.entities.length).toBeGreaterThan(base.entities.length);
    for (const relation of [...first.relations, ...second.relations]) expect(graph.hasEdge(relation.id)).toBe(true);
    // Nothing already drawn moves.
    for (const [id, position] of Object.entries(before)) expect(graph.getNodeAttributes(id)).toMatchObject(position);

    // Back to one page: the cache has it, nothing to fetch, and the second page leaves the view.
    const onePage = expansionsFor(expandEntity(hub.id)(NOT_EXPANDED), loaded);
    expect(expansionCounts(onePage.get(hub.id)!).shown).toBe(EXPAND_PAGE_SIZE);

    wanted = collapseEntity(hub.id)(wanted);
    expansions = expansionsFor(wanted, loaded);
    const collapsed = composeView(base, [...expansions.values()]);
    syncRenderGraph(graph, collapsed, [...expansions.values()]);
    expect(collapsed).toBe(base);
    expect(graph.order).toBe(base.entities.length);
    expect(graph.size).toBe(base.relations.length);
  }, 60_000);

  it("brings a focus's neighbourhood into the view around the focus entity, and takes it out when the focus goes", async () => {
    const client = createApiClient(`${server.url}/graphql`);
    const base = await loadGraphData(client);
    const graph = buildRenderGraph(base);
    // An entity the overview leaves out, with neighbours it leaves out too.
    const outside = (await entitiesOutside(base)).find((entity) => entity.degree >= 2)!;
    expect(outside).toBeDefined();
    const { neighborhood } = await askApi<{
      neighborhood: { entities: { id: string }[]; relations: { id: string }[] };
    }>(`{ neighborhood(id: ${JSON.stringify(outside.id)}, depth: 1) { entities { id } relations { id } } }`);

    const focus = { entityId: outside.id, depth: 1 as const };
    const layer = await fetchFocusLayer(client, focus);
    expect(layer.truncated).toBe(false);
    expect(layer.entities.map((entity) => entity.id).sort()).toEqual(neighborhood.entities.map(({ id }) => id).sort());
    expect(layer.entities[0]!.id).toBe(outside.id);
    // A layer is the focus's only: not a deeper focus's, nor another entity's.
    expect(layerOfFocus(focus, layer)).toBe(layer);
    expect(layerOfFocus({ ...focus, depth: 2 }, layer)).toBeNull();
    expect(layerOfFocus(null, layer)).toBeNull();

    const before = Object.fromEntries(graph.mapNodes((id, { x, y }) => [id, { x, y }]));
    const view = composeView(base, [layer]);
    syncRenderGraph(graph, view, [layer]);
    for (const { id } of neighborhood.entities) expect(graph.hasNode(id)).toBe(true);
    for (const { id } of neighborhood.relations) expect(graph.hasEdge(id)).toBe(true);
    for (const [id, position] of Object.entries(before)) expect(graph.getNodeAttributes(id)).toMatchObject(position);

    // The focus left: what only it brought in leaves the view.
    syncRenderGraph(graph, composeView(base, []), []);
    expect(graph.order).toBe(base.entities.length);
    expect(graph.hasNode(outside.id)).toBe(false);
  }, 60_000);

  it('brings relations shown by name into the view (a path, a selected relation) with their ends, around one the view holds', async () => {
    const client = createApiClient(`${server.url}/graphql`);
    const base = await loadGraphData(client);
    const graph = buildRenderGraph(base);
    // A path from an overview entity to one the overview leaves out, through what it leaves out.
    const to = (await entitiesOutside(base))[0]!;
    const from = base.entities[0]!.id;
    const { pathsConnection } = await askApi<{
      pathsConnection: { edges: { node: { entities: { id: string }[]; relations: { id: string }[] } }[] };
    }>(
      `{ pathsConnection(from: ${JSON.stringify(from)}, to: ${JSON.stringify(to.id)}, maxLength: 5, first: 1) { edges { node { entities { id } relations { id } } } } }`,
    );
    const path = pathsConnection.edges[0]!.node;
    const paths = {
      entities: new Set(path.entities.map(({ id }) => id)),
      relations: new Set(path.relations.map(({ id }) => id)),
    };
    // And a selected relation between two entities the overview leaves out.
    const { relations: apart } = await askApi<{
      relations: { edges: { node: { id: string; subject: { id: string }; object: { id: string } } }[] };
    }>('{ relations(first: 500) { edges { node { id subject { id } object { id } } } } }');
    const selected = apart.edges
      .map(({ node }) => node)
      .find((relation) => !base.entityById.has(relation.subject.id) && !base.entityById.has(relation.object.id))!;

    const shown = shownRelations(paths, selected.id)!;
    expect(shownRelations(null, null)).toBeNull();
    expect(shownRelations(paths, null)).toBe(paths);
    const missing = missingRelations(shown, base);
    expect(missing).toEqual(
      [...path.relations.map(({ id }) => id).filter((id) => !base.relationById.has(id)), selected.id].sort(),
    );
    const fetched = await fetchShownRelations(client, missing);
    // Placed around the path's first entity the view holds: here its start.
    expect(shownRelationsAnchor(shown, fetched.relations, base)).toBe(from);
    // A relation shown alone goes around an end the view holds, else its first end.
    const alone = await fetchShownRelations(client, [selected.id]);
    expect(shownRelationsAnchor(shownRelations(null, selected.id)!, alone.relations, base)).toBe(selected.subject.id);

    const layer = { entityId: from, ...fetched };
    const view = composeView(base, [layer]);
    syncRenderGraph(graph, view, [layer]);
    for (const id of [...paths.entities, selected.subject.id, selected.object.id]) expect(graph.hasNode(id)).toBe(true);
    for (const id of shown.relations) expect(graph.hasEdge(id)).toBe(true);
    // Once in, nothing is missing; with nothing shown, nothing is asked.
    expect(missingRelations(shown, view)).toEqual([]);
    expect(missingRelations(null, base)).toEqual([]);
  }, 60_000);
});

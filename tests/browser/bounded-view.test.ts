/**
 * The explorer on a generated graph over the bounded-view threshold: it opens on the API's
 * overview, says how much of the graph that is, and every relation shown still opens its
 * evidence.
 */
import { BOUNDED_TEST_GRAPH, generatedGraph } from '../support/generated-graph';
import type { Page } from 'playwright-core';

import {
  counts,
  expectStatus,
  harnessForThisFile,
  nodeOnPage,
  openPage,
  screenshot,
  TEST_TIMEOUT,
  waitForGraph,
} from './harness';

const harness = harnessForThisFile({ knowledgeGraph: () => generatedGraph(BOUNDED_TEST_GRAPH) });

const thousands = (count: number) => count.toLocaleString('en');

/** The number of entities the status line's "N of M entities shown" says are shown. */
async function entitiesShown(page: Page): Promise<number> {
  const text = (await page.locator('[data-scope-note]').textContent()) ?? '';
  return Number(text.split(' of ')[0]!.replace(/,/g, ''));
}

/** Waits until the scope note says `count` entities are shown. */
async function waitForShown(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (expected) => document.querySelector('[data-scope-note]')?.textContent?.startsWith(`${expected} of `),
    thousands(count),
  );
}

/** The camera's zoom ratio (sigma's: smaller is closer). */
const cameraRatio = (page: Page) =>
  page.evaluate(() =>
    Number(document.querySelector<HTMLElement>('.graph-canvas__sigma')?.dataset.camera?.split(',')[2]),
  );

/**
 * Waits for the camera to come to rest with the entity in the middle half of the canvas, closer
 * than the whole view's `wholeRatio` (a move to it, not the first fit left as it was).
 */
async function expectShownUpClose(page: Page, id: string, wholeRatio: number): Promise<void> {
  await page.waitForFunction(
    ({ entity, whole }) => {
      const container = document.querySelector<HTMLElement>('.graph-canvas__sigma');
      const node = window.explorerCanvas?.node(entity);
      if (!container || !node || container.dataset.cameraSettled !== 'true') return false;
      const { width, height } = container.getBoundingClientRect();
      const ratio = Number(container.dataset.camera?.split(',')[2]);
      return Math.abs(node.x - width / 2) < width / 4 && Math.abs(node.y - height / 2) < height / 4 && ratio < whole;
    },
    { entity: id, whole: wholeRatio },
  );
}

/** Waits for the camera to come to rest with every one of the entities drawn inside the canvas. */
async function waitForInCameraView(page: Page, ids: readonly string[]): Promise<void> {
  await page.waitForFunction((wanted) => {
    const container = document.querySelector<HTMLElement>('.graph-canvas__sigma');
    if (!container || container.dataset.cameraSettled !== 'true') return false;
    const { width, height } = container.getBoundingClientRect();
    const drawn = new Set(window.explorerCanvas?.drawnNodes());
    return wanted.every((id) => {
      const node = window.explorerCanvas?.node(id);
      return drawn.has(id) && node && node.x >= 0 && node.x <= width && node.y >= 0 && node.y <= height;
    });
  }, ids);
}

/** The overview's entity ids, and the first 500 entities by id that it leaves out (with a relation or more). */
async function entitiesOutsideOverview(): Promise<{
  inOverview: Set<string>;
  outside: { id: string; name: string; degree: number }[];
}> {
  const { overview, entities } = await harness.api<{
    overview: { entities: { id: string }[] };
    entities: { edges: { node: { id: string; name: string; degree: number } }[] };
  }>('{ overview { entities { id } } entities(first: 500) { edges { node { id name degree } } } }');
  const inOverview = new Set(overview.entities.map(({ id }) => id));
  const outside = entities.edges.map(({ node }) => node).filter((node) => !inOverview.has(node.id) && node.degree > 0);
  return { inOverview, outside };
}

describe('the explorer on a graph too large to draw whole', () => {
  it(
    'opens on the overview, says "N of M shown", and a hub\'s relation opens its evidence',
    async () => {
      const { dataset, overview } = await harness.api<{
        dataset: { entityCount: number; relationCount: number };
        overview: { entities: { id: string; name: string; degree: number }[]; relations: { id: string }[] };
      }>('{ dataset { entityCount relationCount } overview { entities { id name degree } relations { id } } }');
      expect(overview.entities.length).toBeLessThan(dataset.entityCount);

      const hub = overview.entities[0]!;
      const { page, context, errors } = await openPage(harness, `/?entity=${encodeURIComponent(hub.id)}`);
      await waitForGraph(page);
      await expectStatus(page, counts(overview.entities.length, overview.relations.length));
      const note = page.locator('[data-scope-note]');
      expect(await note.textContent()).toBe(
        `${thousands(overview.entities.length)} of ${thousands(dataset.entityCount)} entities shown`,
      );
      expect(await note.getAttribute('title')).toBe(
        `${thousands(overview.entities.length)} of ${thousands(dataset.entityCount)} entities · ` +
          `${thousands(overview.relations.length)} of ${thousands(dataset.relationCount)} relations shown`,
      );

      const panel = page.getByRole('region', { name: 'Entity details' });
      await panel.getByRole('heading', { name: hub.name }).waitFor();

      // Expanding the hub brings in its neighbours: the count of entities shown grows.
      await panel.getByRole('button', { name: 'Expand neighbours' }).click();
      const expansion = panel.locator('[data-expansion-count]');
      await expansion.waitFor();
      expect(await expansion.textContent()).toBe(`50 of ${thousands(hub.degree)} relations shown`);
      const grown = await page.waitForFunction((before) => {
        const text = document.querySelector('[data-scope-note]')?.textContent ?? '';
        const shown = Number(text.split(' of ')[0]!.replace(/,/g, ''));
        return shown > before ? shown : null;
      }, overview.entities.length);
      expect(await grown.jsonValue()).toBeGreaterThan(overview.entities.length);
      await panel.getByRole('button', { name: 'Next 50' }).click();
      await panel.getByText(`100 of ${thousands(hub.degree)} relations shown`).waitFor();
      await panel.locator('button.relation-row').first().click();
      const evidence = page.getByRole('region', { name: 'Evidence' });
      await evidence.locator('blockquote').first().waitFor();
      const relationId = new URL(page.url()).searchParams.get('relation');
      expect(relationId).toBeTruthy();
      const { relation } = await harness.api<{ relation: { citations: { quote: string }[] } }>(
        'query ($id: ID!) { relation(id: $id) { citations { quote } } }',
        { id: relationId },
      );
      expect(await evidence.locator('blockquote').allTextContents()).toEqual(
        relation.citations.map((citation) => citation.quote),
      );
      await screenshot(page, 'bounded-view.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'draws the overview where the server laid it out, and an expansion moves none of it',
    async () => {
      const { overview } = await harness.api<{
        overview: { entities: { id: string; degree: number }[]; positions: { id: string; x: number; y: number }[] };
      }>('{ overview { entities { id degree } positions { id x y } } }');
      const { page, context, errors } = await openPage(harness, '/');
      await waitForGraph(page);
      const drawnAt = () =>
        page.evaluate(
          (ids) => ids.map((id) => ({ id, ...window.explorerCanvas!.position(id)! })),
          overview.positions.map((place) => place.id),
        );
      expect(await drawnAt()).toEqual(overview.positions);

      const hub = overview.entities.reduce((best, entity) => (entity.degree > best.degree ? entity : best));
      await page.goto(`${harness.server.url}/?entity=${encodeURIComponent(hub.id)}`);
      await waitForGraph(page);
      const before = await page.evaluate(() => window.explorerCanvas!.drawnNodes().length);
      await page
        .getByRole('region', { name: 'Entity details' })
        .getByRole('button', { name: 'Expand neighbours' })
        .click();
      await page.waitForFunction((count) => window.explorerCanvas!.drawnNodes().length > count, before);
      expect(await drawnAt()).toEqual(overview.positions);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'a link or a search to an entity outside the overview brings it into the view with its neighbours, and the camera to it',
    async () => {
      const { overview, entities } = await harness.api<{
        overview: { entities: { id: string }[] };
        entities: { edges: { node: { id: string; name: string; degree: number } }[] };
      }>(
        '{ overview { entities { id } } entities(first: 500, orderBy: { field: DEGREE }) { edges { node { id name degree } } } }',
      );
      // The least connected entities with a neighbour: the overview, the best supported, leaves them out.
      const inOverview = new Set(overview.entities.map((entity) => entity.id));
      const outside = entities.edges
        .map((edge) => edge.node)
        .find((entity) => entity.degree > 0 && !inOverview.has(entity.id))!;
      expect(outside).toBeDefined();

      const { page, context, errors } = await openPage(harness, '/');
      await waitForGraph(page);
      const wholeRatio = await cameraRatio(page);
      await page.goto(`${harness.server.url}/?entity=${encodeURIComponent(outside.id)}`);
      await waitForGraph(page);
      const panel = page.getByRole('region', { name: 'Entity details' });
      await panel.getByRole('heading', { name: outside.name }).waitFor();
      await panel.locator('[data-expansion-count]').waitFor();
      const shown = await page.waitForFunction((before) => {
        const text = document.querySelector('[data-scope-note]')?.textContent ?? '';
        const count = Number(text.split(' of ')[0]!.replace(/,/g, ''));
        return count > before ? count : null;
      }, overview.entities.length);
      expect(await shown.jsonValue()).toBeGreaterThan(overview.entities.length);
      await page.waitForFunction((id) => window.explorerCanvas?.drawnNodes().includes(id), outside.id);
      await expectShownUpClose(page, outside.id, wholeRatio);

      // Chosen in the entity search likewise: the camera goes to where it joined the view.
      const other = entities.edges
        .map((edge) => edge.node)
        .find((entity) => entity.degree > 0 && !inOverview.has(entity.id) && entity.id !== outside.id)!;
      await page.goto(`${harness.server.url}/`);
      await waitForGraph(page);
      const search = page.getByRole('combobox', { name: 'Search entities' });
      await search.fill(other.name);
      await page.getByRole('listbox', { name: 'Search entities: results' }).getByRole('option').first().waitFor();
      await search.press('Enter');
      await panel.getByRole('heading', { name: other.name }).waitFor();
      await page.waitForFunction((id) => window.explorerCanvas?.drawnNodes().includes(id), other.id);
      await expectShownUpClose(page, other.id, wholeRatio);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'the path finder names path ends outside the view, as the API knows them',
    async () => {
      const { overview, entities } = await harness.api<{
        overview: { entities: { id: string }[] };
        entities: { edges: { node: { id: string; name: string } }[] };
      }>(
        '{ overview { entities { id } } entities(first: 500, orderBy: { field: DEGREE }) { edges { node { id name } } } }',
      );
      const inOverview = new Set(overview.entities.map((entity) => entity.id));
      const [from, to] = entities.edges.map((edge) => edge.node).filter((entity) => !inOverview.has(entity.id));
      const { page, context, errors } = await openPage(
        harness,
        `/?from=${encodeURIComponent(from!.id)}&to=${encodeURIComponent(to!.id)}`,
      );
      await waitForGraph(page);
      const fromBox = page.getByRole('combobox', { name: 'Path from' });
      const toBox = page.getByRole('combobox', { name: 'Path to' });
      await page.waitForFunction(
        ({ names }) =>
          ['Path from', 'Path to'].every(
            (label, index) =>
              document.querySelector<HTMLInputElement>(`[aria-label="${label}"]`)?.value === names[index],
          ),
        { names: [from!.name, to!.name] },
      );
      expect([await fromBox.inputValue(), await toBox.inputValue()]).toEqual([from!.name, to!.name]);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'the paths the path finder shows join the view, with what they pass through',
    async () => {
      const { inOverview, outside } = await entitiesOutsideOverview();
      const from = outside.find((node) => node.degree >= 2)!;
      const { neighborhood } = await harness.api<{ neighborhood: { entities: { id: string }[] } }>(
        `{ neighborhood(id: ${JSON.stringify(from.id)}, depth: 1) { entities { id } } }`,
      );
      const to = neighborhood.entities.find(({ id }) => id !== from.id)!;
      // The page of paths the path finder asks for (DEFAULT_PATH_MAX_LENGTH hops, PATHS_PAGE_SIZE paths).
      const { pathsConnection } = await harness.api<{
        pathsConnection: { edges: { node: { entities: { id: string }[] } }[] };
      }>(
        `{ pathsConnection(from: ${JSON.stringify(from.id)}, to: ${JSON.stringify(to.id)}, maxLength: 3, first: 10) { edges { node { entities { id } } } } }`,
      );
      const onPaths = [...new Set(pathsConnection.edges.flatMap(({ node }) => node.entities.map(({ id }) => id)))];
      expect(onPaths.some((id) => !inOverview.has(id))).toBe(true);

      const { page, context, errors } = await openPage(
        harness,
        `/?from=${encodeURIComponent(from.id)}&to=${encodeURIComponent(to.id)}`,
      );
      await waitForGraph(page);
      await page.waitForFunction((ids) => {
        const drawn = new Set(window.explorerCanvas?.drawnNodes());
        return ids.every((id) => drawn.has(id));
      }, onPaths);
      // Closing the path finder's paths takes out what only they brought in.
      await page.getByRole('tabpanel', { name: 'Paths' }).getByRole('button', { name: 'Clear', exact: true }).click();
      await page.waitForFunction((id) => !window.explorerCanvas?.drawnNodes().includes(id), from.id);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'a link to a relation the view lacks brings it in with its ends, and the camera to it',
    async () => {
      const { overview, relations } = await harness.api<{
        overview: { entities: { id: string }[] };
        relations: {
          edges: { node: { id: string; subject: { id: string; name: string }; object: { id: string } } }[];
        };
      }>(
        '{ overview { entities { id } } relations(first: 500) { edges { node { id subject { id name } object { id } } } } }',
      );
      const inOverview = new Set(overview.entities.map(({ id }) => id));
      const relation = relations.edges
        .map(({ node }) => node)
        .find(({ subject, object }) => !inOverview.has(subject.id) && !inOverview.has(object.id))!;
      const ends = [relation.subject.id, relation.object.id];
      const subjectName = relation.subject.name;

      const { page, context, errors } = await openPage(harness, `/?relation=${encodeURIComponent(relation.id)}`);
      await waitForGraph(page);
      await waitForInCameraView(page, ends);
      // Not in the view is not "hidden by the filters": no filter is set.
      expect(await page.getByText('Hidden by the current filters').count()).toBe(0);
      // Choosing an end from the evidence keeps both ends in the view (not taken out as the
      // relation stops being the selection, nor brought back in by an expansion).
      await page.getByRole('region', { name: 'Evidence' }).getByRole('button', { name: subjectName }).first().click();
      await page.getByRole('region', { name: 'Entity details' }).getByRole('heading', { name: subjectName }).waitFor();
      await page.waitForTimeout(500);
      const drawn = await page.evaluate(() => window.explorerCanvas!.drawnNodes());
      expect(ends.filter((id) => drawn.includes(id))).toEqual(ends);
      expect(new URL(page.url()).searchParams.get('expand')).toBeNull();
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'a focus says how much of its neighbourhood the view holds, and draws that much',
    async () => {
      const { overview } = await harness.api<{ overview: { entities: { id: string }[] } }>(
        '{ overview { entities { id } } }',
      );
      const hub = overview.entities[0]!;
      const { neighborhood } = await harness.api<{ neighborhood: { entities: { id: string }[] } }>(
        `{ neighborhood(id: ${JSON.stringify(hub.id)}, depth: 2, limit: 5000) { entities { id } } }`,
      );
      const { page, context, errors } = await openPage(harness, `/?focus=${encodeURIComponent(hub.id)}&depth=2`);
      await waitForGraph(page);
      const note = page.locator('[data-neighbourhood-in-view]');
      await note.waitFor();
      const [shown, total] = ((await note.textContent()) ?? '')
        .match(/[\d,]+/g)!
        .map((n) => Number(n.replace(/,/g, '')));
      expect(total).toBe(neighborhood.entities.length);
      expect(shown).toBeLessThan(total!);
      await page.waitForFunction((count) => window.explorerCanvas?.drawnNodes().length === count, shown);
      // The banner, taller with its note, stays clear of the toolbars at the canvas's top right.
      const overlaps = await page.evaluate(() => {
        const banner = document.querySelector('.focus-banner')!.getBoundingClientRect();
        return [...document.querySelectorAll('.canvas-toolbar')]
          .map((toolbar) => toolbar.getBoundingClientRect())
          .filter((box) => box.width > 0 && box.left < banner.right && box.right > banner.left)
          .filter((box) => box.top < banner.bottom && box.bottom > banner.top).length;
      });
      expect(overlaps).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'a focus on an entity outside the overview brings its neighbourhood into the view, and leaving takes it out',
    async () => {
      const { inOverview, outside: candidates } = await entitiesOutsideOverview();
      const outside = candidates.find((entity) => entity.degree >= 2)!;
      const { neighborhood } = await harness.api<{ neighborhood: { entities: { id: string }[] } }>(
        `{ neighborhood(id: ${JSON.stringify(outside.id)}, depth: 1) { entities { id } } }`,
      );
      expect(neighborhood.entities.some(({ id }) => !inOverview.has(id) && id !== outside.id)).toBe(true);

      const { page, context, errors } = await openPage(harness, `/?focus=${encodeURIComponent(outside.id)}`);
      await waitForGraph(page);
      const expected = neighborhood.entities.map(({ id }) => id).sort();
      await page.waitForFunction(
        (ids) => JSON.stringify(window.explorerCanvas?.drawnNodes().sort()) === JSON.stringify(ids),
        expected,
      );
      // All of it is in the view: nothing to say about what is not.
      await page.getByRole('region', { name: 'Focus' }).getByText(outside.name).waitFor();
      expect(await page.locator('[data-neighbourhood-in-view]').count()).toBe(0);
      // The camera fits the neighbourhood, the entities that joined included.
      await waitForInCameraView(page, expected);

      await page.getByRole('button', { name: 'Show whole graph' }).click();
      await waitForShown(page, inOverview.size);
      expect(await page.evaluate((id) => window.explorerCanvas!.drawnNodes().includes(id), outside.id)).toBe(false);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'what is expanded is in the URL: a reload restores it, Back and Forward step through it',
    async () => {
      const { overview } = await harness.api<{
        overview: { entities: { id: string; name: string; degree: number }[] };
      }>('{ overview { entities { id name degree } } }');
      const hub = overview.entities[0]!;
      const { page, context, errors } = await openPage(harness, `/?entity=${encodeURIComponent(hub.id)}`);
      await waitForGraph(page);
      const panel = page.getByRole('region', { name: 'Entity details' });
      await panel.getByRole('button', { name: 'Expand neighbours' }).click();
      await panel.getByText(`50 of ${thousands(hub.degree)} relations shown`).waitFor();
      await panel.getByRole('button', { name: 'Next 50' }).click();
      await panel.getByText(`100 of ${thousands(hub.degree)} relations shown`).waitFor();
      expect(new URL(page.url()).searchParams.get('expand')).toBe(`${hub.id}:2`);
      const shown = await entitiesShown(page);
      expect(shown).toBeGreaterThan(overview.entities.length);
      const drawn = await page.evaluate(() => window.explorerCanvas!.drawnNodes().sort());

      // A reload (or the same link shared) asks for the same pages again: the same view.
      await page.reload();
      await waitForGraph(page);
      await panel.getByText(`100 of ${thousands(hub.degree)} relations shown`).waitFor();
      await waitForShown(page, shown);
      await page.waitForFunction((count) => window.explorerCanvas?.drawnNodes().length === count, drawn.length);
      expect(await page.evaluate(() => window.explorerCanvas!.drawnNodes().sort())).toEqual(drawn);

      // Back: one page fewer, then not expanded; Forward: one page again.
      await page.goBack();
      await panel.getByText(`50 of ${thousands(hub.degree)} relations shown`).waitFor();
      expect(new URL(page.url()).searchParams.get('expand')).toBe(hub.id);
      await page.goBack();
      await panel.getByRole('button', { name: 'Expand neighbours' }).waitFor();
      await waitForShown(page, overview.entities.length);
      await page.goForward();
      await panel.getByText(`50 of ${thousands(hub.degree)} relations shown`).waitFor();
      expect(await entitiesShown(page)).toBeGreaterThan(overview.entities.length);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'after an expansion the user asks for, the camera holds the entity and the neighbours it brought',
    async () => {
      const { overview } = await harness.api<{ overview: { entities: { id: string; name: string }[] } }>(
        '{ overview { entities { id name } } }',
      );
      const hub = overview.entities[0]!;
      const { page, context, errors } = await openPage(harness, `/?entity=${encodeURIComponent(hub.id)}`);
      await waitForGraph(page);
      const settled = () =>
        page.waitForFunction(
          () => document.querySelector<HTMLElement>('.graph-canvas__sigma')?.dataset.cameraSettled === 'true',
        );
      // Close in on the hub, as one reading its neighbours would be.
      for (let step = 0; step < 4; step++) {
        await page.getByRole('button', { name: 'Zoom in' }).click();
        await settled();
      }
      const before = new Set(await page.evaluate(() => window.explorerCanvas!.drawnNodes()));
      const panel = page.getByRole('region', { name: 'Entity details' });
      await panel.getByRole('button', { name: 'Expand neighbours' }).click();
      await panel.locator('[data-expansion-count]').waitFor();
      const joined = (await page.evaluate(() => window.explorerCanvas!.drawnNodes())).filter((id) => !before.has(id));
      expect(joined.length).toBeGreaterThan(0);
      await waitForInCameraView(page, [hub.id, ...joined]);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'a link expanding an id the API does not know says so, and expands the rest',
    async () => {
      const { overview } = await harness.api<{ overview: { entities: { id: string }[] } }>(
        '{ overview { entities { id } } }',
      );
      const hub = overview.entities[0]!;
      const { page, context, errors } = await openPage(
        harness,
        `/?expand=no-such-entity,${encodeURIComponent(hub.id)}`,
      );
      await waitForGraph(page);
      const notice = page.locator('.explorer__problems');
      await notice.filter({ hasText: 'no-such-entity' }).waitFor();
      expect(await notice.getAttribute('role')).toBe('alert');
      await page.waitForFunction(
        (before) =>
          Number(document.querySelector('[data-scope-note]')?.textContent?.split(' of ')[0]!.replace(/,/g, '')) >
          before,
        overview.entities.length,
      );
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'double-clicking an entity on the canvas expands it',
    async () => {
      const { overview } = await harness.api<{
        overview: { entities: { id: string; name: string; degree: number }[] };
      }>('{ overview { entities { id name degree } } }');
      const { page, context, errors } = await openPage(harness, '/');
      await waitForGraph(page);
      // The entity (with neighbours to expand) drawn farthest from every other disc, so the
      // pointer lands on it and on nothing else.
      const candidates = overview.entities.filter((entity) => entity.degree > 1).map((entity) => entity.id);
      const clearest = await page.evaluate((ids) => {
        const probe = window.explorerCanvas!;
        const drawn = probe.drawnNodes().map((id) => ({ id, node: probe.node(id)! }));
        const clearance = (id: string) => {
          const node = probe.node(id)!;
          return Math.min(
            ...drawn
              .filter((other) => other.id !== id)
              .map((other) => Math.hypot(other.node.x - node.x, other.node.y - node.y) - other.node.radius),
          );
        };
        return ids
          .filter((id) => drawn.some((entry) => entry.id === id))
          .reduce((best, id) => (clearance(id) > clearance(best) ? id : best));
      }, candidates);
      const target = overview.entities.find((entity) => entity.id === clearest)!;
      const point = await nodeOnPage(page, target.id);
      await page.mouse.dblclick(point.x, point.y);
      await page.waitForURL((url) => url.searchParams.get('expand') === target.id);
      const panel = page.getByRole('region', { name: 'Entity details' });
      await panel.getByRole('heading', { name: target.name }).waitFor();
      await panel.locator('[data-expansion-count]').waitFor();
      expect(await panel.getByRole('button', { name: 'Collapse' }).isVisible()).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    "a hub's panel draws one page of its relations, grouped by neighbour, and pages on",
    async () => {
      const { overview } = await harness.api<{ overview: { entities: { id: string; name: string }[] } }>(
        '{ overview { entities { id name } } }',
      );
      const hub = overview.entities[0]!;
      const { entity } = await harness.api<{
        entity: {
          relations: { totalCount: number; edges: { neighbor: { id: string } }[] };
          later: { edges: { node: { id: string } }[] };
        };
      }>(
        'query ($id: ID!) { entity(id: $id) { relations(first: 100) { totalCount edges { neighbor { id } } } later: relations(first: 200) { edges { node { id } } } } }',
        { id: hub.id },
      );
      const total = entity.relations.totalCount;
      expect(total).toBeGreaterThan(200);
      const { page, context, errors } = await openPage(harness, `/?entity=${encodeURIComponent(hub.id)}`);
      await waitForGraph(page);
      const panel = page.getByRole('region', { name: 'Entity details' });
      const count = panel.locator('[data-relations-count]');
      await count.filter({ hasText: `100 of ${thousands(total)}` }).waitFor();
      // One page of rows, whatever the hub's degree; one group per neighbour, as the API pairs them.
      expect(await panel.locator('button.relation-row').count()).toBe(100);
      expect(await panel.locator('.neighbour-groups > .relation-group').count()).toBe(
        new Set(entity.relations.edges.map((edge) => edge.neighbor.id)).size,
      );
      await panel.getByRole('button', { name: 'Show 100 more' }).click();
      await count.filter({ hasText: `200 of ${thousands(total)}` }).waitFor();
      const rows = await panel
        .locator('button.relation-row')
        .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-relation-id')));
      expect(rows.sort()).toEqual(entity.later.edges.map((edge) => edge.node.id).sort());
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'a link naming more sources than the API takes in one list keeps the first hundred, says so, and takes no more',
    async () => {
      type Sources = { totalCount: number; edges: { node: { id: string } }[] };
      const { sources, mostCited } = await harness.api<{ sources: Sources; mostCited: Sources }>(
        '{ sources(first: 500) { totalCount edges { node { id } } } mostCited: sources(orderBy: CITATIONS, first: 20) { totalCount edges { node { id } } } }',
      );
      // Sources the filter's first page (the most cited) does not list, so that it lists others to check.
      const listed = new Set(mostCited.edges.map(({ node }) => node.id));
      const named = sources.edges
        .map(({ node }) => node.id)
        .filter((id) => !listed.has(id))
        .slice(0, 101);
      expect(named.length).toBe(101);
      const { page, context, errors } = await openPage(harness, `/?sources=${named.join(',')}`);
      await waitForGraph(page);
      await page
        .getByRole('alert')
        .getByText(
          'The link\'s "sources" filter names 101 values, and at most 100 can be chosen at once; the first 100 were kept.',
        )
        .waitFor();
      await page.waitForURL((url) => url.searchParams.get('sources') === named.slice(0, 100).join(','));
      const filter = page.getByRole('group', { name: 'Sources', exact: true });
      await page.getByText(`100 of ${sources.totalCount}`, { exact: true }).waitFor();
      await filter.getByText('100 sources are chosen, the most at once: uncheck one to choose another.').waitFor();
      const others = filter.getByRole('list', { name: 'Most cited sources' }).getByRole('checkbox');
      await others.first().waitFor();
      for (const box of await others.all()) expect(await box.isDisabled()).toBe(true);
      // The chosen sources were asked about as one list: the API took it.
      await page.getByText('Checking which entities the chosen sources support…').waitFor({ state: 'detached' });
      expect(await page.getByText('Could not check which entities the chosen sources support').count()).toBe(0);

      // Unchecking one makes room for another.
      await filter.getByRole('list', { name: 'Chosen sources' }).getByRole('checkbox').first().click();
      await page.getByText(`99 of ${sources.totalCount}`, { exact: true }).waitFor();
      expect(await others.first().isDisabled()).toBe(false);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'lists of sources draw a page, not every source: the filter the most cited, the sources page fifty at a time',
    async () => {
      const { sources } = await harness.api<{
        sources: { totalCount: number; edges: { node: { id: string; title: string; publisher: string | null } }[] };
      }>('{ sources(orderBy: CITATIONS, first: 20) { totalCount edges { node { id title publisher } } } }');
      const total = sources.totalCount;
      expect(total).toBeGreaterThan(50);
      const { page, context, errors } = await openPage(harness, '/');
      await waitForGraph(page);
      const filter = page.getByRole('group', { name: 'Sources', exact: true });
      const mostCited = filter.getByRole('list', { name: 'Most cited sources' });
      await mostCited.getByRole('checkbox').first().waitFor();
      expect(await mostCited.getByRole('checkbox').count()).toBe(20);
      await filter.getByText(`20 of ${total} most cited sources shown`).waitFor();
      const first = sources.edges[0]!.node;
      // No restriction yet: nothing is checked; the most cited source comes first.
      expect(await mostCited.getByRole('checkbox').first().isChecked()).toBe(false);
      expect((await mostCited.locator('.filter__option-label').first().textContent())!).toBe(
        first.publisher ?? first.title,
      );

      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Sources' }).click();
      const cards = page.getByRole('list', { name: 'Sources' }).getByRole('article');
      await cards.first().waitFor();
      expect(await cards.count()).toBe(50);
      await page.getByText(`50 of ${total} sources shown`).waitFor();
      await page.getByRole('button', { name: 'Show more sources' }).click();
      await cards.nth(Math.min(99, total - 1)).waitFor();
      expect(await cards.count()).toBe(Math.min(100, total));
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});

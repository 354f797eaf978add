/**
 * What a new user tripped over in the explorer (issue 14's defects), in a real browser over
 * the shipped data. Every count comes from the API, asked in the test.
 */
import { pathCountSummary } from '../../client/src/core/paths';
import {
  entitiesHiddenByOverlays,
  harnessForThisFile,
  openPage,
  screenshot,
  TEST_TIMEOUT,
  waitForGraph,
} from './harness';

const harness = harnessForThisFile();

/** Drawn entities among `ids` whose disc is off the canvas or under an overlay. */
async function hiddenAmong(page: Parameters<typeof entitiesHiddenByOverlays>[0], ids: readonly string[]) {
  const wanted = new Set(ids);
  return (await entitiesHiddenByOverlays(page)).filter((offender) => wanted.has(offender.split(' ')[0] ?? ''));
}

describe('the explorer, as a new user found it', () => {
  it(
    'the path finder says how many of all the paths it lists, and offers the rest',
    async () => {
      const { pathsConnection: total } = await harness.api<{
        pathsConnection: { totalCount: number; totalCountExact: boolean };
      }>('{ pathsConnection(from: "isis-k", to: "haqqani-network", maxLength: 3) { totalCount totalCountExact } }');
      const { page, context, errors } = await openPage(harness, '/?from=isis-k&to=haqqani-network&hops=3');
      await waitForGraph(page);
      const list = page.getByRole('list', { name: 'Paths' });
      await list.waitFor();
      const shown = await list.locator(':scope > li').count();
      expect(shown).toBeLessThanOrEqual(total.totalCount);
      const summary = pathCountSummary(shown, { count: total.totalCount, exact: total.totalCountExact });
      await page.getByText(`${summary} from ISIS-K to Haqqani network`).waitFor();
      if (shown < total.totalCount) {
        await page.getByRole('button', { name: 'Show more paths' }).click();
        await page.waitForFunction((before) => document.querySelectorAll('ol.paths > li').length > before, shown);
        const more = await list.locator(':scope > li').count();
        expect(more).toBeLessThanOrEqual(total.totalCount);
        await page
          .getByText(`${pathCountSummary(more, { count: total.totalCount, exact: total.totalCountExact })} from`)
          .waitFor();
      }
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'the entity panel and the focus banner show and change one focus depth',
    async () => {
      const { page, context, errors } = await openPage(harness, '/?entity=taliban&focus=taliban&depth=2');
      await waitForGraph(page);
      const banner = page.getByRole('region', { name: 'Focus' }).getByRole('combobox', { name: 'Neighbourhood depth' });
      const panel = page.getByRole('region', { name: 'Entity details' }).getByRole('combobox', { name: 'Focus depth' });
      expect(await banner.inputValue()).toBe('2');
      expect(await panel.inputValue()).toBe('2');
      await panel.selectOption('3');
      await page.waitForURL((url) => url.searchParams.get('depth') === '3');
      expect(await banner.inputValue()).toBe('3');
      await banner.selectOption('1');
      await page.waitForURL((url) => !url.searchParams.has('depth'));
      expect(await panel.inputValue()).toBe('1');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'Enter on a relation row moves focus into its evidence, and closing it returns focus to the row',
    async () => {
      const { page, context, errors } = await openPage(harness, '/?entity=isis-k');
      await waitForGraph(page);
      const row = page
        .getByRole('region', { name: 'Entity details' })
        .getByRole('button', { name: /^ISIS-K enemy of Taliban/ });
      const relationId = await row.getAttribute('data-relation-id');
      expect(relationId).toBeTruthy();
      await row.focus();
      await page.keyboard.press('Enter');
      const evidence = page.getByRole('region', { name: 'Evidence' });
      await evidence.locator('blockquote').first().waitFor();
      expect(await evidence.evaluate((region) => region.contains(document.activeElement))).toBe(true);
      await evidence.getByRole('button', { name: 'Close evidence' }).click();
      await page.waitForFunction((id) => document.activeElement?.getAttribute('data-relation-id') === id, relationId);
      expect(new URL(page.url()).searchParams.get('entity')).toBe('isis-k');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'Back undoes a filter change',
    async () => {
      const { page, context, errors } = await openPage(harness, '/?entity=isis-k');
      await waitForGraph(page);
      await page.getByRole('slider', { name: 'Minimum supporting sources' }).fill('2');
      await page.waitForURL((url) => url.searchParams.get('min') === '2');
      await page.goBack();
      await page.waitForURL((url) => !url.searchParams.has('min'));
      expect(new URL(page.url()).searchParams.get('entity')).toBe('isis-k');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    "on a phone, a tapped relation's evidence title is on screen",
    async () => {
      const viewport = { width: 390, height: 844 };
      const { page, context, errors } = await openPage(harness, '/?entity=isis-k', viewport);
      await waitForGraph(page);
      const rows = page.getByRole('region', { name: 'Entity details' }).locator('.relation-row');
      await rows.first().waitFor();
      // A row far down the panel: the page is scrolled well past the evidence's title.
      const row = rows.nth(Math.floor((await rows.count()) * 0.8));
      await row.scrollIntoViewIfNeeded();
      await row.click();
      const title = page.getByRole('region', { name: 'Evidence' }).getByRole('heading', { level: 2 });
      await title.waitFor();
      await page.waitForFunction(() => {
        const heading = document.querySelector('[aria-label="Evidence"] h2');
        const box = heading?.getBoundingClientRect();
        return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
      });
      await screenshot(page, 'phone-evidence.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});

describe('between two entities', () => {
  it(
    'answers "everything between ISIS-K and the Taliban" in one view, each relation opening its quote',
    async () => {
      const { between } = await harness.api<{ between: { relations: { id: string }[] } }>(
        '{ between(a: "isis-k", b: "taliban") { relations { id } } }',
      );
      expect(between.relations.length).toBeGreaterThan(0);
      const { page, context, errors } = await openPage(harness, '/?entity=isis-k');
      await waitForGraph(page);
      const panel = page.getByRole('region', { name: 'Entity details' });
      await panel.getByRole('link', { name: 'Everything between ISIS-K and Taliban' }).click();
      await page.waitForURL((url) => url.pathname === '/between');
      await page.getByRole('heading', { name: 'Between ISIS-K and Taliban', level: 1 }).waitFor();
      const relations = page.locator('.between__relation');
      await relations.first().waitFor();
      expect(await relations.count()).toBe(between.relations.length);
      // Every relation has a quote, and each quote links into the reader for that relation.
      for (const { id } of between.relations) {
        const quotes = page.locator(
          `.between__relation a[href^="/sources/"][href*="relation=${encodeURIComponent(id)}"]`,
        );
        expect(await quotes.count()).toBeGreaterThan(0);
      }
      const first = between.relations[0]!.id;
      await page
        .locator(`.between__relation a[href^="/sources/"][href*="relation=${encodeURIComponent(first)}"]`)
        .first()
        .click();
      await page.waitForURL((url) => url.pathname.startsWith('/sources/'));
      expect(new URL(page.url()).searchParams.get('relation')).toBe(first);
      await page.locator('mark.source-text__current').first().waitFor();
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});

describe('a link between an entity and an unknown id', () => {
  it(
    'says which id the API does not know, in one sentence',
    async () => {
      const { page, context, errors } = await openPage(harness, '/between?a=isis-k&b=no-such-entity');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).toMatch(/No entity has the id "no-such-entity"/);
      expect(text).not.toMatch(/\.\./);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});

describe('full-text search', () => {
  it(
    'groups what it finds as the API counts it, keeps the query in the URL, and opens a passage in the reader',
    async () => {
      type Counts = {
        entities: { totalCount: number };
        relations: { totalCount: number };
        passages: { totalCount: number };
      };
      const ask = async (text: string) =>
        (
          await harness.api<{ fullTextSearch: Counts }>(
            'query ($text: String!) { fullTextSearch(text: $text) { entities { totalCount } relations { totalCount } passages { totalCount } } }',
            { text },
          )
        ).fullTextSearch;
      const { page, context, errors } = await openPage(harness);
      await waitForGraph(page);
      await page.getByRole('tab', { name: 'Search' }).click();
      const box = page.getByRole('searchbox', { name: 'Search all text' });
      await box.fill('hakkani');
      await box.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === 'hakkani');
      const expected = await ask('hakkani');
      expect(expected.entities.totalCount).toBeGreaterThan(0);
      const panel = page.locator('.search-results');
      for (const [label, total] of [
        ['Entities', expected.entities.totalCount],
        ['Relations', expected.relations.totalCount],
        ['Passages', expected.passages.totalCount],
      ] as const) {
        const title = panel.getByRole('heading', { name: new RegExp(`^${label} ${total}\\b`) });
        await title.waitFor();
      }
      expect(await panel.getByRole('button', { name: /Haqqani/ }).count()).toBeGreaterThan(0);

      // The query survives a reload, and a passage opens the reader at its place.
      await page.reload();
      await waitForGraph(page);
      const passage = page.locator('.search-results__passage a').first();
      await passage.waitFor();
      await passage.click();
      await page.waitForURL((url) => url.pathname.startsWith('/sources/') && url.searchParams.has('citation'));
      await page.locator('mark.source-text__current').first().waitFor();
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});

describe('the keyboard', () => {
  it(
    "reaches a relation's evidence and the reader at its quote from page load in at most 10 key presses",
    async () => {
      const { page, context, errors } = await openPage(harness, '/?entity=isis-k');
      await waitForGraph(page);
      await page.getByRole('region', { name: 'Entity details' }).locator('.relation-row').first().waitFor();
      let presses = 0;
      const press = async (key: string) => {
        presses += 1;
        await page.keyboard.press(key);
      };
      const focused = () =>
        page.evaluate(() => ({
          text: document.activeElement?.textContent ?? '',
          href: document.activeElement?.getAttribute('href') ?? null,
          relation: document.activeElement?.getAttribute('data-relation-id') ?? null,
        }));
      await press('Tab');
      expect((await focused()).text).toBe('Skip to relations');
      await press('Enter');
      await press('Tab');
      const row = await focused();
      expect(row.relation).toBeTruthy();
      await press('Enter');
      const evidence = page.getByRole('region', { name: 'Evidence' });
      await evidence.locator('blockquote').first().waitFor();
      // Tab on to the first quote's link into the reader.
      while (presses < 10) {
        await press('Tab');
        const now = await focused();
        if (now.href?.startsWith('/sources/')) break;
      }
      expect((await focused()).href).toMatch(/^\/sources\//);
      await press('Enter');
      await page.waitForURL((url) => url.pathname.startsWith('/sources/'));
      expect(new URL(page.url()).searchParams.get('relation')).toBe(row.relation);
      expect(presses).toBeLessThanOrEqual(10);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});

describe('camera framing', () => {
  it(
    'showing one path alone keeps both its ends on the canvas, clear of the overlays',
    async () => {
      const { pathsConnection } = await harness.api<{
        pathsConnection: { edges: { node: { entities: { id: string }[] } }[] };
      }>(
        '{ pathsConnection(from: "isis-k", to: "haqqani-network", maxLength: 3, first: 1) { edges { node { entities { id } } } } }',
      );
      const ids = pathsConnection.edges[0]!.node.entities.map((entity) => entity.id);
      const { page, context, errors } = await openPage(harness, '/?from=isis-k&to=haqqani-network&hops=3&path=1');
      await waitForGraph(page);
      await page.getByRole('list', { name: 'Paths' }).waitFor();
      await waitForGraph(page);
      expect(await hiddenAmong(page, ids)).toEqual([]);
      await screenshot(page, 'path-alone.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'selecting the best-connected entity keeps its neighbours on the canvas, clear of the legend',
    async () => {
      const { entities } = await harness.api<{
        entities: { edges: { node: { id: string; name: string; degree: number } }[] };
      }>('{ entities(first: 500) { edges { node { id name degree } } } }');
      const hub = entities.edges
        .map((edge) => edge.node)
        .reduce((best, entity) => (entity.degree > best.degree ? entity : best));
      const { neighborhood } = await harness.api<{ neighborhood: { entities: { id: string }[] } }>(
        `{ neighborhood(id: "${hub.id}", depth: 1) { entities { id } } }`,
      );
      const { page, context, errors } = await openPage(harness);
      await waitForGraph(page);
      await page.getByRole('combobox', { name: 'Search entities' }).fill(hub.name);
      await page
        .getByRole('option', { name: new RegExp(`^${hub.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
        .first()
        .click();
      await page
        .locator('[data-camera-settled="false"]')
        .waitFor({ timeout: 5_000 })
        .catch(() => undefined);
      await waitForGraph(page);
      expect(
        await hiddenAmong(
          page,
          neighborhood.entities.map((entity) => entity.id),
        ),
      ).toEqual([]);
      await screenshot(page, 'hub-selected.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'filtering down to a few entities refits the view to them',
    async () => {
      const { page, context, errors } = await openPage(harness);
      await waitForGraph(page);
      // How much of the canvas left free by the overlays (legend, toolbars: strips along the top and
      // bottom edges, which camera fits keep clear of) the given entities span: the larger of the
      // width and height shares.
      const spread = (ids: readonly string[] | null) =>
        page.evaluate((only) => {
          const probe = window.explorerCanvas!;
          const canvas = document.querySelector('.graph-canvas__sigma')!.getBoundingClientRect();
          let top = 0;
          let bottom = 0;
          for (const overlay of document.querySelectorAll('[data-canvas-overlay]')) {
            const box = overlay.getBoundingClientRect();
            const [from, to] = [box.top - canvas.top, box.bottom - canvas.top];
            if (to <= 0 || from >= canvas.height) continue;
            if ((from + to) / 2 < canvas.height / 2) top = Math.max(top, to);
            else bottom = Math.max(bottom, canvas.height - from);
          }
          const freeHeight = Math.max(canvas.height / 4, canvas.height - top - bottom);
          const points = (only ?? probe.drawnNodes()).flatMap((id) => probe.node(id) ?? []);
          const xs = points.map((point) => point.x);
          const ys = points.map((point) => point.y);
          return Math.max(
            (Math.max(...xs) - Math.min(...xs)) / canvas.width,
            (Math.max(...ys) - Math.min(...ys)) / freeHeight,
          );
        }, ids);
      const { relations } = await harness.api<{
        relations: { edges: { node: { subject: { id: string }; object: { id: string } } }[] };
      }>('{ relations(filter: { minSources: 3 }, first: 500) { edges { node { subject { id } object { id } } } } }');
      const kept = [...new Set(relations.edges.flatMap(({ node }) => [node.subject.id, node.object.id]))];
      expect(kept.length).toBeGreaterThan(1);
      // Down to the entities of the best-supported relations: at least 3 sources, and the entities
      // left without a visible relation hidden (a minimum alone keeps every entity drawn).
      await page.getByRole('checkbox', { name: 'Hide entities without visible relations' }).check();
      await page.waitForURL((url) => url.searchParams.get('connected') === '1');
      await page.getByRole('slider', { name: 'Minimum supporting sources' }).fill('3');
      await page.waitForURL((url) => url.searchParams.get('min') === '3');
      await page
        .locator('[data-camera-settled="false"]')
        .waitFor({ timeout: 5_000 })
        .catch(() => undefined);
      await waitForGraph(page);
      // Refitted to the kept entities: they fill most of the free area, and none is hidden.
      expect((await page.evaluate(() => window.explorerCanvas!.drawnNodes())).sort()).toEqual([...kept].sort());
      // The fit keeps a margin and room for the discs inside the free area, and a view fitted to
      // all entities may leave some of these under an overlay, so "more of the canvas than before"
      // does not hold on a short canvas (the time bar takes its bottom): the kept entities fill
      // most of the free area, and none is hidden.
      const after = await spread(null);
      expect(after).toBeGreaterThan(0.6);
      expect(await entitiesHiddenByOverlays(page)).toEqual([]);
      await screenshot(page, 'filtered-refit.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});

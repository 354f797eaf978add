/**
 * The explorer in a real browser (Debian's chromium, headless, WebGL through SwiftShader),
 * against the real server over the shipped data. Expectations come from the API itself,
 * not from numbers written here. Each test saves a screenshot under test-artifacts/; the
 * search test also writes README.md's picture (tests/browser/explorer-screenshot.png).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { RELATIONS_CSV_COLUMNS } from '../../client/src/core/export/csv';
import { DIM_NODE_COLOR } from '../../client/src/core/highlight';
import {
  ARTIFACTS,
  counts,
  entitiesHiddenByOverlays,
  expectStatus,
  harnessForThisFile,
  nodeOnPage,
  openPage,
  README_SCREENSHOT,
  screenshot,
  statusCounts,
  statusLine,
  TEST_TIMEOUT,
  waitForGraph,
} from './harness';

const harness = harnessForThisFile();

describe('the explorer', () => {
  it(
    'renders the canvas and shows the full counts in its status line',
    async () => {
      const { stats } = await harness.api<{ stats: { entityCount: number; relationCount: number } }>(
        '{ stats { entityCount relationCount } }',
      );
      const { page, context, errors } = await openPage(harness);
      await waitForGraph(page);
      await expect(statusLine(page).textContent()).resolves.toBe(counts(stats.entityCount, stats.relationCount));
      const canvases = await page.locator('.graph-canvas__sigma canvas').count();
      expect(canvases).toBeGreaterThan(1);
      expect(await page.getByRole('region', { name: 'Legend' }).isVisible()).toBe(true);
      // The Filters/Paths/Compare/List tabs are tools beside the canvas, not site navigation.
      expect(await page.getByRole('navigation', { name: /Explore/ }).count()).toBe(0);
      const tools = page.getByRole('complementary', { name: 'Explore the graph' });
      expect(await tools.getByRole('tablist', { name: 'Explore' }).isVisible()).toBe(true);
      expect(await page.getByRole('navigation').count()).toBe(1);
      await screenshot(page, 'canvas.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'finds ISIS-K from "iskp", selects it and opens its panel',
    async () => {
      const { page, context, errors } = await openPage(harness);
      await waitForGraph(page);
      await page.getByRole('combobox', { name: 'Search entities' }).fill('iskp');
      await page
        .getByRole('option', { name: /^ISIS-K/ })
        .first()
        .click();
      const panel = page.getByRole('region', { name: 'Entity details' });
      await panel.getByRole('heading', { name: 'ISIS-K', level: 2 }).waitFor();
      expect(await panel.getByText('ISKP').count()).toBeGreaterThan(0);
      expect(new URL(page.url()).searchParams.get('entity')).toBe('isis-k');
      await waitForGraph(page);
      await screenshot(page, 'search.png');
      // The picture for the README: the whole explorer at 1280×800 with ISIS-K selected,
      // written where README.md points, so it always shows the explorer as it is.
      await page.mouse.move(0, 0); // no hover state in the picture
      const taken = Date.now();
      const picture = await page.screenshot();
      writeFileSync(join(ARTIFACTS, 'explorer.png'), picture);
      writeFileSync(README_SCREENSHOT, picture);
      expect(statSync(README_SCREENSHOT).mtimeMs).toBeGreaterThanOrEqual(taken - 1_000);
      expect(readFileSync(README_SCREENSHOT).equals(picture)).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'opens a relation row into its evidence, with each verbatim quote',
    async () => {
      const { relation } = await harness.api<{ relation: { id: string; citations: { quote: string }[] } }>(
        '{ relation(id: "isis-k--enemy_of--taliban") { id citations { quote } } }',
      );
      const { page, context, errors } = await openPage(harness, '/?entity=isis-k');
      await waitForGraph(page);
      const panel = page.getByRole('region', { name: 'Entity details' });
      await panel.getByRole('button', { name: /^ISIS-K enemy of Taliban/ }).click();
      const evidence = page.getByRole('region', { name: 'Evidence' });
      await evidence.locator('blockquote').first().waitFor();
      const quotes = await evidence.locator('blockquote').allTextContents();
      expect(quotes).toEqual(relation.citations.map((citation) => citation.quote));
      expect(await evidence.getByText(/Supported by \d of \d sources/).count()).toBe(1);
      expect(new URL(page.url()).searchParams.get('relation')).toBe(relation.id);
      await screenshot(page, 'evidence.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'a source filter reduces the counts to what that source supports',
    async () => {
      const source = 'bbc-what-is-isis-k';
      const expected = await harness.api<{ entities: { totalCount: number }; relations: { totalCount: number } }>(
        `{ entities(filter: { sources: ["${source}"] }) { totalCount } relations(filter: { sources: ["${source}"] }) { totalCount } }`,
      );
      const { page, context, errors } = await openPage(harness);
      await waitForGraph(page);
      const before = await statusLine(page).textContent();
      await page.getByRole('button', { name: 'Show only BBC' }).click();
      const after = counts(expected.entities.totalCount, expected.relations.totalCount);
      await page.locator('[role="status"]', { hasText: after }).waitFor();
      expect(after).not.toBe(before);
      expect(new URL(page.url()).searchParams.get('sources')).toBe(source);
      await screenshot(page, 'source-filter.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'the source filter finds a source by its publisher, keeps it checked, and the URL carries it',
    async () => {
      const { sources } = await harness.api<{
        sources: { edges: { node: { id: string; title: string; publisher: string | null } }[] };
      }>('{ sources(text: "nationalworld") { edges { node { id title publisher } } } }');
      const source = sources.edges[0]!.node;
      const label = new RegExp(`^${(source.publisher ?? source.title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
      const { page, context, errors } = await openPage(harness);
      await waitForGraph(page);
      const filter = page.getByRole('group', { name: 'Sources', exact: true });
      await filter.getByRole('searchbox', { name: 'Search sources' }).fill('nationalworld');
      const results = filter.getByRole('list', { name: /^Sources matching/ });
      // Checked, it moves from the results to the chosen sources (so a click, not `check`).
      await results.getByRole('checkbox', { name: label }).click();
      const chosen = filter.getByRole('list', { name: 'Chosen sources' }).getByRole('checkbox', { name: label });
      await chosen.waitFor();
      expect(await chosen.isChecked()).toBe(true);
      expect(new URL(page.url()).searchParams.get('sources')).toBe(source.id);
      // Unchecking the only chosen source lifts the restriction (and the chosen list goes).
      await chosen.click();
      await page.waitForURL((url) => url.searchParams.get('sources') === null);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    '"own voice" keeps what the articles state themselves, as the API counts it, and is in the URL',
    async () => {
      const expected = await harness.api<{ stats: { entityCount: number }; relations: { totalCount: number } }>(
        '{ stats { entityCount } relations(filter: { ownVoice: true }) { totalCount } }',
      );
      const { page, context, errors } = await openPage(harness);
      await waitForGraph(page);
      await page.getByRole('checkbox', { name: 'Only what an article states in its own voice' }).check();
      await statusLine(page)
        .filter({ hasText: counts(expected.stats.entityCount, expected.relations.totalCount) })
        .waitFor();
      expect(new URL(page.url()).searchParams.get('ownvoice')).toBe('1');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'a deep link restores selection, filters and focus after a reload',
    async () => {
      const { page, context, errors } = await openPage(harness);
      await waitForGraph(page);
      await page.getByRole('combobox', { name: 'Search entities' }).fill('taliban');
      await page
        .getByRole('option', { name: /^Taliban/ })
        .first()
        .click();
      await page.getByRole('region', { name: 'Entity details' }).getByRole('heading', { name: 'Taliban' }).waitFor();
      await page.getByRole('slider', { name: 'Minimum supporting sources' }).fill('2');
      await page.getByRole('button', { name: 'Focus on neighbourhood' }).click();
      await page.getByRole('region', { name: 'Focus' }).getByText('Neighbourhood of').waitFor();
      await page.locator('.focus-banner .loading-note').waitFor({ state: 'detached' });
      const url = page.url();
      const status = await statusLine(page).textContent();
      expect(status).not.toBeNull();
      expect(status).toMatch(/^\d+ entities · \d+ relations$/);
      expect(new URL(url).searchParams.get('min')).toBe('2');
      expect(new URL(url).searchParams.get('focus')).toBe('taliban');

      await page.reload();
      await waitForGraph(page);
      expect(page.url()).toBe(url);
      await page.getByRole('region', { name: 'Entity details' }).getByRole('heading', { name: 'Taliban' }).waitFor();
      await page.getByRole('region', { name: 'Focus' }).waitFor();
      await expectStatus(page, status!);
      expect(await page.getByRole('slider', { name: 'Minimum supporting sources' }).inputValue()).toBe('2');
      await screenshot(page, 'deep-link.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'the path finder connects ISIS-K and the Taliban, hop by hop with evidence',
    async () => {
      const { paths } = await harness.api<{ paths: { length: number }[] }>(
        '{ paths(from: "isis-k", to: "taliban", maxLength: 3, first: 10) { length } }',
      );
      const { page, context, errors } = await openPage(harness);
      await waitForGraph(page);
      await page.getByRole('tab', { name: 'Paths' }).click();
      const from = page.getByRole('combobox', { name: 'Path from' });
      await from.fill('ISIS-K');
      await page
        .getByRole('option', { name: /^ISIS-K/ })
        .first()
        .click();
      const to = page.getByRole('combobox', { name: 'Path to' });
      await to.fill('Taliban');
      await page
        .getByRole('option', { name: /^Taliban/ })
        .first()
        .click();
      const list = page.getByRole('list', { name: 'Paths' });
      await list.waitFor();
      expect(await list.locator(':scope > li').count()).toBe(paths.length);
      const first = list.locator(':scope > li').first();
      expect(await first.locator('.path__chain').textContent()).toMatch(/ISIS-K.*Taliban/);
      expect(await first.locator('blockquote').count()).toBeGreaterThan(0);
      expect(new URL(page.url()).searchParams.get('from')).toBe('isis-k');
      expect(new URL(page.url()).searchParams.get('to')).toBe('taliban');
      await waitForGraph(page);
      await screenshot(page, 'path.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'works on a phone-sized screen without sideways scrolling',
    async () => {
      const { page, context, errors } = await openPage(harness, '/?entity=isis-k', { width: 390, height: 844 });
      await waitForGraph(page);
      await page.getByRole('region', { name: 'Entity details' }).getByRole('heading', { name: 'ISIS-K' }).waitFor();
      expect(await statusLine(page).isVisible()).toBe(true);
      expect(await page.getByRole('combobox', { name: 'Search entities' }).isVisible()).toBe(true);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'phone.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'on a phone the legend starts folded, and the first view keeps every entity clear of the overlays',
    async () => {
      const { page, context, errors } = await openPage(harness, '/', { width: 390, height: 844 });
      await waitForGraph(page);
      const legend = page.getByRole('region', { name: 'Legend' });
      const toggle = legend.getByRole('button', { name: 'Legend' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await legend.getByRole('list').count()).toBe(0);
      const canvas = (await page.locator('.graph-canvas__sigma').boundingBox())!;
      const folded = (await legend.boundingBox())!;
      // Folded, it takes a sliver of the canvas (unfolded it took about a fifth).
      expect((folded.width * folded.height) / (canvas.width * canvas.height)).toBeLessThan(0.03);
      expect(await entitiesHiddenByOverlays(page)).toEqual([]);
      await screenshot(page, 'phone-overview.png');

      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await legend.getByText('Sources per relation').waitFor();
      expect(await legend.getByRole('listitem').count()).toBeGreaterThan(0);
      await screenshot(page, 'phone-legend.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'the first view keeps every entity clear of the legend and toolbars, and the legend folds away',
    async () => {
      const { page, context, errors } = await openPage(harness, '/');
      await waitForGraph(page);
      expect(await entitiesHiddenByOverlays(page)).toEqual([]);
      const legend = page.getByRole('region', { name: 'Legend' });
      const toggle = legend.getByRole('button', { name: 'Legend' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const open = (await legend.boundingBox())!;
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await legend.getByText('Sources per relation').isVisible()).toBe(false);
      expect((await legend.boundingBox())!.height).toBeLessThan(open.height / 2);
      // "Fit graph" fits the graph again, clear of the overlays as they are now.
      await page.getByRole('button', { name: 'Fit graph' }).click();
      await waitForGraph(page);
      expect(await entitiesHiddenByOverlays(page)).toEqual([]);
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'opened first on another view, the graph is fitted clear of the overlays once it is shown',
    async () => {
      const { page, context, errors } = await openPage(harness, '/sources');
      await page.getByRole('list', { name: 'Sources' }).waitFor();
      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Graph' }).click();
      await waitForGraph(page);
      await page.waitForFunction(() => (window.explorerCanvas?.drawnNodes().length ?? 0) > 0);
      expect(await entitiesHiddenByOverlays(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'a stale link whose only source is unknown shows the whole graph and says what it dropped',
    async () => {
      const { stats } = await harness.api<{ stats: { entityCount: number; relationCount: number } }>(
        '{ stats { entityCount relationCount } }',
      );
      const { page, context, errors } = await openPage(harness, '/?sources=no-such-source&min=abc&since=2021-13');
      await waitForGraph(page);
      await expectStatus(page, counts(stats.entityCount, stats.relationCount));
      const notice = page.locator('.explorer__problems');
      await notice.waitFor();
      expect(await notice.getAttribute('role')).toBe('alert');
      expect(await notice.textContent()).toMatch(/"sources" filter names only unknown values \(no-such-source\)/);
      expect(await notice.textContent()).toMatch(/the filter was dropped/);
      // Values no filter can read are named too, not silently dropped.
      expect(await notice.textContent()).toMatch(/"min" value "abc" is not a whole number/);
      expect(await notice.textContent()).toMatch(/"since" value "2021-13" is not a date/);
      // The address now says what is shown: no source filter.
      await page.waitForURL((url) => !url.searchParams.has('sources'));
      await screenshot(page, 'stale-link.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'in the search box a first Escape closes the list and keeps the text, a second clears it',
    async () => {
      const { page, context, errors } = await openPage(harness);
      await waitForGraph(page);
      const box = page.getByRole('combobox', { name: 'Search entities' });
      await box.fill('iskp');
      await page
        .getByRole('option', { name: /^ISIS-K/ })
        .first()
        .waitFor();
      expect(await box.getAttribute('aria-expanded')).toBe('true');
      await box.press('Escape');
      expect(await box.getAttribute('aria-expanded')).toBe('false');
      expect(await box.inputValue()).toBe('iskp');
      expect(await page.getByRole('listbox', { name: 'Search entities: results' }).isVisible()).toBe(false);
      await box.press('Escape');
      expect(await box.inputValue()).toBe('');
      expect(await box.getAttribute('aria-expanded')).toBe('false');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'Enter takes the option highlighted with the arrows, even while a newer search is in flight',
    async () => {
      const { search } = await harness.api<{ search: { id: string; name: string }[] }>(
        '{ search(text: "ta", first: 8) { id name } }',
      );
      expect(search.length).toBeGreaterThan(1);
      const wanted = search[1]!;
      const { page, context, errors } = await openPage(harness);
      await waitForGraph(page);
      const box = page.getByRole('combobox', { name: 'Search entities' });
      const isSearch = (postData: string | null, text: string) =>
        (postData ?? '').includes('SearchEntities') && (postData ?? '').includes(`"text":"${text}"`);
      const answered = page.waitForResponse((response) => isSearch(response.request().postData(), 'ta'));
      await box.fill('ta');
      await answered;
      const options = page.getByRole('listbox', { name: 'Search entities: results' }).locator('.combobox__name');
      await options.nth(1).waitFor();
      expect(await options.allTextContents()).toEqual(search.map((hit) => hit.name));

      // The next search is held on the way to the server: it stays in flight while we choose.
      const held: Parameters<Parameters<Page['route']>[1]>[0][] = [];
      await page.route('**/graphql', async (route) => {
        if (isSearch(route.request().postData(), 'tal')) held.push(route);
        else await route.continue();
      });
      const asked = page.waitForRequest((request) => isSearch(request.postData(), 'tal'));
      await box.press('l');
      await asked;
      await box.press('ArrowDown');
      await box.press('ArrowDown');
      expect(await page.getByRole('option', { selected: true }).locator('.combobox__name').textContent()).toBe(
        wanted.name,
      );
      await box.press('Enter');
      await page
        .getByRole('region', { name: 'Entity details' })
        .getByRole('heading', { name: wanted.name, level: 2 })
        .waitFor();
      expect(new URL(page.url()).searchParams.get('entity')).toBe(wanted.id);
      // The choice was made while the search was held. Release it (the box may have dropped
      // it already, once it no longer needed the answer).
      expect(held.length).toBeGreaterThan(0);
      await Promise.allSettled(held.map((route) => route.continue()));
      await page.unroute('**/graphql');
      expect(new URL(page.url()).searchParams.get('entity')).toBe(wanted.id);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'clicking an entity on the canvas opens its panel; hovering one dims all but its neighbours',
    async () => {
      const { page, context, errors } = await openPage(harness);
      await waitForGraph(page);
      const container = page.locator('.graph-canvas__sigma');
      // The biggest entity (the first view keeps it clear of the overlays): a hub, with neighbours and others to dim.
      const id = await page.evaluate(() => {
        const probe = window.explorerCanvas!;
        const ids = probe.drawnNodes();
        return ids.reduce((best, next) => (probe.node(next)!.radius > probe.node(best)!.radius ? next : best));
      });
      const { entity } = await harness.api<{ entity: { name: string } }>(
        `{ entity(id: ${JSON.stringify(id)}) { name } }`,
      );
      const neighbours = await page.evaluate((hub) => {
        const probe = window.explorerCanvas!;
        const ids = new Set([hub]);
        for (const edge of probe.drawnEdges().map((edgeId) => probe.edge(edgeId)!)) {
          if (edge.source === hub) ids.add(edge.target);
          if (edge.target === hub) ids.add(edge.source);
        }
        return [...ids];
      }, id);
      const others = await page.evaluate(
        (near) => window.explorerCanvas!.drawnNodes().filter((node) => !near.includes(node)),
        neighbours,
      );
      expect(others.length).toBeGreaterThan(0);

      const hub = await nodeOnPage(page, id);
      await page.mouse.move(hub.x, hub.y);
      await page.waitForFunction(
        (hovered) => document.querySelector('.graph-canvas__sigma')?.getAttribute('data-hover') === `entity:${hovered}`,
        id,
      );
      expect(await container.getAttribute('data-emphasis')).toBe('hover');
      // The reducers dim every entity outside the neighbourhood, and only those.
      await page.waitForFunction(
        ({ far, dim }) => far.every((node) => window.explorerCanvas!.node(node)!.color === dim),
        { far: others, dim: DIM_NODE_COLOR },
      );
      for (const node of neighbours) expect((await nodeOnPage(page, node)).color).not.toBe(DIM_NODE_COLOR);
      await screenshot(page, 'hover.png');

      await page.mouse.click(hub.x, hub.y);
      const panel = page.getByRole('region', { name: 'Entity details' });
      await panel.getByRole('heading', { name: entity.name, level: 2 }).waitFor();
      expect(new URL(page.url()).searchParams.get('entity')).toBe(id);

      await page.mouse.move(1, 1);
      await page.waitForFunction(() => !document.querySelector('.graph-canvas__sigma')?.getAttribute('data-hover'));
      expect(await container.getAttribute('data-emphasis')).toBe('selection');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'exports what is visible: a CSV of the relations, a GEXF of the graph and a PNG of the canvas',
    async () => {
      const { page, context, errors } = await openPage(harness, '/?min=2');
      await waitForGraph(page);
      const visible = await statusCounts(page);
      const { stats } = await harness.api<{ stats: { relationCount: number } }>('{ stats { relationCount } }');
      expect(visible.relations).toBeLessThan(stats.relationCount);
      const download = async (format: string) => {
        const [file] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: `Export ${format}` }).click(),
        ]);
        return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
      };

      const csv = await download('CSV');
      expect(csv.name).toMatch(/\.csv$/);
      const rows = parseCsv(csv.bytes.toString('utf8'));
      expect(rows[0]).toEqual([...RELATIONS_CSV_COLUMNS]);
      const body = rows.slice(1);
      expect(body.every((row) => row.length === RELATIONS_CSV_COLUMNS.length)).toBe(true);
      // One row per citation: every visible relation appears, and only those.
      expect(new Set(body.map((row) => row[0])).size).toBe(visible.relations);
      // The citations come on demand (the loaded graph has none): every row carries its verbatim quote and offsets.
      const column = (name: (typeof RELATIONS_CSV_COLUMNS)[number]) => RELATIONS_CSV_COLUMNS.indexOf(name);
      for (const row of body) {
        expect(row[column('quote')]!.length).toBeGreaterThan(0);
        expect(Number(row[column('quote_end')]) - Number(row[column('quote_start')])).toBe(
          row[column('quote')]!.length,
        );
      }

      const gexf = await download('GEXF');
      expect(gexf.name).toMatch(/\.gexf$/);
      const parsed = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: doc.documentElement.localName,
          nodes: doc.getElementsByTagName('node').length,
          edges: doc.getElementsByTagName('edge').length,
        };
      }, gexf.bytes.toString('utf8'));
      expect(parsed).toEqual({ error: null, root: 'gexf', nodes: visible.entities, edges: visible.relations });

      const png = await download('PNG');
      expect(png.name).toMatch(/\.png$/);
      expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(await page.getByRole('group', { name: 'Export' }).getByRole('alert').count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});

/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks) as rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('when the API is down', () => {
  it(
    'shows what failed and a Retry that recovers',
    async () => {
      const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.route('**/graphql', (route) => route.abort());
      // The page may carry the answers to the opening requests (server/api/opening-answers.ts):
      // this one comes without them, as when the server had none at hand, so every request fails.
      await page.route(`${harness.server.url}/`, async (route) => {
        const response = await route.fetch();
        const html = await response.text();
        const body = html.replace(/<script type="application\/json" id="opening-answers">[^<]*<\/script>/, '');
        await route.fulfill({ response, body });
      });
      await page.goto(`${harness.server.url}/`);
      const alert = page.getByRole('alert');
      await alert.getByRole('heading', { name: 'Could not load the graph' }).waitFor();
      expect(await alert.textContent()).toMatch(/Could not reach the API/);
      await screenshot(page, 'api-down.png');

      await page.unroute('**/graphql');
      await alert.getByRole('button', { name: 'Retry' }).click();
      await waitForGraph(page);
      expect(await statusLine(page).textContent()).toMatch(/^\d+ entities · \d+ relations$/);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});

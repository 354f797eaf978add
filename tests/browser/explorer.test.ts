/**
 * The explorer in a real browser (Debian's chromium, headless, WebGL through SwiftShader),
 * against the real server over the shipped data. Expectations come from the API itself,
 * not from numbers written here. Each test saves a screenshot under test-artifacts/.
 */
import { counts, harnessForThisFile, openPage, screenshot, statusLine, TEST_TIMEOUT, waitForGraph } from './harness';

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
      // The picture for the README: the whole explorer at 1280×800 with ISIS-K selected.
      await screenshot(page, 'explorer.png');
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
      expect(new URL(url).searchParams.get('min')).toBe('2');
      expect(new URL(url).searchParams.get('focus')).toBe('taliban');

      await page.reload();
      await waitForGraph(page);
      expect(page.url()).toBe(url);
      await page.getByRole('region', { name: 'Entity details' }).getByRole('heading', { name: 'Taliban' }).waitFor();
      await page.getByRole('region', { name: 'Focus' }).waitFor();
      await page.locator('[role="status"]', { hasText: status ?? '' }).waitFor();
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
});

describe('when the API is down', () => {
  it(
    'shows what failed and a Retry that recovers',
    async () => {
      const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.route('**/graphql', (route) => route.abort());
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

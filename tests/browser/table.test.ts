/**
 * The table view in a real browser over the shipped data: the same filters as the graph,
 * sorting and paging by the API, and a relation's row opening its evidence and the reader.
 * Every count and every expected row comes from the API, asked in the test.
 */
import type { Page } from 'playwright-core';

import { harnessForThisFile, openPage, screenshot, statusCounts, TEST_TIMEOUT, waitForGraph } from './harness';

const harness = harnessForThisFile();

interface RelationPage {
  relations: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    edges: { node: { id: string; label: string; subject: { name: string }; object: { name: string } } }[];
  };
}

const RELATIONS_PAGE = `query ($filter: RelationFilter, $orderBy: RelationOrder, $after: String) {
  relations(filter: $filter, first: 50, after: $after, orderBy: $orderBy) {
    totalCount pageInfo { endCursor hasNextPage } edges { node { id label subject { name } object { name } } }
  }
}`;

const table = (page: Page) => page.getByRole('table');
const bodyRows = (page: Page) => table(page).locator('tbody tr');
const pagerStatus = (page: Page) => page.locator('.pager__status');

/** The relation rows as "subject label object", as the API would say them. */
async function shownRelations(page: Page): Promise<string[]> {
  return bodyRows(page).evaluateAll((rows) =>
    rows.map((row) =>
      [...row.querySelectorAll('td')]
        .slice(0, 3)
        // The entities' links and the relation's button: the type badges' hidden labels are not part of the sentence.
        .map((cell) => cell.querySelector('a, button')?.textContent?.trim())
        .join(' '),
    ),
  );
}

const sentences = (data: RelationPage) =>
  data.relations.edges.map(({ node }) => `${node.subject.name} ${node.label} ${node.object.name}`);

describe('the table view', () => {
  it(
    "shows the relations the graph's filters keep, as many as the API counts and the graph draws",
    async () => {
      const filter = { minSources: 2 };
      const api = await harness.api<RelationPage>(RELATIONS_PAGE, {
        filter,
        orderBy: { field: 'CORROBORATION', direction: 'DESC' },
      });
      const { page, context, errors } = await openPage(harness, '/?min=2');
      await waitForGraph(page);
      const drawn = await statusCounts(page);
      expect(drawn.relations).toBe(api.relations.totalCount);

      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Table' }).click();
      await page.waitForURL((url) => url.pathname === '/table' && url.searchParams.get('min') === '2');
      await table(page).waitFor();
      const shown = Math.min(50, api.relations.totalCount);
      await pagerStatus(page)
        .filter({ hasText: `Relations 1–${shown} of ${api.relations.totalCount}` })
        .waitFor();
      expect(await bodyRows(page).count()).toBe(shown);
      expect(await shownRelations(page)).toEqual(sentences(api));
      expect(await table(page).locator('th[aria-sort]').count()).toBe(1);
      expect(
        await table(page)
          .getByRole('columnheader', { name: /Sources/ })
          .getAttribute('aria-sort'),
      ).toBe('descending');

      // A filter changed in the table is the graph's filter: the count follows the API's.
      await page.getByRole('slider', { name: 'Minimum supporting sources' }).fill('3');
      await page.waitForURL((url) => url.searchParams.get('min') === '3');
      const stricter = await harness.api<RelationPage>(RELATIONS_PAGE, { filter: { minSources: 3 } });
      await pagerStatus(page)
        .filter({ hasText: ` of ${stricter.relations.totalCount}` })
        .waitFor();
      await page.getByRole('link', { name: 'Show on the graph' }).click();
      await waitForGraph(page);
      expect((await statusCounts(page)).relations).toBe(stricter.relations.totalCount);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT * 2,
  );

  it(
    'says which page the rows shown are while the next is on its way, and waits for it before paging again',
    async () => {
      const { page, context, errors } = await openPage(harness, '/table');
      await table(page).waitFor();
      // The table opens sorted by corroboration, most first (core/table DEFAULT_RELATION_SORT).
      const orderBy = { field: 'CORROBORATION', direction: 'DESC' };
      const first = await harness.api<RelationPage>(RELATIONS_PAGE, { orderBy });
      const total = first.relations.totalCount;
      await pagerStatus(page)
        .filter({ hasText: `Relations 1–50 of ${total}` })
        .waitFor();
      // The second page's answer is held back until the test lets it go.
      let letGo!: () => void;
      const held = new Promise<void>((resolve) => (letGo = resolve));
      await page.route('**/graphql', async (route) => {
        const body = route.request().postData() ?? '';
        if (body.includes('"operationName":"TableRelations"') && !body.includes('"after":null')) await held;
        await route.continue();
      });
      await page.getByRole('button', { name: 'Next page' }).click();
      await page.waitForTimeout(500);
      // Still the first page's rows, said as such, and no paging on from a page not yet shown.
      expect(await pagerStatus(page).textContent()).toBe(`Relations 1–50 of ${total}`);
      expect(await shownRelations(page)).toEqual(sentences(first));
      expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);
      letGo();
      const second = await harness.api<RelationPage>(RELATIONS_PAGE, {
        orderBy,
        after: first.relations.pageInfo.endCursor,
      });
      await pagerStatus(page)
        .filter({ hasText: `Relations 51–${Math.min(100, total)} of ${total}` })
        .waitFor();
      expect(await shownRelations(page)).toEqual(sentences(second));
      await page.unroute('**/graphql');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'sorts by a column both ways, pages forward and back, and a link restores the sort',
    async () => {
      const { page, context, errors } = await openPage(harness, '/table');
      await table(page).waitFor();
      const subject = table(page).getByRole('columnheader', { name: /Subject/ });
      await subject.getByRole('button').click();
      await page.waitForURL((url) => url.searchParams.get('sort') === 'subject' && !url.searchParams.has('desc'));
      expect(await subject.getAttribute('aria-sort')).toBe('ascending');
      const ascending = await harness.api<RelationPage>(RELATIONS_PAGE, { orderBy: { field: 'SUBJECT' } });
      await page.waitForFunction(
        (first) => document.querySelector('tbody tr td a')?.textContent?.trim() === first,
        ascending.relations.edges[0]!.node.subject.name,
      );
      expect(await shownRelations(page)).toEqual(sentences(ascending));

      // The next page is the API's page after the first one's cursor.
      const total = ascending.relations.totalCount;
      expect(total).toBeGreaterThan(50);
      await page.getByRole('button', { name: 'Next page' }).click();
      const second = await harness.api<RelationPage>(RELATIONS_PAGE, {
        orderBy: { field: 'SUBJECT' },
        after: ascending.relations.pageInfo.endCursor,
      });
      await pagerStatus(page)
        .filter({ hasText: `Relations 51–${Math.min(100, total)} of ${total}` })
        .waitFor();
      expect(await shownRelations(page)).toEqual(sentences(second));
      await page.getByRole('button', { name: 'Previous page' }).click();
      await pagerStatus(page)
        .filter({ hasText: `Relations 1–50 of ${total}` })
        .waitFor();
      expect(await shownRelations(page)).toEqual(sentences(ascending));

      await subject.getByRole('button').click();
      await page.waitForURL((url) => url.searchParams.get('desc') === '1');
      expect(await subject.getAttribute('aria-sort')).toBe('descending');
      const descending = await harness.api<RelationPage>(RELATIONS_PAGE, {
        orderBy: { field: 'SUBJECT', direction: 'DESC' },
      });
      await page.waitForFunction(
        (first) => document.querySelector('tbody tr td a')?.textContent?.trim() === first,
        descending.relations.edges[0]!.node.subject.name,
      );
      expect(await shownRelations(page)).toEqual(sentences(descending));

      // The entity list, sorted by degree, from a link.
      const { entities } = await harness.api<{
        entities: { totalCount: number; edges: { node: { name: string } }[] };
      }>('{ entities(first: 50, orderBy: { field: DEGREE, direction: DESC }) { totalCount edges { node { name } } } }');
      await page.goto(`${harness.server.url}/table?table=entities&sort=degree&desc=1`);
      await table(page).waitFor();
      expect(
        await table(page)
          .getByRole('columnheader', { name: /Relations/ })
          .getAttribute('aria-sort'),
      ).toBe('descending');
      const shown = Math.min(50, entities.totalCount);
      await pagerStatus(page)
        .filter({ hasText: `Entities 1–${shown} of ${entities.totalCount}` })
        .waitFor();
      expect(
        await bodyRows(page).evaluateAll((rows) => rows.map((row) => row.querySelector('td a')?.textContent?.trim())),
      ).toEqual(entities.edges.map(({ node }) => node.name));
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    "a relation's row opens its evidence with the API's quotes, and a quote opens the reader at it",
    async () => {
      const api = await harness.api<RelationPage>(RELATIONS_PAGE, {
        orderBy: { field: 'CORROBORATION', direction: 'DESC' },
      });
      const first = api.relations.edges[0]!.node;
      const { relation } = await harness.api<{
        relation: { citations: { quote: string; start: number; end: number; source: { id: string } }[] };
      }>('query ($id: ID!) { relation(id: $id) { citations { quote start end source { id } } } }', { id: first.id });

      const { page, context, errors } = await openPage(harness, '/table');
      await table(page).waitFor();
      const open = page.getByRole('button', {
        name: `Evidence: ${first.subject.name} ${first.label} ${first.object.name}`,
      });
      await open.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('relation') === first.id);
      const evidence = page.getByRole('region', { name: 'Evidence' });
      await evidence.locator('blockquote').first().waitFor();
      expect(await evidence.locator('blockquote').allTextContents()).toEqual(
        relation.citations.map((citation) => citation.quote),
      );
      // Closing returns keyboard focus to the row's button.
      await evidence.getByRole('button', { name: /Close/ }).click();
      await page.waitForURL((url) => !url.searchParams.has('relation'));
      await page.waitForFunction((id) => document.activeElement?.getAttribute('data-relation-id') === id, first.id);

      await open.click();
      const cited = relation.citations[0]!;
      await evidence.getByRole('link', { name: cited.quote }).first().click();
      const mark = page.locator('mark[aria-current="location"]');
      await mark.waitFor();
      const url = new URL(page.url());
      expect(url.pathname).toBe(`/sources/${cited.source.id}`);
      expect(url.searchParams.get('citation')).toBe(`${cited.start}-${cited.end}`);
      expect(await mark.textContent()).toBe(cited.quote);
      await page.goBack();
      await evidence.locator('blockquote').first().waitFor();
      await screenshot(page, 'table.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});

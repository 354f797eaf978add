/**
 * The table view over a generated graph of 10^5 relations: the page holds one page of rows
 * (the DOM stays bounded), its counts are the API's, and sorting and the next page come from
 * the API without the whole graph ever reaching the browser.
 */
// Built in memory (about 6 s): the generator that writes graph-data files takes five times as long.
import { syntheticGraph } from '../support/in-memory-graph';
import { harnessForThisFile, openPage, TEST_TIMEOUT } from './harness';

const RELATIONS = 100_000;
const harness = harnessForThisFile({
  knowledgeGraph: async () => syntheticGraph(20_000, RELATIONS, 200),
});

const thousands = (count: number) => count.toLocaleString('en');

describe('the table view at 10^5 relations', () => {
  it(
    "shows 50 rows of the API's 100,000, sorts by subject and pages on, with the DOM bounded",
    async () => {
      const { page, context, errors } = await openPage(harness, '/table');
      const table = page.getByRole('table');
      await table.waitFor({ timeout: 45_000 });
      const status = page.locator('.pager__status');
      await status.filter({ hasText: `Relations 1–50 of ${thousands(RELATIONS)}` }).waitFor();
      expect(await table.locator('tbody tr').count()).toBe(50);

      await table
        .getByRole('columnheader', { name: /Subject/ })
        .getByRole('button')
        .click();
      const { relations } = await harness.api<{
        relations: { pageInfo: { endCursor: string }; edges: { node: { subject: { name: string } } }[] };
      }>(
        '{ relations(first: 50, orderBy: { field: SUBJECT }) { pageInfo { endCursor } edges { node { subject { name } } } } }',
      );
      await page.waitForFunction(
        (first) => document.querySelector('tbody tr td a')?.textContent?.trim() === first,
        relations.edges[0]!.node.subject.name,
      );
      await page.getByRole('button', { name: 'Next page' }).click();
      await status.filter({ hasText: `Relations 51–100 of ${thousands(RELATIONS)}` }).waitFor();
      const next = await harness.api<{ relations: { edges: { node: { subject: { name: string } } }[] } }>(
        'query ($after: String) { relations(first: 50, after: $after, orderBy: { field: SUBJECT }) { edges { node { subject { name } } } } }',
        { after: relations.pageInfo.endCursor },
      );
      expect(await table.locator('tbody tr td:first-child a').allTextContents()).toEqual(
        next.relations.edges.map(({ node }) => node.subject.name),
      );
      // One page of rows, whatever the size of the graph (the explorer, hidden under the view, is not the table's).
      expect(await page.locator('.table-view tr').count()).toBe(51);
      // At most about 30 elements a row (a source chip each): the table stays the size of one page.
      expect(await page.evaluate(() => document.querySelectorAll('.table-view table *').length)).toBeLessThan(1_500);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});

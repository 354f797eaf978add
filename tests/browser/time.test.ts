/**
 * Time in a real browser against the real server: choosing a range in the time bar shows what
 * held or happened in it, with the counts the API gives for the same range; the range is in
 * the URL; the timeline view lists the dated events with their quotes.
 */
import type { Page } from 'playwright-core';

import { harnessForThisFile, openPage, screenshot, statusCounts, TEST_TIMEOUT, waitForGraph } from './harness';

const harness = harnessForThisFile();

interface Span {
  first: string | null;
  last: string | null;
}

/** What the API keeps for a range: the relations in it, and the entities the explorer then shows. */
async function apiView(from: string, to: string): Promise<{ relations: Set<string>; entities: Set<string> }> {
  const during = `{ from: "${from}", to: "${to}" }`;
  const answer = await harness.api<{
    relations: {
      totalCount: number;
      edges: { node: { id: string; subject: { id: string }; object: { id: string } } }[];
    };
    entities: { edges: { node: { id: string; span: Span | null } }[] };
  }>(`{
    relations(filter: { during: ${during} }, first: 500) { totalCount edges { node { id subject { id } object { id } } } }
    entities(first: 500) { edges { node { id span { first last } } } }
  }`);
  expect(answer.relations.edges).toHaveLength(answer.relations.totalCount);
  const relations = new Set(answer.relations.edges.map((edge) => edge.node.id));
  // Entities: the ends of those relations, and dated entities whose span overlaps the range.
  const entities = new Set(answer.relations.edges.flatMap((edge) => [edge.node.subject.id, edge.node.object.id]));
  const firstDay = from.length === 7 ? `${from}-01` : `${from}-01-01`;
  const lastDay = to.length === 7 ? `${to}-31` : `${to}-12-31`;
  for (const { node } of answer.entities.edges) {
    if (!node.span) continue;
    if (
      (node.span.first === null || node.span.first <= lastDay) &&
      (node.span.last === null || node.span.last >= firstDay)
    ) {
      entities.add(node.id);
    }
  }
  return { relations, entities };
}

async function chooseMonths(page: Page, from: string, to: string) {
  const time = page.getByRole('region', { name: 'Time' });
  await time.getByLabel('From month').fill(from);
  await time.getByLabel('To month').fill(to);
}

async function drawn(page: Page): Promise<{ nodes: string[]; edges: string[] }> {
  return page.evaluate(() => ({
    nodes: window.explorerCanvas!.drawnNodes(),
    edges: window.explorerCanvas!.drawnEdges(),
  }));
}

describe('the time bar', () => {
  it(
    '2015–2016 shows Hafiz Saeed Khan leading ISIS-K and hides the 2021 airport attack, with the API counts',
    async () => {
      const expected = await apiView('2015-01', '2016-12');
      expect(expected.relations.has('hafiz-saeed-khan--leader_of--isis-k')).toBe(true);
      expect(expected.entities.has('kabul-airport-attack-2021')).toBe(false);

      const { page, context, errors } = await openPage(harness, '/');
      await waitForGraph(page);
      await chooseMonths(page, '2015-01', '2016-12');
      await page.waitForURL(/since=2015-01&until=2016-12/);
      await page.waitForFunction(
        (count) => window.explorerCanvas!.drawnEdges().length === count,
        expected.relations.size,
      );
      await expect(statusCounts(page)).resolves.toEqual({
        entities: expected.entities.size,
        relations: expected.relations.size,
      });
      const shown = await drawn(page);
      expect(shown.edges).toContain('hafiz-saeed-khan--leader_of--isis-k');
      expect(shown.nodes).toContain('hafiz-saeed-khan');
      expect(shown.nodes).not.toContain('kabul-airport-attack-2021');
      expect(new Set(shown.edges)).toEqual(expected.relations);
      await screenshot(page, 'time-2015-2016.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'August 2021 shows the takeover of Kabul, the airport attack and the evacuation; the histogram has a table',
    async () => {
      const expected = await apiView('2021-08', '2021-08');
      const { page, context, errors } = await openPage(harness, '/?since=2021-08&until=2021-08');
      await waitForGraph(page);
      await page.waitForFunction(
        (count) => window.explorerCanvas!.drawnEdges().length === count,
        expected.relations.size,
      );
      await expect(statusCounts(page)).resolves.toEqual({
        entities: expected.entities.size,
        relations: expected.relations.size,
      });
      const shown = await drawn(page);
      for (const id of ['taliban-takeover-of-kabul-2021', 'kabul-airport-attack-2021', 'kabul-evacuation-2021']) {
        expect(shown.nodes).toContain(id);
      }
      expect(shown.nodes).not.toContain('us-airstrike-july-2016');

      // The histogram's text equivalent: the months with their counts, as the API gives them.
      const { timeline } = await harness.api<{ timeline: { periods: { period: string; relations: number }[] } }>(
        '{ timeline(bucket: MONTH) { periods { period relations } } }',
      );
      const august = timeline.periods.find((period) => period.period === '2021-08')!;
      const time = page.getByRole('region', { name: 'Time' });
      await time.getByText('Counts by month').click();
      const row = time.getByRole('row', { name: /^Aug 2021/ });
      await expect(row.getByRole('cell').first().textContent()).resolves.toBe(String(august.relations));
      await screenshot(page, 'time-august-2021.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'keeps the canvas its size while the timeline loads, so the graph is not resized and drawn again when it comes',
    async () => {
      const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
      // The timeline's answer is held back, so it surely comes after the graph is drawn.
      let held = 0;
      await context.route('**/graphql', async (route) => {
        if (route.request().postData()?.includes('timeline(')) {
          held += 1;
          await new Promise((resolve) => setTimeout(resolve, 1_500));
        }
        await route.continue();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${harness.server.url}/`);
      await waitForGraph(page);
      const time = page.getByRole('region', { name: 'Time' });
      await expect(time.getByText('Loading the timeline…').count()).resolves.toBe(1);
      const canvas = page.locator('.graph-canvas__sigma');
      const before = await canvas.boundingBox();
      await time.locator('.time-bar__histogram').waitFor();
      expect(held).toBeGreaterThan(0);
      expect(await canvas.boundingBox()).toEqual(before);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'the timeline view lists every dated event with its date and quotes, each quote opening the reader',
    async () => {
      const { timeline } = await harness.api<{
        timeline: { events: { totalCount: number; edges: { node: { entity: { name: string } } }[] } };
      }>('{ timeline { events(first: 100) { totalCount edges { node { entity { name } } } } } }');
      expect(timeline.events.totalCount).toBeGreaterThan(10);
      expect(timeline.events.totalCount).toBeLessThanOrEqual(100);
      const { page, context, errors } = await openPage(harness, '/timeline');
      const list = page.getByRole('list', { name: 'Dated events' });
      await list.getByRole('listitem').first().waitFor();
      await expect(list.getByRole('listitem').count()).resolves.toBe(timeline.events.totalCount);
      const names = await list.locator('.timeline__entity a').allTextContents();
      expect(names).toEqual(timeline.events.edges.map((edge) => edge.node.entity.name));
      const href = await list.locator('blockquote a').first().getAttribute('href');
      expect(href).toMatch(/^\/sources\/[a-z0-9-]+\?citation=\d+-\d+/);
      await screenshot(page, 'timeline-view.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    "the entity panel lists the entity's dated relations in order",
    async () => {
      const { entity: answer } = await harness.api<{
        entity: { name: string; timeline: { totalCount: number; edges: { node: { id: string } }[] } };
      }>('{ entity(id: "hafiz-saeed-khan") { name timeline(first: 50) { totalCount edges { node { id } } } } }');
      expect(answer.timeline.edges).toHaveLength(answer.timeline.totalCount);
      const entity = { name: answer.name, timeline: answer.timeline.edges.map((edge) => edge.node) };
      expect(entity.timeline.map((relation) => relation.id)).toContain('hafiz-saeed-khan--leader_of--isis-k');
      const { page, context, errors } = await openPage(harness, '/?entity=hafiz-saeed-khan');
      await waitForGraph(page);
      const list = page.getByRole('list', { name: `${entity.name}: dated relations in order` });
      await list.waitFor();
      await expect(list.getByRole('listitem').count()).resolves.toBe(entity.timeline.length);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});

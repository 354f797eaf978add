/**
 * The explorer on a generated graph over the bounded-view threshold: it opens on the API's
 * overview, says how much of the graph that is, and every relation shown still opens its
 * evidence.
 */
import { BOUNDED_TEST_GRAPH, generatedGraph } from '../support/generated-graph';
import { counts, expectStatus, harnessForThisFile, openPage, screenshot, TEST_TIMEOUT, waitForGraph } from './harness';

const harness = harnessForThisFile({ knowledgeGraph: () => generatedGraph(BOUNDED_TEST_GRAPH) });

const thousands = (count: number) => count.toLocaleString('en');

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
    'a link to an entity outside the overview brings it into the view with its neighbours',
    async () => {
      const { overview, entities } = await harness.api<{
        overview: { entities: { id: string }[] };
        entities: { edges: { node: { id: string; name: string } }[] };
      }>('{ overview { entities { id } } entities(first: 100) { edges { node { id name } } } }');
      const inOverview = new Set(overview.entities.map((entity) => entity.id));
      const outside = entities.edges.map((edge) => edge.node).find((entity) => !inOverview.has(entity.id))!;
      expect(outside).toBeDefined();

      const { page, context, errors } = await openPage(harness, `/?entity=${encodeURIComponent(outside.id)}`);
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

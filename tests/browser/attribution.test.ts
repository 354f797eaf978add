/**
 * Whose words and how sure, in a real browser against the real server: the evidence panel
 * names the speaker an article quotes and the hedge it uses, and a person's panel lists what
 * they are quoted as saying. Expectations are read from the API, not written here.
 */
import { harnessForThisFile, openPage, screenshot, TEST_TIMEOUT, waitForGraph } from './harness';

const harness = harnessForThisFile();

interface ApiCitation {
  quote: string;
  source: { publisher: string | null; title: string };
  attributedTo: { name: string; affiliation: { name: string } | null } | null;
  hedge: { label: string } | null;
}

describe('attribution in the explorer', () => {
  it(
    'the evidence panel reads "<publisher>, quoting <speaker> (<affiliation>)" and shows the hedge',
    async () => {
      const { relation } = await harness.api<{ relation: { citations: ApiCitation[] } }>(
        `{ relation(id: "isis-k--enemy_of--taliban") {
          citations { quote source { publisher title } attributedTo { name affiliation { name } } hedge { label } }
        } }`,
      );
      const quoted = relation.citations.find((citation) => citation.attributedTo?.affiliation);
      expect(quoted).toBeDefined();
      const speaker = quoted!.attributedTo!;
      const line = `${quoted!.source.publisher ?? quoted!.source.title}, quoting ${speaker.name} (${speaker.affiliation!.name}):`;

      const { page, context, errors } = await openPage(harness, '/?relation=isis-k--enemy_of--taliban');
      await waitForGraph(page);
      const evidence = page.getByRole('region', { name: 'Evidence' });
      await evidence.locator('blockquote').first().waitFor();
      await expect(evidence.getByText(line, { exact: true }).count()).resolves.toBe(1);
      const own = relation.citations.filter((citation) => !citation.attributedTo && !citation.hedge).length;
      await expect(evidence.locator('.attribution').count()).resolves.toBe(relation.citations.length - own);

      const hedged = await harness.api<{ relation: { citations: ApiCitation[] } }>(
        `{ relation(id: "islamic-state--released_from--pul-e-charki-jail") {
          citations { quote source { publisher title } attributedTo { name affiliation { name } } hedge { label } }
        } }`,
      );
      const label = hedged.relation.citations[0]!.hedge!.label;
      await page.goto(`${harness.server.url}/?relation=islamic-state--released_from--pul-e-charki-jail`);
      await waitForGraph(page);
      const hedge = page.getByRole('region', { name: 'Evidence' }).locator('.tag--hedge');
      await hedge.first().waitFor();
      await expect(hedge.first().textContent()).resolves.toContain(label);
      await screenshot(page, 'attribution-evidence.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    "a person's panel lists what the articles quote them as saying",
    async () => {
      const { entity } = await harness.api<{
        entity: { name: string; statements: { totalCount: number; edges: { node: { quote: string } }[] } };
      }>('{ entity(id: "colin-clarke") { name statements(first: 20) { totalCount edges { node { quote } } } } }');
      expect(entity.statements.totalCount).toBeGreaterThan(0);

      const { page, context, errors } = await openPage(harness, '/?entity=colin-clarke');
      await waitForGraph(page);
      const list = page.getByRole('list', { name: `What ${entity.name} is quoted as saying` });
      await list.waitFor();
      await expect(list.getByRole('listitem').count()).resolves.toBe(entity.statements.edges.length);
      const first = entity.statements.edges[0]!.node.quote;
      await expect(list.getByRole('link', { name: first }).count()).resolves.toBeGreaterThan(0);
      await screenshot(page, 'attribution-statements.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});

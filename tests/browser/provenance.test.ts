/**
 * Provenance in a real browser, against the real server over the shipped data: from an edge
 * to the highlighted sentence in its article and back, stepping through citations, the
 * sources, the disagreements, corroboration and source comparison. Every expectation is
 * read from the API, never written here as a number. Each test saves a screenshot under
 * test-artifacts/.
 */
import type { Page } from 'playwright-core';

import {
  counts,
  expectStatus,
  harnessForThisFile,
  hoverSomeRelation,
  openPage,
  screenshot,
  statusLine,
  TEST_TIMEOUT,
  waitForGraph,
} from './harness';

const harness = harnessForThisFile();

/** The reader's current highlight: the one <mark> the reader points at. */
const highlight = (page: Page) => page.locator('mark[aria-current="location"]');

/** The accessible name Chromium exposes for the first element matching a selector. */
async function accessibleName(page: Page, selector: string): Promise<string | undefined> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  await cdp.detach();
  return nodes[0]?.name?.value as string | undefined;
}

/** True when the element is inside the viewport (scrolled into view). */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((css) => {
    const box = document.querySelector(css)?.getBoundingClientRect();
    return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
  }, selector);
}

/** A page of a connection, as the tests ask for them: one page holding the whole list. */
interface Connection<Node> {
  edges: { node: Node }[];
}
const nodes = <Node>(connection: Connection<Node>): Node[] => connection.edges.map((edge) => edge.node);

interface ApiCitation {
  quote: string;
  start: number;
  end: number;
  source: { id: string; title: string };
}

describe('provenance', () => {
  it(
    "opens an edge's citation in the reader with that exact quote highlighted, and Back restores the graph",
    async () => {
      const { relation } = await harness.api<{ relation: { id: string; citations: ApiCitation[] } }>(
        '{ relation(id: "isis-k--enemy_of--taliban") { id citations { quote start end source { id title } } } }',
      );
      const cited = relation.citations[0]!;
      const { page, context, errors } = await openPage(harness, '/?entity=isis-k');
      await waitForGraph(page);
      await page.getByRole('slider', { name: 'Minimum supporting sources' }).fill('2');
      const camera = () => page.locator('.graph-canvas__sigma').getAttribute('data-camera');
      const before = await camera();
      await page.getByRole('button', { name: 'Zoom in' }).click();
      // The zoom buttons' moves are tracked too: the camera is at rest once data-camera-settled is back.
      await waitForGraph(page);
      expect(await camera()).not.toBe(before);
      const panel = page.getByRole('region', { name: 'Entity details' });
      await panel.getByRole('button', { name: /^ISIS-K enemy of Taliban/ }).click();
      const evidence = page.getByRole('region', { name: 'Evidence' });
      await evidence.locator('blockquote').first().waitFor();
      const graphUrl = page.url();
      const graphStatus = await statusLine(page).textContent();
      expect(graphStatus).not.toBeNull();
      expect(graphStatus).toMatch(/^\d+ entities · \d+ relations$/);
      const graphCamera = await camera();

      await evidence.getByRole('link', { name: cited.quote }).first().click();
      await highlight(page).waitFor();
      const url = new URL(page.url());
      expect(url.pathname).toBe(`/sources/${cited.source.id}`);
      expect(url.searchParams.get('citation')).toBe(`${cited.start}-${cited.end}`);
      expect(await highlight(page).textContent()).toBe(cited.quote);
      expect(await accessibleName(page, 'mark[aria-current="location"]')).toMatch(/^Cited passage \d+ of \d+$/);
      expect(await inViewport(page, 'mark[aria-current="location"]')).toBe(true);
      await page.getByRole('heading', { level: 1, name: cited.source.title }).waitFor();
      // Only the text scrolled: the title and the way back stay in view.
      expect(await inViewport(page, '.page__back a')).toBe(true);
      // What the passage supports is open beside it: this relation's evidence.
      const beside = page.getByRole('complementary', { name: 'Citation' });
      await beside.getByRole('region', { name: 'Evidence' }).getByText('enemy of').first().waitFor();
      await screenshot(page, 'reader.png');

      await page.goBack();
      await page.getByRole('region', { name: 'Evidence' }).locator('blockquote').first().waitFor();
      expect(page.url()).toBe(graphUrl);
      await expectStatus(page, graphStatus!);
      expect(await page.getByRole('slider', { name: 'Minimum supporting sources' }).inputValue()).toBe('2');
      // The graph stayed mounted under the reader: the camera is where the user left it.
      expect(await camera()).toBe(graphCamera);
      await page.goBack();
      await panel.getByRole('heading', { name: 'ISIS-K', level: 2 }).waitFor();
      expect(new URL(page.url()).searchParams.get('entity')).toBe('isis-k');
      await screenshot(page, 'reader-back.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'clicking an edge on the canvas opens its evidence, and its quote opens the reader at that sentence',
    async () => {
      const { page, context, errors } = await openPage(harness, '/');
      await waitForGraph(page);
      const { id, point } = await hoverSomeRelation(page);
      const container = page.locator('.graph-canvas__sigma');
      expect(await container.getAttribute('data-emphasis')).toBe('hover');
      const { relation } = await harness.api<{ relation: { label: string; citations: ApiCitation[] } }>(
        `{ relation(id: ${JSON.stringify(id)}) { label citations { quote start end source { id title } } } }`,
      );
      await page.mouse.click(point.x, point.y);

      const evidence = page.getByRole('region', { name: 'Evidence' });
      await evidence.locator('blockquote').first().waitFor();
      expect(new URL(page.url()).searchParams.get('relation')).toBe(id);
      expect(await evidence.locator('blockquote').allTextContents()).toEqual(
        relation.citations.map((citation) => citation.quote),
      );
      await screenshot(page, 'edge-click.png');

      // One click from the evidence to the sentence, highlighted in its article.
      const cited = relation.citations[0]!;
      await evidence.getByRole('link', { name: cited.quote }).first().click();
      await highlight(page).waitFor();
      const url = new URL(page.url());
      expect(url.pathname).toBe(`/sources/${cited.source.id}`);
      expect(url.searchParams.get('citation')).toBe(`${cited.start}-${cited.end}`);
      expect(url.searchParams.get('relation')).toBe(id);
      expect(await highlight(page).textContent()).toBe(cited.quote);
      expect(await inViewport(page, 'mark[aria-current="location"]')).toBe(true);
      await screenshot(page, 'edge-reader.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    "a claim's quote opens the reader too, and its Back link returns to the entity as it was",
    async () => {
      const { entity } = await harness.api<{
        entity: { claims: Connection<{ id: string; attribute: string; citations: ApiCitation[] }> };
      }>(
        '{ entity(id: "khalil-haqqani") { claims(first: 500) { edges { node { id attribute citations { quote start end source { id title } } } } } } }',
      );
      const bounty = nodes(entity.claims).find((claim) => claim.attribute === 'bounty')!;
      const cited = bounty.citations[0]!;
      const { page, context, errors } = await openPage(harness, '/?entity=khalil-haqqani');
      await waitForGraph(page);
      const panel = page.getByRole('region', { name: 'Entity details' });
      await panel.getByText('Quote', { exact: false }).first().waitFor();
      const graphUrl = page.url();
      const details = panel.locator('details').filter({ has: page.locator('blockquote', { hasText: cited.quote }) });
      await details.locator('summary').click();
      await details.getByRole('link', { name: cited.quote }).click();
      await highlight(page).waitFor();
      expect(await highlight(page).textContent()).toBe(cited.quote);
      await page
        .getByRole('complementary', { name: 'Citation' })
        .getByRole('region', { name: 'Claim', exact: true })
        .waitFor();
      await page.getByRole('link', { name: 'Back to the graph' }).click();
      await panel.getByRole('heading', { name: /Haqqani/, level: 2 }).waitFor();
      expect(page.url()).toBe(graphUrl);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'next and previous citation move the highlight, by buttons and by keys, and say where they are',
    async () => {
      const sourceId = 'bbc-what-is-isis-k';
      const { source } = await harness.api<{
        source: { text: string; citations: Connection<{ start: number; end: number }> };
      }>(`{ source(id: "${sourceId}") { text citations(first: 500) { edges { node { start end } } } } }`);
      const citations = nodes(source.citations);
      const first = citations[0]!;
      const cited = new Set(citations.map((citation) => `${citation.start}-${citation.end}`));
      const { page, context, errors } = await openPage(
        harness,
        `/sources/${sourceId}?citation=${first.start}-${first.end}`,
      );
      await highlight(page).waitFor();
      const offsets = async () => {
        const mark = highlight(page);
        return {
          start: Number(await mark.getAttribute('data-start')),
          end: Number(await mark.getAttribute('data-end')),
        };
      };
      const expectHighlightIsACitation = async () => {
        const { start, end } = await offsets();
        expect(cited.has(`${start}-${end}`)).toBe(true);
        expect(await highlight(page).textContent()).toBe(source.text.slice(start, end));
        expect(new URL(page.url()).searchParams.get('citation')).toBe(`${start}-${end}`);
        expect(await inViewport(page, 'mark[aria-current="location"]')).toBe(true);
      };
      expect(await offsets()).toEqual({ start: first.start, end: first.end });
      const historyLength = await page.evaluate(() => history.length);

      await page.getByRole('button', { name: 'Next citation' }).click();
      await page.locator('[aria-live="polite"]', { hasText: /^Citation 2 of \d+: “/ }).waitFor();
      const second = await offsets();
      expect(second).not.toEqual({ start: first.start, end: first.end });
      expect(second.start).toBeGreaterThanOrEqual(first.start);
      await expectHighlightIsACitation();

      await page.keyboard.press('n');
      await page.locator('[aria-live="polite"]', { hasText: /^Citation 3 of / }).waitFor();
      const third = await offsets();
      expect(third.start).toBeGreaterThanOrEqual(second.start);
      await expectHighlightIsACitation();
      await screenshot(page, 'reader-next.png');

      await page.keyboard.press('k');
      await page.locator('[aria-live="polite"]', { hasText: /^Citation 2 of / }).waitFor();
      expect(await offsets()).toEqual(second);
      await page.getByRole('button', { name: 'Previous citation' }).click();
      await page.locator('[aria-live="polite"]', { hasText: /^Citation 1 of / }).waitFor();
      expect(await offsets()).toEqual({ start: first.start, end: first.end });
      expect(await page.getByRole('button', { name: 'Previous citation' }).isDisabled()).toBe(true);
      // Steps replace the history entry: Back still leads out of the reader in one step.
      expect(await page.evaluate(() => history.length)).toBe(historyLength);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'clicking a marked passage opens what it supports',
    async () => {
      const sourceId = 'cbc-isis-k-security-threat';
      const { source: answer } = await harness.api<{
        source: { citations: Connection<{ start: number; end: number; relation: { id: string } | null }> };
      }>(`{ source(id: "${sourceId}") { citations(first: 500) { edges { node { start end relation { id } } } } } }`);
      const source = { citations: nodes(answer.citations) };
      const { page, context, errors } = await openPage(harness, `/sources/${sourceId}`);
      await page.locator('.source-text mark').first().waitFor();
      expect(await highlight(page).count()).toBe(0);
      const marked = page.locator('.source-text mark[data-start]').nth(5);
      await marked.click();
      await highlight(page).waitFor();
      const url = new URL(page.url());
      const [start, end] = (url.searchParams.get('citation') ?? '').split('-').map(Number);
      const supported = source.citations.filter((citation) => citation.start === start && citation.end === end);
      expect(supported.length).toBeGreaterThan(0);
      const relationId = url.searchParams.get('relation');
      if (relationId) {
        expect(supported.map((citation) => citation.relation?.id)).toContain(relationId);
        await page.getByRole('complementary', { name: 'Citation' }).getByRole('region', { name: 'Evidence' }).waitFor();
      } else {
        await page
          .getByRole('complementary', { name: 'Citation' })
          .getByRole('region', { name: 'Claim', exact: true })
          .waitFor();
      }
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'the disagreements view lists the fighter estimates, each with its article and quote',
    async () => {
      const { disagreements } = await harness.api<{
        disagreements: Connection<{ attribute: string; claims: { value: string; citations: ApiCitation[] }[] }>;
      }>(
        '{ disagreements(entity: "isis-k") { edges { node { attribute claims { value citations { quote start end source { id title } } } } } } }',
      );
      const fighters = nodes(disagreements).find((disagreement) => disagreement.attribute === 'fighter_strength')!;
      const { sources: sourcePage } = await harness.api<{
        sources: Connection<{ id: string; title: string; publisher: string | null }>;
      }>('{ sources(first: 500) { edges { node { id title publisher } } } }');
      const sources = nodes(sourcePage);
      const name = (id: string) => {
        const source = sources.find((item) => item.id === id)!;
        return source.publisher ?? source.title;
      };

      const { page, context, errors } = await openPage(harness, '/');
      await waitForGraph(page);
      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Disagreements' }).click();
      const card = page.getByRole('region', { name: 'ISIS-K: Fighter strength' });
      await card.waitFor();
      const rows = card.locator('tbody > tr');
      expect(await rows.count()).toBe(fighters.claims.length);
      for (const claim of fighters.claims) {
        const row = rows.filter({ has: page.getByRole('rowheader', { name: claim.value }) });
        expect(await row.count()).toBe(1);
        for (const citation of claim.citations) {
          expect(await row.getByText(name(citation.source.id), { exact: true }).count()).toBeGreaterThan(0);
          expect(await row.locator('blockquote').filter({ hasText: citation.quote }).count()).toBe(1);
        }
      }
      // Every article that gives a number is there.
      const articles = new Set(fighters.claims.flatMap((claim) => claim.citations.map((c) => c.source.id)));
      expect(articles.size).toBeGreaterThan(1);
      // Khalil Haqqani's bounty is listed too.
      await page.getByRole('region', { name: /Haqqani: Bounty/ }).waitFor();
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, 'disagreements.png');

      // A quote opens the reader at that sentence.
      const cited = fighters.claims[0]!.citations[0]!;
      await card.getByRole('link', { name: cited.quote }).click();
      await highlight(page).waitFor();
      expect(await highlight(page).textContent()).toBe(cited.quote);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'a disagreements link naming an unknown entity says the entity is unknown',
    async () => {
      const { page, context, errors } = await openPage(harness, '/disagreements?entity=nope');
      const notice = page.locator('.disagreements__unknown');
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(/^No entity has the id “nope”/);
      expect(await page.getByText(/0 attributes on 0 entities/).count()).toBe(0);
      expect(await page.locator('.disagreements__summary').count()).toBe(0);
      await screenshot(page, 'disagreements-unknown.png');
      await notice.getByRole('link', { name: 'Show all disagreements' }).click();
      await page
        .locator('.disagreements__summary')
        .filter({ hasText: /^\d+ attributes? on \d+ entit/ })
        .waitFor();
      expect(new URL(page.url()).searchParams.get('entity')).toBeNull();
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'an entity panel\'s "Sources disagree" leads to that attribute in the disagreements view',
    async () => {
      const { page, context, errors } = await openPage(harness, '/?entity=khalil-haqqani');
      await waitForGraph(page);
      await page
        .getByRole('region', { name: 'Entity details' })
        .getByRole('link', { name: 'Sources disagree' })
        .click();
      const url = new URL(page.url());
      expect(url.pathname).toBe('/disagreements');
      expect(url.searchParams.get('entity')).toBe('khalil-haqqani');
      expect(url.searchParams.get('attribute')).toBe('bounty');
      await page.getByRole('region', { name: /Haqqani: Bounty/ }).waitFor();
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'the "at least 2 sources" filter hides single-source edges and the counts drop',
    async () => {
      const expected = await harness.api<{
        stats: { entityCount: number; relationCount: number };
        relations: { totalCount: number };
      }>('{ stats { entityCount relationCount } relations(filter: { minSources: 2 }) { totalCount } }');
      expect(expected.relations.totalCount).toBeLessThan(expected.stats.relationCount);
      const { page, context, errors } = await openPage(harness, '/');
      await waitForGraph(page);
      await statusLine(page)
        .filter({ hasText: counts(expected.stats.entityCount, expected.stats.relationCount) })
        .waitFor();
      await page.getByRole('slider', { name: 'Minimum supporting sources' }).fill('2');
      const after = counts(expected.stats.entityCount, expected.relations.totalCount);
      await statusLine(page).filter({ hasText: after }).waitFor();
      expect(new URL(page.url()).searchParams.get('min')).toBe('2');
      await waitForGraph(page);
      await screenshot(page, 'min-sources.png');

      await page.getByRole('tab', { name: 'List' }).click();
      const relations = page.getByRole('listbox', { name: 'Visible relations' }).getByRole('option');
      expect(await relations.count()).toBe(expected.relations.totalCount);
      const supports = await relations.locator('.keyboard-list__meta').allTextContents();
      expect(supports.filter((text) => text === '1 source')).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'comparing two sources lists the relations unique to each and those both support',
    async () => {
      const [a, b] = ['bbc-what-is-isis-k', 'nationalworld-what-is-isis-k'];
      const { compareSources: parts } = await harness.api<{
        compareSources: {
          onlyA: Connection<{ id: string }>;
          onlyB: Connection<{ id: string }>;
          both: Connection<{ id: string }>;
        };
      }>(
        `{ compareSources(a: "${a}", b: "${b}") { onlyA(first: 500) { edges { node { id } } } onlyB(first: 500) { edges { node { id } } } both(first: 500) { edges { node { id } } } } }`,
      );
      const compareSources = { onlyA: nodes(parts.onlyA), onlyB: nodes(parts.onlyB), both: nodes(parts.both) };
      const ids = (relations: { id: string }[]) => relations.map((relation) => relation.id).sort();

      const { page, context, errors } = await openPage(harness, '/');
      await waitForGraph(page);
      await page.getByRole('tab', { name: 'Compare' }).click();
      await page.getByRole('combobox', { name: 'Source A' }).selectOption(a);
      await page.getByRole('combobox', { name: 'Source B' }).selectOption(b);
      // Each list shows a page at a time: "Show more" until the whole list is there.
      const listed = async (title: RegExp) => {
        const list = page.getByRole('region', { name: title });
        await list.waitFor();
        const more = list.getByRole('button', { name: 'Show more relations' });
        await list.locator('[data-relation-id]').first().waitFor();
        while ((await more.count()) > 0) {
          const shown = await list.locator('[data-relation-id]').count();
          await more.click();
          await list.locator('[data-relation-id]').nth(shown).waitFor();
        }
        return (
          await list
            .locator('[data-relation-id]')
            .evaluateAll((items) => items.map((item) => item.getAttribute('data-relation-id') ?? ''))
        ).sort();
      };
      expect(await listed(/^Only in BBC/)).toEqual(ids(compareSources.onlyA));
      expect(await listed(/^Only in NationalWorld/)).toEqual(ids(compareSources.onlyB));
      expect(await listed(/^In both/)).toEqual(ids(compareSources.both));
      expect(new URL(page.url()).searchParams.get('compare')).toBe(`${a},${b}`);
      const legend = page.getByRole('list', { name: 'Source comparison' });
      expect(await legend.textContent()).toContain(`only BBC ${compareSources.onlyA.length}`);
      await waitForGraph(page);
      await screenshot(page, 'compare.png');

      // The comparison is in the URL: a reload shows it again.
      await page.reload();
      await waitForGraph(page);
      expect(await listed(/^Only in BBC/)).toEqual(ids(compareSources.onlyA));
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    "the sources view lists what each source supports and shows one source's subgraph in one click",
    async () => {
      const source = 'bbc-what-is-isis-k';
      const answer = await harness.api<{
        sources: Connection<{
          id: string;
          title: string;
          entityCount: number;
          relationCount: number;
          claimCount: number;
          citationCount: number;
        }>;
        entities: { totalCount: number };
        relations: { totalCount: number };
      }>(
        `{ sources(first: 500) { edges { node { id title entityCount relationCount claimCount citationCount } } } entities(filter: { sources: ["${source}"] }) { totalCount } relations(filter: { sources: ["${source}"] }) { totalCount } }`,
      );
      const expected = { ...answer, sources: nodes(answer.sources) };
      const { page, context, errors } = await openPage(harness, '/');
      await waitForGraph(page);
      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Sources' }).click();
      const cards = page.getByRole('list', { name: 'Sources' }).getByRole('article');
      await cards.first().waitFor();
      expect(await cards.count()).toBe(expected.sources.length);
      for (const item of expected.sources) {
        const card = cards.filter({ has: page.getByRole('heading', { name: item.title }) });
        const numbers = card.getByRole('definition');
        await card.getByText(String(item.citationCount), { exact: true }).waitFor();
        const text = (await numbers.allTextContents()).join(' ');
        for (const count of [item.entityCount, item.relationCount, item.claimCount, item.citationCount]) {
          expect(text).toContain(String(count));
        }
      }
      await screenshot(page, 'sources.png');

      await page.getByRole('link', { name: 'Show only its subgraph (BBC) on the graph' }).click();
      await statusLine(page)
        .filter({ hasText: counts(expected.entities.totalCount, expected.relations.totalCount) })
        .waitFor();
      expect(new URL(page.url()).searchParams.get('sources')).toBe(source);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'the reader works on a phone-sized screen without sideways scrolling',
    async () => {
      const { relation } = await harness.api<{ relation: { citations: ApiCitation[] } }>(
        '{ relation(id: "isis-k--enemy_of--taliban") { citations { quote start end source { id title } } } }',
      );
      const cited = relation.citations[0]!;
      const { page, context, errors } = await openPage(
        harness,
        `/sources/${cited.source.id}?citation=${cited.start}-${cited.end}&relation=isis-k--enemy_of--taliban`,
        { width: 390, height: 844 },
      );
      await highlight(page).waitFor();
      expect(await highlight(page).textContent()).toBe(cited.quote);
      expect(await page.getByRole('button', { name: 'Next citation' }).isVisible()).toBe(true);
      expect(await page.getByRole('navigation', { name: 'Views' }).isVisible()).toBe(true);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'reader-phone.png');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});

/**
 * The explorer at the widths of laptops and tablets, with a dataset whose title is long.
 * - The header: the entity search keeps room to type in, nothing runs past the window (no
 *   sideways scroll), the status line stays whole on screen, and the title, cut on screen, is
 *   whole in the page's text. Before, the title never shrank: the search was squeezed to
 *   nothing and the status line ran off the window, with the seed's own title from 1,000 pixels.
 * - The side column's tabs: all five whole within the column where it narrows (1,100 pixels
 *   and below), the Filters tab's "some on" mark included. Before, "List" ran past its edge.
 */
import type { Page } from 'playwright-core';

import { DEFAULT_GRAPH_DATA_DIR, loadGraphData } from '../../server/data/load-graph-data';
import { harnessForThisFile, openPage, TEST_TIMEOUT, waitForGraph } from './harness';

const LONG_TITLE =
  'Armed groups of the Afghanistan–Pakistan borderlands and their alliances, rivalries and attacks, 2015–2025';

const harness = harnessForThisFile({
  knowledgeGraph: async () => {
    const seed = await loadGraphData(DEFAULT_GRAPH_DATA_DIR);
    return { ...seed, dataset: { title: LONG_TITLE, description: seed.dataset?.description ?? null } };
  },
});

/**
 * The window at `width`, once the page has answered the resize: sigma resizes its canvases,
 * and panels measure themselves, in resize observers, which run before the next frame.
 */
async function resizeTo(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 800 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Below 200 pixels a search field shows a few letters of what is typed. */
const SEARCH_MIN_WIDTH = 200;

describe('the header with a long dataset title', () => {
  it(
    'keeps the search usable and everything within the window, from 1,440 pixels down to a phone',
    async () => {
      const { page, context, errors } = await openPage(harness, '/');
      await waitForGraph(page);
      for (const width of [1440, 1280, 1100, 1000, 901, 600, 375]) {
        await resizeTo(page, width);
        const seen = await page.evaluate(() => {
          const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
          const name = document.querySelector<HTMLElement>('.app-header__name');
          return {
            pageWidth: document.documentElement.scrollWidth,
            windowWidth: window.innerWidth,
            search: box('.explorer__search input').width,
            status: { left: box('.status-line').left, right: box('.status-line').right },
            nameCut: name !== null && name.scrollWidth > name.clientWidth,
          };
        });
        const where = `at ${width} pixels`;
        expect({ where, pageWidth: seen.pageWidth }).toEqual({ where, pageWidth: seen.windowWidth });
        expect({ where, search: seen.search >= SEARCH_MIN_WIDTH }).toEqual({ where, search: true });
        expect({ where, status: seen.status.left >= 0 && seen.status.right <= seen.windowWidth }).toEqual({
          where,
          status: true,
        });
        // Wide windows show it cut at its bound; the whole title is still the heading's text.
        if (width >= 901) expect({ where, cut: seen.nameCut }).toEqual({ where, cut: true });
      }
      const heading = page.getByRole('heading', { level: 1 });
      expect(await heading.textContent()).toContain(LONG_TITLE);
      expect(await page.locator('.app-header__name').getAttribute('title')).toBe(LONG_TITLE);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});

describe('the side column at narrower widths', () => {
  it(
    'shows its five tabs whole, with the mark of filters on',
    async () => {
      // min=2: a filter on, so the Filters tab carries its mark.
      const { page, context, errors } = await openPage(harness, '/?min=2');
      await waitForGraph(page);
      const tabs = page.getByRole('tablist', { name: 'Explore' });
      expect(await tabs.getByRole('tab').count()).toBe(5);
      expect(await tabs.locator('.tabs__dot').count()).toBe(1);
      for (const width of [1440, 1100, 1000, 901]) {
        await resizeTo(page, width);
        const cut = await tabs.evaluate((list) => {
          const column = list.getBoundingClientRect();
          return [...list.querySelectorAll('[role="tab"]')]
            .filter((tab) => {
              const box = tab.getBoundingClientRect();
              return box.left < column.left || box.right > column.right || tab.scrollWidth > tab.clientWidth;
            })
            .map((tab) => tab.textContent);
        });
        expect({ width, cut }).toEqual({ width, cut: [] });
      }
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});

import { buildGraphIndex } from '../../server/graph/indexes';
import { pathPage, shortestPaths } from '../../server/graph/paths';
import type { PathRecord } from '../../server/graph/results';
import { shippedGraphIndex } from './shipped-graph';
import { tinyKnowledgeGraph } from './tiny-graph';

const route = (path: PathRecord) => path.entities.map((entity) => entity.id).join(' > ');

describe('a page of paths with its total', () => {
  it('counts every path up to maxLength while showing only `first` of them (ISIS-K to the Haqqani network)', async () => {
    const index = await shippedGraphIndex();
    const all = shortestPaths(index, 'isis-k', 'haqqani-network', { maxLength: 3, first: 50 });
    expect(all.length).toBeLessThan(50); // so `all` is every path there is
    expect(all.length).toBeGreaterThan(10);
    const page = pathPage(index, 'isis-k', 'haqqani-network', { maxLength: 3, first: 10 });
    expect(page.paths.map(route)).toEqual(all.slice(0, 10).map(route));
    expect(page.totalCount).toBe(all.length);
    expect(page.totalCountExact).toBe(true);
  });

  it('pages on from an offset in the same order', async () => {
    const index = await shippedGraphIndex();
    const all = shortestPaths(index, 'isis-k', 'taliban', { maxLength: 3, first: 500 });
    expect(all.length).toBeLessThan(500); // so `all` is every path there is
    const offsets = Array.from({ length: Math.ceil(all.length / 7) }, (_, page) => page * 7);
    const pages = offsets.map(
      (offset) => pathPage(index, 'isis-k', 'taliban', { maxLength: 3, first: 7, offset }).paths,
    );
    expect(pages.flat().map(route)).toEqual(all.map(route));
  });

  it('leave out paths shorter than minLength', async () => {
    const index = await shippedGraphIndex();
    const all = pathPage(index, 'isis-k', 'taliban', { maxLength: 2, first: 50 });
    const longer = pathPage(index, 'isis-k', 'taliban', { minLength: 2, maxLength: 2, first: 50 });
    expect(longer.paths.map(route)).toEqual(all.paths.filter((path) => path.length === 2).map(route));
    expect(longer.totalCount).toBe(all.totalCount - 1);
  });

  it('count zero when there is no path', () => {
    const index = buildGraphIndex(tinyKnowledgeGraph());
    expect(pathPage(index, 'loner', 'acme', { maxLength: 5, first: 10 })).toEqual({
      paths: [],
      totalCount: 0,
      totalCountExact: true,
    });
  });

  it('say the total is a lower bound when the work budget ran out after the page was full', async () => {
    const index = await shippedGraphIndex();
    const full = pathPage(index, 'isis-k', 'taliban', { maxLength: 3, first: 1 });
    // The smallest budget that still fills a one-path page cannot also count every path.
    let budget = 1;
    let page: ReturnType<typeof pathPage> | undefined;
    while (!page) {
      try {
        page = pathPage(index, 'isis-k', 'taliban', { maxLength: 3, first: 1, workBudget: budget });
      } catch {
        budget += 5;
      }
    }
    expect(page.paths.map(route)).toEqual(full.paths.map(route));
    expect(page.totalCountExact).toBe(false);
    expect(page.totalCount).toBeLessThan(full.totalCount);
  });
});

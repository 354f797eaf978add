import { buildGraphIndex } from '../../server/graph/indexes';
import { InvalidArgumentError } from '../../server/graph/invalid-argument';
import { shortestPaths } from '../../server/graph/paths';
import type { PathRecord } from '../../server/graph/results';
import { shippedGraphIndex } from './shipped-graph';
import { tinyKnowledgeGraph } from './tiny-graph';

const route = (path: PathRecord) => path.entities.map((entity) => entity.id).join(' > ');

describe('paths between two entities', () => {
  it('connect ISIS-K to the Taliban directly as enemies, and through the Haqqani network', async () => {
    const index = await shippedGraphIndex();
    const paths = shortestPaths(index, 'isis-k', 'taliban', { maxLength: 2, first: 50 });
    const direct = paths[0]!;
    expect(route(direct)).toBe('isis-k > taliban');
    expect(direct.hops[0]!.relations.map((relation) => relation.type)).toContain('enemy_of');
    expect(paths.map(route)).toContain('isis-k > haqqani-network > taliban');
  });

  it('are every simple path up to maxLength, as a brute-force walk finds them', async () => {
    const index = await shippedGraphIndex();
    const routes: string[] = [];
    const walk = (path: string[]) => {
      const last = path[path.length - 1]!;
      if (last === 'taliban') return void routes.push(path.join(' > '));
      if (path.length > 3) return;
      index.graph.forEachNeighbor(last, (next) => (path.includes(next) ? undefined : walk([...path, next])));
    };
    walk(['isis-k']);
    const paths = shortestPaths(index, 'isis-k', 'taliban', { maxLength: 3, first: 50 });
    const found = paths.map(route);
    // As many as asked for (or all there are), each a real route, and shortest first: every
    // route shorter than the longest one returned is among those returned.
    expect(found).toHaveLength(Math.min(50, routes.length));
    expect(routes).toEqual(expect.arrayContaining(found));
    const longest = Math.max(...paths.map((path) => path.length));
    expect(found).toEqual(expect.arrayContaining(routes.filter((r) => r.split(' > ').length - 1 < longest)));
  });

  it('come shortest first, each simple and no longer than maxLength', async () => {
    const index = await shippedGraphIndex();
    const paths = shortestPaths(index, 'isis-k', 'taliban', { maxLength: 3, first: 50 });
    expect(paths.length).toBeGreaterThan(10);
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i]!;
      if (i > 0) expect(path.length).toBeGreaterThanOrEqual(paths[i - 1]!.length);
      expect(path.length).toBeLessThanOrEqual(3);
      expect(new Set(path.entities.map((entity) => entity.id)).size).toBe(path.entities.length);
      expect(path.entities[0]!.id).toBe('isis-k');
      expect(path.entities[path.length]!.id).toBe('taliban');
    }
    expect(new Set(paths.map(route)).size).toBe(paths.length);
  });

  it('give each hop every relation joining its two entities, best supported first, and that one as the path’s relation', async () => {
    const index = await shippedGraphIndex();
    for (const path of shortestPaths(index, 'isis-k', 'taliban', { maxLength: 2, first: 20 })) {
      expect(path.relations).toHaveLength(path.length);
      path.hops.forEach((hop, i) => {
        const ends = [hop.from.id, hop.to.id].sort();
        expect(hop.relations.length).toBeGreaterThan(0);
        for (const relation of hop.relations) expect([relation.subject, relation.object].sort()).toEqual(ends);
        expect(index.graph.edges(hop.from.id, hop.to.id).length).toBe(hop.relations.length);
        expect(path.relations[i]).toBe(hop.relations[0]);
        const support = hop.relations.map((relation) => relation.sourceIds.length);
        expect(support[0]).toBe(Math.max(...support));
      });
    }
  });

  it('stop at `first`, keeping the shortest', async () => {
    const index = await shippedGraphIndex();
    const all = shortestPaths(index, 'isis-k', 'taliban', { maxLength: 3, first: 50 });
    const few = shortestPaths(index, 'isis-k', 'taliban', { maxLength: 3, first: 5 });
    expect(few.map(route)).toEqual(all.slice(0, 5).map(route));
  });

  it('find every path of the shortest length before any longer one', () => {
    const index = buildGraphIndex(tinyKnowledgeGraph());
    const routes = shortestPaths(index, 'acme', 'rival', { maxLength: 5, first: 10 }).map(route);
    expect(routes).toEqual(['acme > umbrella > rival']);
    const longer = shortestPaths(index, 'helvetia', 'rival', { maxLength: 5, first: 10 }).map(route);
    expect(longer).toEqual(['helvetia > zurich > acme > umbrella > rival']);
  });

  it('follow only relations that pass the filter', async () => {
    const index = await shippedGraphIndex();
    const paths = shortestPaths(index, 'isis-k', 'taliban', {
      maxLength: 2,
      first: 50,
      filter: { types: ['linked_to', 'collaborated_with'] },
    });
    expect(paths.map(route)).toContain('isis-k > haqqani-network > taliban');
    for (const path of paths) {
      for (const hop of path.hops) {
        for (const relation of hop.relations) expect(['linked_to', 'collaborated_with']).toContain(relation.type);
      }
    }
  });

  it('are none when the entities are further apart than maxLength', () => {
    const index = buildGraphIndex(tinyKnowledgeGraph());
    expect(shortestPaths(index, 'helvetia', 'rival', { maxLength: 3, first: 10 })).toEqual([]);
    expect(shortestPaths(index, 'loner', 'acme', { maxLength: 5, first: 10 })).toEqual([]);
  });

  it('from an entity to itself is the path of length 0', () => {
    const index = buildGraphIndex(tinyKnowledgeGraph());
    const [path] = shortestPaths(index, 'acme', 'acme', { maxLength: 3, first: 10 });
    expect(path?.length).toBe(0);
    expect(path?.entities.map((entity) => entity.id)).toEqual(['acme']);
  });

  it('between unknown ids are an error naming the argument', async () => {
    const index = await shippedGraphIndex();
    expect(() => shortestPaths(index, 'nope', 'taliban', { maxLength: 3, first: 10 })).toThrow(
      expect.objectContaining({ argument: 'from' }),
    );
    expect(() => shortestPaths(index, 'isis-k', 'nope', { maxLength: 3, first: 10 })).toThrow(InvalidArgumentError);
  });

  it('stop with an error that says how to narrow the query when the search outgrows its work budget', async () => {
    const index = await shippedGraphIndex();
    expect(() => shortestPaths(index, 'isis-k', 'taliban', { maxLength: 5, first: 50, workBudget: 100 })).toThrow(
      /lower `maxLength`, or pass a `filter`/,
    );
  });
});

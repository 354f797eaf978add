import {
  citationsOfSource,
  claimsOfSource,
  entitiesOfSource,
  relationsOfSource,
  sourceById,
  sourceCounts,
  sourcesPage,
} from '../../server/graph/sources';
import {
  entityTypeSummaries,
  graphStats,
  relationTypeLabel,
  relationTypeSummaries,
} from '../../server/graph/vocabulary';
import type { Connection, PageArgs } from '../../server/graph/pagination';
import { allOf, everyPage } from './every-page';
import { shippedGraphIndex } from './shipped-graph';

describe('sources', () => {
  it('are listed by id, and found by id', async () => {
    const index = await shippedGraphIndex();
    const ids = allOf((page) => sourcesPage(index, {}, page)).map((source) => source.id);
    expect(ids).toEqual([...index.knowledgeGraph.sources.keys()].sort());
    expect(sourceById(index, 'bbc-what-is-isis-k')?.publisher).toBe('BBC');
    expect(sourceById(index, 'nope')).toBeNull();
  });

  it('each support relations and claims whose citations point into their own text', async () => {
    const index = await shippedGraphIndex();
    for (const source of allOf((page) => sourcesPage(index, {}, page))) {
      const citations = allOf((page) => citationsOfSource(index, source.id, page));
      for (const citation of citations) {
        expect(citation.sourceId).toBe(source.id);
        expect(source.text.slice(citation.start, citation.end)).toBe(citation.quote);
      }
      for (const relation of allOf((page) => relationsOfSource(index, source.id, page)))
        expect(relation.sourceIds).toContain(source.id);
      for (const claim of allOf((page) => claimsOfSource(index, source.id, page)))
        expect(claim.sourceIds).toContain(source.id);
      const counts = sourceCounts(index, source.id);
      expect(counts.citationCount).toBe(citations.length);
      expect(counts.entityCount).toBe(allOf((page) => entitiesOfSource(index, source.id, page)).length);
      expect(counts.relationCount).toBeGreaterThan(0);
    }
  });
});

describe('the lists of a source, paged', () => {
  it('give every item once, in a stable order, whatever the page size, with the same total on each page', async () => {
    const index = await shippedGraphIndex();
    const source = 'bbc-what-is-isis-k';
    const lists: Record<string, (page: PageArgs) => Connection<unknown>> = {
      citations: (page: { first: number; after?: string | null }) => citationsOfSource(index, source, page),
      relations: (page: { first: number; after?: string | null }) => relationsOfSource(index, source, page),
      claims: (page: { first: number; after?: string | null }) => claimsOfSource(index, source, page),
      entities: (page: { first: number; after?: string | null }) => entitiesOfSource(index, source, page),
    };
    for (const [name, list] of Object.entries(lists)) {
      const whole = everyPage(list, 500);
      expect(whole.pages).toBe(1);
      expect(whole.totalCount).toBeGreaterThan(3);
      for (const size of [1, 2, 7]) {
        const paged = everyPage(list, size);
        expect({ name, nodes: paged.nodes }).toEqual({ name, nodes: whole.nodes });
        expect(paged.cursors).toEqual(whole.cursors);
        expect(new Set(paged.cursors).size).toBe(paged.cursors.length);
      }
    }
    // Citations by position in the text; relations, claims and entities by id.
    const citations = everyPage((page) => citationsOfSource(index, source, page), 500).nodes;
    expect(citations.map((c) => c.start)).toEqual([...citations.map((c) => c.start)].sort((x, y) => x - y));
    const relationIds = everyPage((page) => relationsOfSource(index, source, page), 500).nodes.map((r) => r.id);
    expect(relationIds).toEqual([...relationIds].sort());
  });

  it('refuse a cursor of another list', async () => {
    const index = await shippedGraphIndex();
    const claims = claimsOfSource(index, 'bbc-what-is-isis-k', { first: 1 });
    expect(() =>
      relationsOfSource(index, 'bbc-what-is-isis-k', { first: 1, after: claims.pageInfo.endCursor }),
    ).toThrow(/`after` is not a cursor of this list/);
    expect(() => citationsOfSource(index, 'bbc-what-is-isis-k', { first: 1, after: 'bm9wZQ' })).toThrow(
      /`after` is not a cursor/,
    );
  });
});

describe('the sources, listed', () => {
  it('by citations: the most cited first, ties by id, paged stably', async () => {
    const index = await shippedGraphIndex();
    const ranked = everyPage((page) => sourcesPage(index, { orderBy: 'CITATIONS' }, page), 2);
    const cited = (id: string) => sourceCounts(index, id).citationCount;
    expect(ranked.totalCount).toBe(index.sourceIds.length);
    for (let i = 1; i < ranked.nodes.length; i++) {
      const [before, after] = [ranked.nodes[i - 1]!, ranked.nodes[i]!];
      expect(cited(before.id) > cited(after.id) || (cited(before.id) === cited(after.id) && before.id < after.id)).toBe(
        true,
      );
    }
  });

  it('by text: title or publisher, case- and accent-insensitive, with the matching total', async () => {
    const index = await shippedGraphIndex();
    const bbc = everyPage((page) => sourcesPage(index, { text: '  bBç ' }, page), 1);
    expect(bbc.nodes.map((source) => source.id)).toEqual(['bbc-what-is-isis-k']);
    expect(bbc.totalCount).toBe(1);
    const isisK = everyPage((page) => sourcesPage(index, { text: 'isis-k', orderBy: 'CITATIONS' }, page), 1);
    const expected = [...index.knowledgeGraph.sources.values()].filter((source) =>
      `${source.title}\n${source.publisher ?? ''}`.toLowerCase().includes('isis-k'),
    );
    expect(expected.length).toBeGreaterThan(1);
    expect(isisK.totalCount).toBe(expected.length);
    expect(isisK.nodes.map((source) => source.id).sort()).toEqual(expected.map((source) => source.id).sort());
    expect(sourcesPage(index, { text: 'no such publisher' }, { first: 5 }).totalCount).toBe(0);
  });
});

describe('the vocabulary and totals', () => {
  it('count entities and relations per type, adding up to the graph', async () => {
    const index = await shippedGraphIndex();
    const entityTotal = entityTypeSummaries(index).reduce((sum, type) => sum + type.count, 0);
    const relationTotal = relationTypeSummaries(index).reduce((sum, type) => sum + type.count, 0);
    expect(entityTotal).toBe(index.graph.order);
    expect(relationTotal).toBe(index.graph.size);
    expect(graphStats(index)).toMatchObject({
      entityCount: index.graph.order,
      relationCount: index.graph.size,
      claimCount: index.knowledgeGraph.claims.size,
      sourceCount: index.knowledgeGraph.sources.size,
    });
  });

  it('label relation types for people: enemy_of reads "enemy of"', async () => {
    expect(relationTypeLabel(await shippedGraphIndex(), 'enemy_of')).toBe('enemy of');
  });
});

import {
  allSources,
  citationsOfSource,
  claimsOfSource,
  entitiesOfSource,
  relationsOfSource,
  sourceById,
  sourceCounts,
} from '../../server/graph/sources';
import {
  entityTypeSummaries,
  graphStats,
  relationTypeLabel,
  relationTypeSummaries,
} from '../../server/graph/vocabulary';
import { shippedGraphIndex } from './shipped-graph';

describe('sources', () => {
  it('are listed by id, and found by id', async () => {
    const index = await shippedGraphIndex();
    const ids = allSources(index).map((source) => source.id);
    expect(ids).toEqual([...index.knowledgeGraph.sources.keys()].sort());
    expect(sourceById(index, 'bbc-what-is-isis-k')?.publisher).toBe('BBC');
    expect(sourceById(index, 'nope')).toBeNull();
  });

  it('each support relations and claims whose citations point into their own text', async () => {
    const index = await shippedGraphIndex();
    for (const source of allSources(index)) {
      const citations = citationsOfSource(index, source.id);
      for (const citation of citations) {
        expect(citation.sourceId).toBe(source.id);
        expect(source.text.slice(citation.start, citation.end)).toBe(citation.quote);
      }
      for (const relation of relationsOfSource(index, source.id)) expect(relation.sourceIds).toContain(source.id);
      for (const claim of claimsOfSource(index, source.id)) expect(claim.sourceIds).toContain(source.id);
      const counts = sourceCounts(index, source.id);
      expect(counts.citationCount).toBe(citations.length);
      expect(counts.entityCount).toBe(entitiesOfSource(index, source.id).length);
      expect(counts.relationCount).toBeGreaterThan(0);
    }
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

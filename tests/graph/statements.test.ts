import { relationsPage } from '../../server/graph/relations';
import { speakerOf, statedPlainly, statementsPage, type VoiceFilter } from '../../server/graph/statements';
import { shippedGraphIndex } from './shipped-graph';

describe('who says so, as plain functions over the shipped graph', () => {
  it('the voice filters give exactly the relations a full scan finds', async () => {
    const index = await shippedGraphIndex();
    const all = index.graph.edges().sort();
    const filters: VoiceFilter[] = [{ ownVoice: true }, { unhedged: true }, { ownVoice: true, unhedged: true }];
    for (const filter of filters) {
      const page = relationsPage(index, filter, { first: 500 });
      const scanned = all.filter((id) =>
        index.graph
          .getEdgeAttribute(id, 'citations')
          .some((c) => (!filter.ownVoice || !c.attributedTo) && (!filter.unhedged || !c.hedge)),
      );
      expect(page.edges.map((edge) => edge.node.id)).toEqual(scanned);
      expect(page.totalCount).toBe(scanned.length);
      expect(scanned.length).toBeGreaterThan(0);
      expect(scanned.length).toBeLessThan(all.length);
    }
  });

  it('a relation is stated plainly when one citation is in the article’s voice and unhedged', async () => {
    const index = await shippedGraphIndex();
    expect(statedPlainly(index.graph.getEdgeAttributes('isis-k--affiliate_of--islamic-state'))).toBe(true);
    expect(statedPlainly(index.graph.getEdgeAttributes('raf--threatens--isis-k'))).toBe(false);
  });

  it('a speaker’s statements page in reading order without repeats, and each is theirs', async () => {
    const index = await shippedGraphIndex();
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = statementsPage(index, 'riza-kumar', { first: 4, after });
      for (const { node } of page.edges) {
        expect(node.attributedTo).toEqual({ entity: 'riza-kumar' });
        seen.push(`${node.sourceId}:${node.start}:${node.target.id}`);
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(statementsPage(index, 'riza-kumar', { first: 0 }).totalCount);
    expect(seen.length).toBeGreaterThan(4);
  });

  it('a quoted person is shown with where they work; a described speaker as the article words it', async () => {
    const index = await shippedGraphIndex();
    expect(speakerOf(index, { entity: 'riza-kumar' })).toMatchObject({
      name: 'Riza Kumar',
      affiliation: { id: 'counter-extremism-project' },
    });
    expect(speakerOf(index, { described: 'researchers' })).toEqual({
      entity: null,
      name: 'researchers',
      affiliation: null,
    });
    expect(speakerOf(index, undefined)).toBeNull();
  });
});

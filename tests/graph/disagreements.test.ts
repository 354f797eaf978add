import { buildGraphIndex } from '../../server/graph/indexes';
import { allDisagreements, disagreementsOf, disagreementsPage } from '../../server/graph/disagreements';
import { everyPage } from './every-page';
import { shippedGraphIndex } from './shipped-graph';
import { tinyKnowledgeGraph } from './tiny-graph';

describe('disagreements', () => {
  it('show that the sources give ISIS-K different fighter strengths, each value with its citations', async () => {
    const index = await shippedGraphIndex();
    const strength = disagreementsOf(index, 'isis-k').find((d) => d.attribute === 'fighter_strength');
    expect(strength).toBeDefined();
    expect(new Set(strength!.claims.map((claim) => claim.value)).size).toBeGreaterThanOrEqual(2);
    for (const claim of strength!.claims) {
      expect(claim.entity).toBe('isis-k');
      expect(claim.citations.length).toBeGreaterThan(0);
    }
  });

  it('each have two or more distinct values of one attribute of one entity', async () => {
    const index = await shippedGraphIndex();
    const all = allDisagreements(index);
    expect(all.length).toBeGreaterThan(0);
    for (const disagreement of all) {
      expect(new Set(disagreement.claims.map((claim) => claim.value)).size).toBeGreaterThanOrEqual(2);
      for (const claim of disagreement.claims) {
        expect(claim.attribute).toBe(disagreement.attribute);
        expect(claim.entity).toBe(disagreement.entity.id);
      }
    }
  });

  it('cover every comparable attribute on which two or more sources give different values, and nothing else', async () => {
    const index = await shippedGraphIndex();
    const { claims, vocabulary } = index.knowledgeGraph;
    const groups = new Map<string, { values: Set<string>; sources: Set<string> }>();
    for (const claim of claims.values()) {
      if (!vocabulary.claimAttributes.get(claim.attribute)?.comparable) continue;
      const key = `${claim.entity} ${claim.attribute}`;
      const group = groups.get(key) ?? { values: new Set(), sources: new Set() };
      group.values.add((claim.normalized ?? claim.value).toLowerCase());
      claim.sourceIds.forEach((id) => group.sources.add(id));
      groups.set(key, group);
    }
    const expected = [...groups]
      .filter(([, group]) => group.values.size >= 2 && group.sources.size >= 2)
      .map(([key]) => key)
      .sort();
    expect(
      allDisagreements(index)
        .map((d) => `${d.entity.id} ${d.attribute}`)
        .sort(),
    ).toEqual(expected);
  });

  it('keep the bounty on Khalil Haqqani: $5m in one article, nearly £4m in another', async () => {
    const index = await shippedGraphIndex();
    const bounty = disagreementsOf(index, 'khalil-haqqani').find((d) => d.attribute === 'bounty');
    expect(bounty?.claims.map((claim) => claim.sourceIds).flat().length).toBeGreaterThanOrEqual(2);
  });

  it('leave out descriptive attributes, values normalized alike, and one source giving two figures', () => {
    const index = buildGraphIndex(tinyKnowledgeGraph());
    expect(disagreementsOf(index, 'acme').map((d) => d.attribute)).toEqual(['staff']);
    expect(disagreementsOf(index, 'umbrella')).toEqual([]);
  });

  it('are none for an entity without conflicting claims or an unknown id', () => {
    const index = buildGraphIndex(tinyKnowledgeGraph());
    expect(disagreementsOf(index, 'wolf')).toEqual([]);
    expect(disagreementsOf(index, 'nobody')).toEqual([]);
  });

  it('page by entity then attribute: pages of one give the whole list, in order, each with the total', async () => {
    const index = await shippedGraphIndex();
    const whole = allDisagreements(index);
    const paged = everyPage((page) => disagreementsPage(index, null, page), 1);
    expect(paged.nodes).toEqual(whole);
    expect(paged.totalCount).toBe(whole.length);
    const keys = whole.map((d) => [d.entity.id, d.attribute] as const);
    const sorted = [...keys].sort((a, b) =>
      a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0,
    );
    expect(keys).toEqual(sorted);
    const ofIsisK = everyPage((page) => disagreementsPage(index, 'isis-k', page), 1);
    expect(ofIsisK.nodes).toEqual(disagreementsOf(index, 'isis-k'));
    expect(disagreementsPage(index, 'nobody', { first: 5 }).totalCount).toBe(0);
  });
});

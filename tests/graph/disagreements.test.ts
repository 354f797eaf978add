import { buildGraphIndex } from '../../server/graph/indexes';
import { allDisagreements, disagreementsOf } from '../../server/graph/disagreements';
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

  it('cover every attribute with conflicting claims, and nothing else', async () => {
    const index = await shippedGraphIndex();
    const values = new Map<string, Set<string>>();
    for (const claim of index.knowledgeGraph.claims.values()) {
      const key = `${claim.entity} ${claim.attribute}`;
      values.set(key, (values.get(key) ?? new Set()).add(claim.value.toLowerCase()));
    }
    const expected = [...values]
      .filter(([, set]) => set.size >= 2)
      .map(([key]) => key)
      .sort();
    expect(
      allDisagreements(index)
        .map((d) => `${d.entity.id} ${d.attribute}`)
        .sort(),
    ).toEqual(expected);
  });

  it('are none for an entity without conflicting claims or an unknown id', () => {
    const index = buildGraphIndex(tinyKnowledgeGraph());
    expect(disagreementsOf(index, 'acme').map((d) => d.attribute)).toEqual(['staff']);
    expect(disagreementsOf(index, 'umbrella')).toEqual([]);
    expect(disagreementsOf(index, 'nobody')).toEqual([]);
  });
});

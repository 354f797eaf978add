import { deserialize, serialize } from 'node:v8';

import { type GraphIndex, buildGraphIndex, degreeOf, storedGroupedLists } from '../../server/graph/indexes';
import { foldText } from '../../server/graph/text-folding';
import { everyRelation, shippedGraphIndex, sortedIds } from './shipped-graph';
import { tinyKnowledgeGraph } from './tiny-graph';
import { syntheticGraph } from '../support/in-memory-graph';

/** key → values, every list sorted, from (key, value) pairs: the indexes' definition, written plainly. */
function sortedLists(pairs: (readonly [string, string])[]): Map<string, string[]> {
  const lists = new Map<string, Set<string>>();
  for (const [key, value] of pairs) lists.set(key, (lists.get(key) ?? new Set()).add(value));
  return new Map([...lists].map(([key, values]) => [key, [...values].sort()]));
}

const byKey = (map: Iterable<[string, readonly string[]]>) => new Map([...map].sort(([a], [b]) => (a < b ? -1 : 1)));

describe('the graph index built from the shipped graph-data', () => {
  it('lists every entity and every relation once, in id order', async () => {
    const index = await shippedGraphIndex();
    expect(index.entityIds).toEqual(index.graph.nodes().sort());
    expect(index.relationIds).toEqual(sortedIds(everyRelation(index)));
    expect(new Set(index.relationIds).size).toBe(index.graph.size);
  });

  it('files every relation under its type, and the counts per type add up to the whole', async () => {
    const index = await shippedGraphIndex();
    const byType = [...index.relationsByType.values()].flat().sort();
    expect(byType).toEqual(index.relationIds);
    const total = [...index.relationTypeCounts.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(index.relationIds.length);
    for (const relation of everyRelation(index)) {
      expect(index.relationsByType.get(relation.type)).toContain(relation.id);
    }
  });

  it('files every relation under each of its sources and both of its entities', async () => {
    const index = await shippedGraphIndex();
    for (const relation of everyRelation(index)) {
      for (const sourceId of relation.sourceIds) expect(index.relationsBySource.get(sourceId)).toContain(relation.id);
      expect(index.relationsByEntity.get(relation.subject)).toContain(relation.id);
      expect(index.relationsByEntity.get(relation.object)).toContain(relation.id);
    }
  });

  it('keeps every index list sorted, so cursors and binary searches hold', async () => {
    const index = await shippedGraphIndex();
    const lists = [
      ...index.relationsByType.values(),
      ...index.relationsBySource.values(),
      ...index.relationsByEntity.values(),
      ...index.relationsByCorroboration,
      ...index.entitiesByType.values(),
      ...index.entitiesBySource.values(),
    ];
    for (const list of lists) expect([...list]).toEqual([...list].sort());
  });

  it('orders each source’s citations by their position in its text, and every offset finds its quote', async () => {
    const index = await shippedGraphIndex();
    let citations = 0;
    for (const [sourceId, list] of index.citationsBySource.get()) {
      const text = index.knowledgeGraph.sources.get(sourceId)!.text;
      for (let i = 0; i < list.length; i++) {
        expect(text.slice(list[i]!.start, list[i]!.end)).toBe(list[i]!.quote);
        if (i > 0) expect(list[i]!.start).toBeGreaterThanOrEqual(list[i - 1]!.start);
      }
      citations += list.length;
    }
    expect(citations).toBe(index.citationCount);
  });

  it('knows which sources stand behind each entity', async () => {
    const index = await shippedGraphIndex();
    for (const relation of everyRelation(index)) {
      for (const sourceId of relation.sourceIds) {
        expect(index.sourceIdsByEntity.get(relation.subject)).toContain(sourceId);
        expect(index.entitiesBySource.get(sourceId)).toContain(relation.object);
      }
    }
    expect(index.claimsByEntity.get('isis-k')?.length).toBeGreaterThan(0);
  });

  it('gives each entity and each source exactly the lists their definitions give, on a generated graph', () => {
    const knowledgeGraph = syntheticGraph(2_000, 10_000, 40);
    const index = buildGraphIndex(knowledgeGraph);
    const relations = knowledgeGraph.graph.mapEdges((_id, relation) => relation);
    const claims = [...knowledgeGraph.claims.values()];
    const ends = (relation: (typeof relations)[number]) => [relation.subject, relation.object];
    const support = [
      ...relations.flatMap((relation) =>
        ends(relation).flatMap((end) => relation.sourceIds.map((s) => [end, s] as const)),
      ),
      ...claims.flatMap((claim) => claim.sourceIds.map((s) => [claim.entity, s] as const)),
    ];
    expect(byKey(index.relationsByEntity)).toEqual(
      byKey(sortedLists(relations.flatMap((relation) => ends(relation).map((end) => [end, relation.id] as const)))),
    );
    expect(byKey(index.relationsBySource)).toEqual(
      byKey(sortedLists(relations.flatMap((relation) => relation.sourceIds.map((s) => [s, relation.id] as const)))),
    );
    expect(byKey(index.sourceIdsByEntity)).toEqual(byKey(sortedLists(support)));
    expect(byKey(index.entitiesBySource)).toEqual(
      byKey(sortedLists(support.map(([entity, s]) => [s, entity] as const))),
    );
    // Counts read from the grouping, without the lists: the same lengths, 0 for keys without one.
    for (const lists of [index.relationsByEntity, index.sourceIdsByEntity, index.relationsBySource]) {
      for (const [key, list] of lists) expect(lists.countOf(key)).toBe(list.length);
      expect(lists.countOf('no-such-key')).toBe(0);
      expect(lists.get('no-such-key')).toBeUndefined();
    }
    // Citations counted by source without reading the lists: each list's length, and sources with none absent.
    const citationLists = index.citationsBySource.get();
    expect(new Map([...citationLists].map(([sourceId, list]) => [sourceId, list.length]))).toEqual(
      index.citationCountBySource,
    );
    expect([...citationLists.values()].reduce((sum, list) => sum + list.length, 0)).toBe(index.citationCount);
    // Lists of many lengths: the grouping is tested on long lists as well as short ones.
    expect(Math.max(...[...index.relationsByEntity.values()].map((list) => list.length))).toBeGreaterThan(15);
  });

  it('counts a citation under its source even where a graph built in memory leaves that source out of sourceIds', () => {
    const knowledgeGraph = syntheticGraph(200, 600, 10);
    const [first, second] = knowledgeGraph.graph.mapEdges((_id, relation) => relation);
    // Not what the loader makes (it derives sourceIds from the citations), but what a graph built in memory may hold.
    first!.citations[0] = { ...first!.citations[0]!, sourceId: 'cited-nowhere-else' };
    second!.citations[0] = { ...second!.citations[0]!, sourceId: 'cited-nowhere-else' };
    const index = buildGraphIndex(knowledgeGraph);
    expect(index.citationCountBySource.get('cited-nowhere-else')).toBe(2);
    const lengths = new Map([...index.citationsBySource.get()].map(([sourceId, list]) => [sourceId, list.length]));
    expect(index.citationCountBySource).toEqual(lengths);
  });

  it('folds each entity’s name and aliases when first asked, one per line, and knows no other ids', async () => {
    const index = await shippedGraphIndex();
    for (const entity of index.graph.mapNodes((_id, attributes) => attributes)) {
      const folded = index.entityText.get(entity.id)!;
      expect(folded.split('\n')).toEqual([entity.name, ...entity.aliases].map(foldText));
      expect(index.entityText.get(entity.id)).toBe(folded);
    }
    expect(index.entityText.get('no-such-entity')).toBeUndefined();
    expect(index.entityText.get('isis-k')).toContain('islamic state khorasan');
  });

  it('counts an entity’s degree as the relations it takes part in', () => {
    const index = buildGraphIndex(tinyKnowledgeGraph());
    expect(degreeOf(index, 'umbrella')).toBe(3);
    expect(degreeOf(index, 'loner')).toBe(0);
    expect(degreeOf(index, 'nobody')).toBe(0);
  });
});

describe('an index built from the grouped lists a snapshot kept', () => {
  /** The lists made from the grouped positions. */
  const groupedMaps = (index: GraphIndex) => ({
    relationsByEntity: byKey(index.relationsByEntity),
    relationsBySource: byKey(index.relationsBySource),
    sourceIdsByEntity: byKey(index.sourceIdsByEntity),
    entitiesBySource: byKey(index.entitiesBySource),
    citationCountBySource: index.citationCountBySource,
    citationCount: index.citationCount,
  });

  it('has exactly the lists of an index built whole, from the stored value as a snapshot reads it back', () => {
    const knowledgeGraph = syntheticGraph(2_000, 10_000, 40);
    const whole = buildGraphIndex(knowledgeGraph);
    const stored = deserialize(serialize(storedGroupedLists(whole))) as GraphIndex['groupedLists'];
    const restored = buildGraphIndex(knowledgeGraph, stored);
    expect(groupedMaps(restored)).toEqual(groupedMaps(whole));
    // Read back, not rebuilt: the positions are the stored ones.
    expect(restored.groupedLists.relationsOfEntity).toBe(stored.relationsOfEntity);
    expect(restored.groupedLists.entitiesOfSource).toBe(stored.entitiesOfSource);
  });

  it('ignores lists kept for another graph, of another format, or that are not lists, and builds its own', () => {
    const knowledgeGraph = syntheticGraph(2_000, 10_000, 40);
    const whole = buildGraphIndex(knowledgeGraph);
    const stored = storedGroupedLists(whole) as Record<string, unknown>;
    const other = storedGroupedLists(buildGraphIndex(syntheticGraph(2_000, 9_000, 40)));
    const outOfRange = {
      ...whole.groupedLists.relationsOfEntity,
      items: whole.groupedLists.relationsOfEntity.items.map(() => 10_000),
    };
    for (const foreign of [
      other,
      { ...stored, format: 'grouped-lists/0' },
      { ...stored, relationsOfEntity: outOfRange },
      { ...stored, sourcesOfEntity: [1, 2, 3] },
      'not lists',
      undefined,
    ]) {
      const index = buildGraphIndex(knowledgeGraph, foreign);
      expect(groupedMaps(index)).toEqual(groupedMaps(whole));
    }
  });

  it('takes the relations in id order from the order kept, where the graph holds them in another order', async () => {
    const { knowledgeGraph } = await shippedGraphIndex();
    expect(knowledgeGraph.graph.edges()).not.toEqual(knowledgeGraph.graph.edges().sort());
    const whole = buildGraphIndex(knowledgeGraph);
    const stored = deserialize(serialize(storedGroupedLists(whole)));
    // Read in the kept order, not looked up one by one after a sort.
    const { graph } = knowledgeGraph;
    let lookups = 0;
    const lookUp = graph.getEdgeAttributes.bind(graph);
    Object.assign(graph, { getEdgeAttributes: (edge: string) => (lookups++, lookUp(edge)) });
    const restored = buildGraphIndex(knowledgeGraph, stored);
    const rebuilt = buildGraphIndex(knowledgeGraph);
    delete (graph as unknown as Record<string, unknown>).getEdgeAttributes;
    expect(rebuilt.relationIds).toEqual(whole.relationIds);
    expect(lookups).toBe(graph.size);
    expect(restored.relationIds).toEqual(whole.relationIds);
    expect(restored.relationsInIdOrder).toEqual(whole.relationsInIdOrder);
    restored.relationsInIdOrder.forEach((relation, i) => expect(relation.id).toBe(restored.relationIds[i]));
  });

  it('ignores a kept order that does not sort this graph’s relations, and sorts them itself', async () => {
    const { knowledgeGraph } = await shippedGraphIndex();
    const whole = buildGraphIndex(knowledgeGraph);
    const stored = storedGroupedLists(whole) as { relationOrder: Uint32Array };
    const order = stored.relationOrder;
    const swapped = order.slice();
    [swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
    const repeated = order.slice();
    repeated[1] = repeated[0]!;
    for (const relationOrder of [
      order.slice().reverse(),
      swapped,
      repeated,
      order.map(() => order.length),
      order.slice(1),
    ]) {
      const index = buildGraphIndex(knowledgeGraph, { ...stored, relationOrder });
      expect(index.relationIds).toEqual(whole.relationIds);
      expect(index.relationsInIdOrder).toEqual(whole.relationsInIdOrder);
    }
  });
});

import { buildEntityGraph } from '../../server/data/load-graph-data';
import type { EntityRecord, RelationRecord } from '../../server/data/model';

function entity(id: string): EntityRecord {
  return { id, type: 'organization', name: id, aliases: [], description: '', time: [] };
}

function relation(id: string, subject: string, object: string, directed: boolean): RelationRecord {
  return { id, type: 'linked_to', subject, object, directed, note: null, citations: [], time: [], sourceIds: [] };
}

describe('the entity graph’s neighbour tables', () => {
  test('an entity whose id Object.prototype also holds ("constructor") takes relations like any other', () => {
    const graph = buildEntityGraph(
      [entity('acme'), entity('constructor'), entity('rival')],
      [
        relation('r1', 'acme', 'constructor', true),
        relation('r2', 'rival', 'acme', false),
        relation('r3', 'constructor', 'rival', true),
        relation('r4', 'acme', 'constructor', true),
      ],
    );
    expect(graph.edges('acme').sort()).toEqual(['r1', 'r2', 'r4']);
    expect(graph.edges('acme', 'constructor').sort()).toEqual(['r1', 'r4']);
    expect(graph.edges('constructor').sort()).toEqual(['r1', 'r3', 'r4']);
    expect(graph.neighbors('acme').sort()).toEqual(['constructor', 'rival']);
    expect(graph.inNeighbors('rival')).toEqual(['constructor']);
    expect(graph.outNeighbors('constructor').sort()).toEqual(['rival']);
    expect(graph.degree('constructor')).toBe(3);
  });

  test('every node’s tables are made without a prototype (graphology’s internals still have the shape relied on)', () => {
    const graph = buildEntityGraph([entity('a'), entity('b')], [relation('r1', 'a', 'b', true)]);
    const nodes = (graph as unknown as { _nodes: Map<string, Record<string, object>> })._nodes;
    expect(nodes).toBeInstanceOf(Map);
    for (const data of nodes.values()) {
      for (const table of ['in', 'out', 'undirected']) expect(Object.getPrototypeOf(data[table])).toBeNull();
    }
    expect(Object.keys(nodes.get('a')!.out!)).toEqual(['b']);
  });
});

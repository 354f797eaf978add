/**
 * A synthetic knowledge graph built in memory, seeded, so every run serves the same graph: for
 * a browser test that needs 10^5 relations in seconds (about 6 s, where `npm run data:synth`'s
 * generator, which writes graph-data files for the loader, takes five times as long). Tests
 * of the loader and benchmarks use the generator (generated-graph.ts).
 */
import { buildEntityGraph } from '../../server/data/load-graph-data';
import type { CitationRecord, EntityRecord, KnowledgeGraph, RelationRecord } from '../../server/data/model';
import { sourceRecord } from '../support/source-record';

const ENTITY_TYPES = ['organization', 'person', 'place', 'event'];
const RELATION_TYPES: [type: string, directed: boolean][] = [
  ['member_of', true],
  ['enemy_of', false],
  ['linked_to', false],
  ['operates_in', true],
];

/** mulberry32: a small seeded generator, so that the graph is the same on every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticGraph(entityCount: number, relationCount: number, sourceCount = 20): KnowledgeGraph {
  const random = seeded(20210826);
  const below = (n: number) => Math.floor(random() * n);

  const sources = new Map(
    Array.from({ length: sourceCount }, (_, s) => {
      const id = `source-${s}`;
      return [id, sourceRecord(id, `Article ${s}. Synthetic text for the benchmark.`, `Article ${s}`)] as const;
    }),
  );
  const sourceIds = [...sources.keys()];

  const entities: EntityRecord[] = Array.from({ length: entityCount }, (_, e) => ({
    id: `e${e}`,
    type: ENTITY_TYPES[below(ENTITY_TYPES.length)]!,
    name: `Entity ${e}`,
    aliases: [],
    description: `Synthetic entity number ${e}.`,
  }));

  const relations: RelationRecord[] = Array.from({ length: relationCount }, (_, r) => {
    const subject = below(entityCount);
    const object = (subject + 1 + below(entityCount - 1)) % entityCount;
    const [type, directed] = RELATION_TYPES[below(RELATION_TYPES.length)]!;
    const id = `r${r}`;
    const citations: CitationRecord[] = Array.from({ length: 1 + below(3) }, () => ({
      sourceId: sourceIds[below(sourceIds.length)]!,
      quote: 'Article',
      start: 0,
      end: 7,
      target: { kind: 'relation', id },
    }));
    const supporting = [...new Set(citations.map((citation) => citation.sourceId))].sort();
    return {
      id,
      type,
      subject: `e${subject}`,
      object: `e${object}`,
      directed,
      note: null,
      citations,
      sourceIds: supporting,
    };
  });

  return {
    graph: buildEntityGraph(entities, relations),
    sources,
    claims: new Map(),
    vocabulary: {
      entityTypes: new Map(ENTITY_TYPES.map((id) => [id, { id, label: id, description: '' }])),
      relationTypes: new Map(
        RELATION_TYPES.map(([id, directed]) => [id, { id, label: id, directed, description: '' }]),
      ),
      claimAttributes: new Map(),
      hedges: new Map(),
    },
  };
}

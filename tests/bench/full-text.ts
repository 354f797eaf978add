/**
 * Benchmark: full-text search on a synthetic corpus
 * =================================================
 *
 * `npm run bench:full-text`. Builds a KnowledgeGraph in memory (20 000 entities,
 * 100 000 relations with one to three quotes each, 2 000 sources of about 1 000 words), times
 * building the full-text index against building every index (the baseline, same run),
 * then times each group of `fullTextSearch` against the name search (`search`, same run).
 * Bounded: a fixed number of runs per question on a seeded random corpus; nothing asserts on
 * timings.
 *
 * Options: BENCH_ENTITIES, BENCH_RELATIONS, BENCH_SOURCES, BENCH_RUNS (environment variables).
 */
import { performance } from 'node:perf_hooks';

import { buildEntityGraph } from '../../server/data/load-graph-data';
import type {
  CitationRecord,
  EntityRecord,
  KnowledgeGraph,
  RelationRecord,
  SourceRecord,
} from '../../server/data/model';
import { buildFullTextIndex } from '../../server/graph/full-text-index';
import { fullTextEntities, fullTextPassages, fullTextRelations } from '../../server/graph/full-text-search';
import { buildDeferredIndexes, buildGraphIndex } from '../../server/graph/indexes';
import { searchEntities } from '../../server/graph/search';
import { sourceRecord } from '../support/source-record';

const ENTITY_COUNT = Number(process.env.BENCH_ENTITIES ?? 20_000);
const RELATION_COUNT = Number(process.env.BENCH_RELATIONS ?? 100_000);
const SOURCE_COUNT = Number(process.env.BENCH_SOURCES ?? 2_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

// A seeded generator (mulberry32), so every run measures the same corpus.
let seed = 20210826;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// 8 000 distinct words drawn by Zipf's law (the r-th most common word ∝ 1/r), as in prose;
// the most common are English function words ("the", "of" …), then domain words.
const SYLLABLES = ['ka', 'bul', 'har', 'nan', 'gar', 'kho', 'ra', 'san', 'ta', 'li', 'ban', 'haq', 'qa', 'ni', 'ze'];
const COMMON = ['the', 'of', 'and', 'to', 'a', 'in', 'is', 'that', 'was', 'by', 'group', 'leader', 'attack'];
const WORDS = [
  ...COMMON,
  ...Array.from({ length: 8000 - COMMON.length }, () =>
    Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join(''),
  ),
];
const cumulative: number[] = [];
WORDS.forEach((_, rank) => cumulative.push((cumulative[rank - 1] ?? 0) + 1 / (rank + 1)));
const word = () => {
  const target = random() * cumulative[cumulative.length - 1]!;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return WORDS[low]!;
};
const RARE = WORDS.slice(2000);
const sentence = (length: number) => {
  const words = Array.from({ length }, word);
  return words[0]![0]!.toUpperCase() + words.join(' ').slice(1) + '.';
};

function syntheticKnowledgeGraph(): KnowledgeGraph {
  const sources = new Map<string, SourceRecord>();
  for (let s = 0; s < SOURCE_COUNT; s++) {
    const id = `source-${String(s).padStart(5, '0')}`;
    const text = Array.from({ length: 50 }, () => sentence(10 + Math.floor(random() * 20))).join(' ');
    sources.set(id, sourceRecord(id, text, `Article ${s}`));
  }
  const sourceList = [...sources.values()];

  const entities: EntityRecord[] = [];
  for (let e = 0; e < ENTITY_COUNT; e++) {
    const name = `${pick(RARE)} ${pick(RARE)}`;
    entities.push({
      id: `e${String(e).padStart(6, '0')}`,
      type: 'organization',
      name,
      aliases: [],
      description: sentence(12),
      time: [],
    });
  }

  const types: [string, string, boolean][] = [
    ['leader_of', 'leader of', true],
    ['enemy_of', 'enemy of', false],
    ['linked_to', 'linked to', false],
    ['operates_in', 'operates in', true],
  ];
  const relations: RelationRecord[] = [];
  for (let r = 0; r < RELATION_COUNT; r++) {
    const subject = pick(entities).id;
    let object = pick(entities).id;
    while (object === subject) object = pick(entities).id;
    const [type, , directed] = pick(types);
    const id = `r${String(r).padStart(7, '0')}`;
    const citations: CitationRecord[] = [];
    for (let c = 0, n = 1 + Math.floor(random() * 3); c < n; c++) {
      const source = pick(sourceList);
      const start = Math.floor(random() * (source.text.length - 120));
      const quote = source.text.slice(start, start + 60 + Math.floor(random() * 60));
      citations.push({
        sourceId: source.id,
        quote,
        start,
        end: start + quote.length,
        target: { kind: 'relation', id },
      });
    }
    const sourceIds = [...new Set(citations.map((citation) => citation.sourceId))].sort();
    relations.push({ id, type, subject, object, directed, note: null, citations, time: [], sourceIds });
  }

  return {
    graph: buildEntityGraph(entities, relations),
    sources,
    claims: new Map(),
    vocabulary: {
      entityTypes: new Map([['organization', { id: 'organization', label: 'Organization', description: '' }]]),
      claimAttributes: new Map(),
      hedges: new Map(),
      relationTypes: new Map(types.map(([id, label, directed]) => [id, { id, label, directed, description: '' }])),
    },
  };
}

async function median(runs: number, run: (i: number) => unknown): Promise<{ ms: number; result: string }> {
  const durations: number[] = [];
  let result = '';
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const value = await run(i);
    durations.push(performance.now() - start);
    if (i === 0) result = String(value);
  }
  durations.sort((a, b) => a - b);
  return { ms: durations[Math.floor(durations.length / 2)]!, result };
}

const ms = (value: number) => value.toFixed(value < 10 ? 2 : 0);

console.log(`Corpus: ${ENTITY_COUNT} entities, ${RELATION_COUNT} relations, ${SOURCE_COUNT} sources …`);
const knowledgeGraph = syntheticKnowledgeGraph();

let started = performance.now();
const index = buildGraphIndex(knowledgeGraph);
await buildDeferredIndexes(index);
const allIndexesMs = performance.now() - started;
started = performance.now();
const fullText = await buildFullTextIndex(knowledgeGraph, index, index.citationsBySource.get());
const fullTextMs = performance.now() - started;
console.log(
  `index build: every index (the full-text one included) ${ms(allIndexesMs)} ms; the full-text index alone ${ms(fullTextMs)} ms (${fullText.passageSource.length} passages): ratio ${(fullTextMs / allIndexesMs).toFixed(2)}`,
);
console.log(`heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB (two full-text indexes held)\n`);

const queries = ['hakkani', 'leader', 'kabulhar nanze', 'the group', sentence(8).slice(0, -1)];
const baseline = await median(
  RUNS,
  async (i) => (await searchEntities(index, queries[i % queries.length]!, 10)).length,
);
const page = { first: 10, offset: 0 };
const rows = [
  ['search (names; the baseline)', baseline],
  [
    'fullTextSearch: entities',
    await median(RUNS, async (i) => (await fullTextEntities(index, queries[i % queries.length]!, page)).totalCount),
  ],
  [
    'fullTextSearch: relations',
    await median(RUNS, async (i) => (await fullTextRelations(index, queries[i % queries.length]!, page)).totalCount),
  ],
  [
    'fullTextSearch: passages',
    await median(RUNS, async (i) => (await fullTextPassages(index, queries[i % queries.length]!, page)).totalCount),
  ],
] as const;
console.log(`queries: ${queries.map((query) => JSON.stringify(query)).join(', ')}; ${RUNS} runs each, median`);
for (const [question, row] of rows) {
  console.log(
    `${question.padEnd(30)} ${ms(row.ms).padStart(8)} ms  ${(row.ms / baseline.ms).toFixed(1).padStart(6)}×  first total ${row.result}`,
  );
}

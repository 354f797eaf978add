/**
 * Benchmark: the graph queries on a synthetic graph of a million relations
 * ========================================================================
 *
 * `npm run bench`. Builds a KnowledgeGraph in memory (200 000 entities, 1 000 000 relations,
 * 50 sources), builds the index once, then times each question the API answers and prints a
 * table. Bounded: a fixed number of runs per question, on a seeded random graph, and one HTTP
 * row on 127.0.0.1. Kept apart from the tests: timings depend on the machine, so nothing here
 * asserts on them.
 *
 * Options: BENCH_ENTITIES, BENCH_RELATIONS, BENCH_RUNS (environment variables).
 */
import { performance } from 'node:perf_hooks';

import { startServer } from '../../server/api/server';
import { buildEntityGraph } from '../../server/data/load-graph-data';
import type {
  CitationRecord,
  EntityRecord,
  KnowledgeGraph,
  RelationRecord,
  SourceRecord,
  TimeRecord,
} from '../../server/data/model';
import { compareSources, comparisonPage } from '../../server/graph/comparison';
import { entitiesPage } from '../../server/graph/entities';
import { type GraphIndex, buildDeferredIndexes, buildGraphIndex } from '../../server/graph/indexes';
import { neighborhood } from '../../server/graph/neighborhood';
import { encodeCursor } from '../../server/graph/pagination';
import { shortestPaths } from '../../server/graph/paths';
import { relationsPage } from '../../server/graph/relations';
import { searchEntities } from '../../server/graph/search';
import { citationsOfSource, relationsOfSource, sourcesPage } from '../../server/graph/sources';
import { spanOverlaps } from '../../server/graph/time';
import { timelineCounts, timelineEvents } from '../../server/graph/timeline';
import { sourceRecord } from '../support/source-record';

const ENTITY_COUNT = Number(process.env.BENCH_ENTITIES ?? 200_000);
const RELATION_COUNT = Number(process.env.BENCH_RELATIONS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const SOURCE_COUNT = 50;

// A seeded generator (mulberry32), so every run measures the same graph.
let seed = 20210826;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const SYLLABLES = [
  'ka',
  'bul',
  'har',
  'nan',
  'gar',
  'kho',
  'ra',
  'san',
  'ta',
  'li',
  'ban',
  'haq',
  'qa',
  'ni',
  'ze',
  'mo',
  'dar',
  'vel',
  'ush',
  'tor',
];
const word = () => {
  const length = 2 + Math.floor(random() * 2);
  const text = Array.from({ length }, () => pick(SYLLABLES)).join('');
  return text[0]!.toUpperCase() + text.slice(1);
};
const ENTITY_TYPES = ['organization', 'person', 'place', 'event', 'facility', 'group'];

/**
 * Dates as the curated data has them: a month between 2010 and 2021 (most relations), a span
 * of up to two years (some), open-ended (a few), undated (the rest); events dated alike.
 */
function syntheticTime(citations: CitationRecord[]): TimeRecord[] {
  const roll = random();
  if (roll < 0.3) return [];
  const month = (offset: number) => {
    const year = 2010 + Math.floor(offset / 12);
    const number = (offset % 12) + 1;
    return `${year}-${String(number).padStart(2, '0')}`;
  };
  const lastDay = (value: string) =>
    `${value}-${String(new Date(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)), 0)).getUTCDate()).padStart(2, '0')}`;
  const start = Math.floor(random() * 144);
  const base = { citations, inferred: false, relative: null, note: null, precision: 'month' as const };
  if (roll < 0.8) {
    const at = month(start);
    return [{ ...base, at, start: null, end: null, first: `${at}-01`, last: lastDay(at) }];
  }
  if (roll < 0.95) {
    const from = month(start);
    const to = month(Math.min(143, start + 1 + Math.floor(random() * 24)));
    return [{ ...base, at: null, start: from, end: to, first: `${from}-01`, last: lastDay(to) }];
  }
  const from = month(start);
  return [{ ...base, at: null, start: from, end: null, first: `${from}-01`, last: null }];
}
const RELATION_TYPES: [string, boolean][] = [
  ['member_of', true],
  ['enemy_of', false],
  ['linked_to', false],
  ['operates_in', true],
  ['targeted', true],
  ['carried_out', true],
  ['leader_of', true],
  ['allied_with', false],
  ['based_in', true],
  ['fought', false],
];

function syntheticKnowledgeGraph(): KnowledgeGraph {
  const sources = new Map<string, SourceRecord>();
  for (let s = 0; s < SOURCE_COUNT; s++) {
    const id = `source-${String(s).padStart(2, '0')}`;
    const text = `Article ${s}. ` + Array.from({ length: 200 }, word).join(' ') + '.';
    sources.set(id, sourceRecord(id, text, `Article ${s}`));
  }
  const sourceIds = [...sources.keys()];

  const entities: EntityRecord[] = [];
  for (let e = 0; e < ENTITY_COUNT; e++) {
    const name = `${word()} ${word()}`;
    const aliases = random() < 0.3 ? [word(), `${word()}-${word()}`] : [];
    const type = pick(ENTITY_TYPES);
    entities.push({
      id: `e${String(e).padStart(6, '0')}`,
      type,
      name,
      aliases,
      description: '',
      time: type === 'event' ? syntheticTime([]) : [],
    });
  }

  const relations: RelationRecord[] = [];
  for (let r = 0; r < RELATION_COUNT; r++) {
    const subject = pick(entities).id;
    let object = pick(entities).id;
    while (object === subject) object = pick(entities).id;
    const [type, directed] = pick(RELATION_TYPES);
    const id = `r${String(r).padStart(7, '0')}`;
    const support = 1 + Math.floor(random() * random() * 4);
    const citations: CitationRecord[] = [];
    for (let c = 0; c < support; c++) {
      const sourceId = pick(sourceIds);
      citations.push({ sourceId, quote: 'Article', start: 0, end: 7, target: { kind: 'relation', id } });
    }
    const supportingSources = [...new Set(citations.map((citation) => citation.sourceId))].sort();
    relations.push({
      id,
      type,
      subject,
      object,
      directed,
      note: null,
      citations,
      time: syntheticTime(citations.slice(0, 1)),
      sourceIds: supportingSources,
    });
  }

  return {
    graph: buildEntityGraph(entities, relations),
    sources,
    claims: new Map(),
    vocabulary: {
      entityTypes: new Map(ENTITY_TYPES.map((id) => [id, { id, label: id, description: '' }])),
      claimAttributes: new Map(),
      hedges: new Map(),
      relationTypes: new Map(
        RELATION_TYPES.map(([id, directed]) => [id, { id, label: id, directed, description: '' }]),
      ),
    },
  };
}

interface Row {
  question: string;
  runs: number;
  median: number;
  p95: number;
  max: number;
  result: string;
}

async function time(question: string, runs: number, run: (i: number) => unknown | Promise<unknown>): Promise<Row> {
  const durations: number[] = [];
  let result = '';
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const value = await run(i);
    durations.push(performance.now() - start);
    if (i === 0) result = String(value);
  }
  durations.sort((a, b) => a - b);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))]!;
  return { question, runs, median: at(0.5), p95: at(0.95), max: durations[durations.length - 1]!, result };
}

/** An entity two or three hops from `start`, by a random walk, so that paths exist. */
function entityHopsAway(index: GraphIndex, start: string, hops: number): string {
  let node = start;
  for (let i = 0; i < hops; i++) {
    const neighbors = index.graph.neighbors(node);
    if (neighbors.length === 0) break;
    node = pick(neighbors);
  }
  return node;
}

async function main(): Promise<void> {
  const ms = (value: number) => value.toFixed(value < 10 ? 2 : 0);
  console.log(
    `Building a synthetic graph: ${ENTITY_COUNT} entities, ${RELATION_COUNT} relations, ${SOURCE_COUNT} sources …`,
  );
  let started = performance.now();
  const knowledgeGraph = syntheticKnowledgeGraph();
  console.log(`  graph built in ${ms(performance.now() - started)} ms`);

  started = performance.now();
  const index = buildGraphIndex(knowledgeGraph);
  const indexMs = performance.now() - started;
  started = performance.now();
  // Built after the server is ready; here before the queries, so no search times its build.
  await buildDeferredIndexes(index);
  console.log(`  search indexes built in ${ms(performance.now() - started)} ms`);
  console.log(`  index built in ${ms(indexMs)} ms; heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB\n`);

  const entityIds = index.entityIds;
  const someEntities = Array.from({ length: RUNS }, () => pick(entityIds));
  const pathPairs = someEntities.map((from, i) => [from, entityHopsAway(index, from, 2 + (i % 2))] as const);
  const middleCursor = encodeCursor(index.relationIds[Math.floor(index.relationIds.length / 2)]!);

  const rows: Row[] = [];
  rows.push(
    await time('relations: first 500, no filter', RUNS, () => relationsPage(index, {}, { first: 500 }).edges.length),
  );
  rows.push(
    await time(
      'relations: first 500 after a cursor, 2 types + minSources 2',
      RUNS,
      () =>
        relationsPage(index, { types: ['enemy_of', 'targeted'], minSources: 2 }, { first: 500, after: middleCursor })
          .edges.length,
    ),
  );
  rows.push(
    await time(
      'relations: same filter, totalCount (max: counted; median: memoised)',
      RUNS,
      () => relationsPage(index, { types: ['enemy_of', 'targeted'], minSources: 2 }, { first: 1 }).totalCount,
    ),
  );
  rows.push(
    await time('relations: one entity + 1 source, first 50 + totalCount', RUNS, (i) => {
      const entity = someEntities[i]!;
      const sourceId = index.graph.getEdgeAttributes(index.relationsByEntity.get(entity)?.[0] ?? 'r0000000')
        .sourceIds[0]!;
      const page = relationsPage(index, { entity, sources: [sourceId] }, { first: 50 });
      return `${page.edges.length}/${page.totalCount}`;
    }),
  );
  rows.push(
    await time(
      'relations: minSources 4, first 500',
      RUNS,
      () => relationsPage(index, { minSources: 4 }, { first: 500 }).edges.length,
    ),
  );
  rows.push(
    await time('entities: first 500, no filter', RUNS, () => entitiesPage(index, {}, { first: 500 }).edges.length),
  );
  rows.push(
    await time(
      'entities: type person + text "kabul", first 50',
      RUNS,
      () => entitiesPage(index, { types: ['person'], text: 'kabul' }, { first: 50 }).edges.length,
    ),
  );
  const queries = ['kabulhar', 'haqani', 'khorasan taliban', 'ze', 'nangarvel'];
  rows.push(
    await time(
      'search: first 10 (prefix, typos, two words)',
      RUNS,
      async (i) => (await searchEntities(index, queries[i % queries.length]!, 10)).length,
    ),
  );
  rows.push(
    await time('neighborhood: depth 2, limit 1000', RUNS, (i) => {
      const result = neighborhood(index, someEntities[i]!, { depth: 2, limit: 1000 });
      return `${result.entities.length} entities, ${result.relations.length} relations`;
    }),
  );
  rows.push(
    await time('paths: maxLength 3, first 10', RUNS, (i) => {
      const [from, to] = pathPairs[i]!;
      return shortestPaths(index, from, to, { maxLength: 3, first: 10 }).length;
    }),
  );

  // Time: a range read from month and year buckets, against a scan of every span (the baseline).
  const oneMonth = { from: '2015-06', to: '2015-06' };
  rows.push(
    await time('baseline: scan every relation span for one month', RUNS, () => {
      // What a range costs without the buckets: every relation, in id order, checked.
      const range = { from: '2015-06-01', to: '2015-06-30', includeUndated: false };
      const ids = index.relationIds.filter((id) => {
        const span = index.time.relationSpan(id);
        return span !== null && spanOverlaps(span, range);
      });
      return ids.length;
    }),
  );
  rows.push(
    await time('relations: during one month, first 500 + totalCount (max: merged; median: memoised)', RUNS, () => {
      const page = relationsPage(index, { during: oneMonth }, { first: 500 });
      return `${page.edges.length}/${page.totalCount}`;
    }),
  );
  rows.push(
    await time('relations: during a month, a different one each run, first 500', RUNS, (i) => {
      const month = `2016-${String((i % 12) + 1).padStart(2, '0')}`;
      return relationsPage(index, { during: { from: month, to: month } }, { first: 500 }).edges.length;
    }),
  );
  rows.push(
    await time(
      'relations: during 2015-2016, first 500',
      RUNS,
      () => relationsPage(index, { during: { from: '2015', to: '2016' } }, { first: 500 }).edges.length,
    ),
  );
  rows.push(
    await time('timeline: counts per month, no filter (max: counted; median: memoised)', RUNS, () => {
      const counts = timelineCounts(index, 'MONTH', null);
      return `${counts.periods.length} months, ${counts.datedRelations} dated, ${counts.undatedRelations} undated`;
    }),
  );
  rows.push(
    await time('timeline: events, first 100 after the middle', RUNS, () => {
      const { keys } = index.time.events.get();
      const after = encodeCursor(keys[Math.floor(keys.length / 2)]!);
      return timelineEvents(index, null, { first: 100, after }).edges.length;
    }),
  );

  // A source's lists and two sources compared, paged, against what they cost whole (the
  // lists before they were connections): every relation a source cites, as records.
  const [sourceA, sourceB] = [index.sourceIds[0]!, index.sourceIds[1]!];
  const citedByA = index.relationsBySource.get(sourceA) ?? [];
  rows.push(
    await time(
      'baseline: every relation one source cites, as records (the unpaged list)',
      RUNS,
      () => citedByA.map((id) => index.graph.getEdgeAttributes(id)).length,
    ),
  );
  const middleOfA = encodeCursor(citedByA[Math.floor(citedByA.length / 2)]!);
  rows.push(
    await time('Source.relations: first 50 after the middle', RUNS, () => {
      const page = relationsOfSource(index, sourceA, { first: 50, after: middleOfA });
      return `${page.edges.length}/${page.totalCount}`;
    }),
  );
  const citationsOfA = index.citationsBySource.get().get(sourceA) ?? [];
  const middleCitation = citationsOfSource(index, sourceA, { first: Math.min(500, citationsOfA.length) }).pageInfo
    .endCursor;
  rows.push(
    await time('Source.citations: first 50 after a cursor (max: key map built; median: lookup)', RUNS, () => {
      const page = citationsOfSource(index, sourceA, { first: 50, after: middleCitation });
      return `${page.edges.length}/${page.totalCount}`;
    }),
  );
  rows.push(
    await time('baseline: compare two sources whole (merge both lists into three)', RUNS, () => {
      const listB = index.relationsBySource.get(sourceB) ?? [];
      let both = 0;
      for (let i = 0, j = 0; i < citedByA.length && j < listB.length;) {
        if (citedByA[i] === listB[j]) {
          both++;
          i++;
          j++;
        } else if (citedByA[i]! < listB[j]!) i++;
        else j++;
      }
      return both;
    }),
  );
  const comparison = compareSources(index, sourceA, sourceB);
  rows.push(
    await time(
      'compareSources.both: first 50 (no total)',
      RUNS,
      () => comparisonPage(index, comparison, 'both', { first: 50 }).edges.length,
    ),
  );
  rows.push(
    await time('compareSources.onlyA: first 50 + totalCount (max: counted; median: memoised)', RUNS, () => {
      const page = comparisonPage(index, comparison, 'onlyA', { first: 50 });
      return `${page.edges.length}/${page.totalCount}`;
    }),
  );
  rows.push(
    await time('sources: most cited first, 20 + totalCount', RUNS, () => {
      const page = sourcesPage(index, { orderBy: 'CITATIONS' }, { first: 20 });
      return `${page.edges.length}/${page.totalCount}`;
    }),
  );

  // One row through HTTP on the loopback interface: serialisation of a full page included.
  const server = await startServer({ port: 0, host: '127.0.0.1', knowledgeGraph, staticDir: '/nonexistent' });
  try {
    const page = `{ relations(first: 500, filter: { types: ["enemy_of"] }) { totalCount edges { node {
      id type label directed sourceIds subject { id name } object { id name } citations { quote start end source { id } }
    } } } }`;
    rows.push(
      await time('HTTP: explorer page query, 500 relations', Math.min(RUNS, 10), async () => {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: page }),
        });
        return `${response.status}, ${(await response.text()).length} bytes`;
      }),
    );
  } finally {
    await server.close();
  }

  const header = ['question', 'runs', 'median ms', 'p95 ms', 'max ms', 'first result'];
  const table = rows.map((row) => [
    row.question,
    String(row.runs),
    ms(row.median),
    ms(row.p95),
    ms(row.max),
    row.result,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...table.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 || column === 5 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const cells of table) console.log(line(cells));
  console.log(`\nindex build: ${ms(indexMs)} ms (once, at start-up)`);
  const median = (question: string) => rows.find((row) => row.question === question)!.median;
  const wholeSource = median('baseline: every relation one source cites, as records (the unpaged list)');
  const wholeComparison = median('baseline: compare two sources whole (merge both lists into three)');
  console.log(
    `a source's relations, a page after the middle, vs the whole list: ${(median('Source.relations: first 50 after the middle') / wholeSource).toFixed(3)}×; ` +
      `two sources compared, a page of "both" vs the whole merge: ${(median('compareSources.both: first 50 (no total)') / wholeComparison).toFixed(3)}×`,
  );
  const baseline = median('baseline: scan every relation span for one month');
  console.log(
    `time range, a new month each run, vs the scan baseline: ${(median('relations: during a month, a different one each run, first 500') / baseline).toFixed(2)}×; ` +
      `memoised: ${(median('relations: during one month, first 500 + totalCount (max: merged; median: memoised)') / baseline).toFixed(2)}×`,
  );
}

await main();

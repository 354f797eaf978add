import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';

import { loadGraphData } from '../../server/data/load-graph-data';
import type { KnowledgeGraph } from '../../server/data/model';
import { DeferredIndex, GradualIndex } from '../../server/graph/deferred-index';
import { fullTextEntities, fullTextPassages, fullTextRelations } from '../../server/graph/full-text-search';
import { buildDeferredIndexes, buildGraphIndex } from '../../server/graph/indexes';
import { relationsPage } from '../../server/graph/relations';
import { statementsPage } from '../../server/graph/statements';
import { timelineEvents } from '../../server/graph/timeline';
import { searchEntities } from '../../server/graph/search';
import { writeSyntheticGraphData } from '../../server/scripts/synthetic-graph-data';

let dir: string;
let knowledgeGraph: KnowledgeGraph;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deferred-index-'));
  // Large enough that the search indexes take many slices to build.
  await writeSyntheticGraphData(join(dir, 'graph'), { entities: 3000, relations: 6000, sources: 60, seed: 3 });
  knowledgeGraph = await loadGraphData(join(dir, 'graph'));
}, 60_000); // Writing and loading 6,000 relations takes seconds on a busy machine.
afterAll(() => rm(dir, { recursive: true, force: true }));

const page = { first: 10, offset: 0 };

describe('search indexes built after the server is ready', () => {
  test('a search asked while they are being built waits for them, and answers as it does afterwards', async () => {
    const index = buildGraphIndex(knowledgeGraph);
    let built = false;
    const building = buildDeferredIndexes(index).then(() => (built = true));
    const name = index.graph.getNodeAttribute(index.entityIds[0]!, 'name');
    const quoteWord = index.graph.getEdgeAttributes(index.relationIds[0]!).citations[0]!.quote.split(' ')[2]!;

    const early = {
      search: searchEntities(index, name, 5),
      entities: fullTextEntities(index, name, page),
      relations: fullTextRelations(index, quoteWord, page),
      passages: fullTextPassages(index, quoteWord, page),
    };
    // The event loop turns (a request would be answered) while the indexes are still being built…
    await nextTurn();
    expect(built).toBe(false);
    expect(relationsPage(index, {}, { first: 5 }).edges).toHaveLength(5);

    // …and the searches asked meanwhile answer once they are, exactly as searches asked later.
    const answers = {
      search: await early.search,
      entities: await early.entities,
      relations: await early.relations,
      passages: await early.passages,
    };
    await building;
    expect(answers.search[0]?.name).toBe(name);
    expect(answers.entities.totalCount).toBeGreaterThan(0);
    expect(answers.relations.totalCount).toBeGreaterThan(0);
    expect(answers.passages.totalCount).toBeGreaterThan(0);
    expect(answers).toEqual({
      search: await searchEntities(index, name, 5),
      entities: await fullTextEntities(index, name, page),
      relations: await fullTextRelations(index, quoteWord, page),
      passages: await fullTextPassages(index, quoteWord, page),
    });
  });

  test('the first search builds the index when nothing else started it, and only once', async () => {
    let builds = 0;
    const deferred = new DeferredIndex(async () => ++builds);
    expect(await Promise.all([deferred.built(), deferred.built()])).toEqual([1, 1]);
    expect(await deferred.built()).toBe(1);
    expect(builds).toBe(1);
  });
});

describe('indexes synchronous queries read, built after the server is ready', () => {
  /** A build of `steps` steps that counts them, and how many builds began. */
  const counted = (steps: number) => {
    const progress = { builds: 0, steps: 0 };
    function* build(): Generator<void, number> {
      progress.builds++;
      for (let i = 0; i < steps; i++) {
        progress.steps++;
        // About a millisecond a step: a build of many slices.
        const until = performance.now() + 1;
        while (performance.now() < until);
        yield;
      }
      return progress.steps;
    }
    return { progress, index: new GradualIndex(build) };
  };

  test('built in slices between which the event loop turns', async () => {
    const { progress, index } = counted(200);
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    try {
      expect(await index.built()).toBe(200);
    } finally {
      clearInterval(ticking);
    }
    expect(turns).toBeGreaterThan(1);
    expect(progress.builds).toBe(1);
  });

  test('a reader that comes before the slices end finishes the build at once, and the slices stop there', async () => {
    const { progress, index } = counted(200);
    const slices = index.built();
    await nextTurn();
    // Part of the way: some steps made, not all.
    expect(progress.steps).toBeGreaterThan(0);
    expect(progress.steps).toBeLessThan(200);
    expect(index.get()).toBe(200);
    expect(await slices).toBe(200);
    expect(index.get()).toBe(200);
    expect(progress).toEqual({ builds: 1, steps: 200 });
  });

  test('a relations query reads the statement index only when it filters by voice', () => {
    const index = buildGraphIndex(knowledgeGraph);
    const plain = relationsPage(
      index,
      { types: [index.knowledgeGraph.vocabulary.relationTypes.keys().next().value!] },
      page,
    );
    expect(plain.totalCount).toBeGreaterThan(0);
    expect(relationsPage(index, {}, page).totalCount).toBe(index.relationIds.length);
    expect(index.statements.isBuilt).toBe(false);
    expect(relationsPage(index, { unhedged: true }, page).totalCount).toBeGreaterThan(0);
    expect(index.statements.isBuilt).toBe(true);
  });

  test('time ranges, the timeline and statements answer the same before and after the build', async () => {
    // The shipped graph: dated entities and quoted speakers, which the generated one has not.
    const shipped = await loadGraphData();
    const early = buildGraphIndex(shipped);
    const late = buildGraphIndex(shipped);
    await buildDeferredIndexes(late);
    const speaker = early.relationIds
      .flatMap((id) => early.graph.getEdgeAttributes(id).citations)
      .map((citation) => citation.attributedTo)
      .find((attribution) => attribution && 'entity' in attribution) as { entity: string } | undefined;
    const answers = (index: typeof early) => ({
      during: relationsPage(index, { during: { from: '2020', to: '2021-06' } }, { first: 20 }),
      ownVoice: relationsPage(index, { ownVoice: true }, { first: 20 }),
      events: timelineEvents(index, null, { first: 20 }),
      statements: speaker ? statementsPage(index, speaker.entity, { first: 20 }) : null,
    });
    const before = answers(early);
    expect(before.during.totalCount).toBeGreaterThan(0);
    expect(before.during.totalCount).toBeLessThan(early.relationIds.length);
    expect(before.ownVoice.totalCount).toBeGreaterThan(0);
    expect(before.events.totalCount).toBeGreaterThan(0);
    expect(before.statements?.totalCount).toBeGreaterThan(0);
    expect(before).toEqual(answers(late));
  });
});

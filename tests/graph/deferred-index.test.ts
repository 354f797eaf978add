import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';

import { loadGraphData } from '../../server/data/load-graph-data';
import type { KnowledgeGraph } from '../../server/data/model';
import { DeferredIndex } from '../../server/graph/deferred-index';
import { fullTextEntities, fullTextPassages, fullTextRelations } from '../../server/graph/full-text-search';
import { buildDeferredIndexes, buildGraphIndex } from '../../server/graph/indexes';
import { relationsPage } from '../../server/graph/relations';
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

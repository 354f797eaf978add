/**
 * A generated graph (npm run data:synth's generator) in a temp directory, loaded by the
 * server's own loader: for tests that need a graph larger than the seed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadGraphData } from '../../server/data/load-graph-data';
import type { KnowledgeGraph } from '../../server/data/model';
import { writeSyntheticGraphData, type SynthOptions } from '../../server/scripts/synthetic-graph-data';

/** Large enough to open on the bounded view (core/bounded-view), small enough to keep CI quick. */
export const BOUNDED_TEST_GRAPH: SynthOptions = { entities: 3_000, relations: 6_000, sources: 150, seed: 9 };

export async function generatedGraph(options: SynthOptions): Promise<KnowledgeGraph> {
  const dir = await mkdtemp(join(tmpdir(), 'generated-graph-'));
  try {
    await writeSyntheticGraphData(dir, options);
    return await loadGraphData(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

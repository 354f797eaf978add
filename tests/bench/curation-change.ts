/**
 * Benchmark: one curator's change on a large graph
 * ================================================
 *
 * `npm run bench:curation`, or `tsx tests/bench/curation-change.ts [graph-data folder]`.
 * Copies the folder (default: a synthetic graph of BENCH_CURATION_RELATIONS relations, 100 000
 * unless set, written to a temp folder) and, on the copy, times a full load (the baseline: what
 * one change costs at least, since the write path validates the whole would-be graph with the
 * loader) and then three changes through the write path: an alias (entities.yaml), a citation
 * of a relation (relations.yaml) and the undo of that citation. Prints each in milliseconds
 * and as a ratio to the load measured in the same run.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { dataVersion } from '../../server/api/served-graph';
import { openCuration } from '../../server/curation/curation';
import { loadGraphData } from '../../server/data/load-graph-data';
import { writeSyntheticGraphData } from '../../server/scripts/synthetic-graph-data';

const RELATIONS = Number(process.env.BENCH_CURATION_RELATIONS ?? 100_000);

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

const work = await mkdtemp(join(tmpdir(), 'bench-curation-'));
try {
  const dir = join(work, 'graph-data');
  const given = process.argv[2];
  if (given) await cp(given, dir, { recursive: true });
  else await writeSyntheticGraphData(dir, { entities: RELATIONS / 2, relations: RELATIONS, sources: 4_000, seed: 9 });

  const load = await timed(() => loadGraphData(dir));
  const graph = load.value;
  const curation = await openCuration(dir, graph, dataVersion, () => {});
  const entity = graph.graph.nodes()[0]!;
  const relation = graph.graph.edges()[0]!;
  const attributes = graph.graph.getEdgeAttributes(relation);
  // A sentence of another source that the relation does not cite yet: its first quote's sentence in a second source.
  const [source] = [...graph.sources.values()].filter((each) => !attributes.sourceIds.includes(each.id));
  const text = await readFile(join(dir, source!.file), 'utf8');
  const line = text
    .split('\n')
    .find((each) => each.trim().length > 20)!
    .trim();
  const start = text.indexOf(line);
  const by = 'Bench';

  const alias = await timed(() =>
    curation.apply({ kind: 'addAlias', entity, alias: 'Bench Alias' }, { by, baseVersion: curation.version() }),
  );
  const citation = await timed(() =>
    curation.apply(
      {
        kind: 'addCitation',
        target: 'relation',
        id: relation,
        citation: { source: source!.id, start, end: start + line.length },
      },
      { by, baseVersion: curation.version() },
    ),
  );
  const undo = await timed(() =>
    curation.apply(
      { kind: 'revert', change: citation.value.entry.id, reason: 'the benchmark takes it back' },
      { by, baseVersion: curation.version() },
    ),
  );

  const relations = graph.graph.size;
  console.log(
    `curation change on ${graph.graph.order} entities, ${relations} relations, ${graph.sources.size} sources`,
  );
  console.log(`  full load (baseline)   ${load.ms.toFixed(0).padStart(7)} ms`);
  for (const [name, run] of [
    ['add an alias', alias],
    ['add a citation', citation],
    ['undo the citation', undo],
  ] as const) {
    console.log(`  ${name.padEnd(22)} ${run.ms.toFixed(0).padStart(7)} ms  ${(run.ms / load.ms).toFixed(2)}x the load`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

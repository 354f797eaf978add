/**
 * `npm run data:synth -- --entities N --relations M --sources S --out DIR [--seed K]`: writes
 * a deterministic synthetic graph-data folder for benchmarks and large tests (see
 * synthetic-graph-data.ts). `npm run data:check DIR` or `GRAPH_DATA_DIR=DIR npm run serve`
 * then read it like the curated data.
 */
import { parseArgs } from 'node:util';

import { writeSyntheticGraphData } from './synthetic-graph-data';

const usage = 'usage: npm run data:synth -- --entities N --relations M --sources S --out DIR [--seed K]';

function wholeNumber(name: string, text: string | undefined, fallback?: number): number {
  if (text === undefined) {
    if (fallback !== undefined) return fallback;
    throw new Error(`--${name} is required\n${usage}`);
  }
  if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a whole number; it was "${text}"\n${usage}`);
  return Number(text);
}

try {
  const { values } = parseArgs({
    options: {
      entities: { type: 'string' },
      relations: { type: 'string' },
      sources: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (!values.out) throw new Error(`--out is required\n${usage}`);
  const started = performance.now();
  const summary = await writeSyntheticGraphData(values.out, {
    entities: wholeNumber('entities', values.entities),
    relations: wholeNumber('relations', values.relations),
    sources: wholeNumber('sources', values.sources),
    seed: wholeNumber('seed', values.seed, 1),
  });
  console.log(
    `wrote ${values.out}: ${summary.entities} entities, ${summary.relations} relations, ${summary.claims} claims, ` +
      `${summary.sources} sources, ${summary.citations} citations in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

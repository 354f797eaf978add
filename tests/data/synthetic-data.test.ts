import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { loadGraphData } from '../../server/data/load-graph-data';
import { writeSyntheticGraphData } from '../../server/scripts/synthetic-graph-data';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'synth-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const SMALL = { entities: 300, relations: 900, sources: 12, seed: 7 };

describe('data:synth writes graph-data the loader accepts', () => {
  test('a small synthetic graph loads with every count it promised, its quotes verbatim', async () => {
    const dir = join(await tempDir(), 'graph');
    const summary = await writeSyntheticGraphData(dir, SMALL);
    const knowledge = await loadGraphData(dir);
    expect(knowledge.graph.order).toBe(SMALL.entities);
    expect(knowledge.graph.size).toBe(SMALL.relations);
    expect(knowledge.sources.size).toBe(SMALL.sources);
    expect(knowledge.claims.size).toBe(summary.claims);
    expect(knowledge.dataset?.title).toMatch(/Synthetic graph/);
    let citations = 0;
    knowledge.graph.forEachEdge((_id, relation) => {
      for (const citation of relation.citations) {
        citations++;
        expect(knowledge.sources.get(citation.sourceId)!.text.slice(citation.start, citation.end)).toBe(citation.quote);
      }
    });
    expect(citations + summary.claims).toBe(summary.citations);
    // Dates where the format has them: sources are dated.
    expect([...knowledge.sources.values()].every((source) => /^\d{4}-\d{2}$/.test(source.published ?? ''))).toBe(true);
  });

  test('degrees follow a power law: a few hubs, a long tail', async () => {
    const dir = join(await tempDir(), 'graph');
    await writeSyntheticGraphData(dir, { ...SMALL, entities: 2000, relations: 4000 });
    const { graph } = await loadGraphData(dir);
    const degrees = graph.mapNodes((id) => graph.degree(id)).sort((a, b) => b - a);
    expect(degrees[0]!).toBeGreaterThan(20 * (degrees[Math.floor(degrees.length / 2)]! || 1));
    expect(degrees.filter((degree) => degree <= 2).length).toBeGreaterThan(degrees.length / 2);
  });

  test('the same seed writes the same bytes; another seed writes other data', async () => {
    const [a, b, c] = [join(await tempDir(), 'a'), join(await tempDir(), 'b'), join(await tempDir(), 'c')];
    await writeSyntheticGraphData(a, SMALL);
    await writeSyntheticGraphData(b, SMALL);
    await writeSyntheticGraphData(c, { ...SMALL, seed: 8 });
    const read = (dir: string) => readFile(join(dir, 'relations.yaml'), 'utf8');
    expect(await read(b)).toBe(await read(a));
    expect(await read(c)).not.toBe(await read(a));
    expect(await readdir(join(b, 'sources'))).toEqual(await readdir(join(a, 'sources')));
  });

  test('it refuses to write into a folder that holds data, and names bad sizes', async () => {
    const dir = join(await tempDir(), 'graph');
    await writeSyntheticGraphData(dir, SMALL);
    await expect(writeSyntheticGraphData(dir, SMALL)).rejects.toThrow(/not empty/);
    await expect(writeSyntheticGraphData(join(dir, 'x'), { ...SMALL, entities: 1 })).rejects.toThrow(/--entities/);
  });

  test('data:check passes 1,500 source files under an open-file limit of 1,024', async () => {
    const dir = join(await tempDir(), 'graph');
    await run(
      'npx',
      [
        'tsx',
        'server/scripts/data-synth.ts',
        '--entities',
        '400',
        '--relations',
        '1600',
        '--sources',
        '1500',
        '--out',
        dir,
      ],
      { cwd: ROOT },
    );
    const { stdout } = await run('bash', ['-c', `ulimit -n 1024 && npx tsx server/scripts/data-check.ts "${dir}"`], {
      cwd: ROOT,
    });
    expect(stdout).toMatch(/graph-data is valid: 1500 sources, 400 entities, 1600 relations/);
  }, 60_000);
});

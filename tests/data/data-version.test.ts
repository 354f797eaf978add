import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { dataVersion } from '../../server/data/data-version';
import { loadGraphData } from '../../server/data/load-graph-data';
import type { KnowledgeGraph } from '../../server/data/model';
import { FIXTURES, fixtureCopies } from './fixture-copy';

const MINIMAL = join(FIXTURES, 'minimal');
const copies = fixtureCopies('minimal');
const tempDirs: string[] = [];
afterAll(async () => {
  await copies.cleanUp();
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function copyOfMinimal(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'graph-data-'));
  tempDirs.push(dir);
  await cp(MINIMAL, dir, { recursive: true });
  return dir;
}

/** The graph with one entity renamed: a copy, so the original stays as loaded. */
function renamed(knowledgeGraph: KnowledgeGraph, id: string, name: string): KnowledgeGraph {
  const graph = knowledgeGraph.graph.copy();
  graph.mergeNodeAttributes(id, { name });
  return { ...knowledgeGraph, graph };
}

describe('the data version of a loaded graph is the digest of the files it was read from', () => {
  test('two loads of the same files have the same version', async () => {
    expect(dataVersion(await loadGraphData(MINIMAL))).toBe(dataVersion(await loadGraphData(MINIMAL)));
  });

  test('an edit to a record file changes it, even one that changes no record', async () => {
    const loaded = dataVersion(await loadGraphData(MINIMAL));
    const described = await copies.with('entities.yaml', (text) =>
      text.replace('description: A small test group.', 'description: A revised group.'),
    );
    const commented = await copies.with('relations.yaml', (text) => `# A comment the loader skips.\n${text}`);
    expect(dataVersion(await loadGraphData(described))).not.toBe(loaded);
    expect(dataVersion(await loadGraphData(commented))).not.toBe(loaded);
  });

  test('a dataset file added changes it; a file the loader does not read does not', async () => {
    const loaded = dataVersion(await loadGraphData(MINIMAL));
    const titled = await copyOfMinimal();
    await writeFile(join(titled, 'dataset.yaml'), 'title: Minimal fixture\n');
    const explained = await copyOfMinimal();
    await writeFile(join(explained, 'README.md'), '# What this folder holds\n');
    expect(dataVersion(await loadGraphData(titled))).not.toBe(loaded);
    expect(dataVersion(await loadGraphData(explained))).toBe(loaded);
  });
});

describe('a graph built in memory is versioned by its content', () => {
  test('equal graphs have equal versions, and a renamed entity changes it', async () => {
    const loaded = await loadGraphData(MINIMAL);
    const id = loaded.graph.nodes()[0]!;
    const name = loaded.graph.getNodeAttribute(id, 'name');
    expect(dataVersion(renamed(loaded, id, name))).toBe(dataVersion(renamed(loaded, id, name)));
    expect(dataVersion(renamed(loaded, id, `${name} renamed`))).not.toBe(dataVersion(renamed(loaded, id, name)));
  });

  test('a changed copy of a loaded graph is not taken for the files it was copied from', async () => {
    const loaded = await loadGraphData(MINIMAL);
    const id = loaded.graph.nodes()[0]!;
    expect(dataVersion(renamed(loaded, id, 'Another name'))).not.toBe(dataVersion(loaded));
  });
});

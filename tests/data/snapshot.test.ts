import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { dataVersion } from '../../server/data/data-version';
import { GraphDataError } from '../../server/data/errors';
import { loadGraphData } from '../../server/data/load-graph-data';
import type { KnowledgeGraph } from '../../server/data/model';
import { loadGraphDataWithSnapshot } from '../../server/data/snapshot';

const MINIMAL = join(import.meta.dirname, 'fixtures', 'minimal');
const SHIPPED = join(import.meta.dirname, '..', '..', 'graph-data');
const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'snapshot-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * Everything a load hands on, in plain values, to compare two loads. A relation as its JSON: a
 * restart's relations make their citations and dates when first read (getters, which toEqual
 * does not read), and their JSON is the loader's record.
 */
function contents(knowledge: KnowledgeGraph) {
  return {
    entities: knowledge.graph.mapNodes((_id, entity) => entity),
    relations: knowledge.graph.mapEdges((_id, relation, subject, object, _a, _b, undirected) => ({
      relation: JSON.parse(JSON.stringify(relation)) as unknown,
      subject,
      object,
      undirected,
    })),
    sources: [...knowledge.sources.values()],
    claims: [...knowledge.claims.values()],
    vocabulary: knowledge.vocabulary,
    dataset: knowledge.dataset,
  };
}

async function copyOf(dir: string): Promise<string> {
  const copy = join(await tempDir(), 'graph-data');
  await cp(dir, copy, { recursive: true });
  return copy;
}

describe('a restart reads a validated snapshot, and a changed file invalidates it', () => {
  test('the first load writes a snapshot; the second reads it and gives exactly what the loader gives', async () => {
    const [data, cache] = [await copyOf(SHIPPED), await tempDir()];
    const first = await loadGraphDataWithSnapshot(data, cache);
    expect(first.snapshot).toBe('loaded');
    expect(await first.saveSnapshot()).toBe('written');
    expect((await readdir(cache)).filter((file) => file.endsWith('.snapshot'))).toHaveLength(1);
    const second = await loadGraphDataWithSnapshot(data, cache);
    expect(second.snapshot).toBe('read');
    const loaded = await loadGraphData(data);
    expect(contents(second.knowledgeGraph)).toEqual(contents(loaded));
    // The same fields in the same order, voices and dates included (a restored relation's JSON is the loader's record).
    const records = (knowledge: KnowledgeGraph) => JSON.stringify(contents(knowledge).relations);
    expect(records(second.knowledgeGraph)).toBe(records(loaded));
    expect(records(loaded)).toMatch(/"attributedTo":\{[^}]*\},"hedge"/);
    expect(records(loaded)).toMatch(/"inferred":true,"relative":null,"note":"[^"]+"/);
    expect(records(loaded)).toMatch(/"inferred":false,"relative":"[^"]+"/);
  });

  test('a date quoting its record’s own words shares the record’s citation, as the loader gives it', async () => {
    const [data, cache] = [await copyOf(SHIPPED), await tempDir()];
    await (await loadGraphDataWithSnapshot(data, cache)).saveSnapshot();
    const restored = (await loadGraphDataWithSnapshot(data, cache)).knowledgeGraph;
    const loaded = await loadGraphData(data);
    /** For each date's citation: whether it is one of its record's own citations (the same object). */
    const sharing = (knowledge: KnowledgeGraph) =>
      knowledge.graph.mapEdges((_id, relation) =>
        (relation.time ?? []).map((time) => time.citations.map((citation) => relation.citations.includes(citation))),
      );
    expect(sharing(restored)).toEqual(sharing(loaded));
    expect(sharing(loaded).flat(2)).toContain(true);
    expect(sharing(loaded).flat(2)).toContain(false);
  });

  test('the snapshot keeps the data version of the load it copies, so a restart need not hash the graph', async () => {
    const [data, cache] = [await copyOf(SHIPPED), await tempDir()];
    const first = await loadGraphDataWithSnapshot(data, cache);
    await first.saveSnapshot();
    expect(first.dataVersion).toBe(dataVersion(first.knowledgeGraph));
    const second = await loadGraphDataWithSnapshot(data, cache);
    expect(second.snapshot).toBe('read');
    expect(second.dataVersion).toBe(first.dataVersion);
    expect(dataVersion(second.knowledgeGraph)).toBe(first.dataVersion);
  });

  test('the snapshot keeps what the server derived from the load, and gives it back on a restart only', async () => {
    const [data, cache] = [await copyOf(MINIMAL), await tempDir()];
    const first = await loadGraphDataWithSnapshot(data, cache);
    expect(first.derived).toBeUndefined();
    const derived = { format: 'test/1', positions: Int32Array.of(3, 1, 2), keys: ['a', 'b'] };
    expect(await first.saveSnapshot(derived)).toBe('written');
    const second = await loadGraphDataWithSnapshot(data, cache);
    expect(second.snapshot).toBe('read');
    expect(second.derived).toEqual(derived);
  });

  test('an edited entity invalidates the snapshot: the next load is a full one, with the edit', async () => {
    const [data, cache] = [await copyOf(MINIMAL), await tempDir()];
    await (await loadGraphDataWithSnapshot(data, cache)).saveSnapshot();
    const path = join(data, 'entities.yaml');
    await writeFile(
      path,
      (await readFile(path, 'utf8')).replace('description: A small test group.', 'description: A revised group.'),
    );
    const after = await loadGraphDataWithSnapshot(data, cache);
    expect(after.snapshot).toBe('loaded');
    expect(after.knowledgeGraph.graph.getNodeAttribute('alpha-group', 'description')).toBe('A revised group.');
    expect(after.dataVersion).toBe(dataVersion(after.knowledgeGraph));
    await after.saveSnapshot();
    expect((await loadGraphDataWithSnapshot(data, cache)).snapshot).toBe('read');
  });

  test('an edited source text invalidates it too: the full load refuses the text until its sha256 is updated', async () => {
    const [data, cache] = [await copyOf(MINIMAL), await tempDir()];
    await (await loadGraphDataWithSnapshot(data, cache)).saveSnapshot();
    const textPath = join(data, 'sources', 'alpha.txt');
    const original = await readFile(textPath, 'utf8');
    const edited = `${original}\nA sentence added after the snapshot.\n`;
    await writeFile(textPath, edited);
    await expect(loadGraphDataWithSnapshot(data, cache)).rejects.toThrow(/"sources\/alpha\.txt" has changed/);

    const sourcesPath = join(data, 'sources.yaml');
    const digest = (text: string) => createHash('sha256').update(text).digest('hex');
    await writeFile(sourcesPath, (await readFile(sourcesPath, 'utf8')).replace(digest(original), digest(edited)));
    const after = await loadGraphDataWithSnapshot(data, cache);
    expect(after.snapshot).toBe('loaded');
    expect(after.knowledgeGraph.sources.get('alpha-source')?.text).toBe(edited);
    await after.saveSnapshot();
    const restart = await loadGraphDataWithSnapshot(data, cache);
    expect(restart.snapshot).toBe('read');
    expect(contents(restart.knowledgeGraph)).toEqual(contents(after.knowledgeGraph));
  });

  test('a file added to the folder invalidates it too', async () => {
    const [data, cache] = [await copyOf(MINIMAL), await tempDir()];
    await (await loadGraphDataWithSnapshot(data, cache)).saveSnapshot();
    await writeFile(join(data, 'dataset.yaml'), 'title: Minimal fixture\n');
    const after = await loadGraphDataWithSnapshot(data, cache);
    expect(after.snapshot).toBe('loaded');
    expect(after.knowledgeGraph.dataset?.title).toBe('Minimal fixture');
  });

  test('a change that breaks the data fails the load: the old snapshot is never served', async () => {
    const [data, cache] = [await copyOf(MINIMAL), await tempDir()];
    await (await loadGraphDataWithSnapshot(data, cache)).saveSnapshot();
    const path = join(data, 'relations.yaml');
    await writeFile(path, (await readFile(path, 'utf8')).replace('object: delta-front', 'object: delta-frnt'));
    await expect(loadGraphDataWithSnapshot(data, cache)).rejects.toThrow(GraphDataError);
  });

  test('a damaged snapshot is ignored and replaced by a full load', async () => {
    const [data, cache] = [await copyOf(MINIMAL), await tempDir()];
    await (await loadGraphDataWithSnapshot(data, cache)).saveSnapshot();
    const [file] = (await readdir(cache)).filter((name) => name.endsWith('.snapshot'));
    const bytes = await readFile(join(cache, file!));
    await writeFile(join(cache, file!), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const after = await loadGraphDataWithSnapshot(data, cache);
    expect(after.snapshot).toBe('loaded');
    expect(after.knowledgeGraph.graph.order).toBe(4);
    expect((await readdir(cache)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('a full load writes its snapshot only when asked, once, and a write left unfinished is cleared', async () => {
    const [data, cache] = [await copyOf(MINIMAL), await tempDir()];
    const load = await loadGraphDataWithSnapshot(data, cache);
    expect(await readdir(cache)).toEqual([]);
    const [once, twice] = await Promise.all([load.saveSnapshot(), load.saveSnapshot()]);
    expect([once, twice]).toEqual(['written', 'written']);
    const [file] = await readdir(cache);
    // What a server stopped in the middle of writing leaves behind.
    await rm(join(cache, file!));
    await writeFile(join(cache, `${file}.0a1b2c3d4e5f.tmp`), 'half a snapshot');
    const again = await loadGraphDataWithSnapshot(data, cache);
    expect(again.snapshot).toBe('loaded');
    expect(await again.saveSnapshot()).toBe('written');
    expect(await readdir(cache)).toEqual([file]);
    expect((await loadGraphDataWithSnapshot(data, cache)).snapshot).toBe('read');
  });
});

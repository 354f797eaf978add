import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEFAULT_DATASET } from '../../server/data/dataset';
import { GraphDataError, type DataProblem } from '../../server/data/errors';
import { loadGraphData } from '../../server/data/load-graph-data';

const MINIMAL = join(import.meta.dirname, 'fixtures', 'minimal');
const tempDirs: string[] = [];
async function minimalWithDataset(content: string | null): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dataset-'));
  tempDirs.push(dir);
  await cp(MINIMAL, dir, { recursive: true });
  if (content !== null) await writeFile(join(dir, 'dataset.yaml'), content);
  return dir;
}
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function problemsOf(dir: string): Promise<DataProblem[]> {
  try {
    await loadGraphData(dir);
  } catch (error) {
    if (error instanceof GraphDataError) return error.problems;
    throw error;
  }
  throw new Error('loaded without an error');
}

describe('dataset.yaml: the graph names itself', () => {
  test('the shipped graph-data has a title and a description', async () => {
    const { dataset } = await loadGraphData();
    expect(dataset?.title).toBeTruthy();
    expect(dataset?.description).toBeTruthy();
  });

  test('title and description are read from the file', async () => {
    const dir = await minimalWithDataset('title: Rivers and fronts\ndescription: A tiny test graph.\n');
    expect((await loadGraphData(dir)).dataset).toEqual({
      title: 'Rivers and fronts',
      description: 'A tiny test graph.',
    });
  });

  test('without the file the dataset has the neutral default title', async () => {
    expect((await loadGraphData(await minimalWithDataset(null))).dataset).toEqual(DEFAULT_DATASET);
  });

  test('a missing title or an unknown field is named with its file, field and line', async () => {
    expect(await problemsOf(await minimalWithDataset('description: no title here\n'))).toEqual([
      expect.objectContaining({ file: 'dataset.yaml', field: 'title', message: expect.stringMatching(/required/) }),
    ]);
    expect(await problemsOf(await minimalWithDataset('title: A\n\ntitel: B\n'))).toEqual([
      expect.objectContaining({
        file: 'dataset.yaml',
        line: 1,
        message: expect.stringMatching(/unknown field.*titel/),
      }),
    ]);
  });
});

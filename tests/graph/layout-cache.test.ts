import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadGraphData } from '../../server/data/load-graph-data';
import { buildGraphIndex } from '../../server/graph/indexes';
import { cachedLayout, keepLayoutsIn, type PositionRecord } from '../../server/graph/layout-cache';
import { overview } from '../../server/graph/overview';
import { overviewPositions } from '../../server/graph/overview-layout';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layout-cache-'));
  keepLayoutsIn(dir);
});
afterEach(async () => {
  keepLayoutsIn(null);
  await rm(dir, { recursive: true, force: true });
});

const ids = ['a', 'b'];
const laidOut: PositionRecord[] = [
  { id: 'a', x: 1, y: 2 },
  { id: 'b', x: -3, y: 4.5 },
];

/** A layout computation that counts its calls. */
function counting(result: PositionRecord[] = laidOut) {
  const compute = async () => {
    compute.calls++;
    return result;
  };
  compute.calls = 0;
  return compute;
}

test('a layout is computed once and read back from disk for the same input; another input is computed anew', async () => {
  const compute = counting();
  expect(await cachedLayout({ nodes: ids, v: 1 }, ids, compute)).toEqual(laidOut);
  expect(await cachedLayout({ nodes: ids, v: 1 }, ids, compute)).toEqual(laidOut);
  expect(compute.calls).toBe(1);
  expect((await readdir(dir)).filter((file) => file.endsWith('.layout.json'))).toHaveLength(1);

  await cachedLayout({ nodes: ids, v: 2 }, ids, compute);
  expect(compute.calls).toBe(2);
  expect(await readdir(dir)).toHaveLength(2);
});

test('a kept file that does not place every entity, or is no JSON, is laid out anew and replaced', async () => {
  const compute = counting();
  await cachedLayout({ n: 1 }, ids, compute);
  const [file] = await readdir(dir);
  for (const broken of [
    'not json',
    JSON.stringify([{ id: 'a', x: 1, y: 2 }]),
    JSON.stringify([{ id: 'a', x: 1, y: null }, laidOut[1]]),
  ]) {
    await writeFile(join(dir, file!), broken);
    expect(await cachedLayout({ n: 1 }, ids, compute)).toEqual(laidOut);
  }
  expect(compute.calls).toBe(4);
  expect(await cachedLayout({ n: 1 }, ids, compute)).toEqual(laidOut);
  expect(compute.calls).toBe(4);
});

test('with no folder named, every layout is computed and nothing is written', async () => {
  keepLayoutsIn(null);
  const compute = counting();
  await cachedLayout({ n: 1 }, ids, compute);
  await cachedLayout({ n: 1 }, ids, compute);
  expect(compute.calls).toBe(2);
  expect(await readdir(dir)).toHaveLength(0);
});

test("a restarted server's overview (a new index of the same data) gets the positions laid out before, from disk", async () => {
  const knowledgeGraph = await loadGraphData();
  const first = buildGraphIndex(knowledgeGraph);
  const laid = await overviewPositions(first, overview(first, 500, 2000));
  expect(laid.length).toBeGreaterThan(50);
  expect(await readdir(dir)).toHaveLength(1);

  const second = buildGraphIndex(knowledgeGraph);
  const read = await overviewPositions(second, overview(second, 500, 2000));
  expect(read).toEqual(laid);
  expect(await readdir(dir)).toHaveLength(1);
});

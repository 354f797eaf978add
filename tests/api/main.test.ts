import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.join(import.meta.dirname, '..', '..');
const run = promisify(execFile);
const startMain = (env: Record<string, string>) =>
  run('npx', ['tsx', 'server/main.ts'], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 30_000 });

describe('npm start refuses to serve what it cannot', () => {
  let badData: string;

  beforeAll(async () => {
    badData = await mkdtemp(path.join(tmpdir(), 'graph-data-bad-'));
    await cp(path.join(ROOT, 'tests', 'data', 'fixtures', 'minimal'), badData, { recursive: true });
    const relations = path.join(badData, 'relations.yaml');
    await writeFile(relations, (await readFile(relations, 'utf8')).replace('type: enemy_of', 'type: foe_of'));
  });
  afterAll(() => rm(badData, { recursive: true, force: true }));

  test('bad graph-data: exits 1 naming the file, record and field, and never listens', async () => {
    await expect(startMain({ GRAPH_DATA_DIR: badData, PORT: '0' })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'relations.yaml:13, record 2 (id "alpha-group--enemy_of--delta-front"), field "type"',
      ),
    });
  }, 40_000);

  test('a port in use: exits 1 saying so', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      await expect(startMain({ PORT: String(port), HOST: '127.0.0.1' })).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining(`Cannot listen on 127.0.0.1:${port}: the port is already in use`),
      });
    } finally {
      blocker.close();
    }
  }, 40_000);

  test('a PORT that is not a port number: exits 1 naming it', async () => {
    await expect(startMain({ PORT: 'http' })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('PORT must be a port number from 0 to 65535; it was "http"'),
    });
  }, 40_000);
});

import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.join(import.meta.dirname, '..', '..');
const MINIMAL = path.join(ROOT, 'tests', 'data', 'fixtures', 'minimal');
const LAST_LINE = /Search indexes built/;

/** Runs `server/main.ts` until it says its search indexes are built, then stops it; its output. */
function serveUntilSearchable(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    // Node itself, not npx: the signal that stops it must reach the server, not a wrapper.
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no "Search indexes built" within 30 s:\n${output}`));
    }, 30_000);
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      if (LAST_LINE.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.once('exit', () => {
      clearTimeout(timer);
      if (LAST_LINE.test(output)) resolve(output);
      else reject(new Error(`the server exited early:\n${output}`));
    });
  });
}

describe('npm start writes the snapshot of a full load once it answers, and reads it at the next start', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'main-snapshot-'));
    await cp(MINIMAL, path.join(dir, 'graph-data'), { recursive: true });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('cold: loaded in full, then listening, then the snapshot written, then the search indexes; then from it', async () => {
    const env = { GRAPH_DATA_DIR: path.join(dir, 'graph-data'), GRAPH_DATA_SNAPSHOT_DIR: path.join(dir, 'snapshots') };
    const cold = await serveUntilSearchable(env);
    const order = [/loaded in full/, /explorer at/, /Snapshot of graph-data written/, LAST_LINE].map((line) =>
      cold.search(line),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect((await readdir(env.GRAPH_DATA_SNAPSHOT_DIR)).filter((name) => name.endsWith('.snapshot'))).toHaveLength(1);

    const restart = await serveUntilSearchable(env);
    expect(restart).toMatch(/graph-data loaded from its snapshot/);
    expect(restart).not.toMatch(/Snapshot of graph-data written/);
  }, 70_000);
});

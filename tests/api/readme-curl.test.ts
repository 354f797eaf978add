import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { startTestServer, type TestServer } from './test-server';

// The README's curl lines are a new user's first API call: each must get data, as written.
const readme = await readFile(path.join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
const commands = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
  .flatMap((match) => match[1]!.replace(/\\\n\s*/g, '').split('\n'))
  .filter((line) => line.startsWith('curl '));
const run = promisify(execFile);

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

describe('the README curl examples', () => {
  test('there are some, all against the default address', () => {
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const command of commands) expect(command).toContain('http://localhost:4000/graphql');
  });

  test.each(commands)('%s answers data without errors', async (command) => {
    const local = command.replace('http://localhost:4000', api.server.url);
    const { stdout } = await run('sh', ['-c', local], { timeout: 10_000 });
    const body = JSON.parse(stdout) as { data?: Record<string, unknown>; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(Object.values(body.data ?? {})[0]).toBeTruthy();
  });
});

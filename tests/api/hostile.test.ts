/**
 * A few thousand generated hostile requests (fixed seed) against one server: every answer
 * must be a client error with a code or a success, and the server must serve on. `npm run
 * fuzz` sends more of them, and measures memory and health latency.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { hostileRequests, paddedDocuments } from '../hostile/requests';
import { type Problem, sendRequests } from '../hostile/send';
import { type TestServer, startTestServer } from './test-server';

const SEED = 20261201;
const COUNT = 3000;

/** One example of each kind of problem, to read the failure. */
function summarise(problems: Problem[]): Problem[] {
  const byKind = new Map<string, Problem>();
  for (const problem of problems) byKind.set(`${problem.kind}: ${problem.problem}`, problem);
  return [...byKind.values()];
}

let api: TestServer;
beforeAll(async () => {
  const staticDir = await mkdtemp(path.join(tmpdir(), 'kg-client-'));
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Explorer</title>');
  api = await startTestServer({ staticDir });
});
afterAll(() => api.close());

describe('hostile traffic', () => {
  it(`${COUNT} generated hostile requests: no 5xx, no INTERNAL_SERVER_ERROR, no reset or hang, every error with a code, no schema hint`, async () => {
    const report = await sendRequests(api.server.url, hostileRequests(SEED, COUNT), { concurrency: 10 });
    expect(report.sent).toBe(COUNT);
    expect(summarise(report.problems)).toEqual([]);
    // The generator reaches the limits it means to: refusals of several kinds, and successes.
    expect(Object.keys(report.byCode)).toEqual(
      expect.arrayContaining([
        'BAD_USER_INPUT',
        'BAD_REQUEST',
        'GRAPHQL_PARSE_FAILED',
        'GRAPHQL_VALIDATION_FAILED',
        'QUERY_TOO_COMPLEX',
        'DOCUMENT_TOO_LARGE',
        'PERSISTED_QUERY_INVALID',
      ]),
    );
    expect(report.byStatus['200']).toBeGreaterThan(0);
  }, 90_000);

  it('distinct padded documents are answered, and the server serves on', async () => {
    const report = await sendRequests(api.server.url, paddedDocuments(SEED, 1000), { concurrency: 10 });
    expect(summarise(report.problems)).toEqual([]);
    expect(report.byStatus['200']).toBe(1000);
  }, 60_000);

  it('the server is healthy after them', async () => {
    const health = await fetch(`${api.server.url}/healthz`);
    expect(health.status).toBe(200);
    const { data } = await api.query('{ search(text: "khorasan") { id } }');
    expect(data.search.map((entity: { id: string }) => entity.id)).toContain('isis-k');
  });
});

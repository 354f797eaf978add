import { request } from 'node:http';

import { type ServerProcess, startServerProcess } from '../support/server-process';

/** A POST whose body is sent in two halves, the second when `sendRest` is called. */
function slowPost(url: string, body: string) {
  const half = Math.floor(body.length / 2);
  let sendRest = () => {};
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      `${url}/graphql`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, half));
    sendRest = () => req.end(body.slice(half));
  });
  return { response, sendRest: () => sendRest() };
}

describe('graceful shutdown', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  }, 40_000);
  afterAll(() => server.stop());

  test('SIGTERM lets the request in flight finish, refuses new ones, then exits 0', async () => {
    const inFlight = slowPost(server.url, JSON.stringify({ query: '{ stats { entityCount } }' }));
    // The request has started: its headers and half its body are on the server.
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    inFlight.sendRest();
    const { status, body } = await inFlight.response;
    expect(status).toBe(200);
    expect(JSON.parse(body).data.stats.entityCount).toBeGreaterThan(0);
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/SIGTERM: finishing the requests in flight/);
  }, 40_000);
});

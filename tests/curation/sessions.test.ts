import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

import express from 'express';

import { createCuratorSessions, CURATOR_PATH, SESSION_IDLE_MS, SIGN_IN_LIMIT } from '../../server/api/curator-session';

const TOKEN = 'a-curator-token-for-tests-only';
let clock = 0;
let server: Server;
let port: number;

beforeEach(async () => {
  clock = 1_000_000;
  const sessions = createCuratorSessions(TOKEN, { now: () => clock });
  const app = express();
  app.use(
    CURATOR_PATH,
    sessions.router(() => null),
  );
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  port = (server.address() as AddressInfo).port;
});
afterEach(() => new Promise((resolve) => server.close(resolve)));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answer's shape is what the test checks
type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: any };

/** One request to the session route from `from` (any loopback address: each is a client of its own). */
function call(
  method: 'GET' | 'POST',
  body: unknown,
  { from = '127.0.0.1', cookie }: { from?: string; cookie?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = body === undefined ? '' : JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `${CURATOR_PATH}/session`,
        method,
        localAddress: from,
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(sent);
  });
}

test('sign-in is rate limited per client address with 429 SIGN_IN_RATE_LIMITED, even for the right token, until the window passes', async () => {
  for (let attempt = 0; attempt < SIGN_IN_LIMIT.attempts; attempt++) {
    expect((await call('POST', { token: 'guess', name: 'Mallory' })).status).toBe(401);
  }
  const limited = await call('POST', { token: TOKEN, name: 'Mallory' });
  expect(limited.status).toBe(429);
  expect(limited.body.errors[0].extensions.code).toBe('SIGN_IN_RATE_LIMITED');
  expect(limited.body.errors[0].message).toBe(
    `Too many sign-in attempts from this address (more than ${SIGN_IN_LIMIT.attempts} in ${SIGN_IN_LIMIT.windowMs / 1000} seconds): try again in ${SIGN_IN_LIMIT.windowMs / 1000} seconds.`,
  );
  expect(limited.headers['retry-after']).toBe(String(SIGN_IN_LIMIT.windowMs / 1000));
  expect(limited.headers['set-cookie']).toBeUndefined();

  // Another address is counted apart.
  expect((await call('POST', { token: TOKEN, name: 'Ada' }, { from: '127.0.0.2' })).status).toBe(200);

  clock += SIGN_IN_LIMIT.windowMs;
  expect((await call('POST', { token: TOKEN, name: 'Ada' })).status).toBe(200);
});

test('a session ends after an idle time without requests, and lasts while it is used', async () => {
  const signedIn = await call('POST', { token: TOKEN, name: 'Ada' });
  const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
  for (let step = 0; step < 3; step++) {
    clock += SESSION_IDLE_MS - 1000;
    expect((await call('GET', undefined, { cookie })).body.curator).toBe('Ada');
  }
  clock += SESSION_IDLE_MS + 1;
  expect((await call('GET', undefined, { cookie })).body).toEqual({ enabled: true, curator: null, csrfToken: null });
});

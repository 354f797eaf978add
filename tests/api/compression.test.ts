/**
 * Answers travel compressed when the client takes it: the GraphQL fast path's answers (cached
 * ones included), the explorer's page and the built assets, in brotli or gzip as the request's
 * Accept-Encoding allows; small answers, and requests that name no encoding, get the bytes as
 * they are. Every answer that may be compressed says `Vary: Accept-Encoding`. Requests are
 * made with node:http, which (unlike fetch) shows the bytes as sent.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';

import { COMPRESSION_THRESHOLD_BYTES } from '../../server/api/compressed-answers';
import { type TestServer, startTestServer } from './test-server';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function raw(
  url: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

/** The body as it was before the encoding its headers name. */
function decoded(answer: RawAnswer): string {
  const encoding = answer.headers['content-encoding'];
  const bytes =
    encoding === 'br' ? brotliDecompressSync(answer.body) : encoding === 'gzip' ? gunzipSync(answer.body) : answer.body;
  return bytes.toString('utf8');
}

const varies = (answer: RawAnswer) => /accept-encoding/i.test(String(answer.headers.vary ?? ''));

// A built client of the test's own: a page and two assets each well over the threshold, one
// with the compressed copies the build writes beside it (client/vite.config.ts), one without.
const PAGE = `<!doctype html><html><head><title>Test</title></head><body><div id="root"></div>${'<p>graph</p>'.repeat(300)}</body></html>`;
const ASSET = `export const names = ${JSON.stringify(Array.from({ length: 400 }, (_, index) => `entity ${index}`))};\n`;
const BUILT_ASSET = `export const kinds = ${JSON.stringify(Array.from({ length: 400 }, (_, index) => `kind ${index}`))};\n`;
const BUILT_COPIES = { br: brotliCompressSync(BUILT_ASSET), gzip: gzipSync(BUILT_ASSET, { level: 9 }) };

let api: TestServer;

beforeAll(async () => {
  const staticDir = await mkdtemp(path.join(tmpdir(), 'kg-compression-'));
  await mkdir(path.join(staticDir, 'assets'));
  await writeFile(path.join(staticDir, 'index.html'), PAGE);
  await writeFile(path.join(staticDir, 'assets', 'app.js'), ASSET);
  await writeFile(path.join(staticDir, 'assets', 'built.js'), BUILT_ASSET);
  await writeFile(path.join(staticDir, 'assets', 'built.js.br'), BUILT_COPIES.br);
  await writeFile(path.join(staticDir, 'assets', 'built.js.gz'), BUILT_COPIES.gzip);
  api = await startTestServer({ staticDir });
});

afterAll(() => api?.close());

const LARGE_QUERY = JSON.stringify({ query: '{ entities(first: 100) { edges { node { id name type aliases } } } }' });

const postGraphQL = (body: string, encoding?: string) =>
  raw(api.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(encoding ? { 'accept-encoding': encoding } : {}) },
    body,
  });

describe('compressed answers', () => {
  it('sends a large GraphQL answer in the encoding asked for, the same answer each time it is asked', async () => {
    const plain = await postGraphQL(LARGE_QUERY);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);
    expect(varies(plain)).toBe(true);
    const text = plain.body.toString('utf8');
    expect(JSON.parse(text).data.entities.edges).toHaveLength(100);

    for (const [asked, sent] of [
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['gzip, deflate, br', 'gzip'],
      ['br;q=1, gzip;q=0.5', 'br'],
    ] as const) {
      // Twice: the second answer comes from the response cache, compressed once and kept.
      for (let turn = 0; turn < 2; turn++) {
        const answer = await postGraphQL(LARGE_QUERY, asked);
        expect({ asked, encoding: answer.headers['content-encoding'] }).toEqual({ asked, encoding: sent });
        expect(answer.body.length).toBeLessThan(plain.body.length / 2);
        expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
        expect(varies(answer)).toBe(true);
        expect(decoded(answer)).toBe(text);
      }
    }
  });

  it('sends small answers, and answers to clients that take no encoding we offer, as they are', async () => {
    const small = await postGraphQL(JSON.stringify({ query: '{ stats { entityCount } }' }), 'gzip, br');
    expect(small.body.length).toBeLessThan(COMPRESSION_THRESHOLD_BYTES);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString('utf8')).data.stats.entityCount).toBeGreaterThan(0);

    for (const asked of ['identity', 'deflate', 'zstd']) {
      const answer = await postGraphQL(LARGE_QUERY, asked);
      expect({ asked, encoding: answer.headers['content-encoding'] }).toEqual({ asked, encoding: undefined });
      expect(JSON.parse(answer.body.toString('utf8')).data.entities.edges).toHaveLength(100);
    }
  });

  it('compresses what goes through Express too: a GraphQL GET, the page and the assets', async () => {
    const get = await raw(
      `${api.graphqlUrl}?query=${encodeURIComponent('{ entities(first: 100) { edges { node { id name } } } }')}`,
      {
        headers: { 'accept-encoding': 'gzip', 'apollo-require-preflight': 'true' },
      },
    );
    expect(get.status).toBe(200);
    expect(get.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decoded(get)).data.entities.edges).toHaveLength(100);

    for (const [where, expected] of [
      ['/', PAGE],
      ['/table', PAGE],
      ['/assets/app.js', ASSET],
    ] as const) {
      const plain = await raw(`${api.server.url}${where}`);
      expect({ where, encoding: plain.headers['content-encoding'] }).toEqual({ where, encoding: undefined });
      expect(plain.body.toString('utf8')).toBe(expected);
      for (const encoding of ['br', 'gzip']) {
        const answer = await raw(`${api.server.url}${where}`, { headers: { 'accept-encoding': encoding } });
        expect({ where, encoding: answer.headers['content-encoding'] }).toEqual({ where, encoding });
        expect(varies(answer)).toBe(true);
        expect(answer.body.length).toBeLessThan(expected.length / 2);
        expect(decoded(answer)).toBe(expected);
      }
    }
  });

  it('sends the copies the build compressed as they are, and the code as immutable', async () => {
    const url = `${api.server.url}/assets/built.js`;
    for (const [asked, encoding] of [
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['gzip, deflate, br, zstd', 'br'],
    ] as const) {
      const answer = await raw(url, { headers: { 'accept-encoding': asked } });
      expect({ asked, encoding: answer.headers['content-encoding'] }).toEqual({ asked, encoding });
      // The very bytes on disk (made at other settings than the server's own), not compressed again.
      expect(answer.body.equals(BUILT_COPIES[encoding])).toBe(true);
      expect(decoded(answer)).toBe(BUILT_ASSET);
      expect(answer.headers['content-type']).toMatch(/javascript/);
      expect(answer.headers['cache-control']).toMatch(/immutable/);
      expect(varies(answer)).toBe(true);
    }
    const plain = await raw(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(BUILT_ASSET);
  });
});

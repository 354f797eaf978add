/**
 * Sending requests and judging the answers
 * ========================================
 *
 * Sends requests over `concurrency` keep-alive connections (raw ones on fresh sockets) and
 * checks every answer against what the server promises a client, whatever it sends:
 * no 5xx, no INTERNAL_SERVER_ERROR, no reset connection, no hang, every GraphQL error with a
 * code, and no schema hint ("Did you mean …?") or stack trace.
 */
import { Agent, request } from 'node:http';
import { connect } from 'node:net';

import type { HostileRequest } from './requests';

export interface Problem {
  kind: string;
  problem: string;
  /** The start of the request, to replay it. */
  request: string;
}

export interface SendReport {
  sent: number;
  byStatus: Record<string, number>;
  byCode: Record<string, number>;
  problems: Problem[];
  /** Milliseconds per request, in the order they finished. */
  latencies: number[];
  /** The slowest requests, slowest first. */
  slowest: { kind: string; ms: number; request: string }[];
  durationMs: number;
}

export interface SendOptions {
  concurrency: number;
  /** A request without an answer in this time is a hang. */
  timeoutMs?: number;
}

interface Answer {
  method?: string;
  status: number;
  contentType: string;
  body: string;
}

const SCHEMA_HINT = /Did you mean/;
/** How many of the slowest requests a report keeps. */
const SLOWEST = 5;
/** A stack frame or a local path: what an answer in production must not show. */
const INTERNALS = /\bat .+\(.+:\d+:\d+\)|\/work\/|node_modules|stacktrace/;

function describe(hostile: HostileRequest): string {
  const text = `${hostile.method} ${hostile.path.slice(0, 100)} ${(hostile.raw ?? hostile.body ?? '').slice(0, 200)}`;
  return text.replace(/\r?\n/g, '\\n');
}

/** What is wrong with an answer; empty when nothing is. */
export function judge(answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  if (SCHEMA_HINT.test(answer.body)) problems.push('schema hint');
  if (INTERNALS.test(answer.body)) problems.push('stack trace or local path');
  // A HEAD answer has the headers of a GET and no body.
  if (!answer.contentType.includes('json') || answer.method === 'HEAD') return problems;
  let parsed: { errors?: { message?: string; extensions?: { code?: string } }[] };
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    problems.push('a JSON content type with a body that is not JSON');
    return problems;
  }
  for (const error of parsed.errors ?? []) {
    const code = error.extensions?.code;
    if (!code) problems.push(`an error without a code: ${error.message}`);
    else if (code === 'INTERNAL_SERVER_ERROR') problems.push(`INTERNAL_SERVER_ERROR: ${error.message}`);
  }
  return problems;
}

function codesOf(answer: Answer): string[] {
  if (!answer.contentType.includes('json')) return [];
  try {
    const parsed = JSON.parse(answer.body) as { errors?: { extensions?: { code?: string } }[] };
    return [...new Set((parsed.errors ?? []).map((error) => error.extensions?.code ?? '(none)'))];
  } catch {
    return [];
  }
}

function sendHttp(agent: Agent, baseUrl: string, hostile: HostileRequest, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}${hostile.path}`,
      {
        method: hostile.method,
        // Framed explicitly: Node sends the body of a GET or OPTIONS without a length otherwise.
        headers:
          hostile.body === undefined
            ? hostile.headers
            : { 'content-length': String(Buffer.byteLength(hostile.body)), ...hostile.headers },
        agent,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            method: hostile.method,
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('hang: no answer in time')));
    req.on('error', reject);
    req.end(hostile.body);
  });
}

/** Raw bytes on a new socket; the answer is whatever comes back before the server closes. */
function sendRaw(baseUrl: string, raw: string, timeoutMs: number): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    const finish = () => {
      socket.destroy();
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(received);
      if (status) {
        const contentType = /\r\ncontent-type: ([^\r\n]*)/i.exec(received)?.[1] ?? '';
        resolve({ status: Number(status[1]), contentType, body: received.split('\r\n\r\n').slice(1).join('\r\n\r\n') });
      } else {
        reject(new Error(`no HTTP answer (${received.length} bytes)`));
      }
    };
    socket.setTimeout(timeoutMs, finish);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      // One answer is all a raw request needs; a keep-alive server would otherwise wait.
      const head = received.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: (\d+)/i.exec(received);
      if (head >= 0 && length && received.length >= head + 4 + Number(length[1])) finish();
    });
    socket.on('end', finish);
    socket.on('error', (error) => (received ? finish() : reject(error)));
    socket.write(raw);
  });
}

/** Sends every request and reports the answers. */
export async function sendRequests(
  baseUrl: string,
  requests: Iterable<HostileRequest>,
  { concurrency, timeoutMs = 10_000 }: SendOptions,
): Promise<SendReport> {
  // FIFO: every pooled socket stays in use. The default LIFO leaves some idle past the
  // server's keep-alive timeout, and reusing one the server is closing is a reset of our own.
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency, scheduling: 'fifo' });
  const report: SendReport = {
    sent: 0,
    byStatus: {},
    byCode: {},
    problems: [],
    latencies: [],
    slowest: [],
    durationMs: 0,
  };
  const iterator = requests[Symbol.iterator]();
  const started = performance.now();

  async function worker(): Promise<void> {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      const hostile = next.value;
      const sentAt = performance.now();
      report.sent++;
      try {
        const answer = hostile.raw
          ? await sendRaw(baseUrl, hostile.raw, timeoutMs)
          : await sendHttp(agent, baseUrl, hostile, timeoutMs);
        const ms = performance.now() - sentAt;
        report.latencies.push(ms);
        if (report.slowest.length < SLOWEST || ms > report.slowest[SLOWEST - 1]!.ms) {
          report.slowest.push({ kind: hostile.kind, ms, request: describe(hostile) });
          report.slowest.sort((a, b) => b.ms - a.ms).splice(SLOWEST);
        }
        report.byStatus[answer.status] = (report.byStatus[answer.status] ?? 0) + 1;
        for (const code of codesOf(answer)) report.byCode[code] = (report.byCode[code] ?? 0) + 1;
        for (const problem of judge(answer))
          report.problems.push({ kind: hostile.kind, problem, request: describe(hostile) });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const problem = code === 'ECONNRESET' ? 'connection reset' : String((error as Error).message);
        report.byStatus[problem] = (report.byStatus[problem] ?? 0) + 1;
        report.problems.push({ kind: hostile.kind, problem, request: describe(hostile) });
      }
    }
  }

  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  report.durationMs = performance.now() - started;
  return report;
}

/** Probes `/healthz` every `everyMs` until stopped; reports the slowest answer. */
export function probeHealth(
  baseUrl: string,
  everyMs = 50,
): { stop(): Promise<{ probes: number; maxMs: number; failures: number }> } {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let stopped = false;
  let probes = 0;
  let maxMs = 0;
  let failures = 0;
  const loop = (async () => {
    while (!stopped) {
      const sentAt = performance.now();
      try {
        const answer = await sendHttp(
          agent,
          baseUrl,
          { kind: 'health', method: 'GET', path: '/healthz', headers: {} },
          10_000,
        );
        if (answer.status !== 200) failures++;
      } catch {
        failures++;
      }
      probes++;
      maxMs = Math.max(maxMs, performance.now() - sentAt);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      agent.destroy();
      return { probes, maxMs, failures };
    },
  };
}

/** The p-th percentile (0–100) of some numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

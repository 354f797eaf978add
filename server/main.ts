/**
 * `npm run serve` / `npm start`: serve graph-data/ (or GRAPH_DATA_DIR) on PORT (default 4000),
 * HOST (default 127.0.0.1); in curator mode with CURATOR_TOKEN or CURATOR_TOKEN_FILE (see the
 * README, "Curating"). Data that does not load, or a port that cannot be opened, is
 * reported in one line, and the process exits 1.
 *
 * A restart with unchanged data reads a validated snapshot (see data/snapshot.ts) kept in
 * GRAPH_DATA_SNAPSHOT_DIR (default node_modules/.cache/graph-data-snapshots); set it to "off"
 * to load in full every time. After a full load the snapshot is written once the server
 * answers, before the search indexes are built.
 */
// First: the heap policy applies to everything the server allocates, the data included.
import { setHeapGrowth } from './heap-growth';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { recoverWrites } from './curation/curation';
import { GraphDataError } from './data/errors';
import { DEFAULT_GRAPH_DATA_DIR, loadGraphData } from './data/load-graph-data';
import { DEFAULT_SNAPSHOT_DIR, loadGraphDataWithSnapshot } from './data/snapshot';
import { keepLayoutsIn } from './graph/layout-cache';
import { GRAPHQL_PATH } from './api/app';
import { startServer } from './api/server';

/** The curator token from CURATOR_TOKEN or the file CURATOR_TOKEN_FILE names; null for a read-only server. */
function curatorToken(): string | null {
  const file = process.env.CURATOR_TOKEN_FILE;
  const token = file ? readFileSync(file, 'utf8').trim() : (process.env.CURATOR_TOKEN ?? '').trim();
  if (!token) return null;
  if (token.length < 16) {
    console.error('The curator token must be at least 16 characters long (CURATOR_TOKEN or CURATOR_TOKEN_FILE).');
    process.exit(1);
  }
  return token;
}

async function main(): Promise<void> {
  // Until the data is loaded, indexed and snapshotted (heap-growth.ts).
  setHeapGrowth('start-up');
  let knowledgeGraph;
  let version: string | undefined;
  let derived: unknown;
  let saveSnapshot: ((derived: unknown) => Promise<unknown>) | undefined;
  let token;
  const dir = process.env.GRAPH_DATA_DIR || DEFAULT_GRAPH_DATA_DIR;
  const snapshotDir = process.env.GRAPH_DATA_SNAPSHOT_DIR || DEFAULT_SNAPSHOT_DIR;
  try {
    token = curatorToken();
    // A write a crash interrupted is finished (or undone) before the data is read.
    if (token) {
      const recovered = await recoverWrites(dir);
      if (recovered !== 'none') console.log(`An interrupted curation write was ${recovered.replace('-', ' ')}.`);
    }
    const started = performance.now();
    if (snapshotDir === 'off') {
      knowledgeGraph = await loadGraphData(dir);
    } else {
      // The overview's layouts are kept beside the snapshots (graph/layout-cache.ts).
      keepLayoutsIn(join(snapshotDir, 'layouts'));
      const load = await loadGraphDataWithSnapshot(dir, snapshotDir);
      knowledgeGraph = load.knowledgeGraph;
      version = load.dataVersion;
      derived = load.derived;
      const how = load.snapshot === 'read' ? 'from its snapshot' : 'in full';
      console.log(`graph-data loaded ${how} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      if (load.snapshot === 'loaded') {
        saveSnapshot = async (derivedFromLoad) => {
          const writing = performance.now();
          if ((await load.saveSnapshot(derivedFromLoad)) === 'written') {
            console.log(`Snapshot of graph-data written in ${((performance.now() - writing) / 1000).toFixed(1)} s.`);
          }
        };
      }
    }
  } catch (error) {
    console.error(error instanceof GraphDataError ? error.message : error);
    process.exit(1);
  }

  const port = process.env.PORT ? Number(process.env.PORT) : 4000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number from 0 to 65535; it was "${process.env.PORT}".`);
    process.exit(1);
  }
  const corsOrigins = (process.env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  let server;
  try {
    server = await startServer({
      port,
      host: process.env.HOST,
      knowledgeGraph,
      dataVersion: version,
      derived,
      graphDataDir: dir,
      curatorToken: token,
      corsOrigins,
      beforeSearchIndexes: saveSnapshot,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EADDRINUSE' ? 'the port is already in use; set PORT to another one' : String(error);
    console.error(`Cannot listen on ${process.env.HOST ?? '127.0.0.1'}:${port}: ${reason}.`);
    process.exit(1);
  }
  console.log(`Knowledge-graph explorer at ${server.url}/ (API at ${server.url}${GRAPHQL_PATH})`);
  const listening = performance.now();
  void server.searchIndexesBuilt.then(() => {
    console.log(`Search indexes built ${((performance.now() - listening) / 1000).toFixed(1)} s after start-up.`);
    setHeapGrowth('serving');
  });
  if (token) console.log(`Curator mode: signed-in curators may change ${dir}.`);

  // Graceful shutdown: stop accepting connections, let the requests in flight finish (Apollo's
  // drain plugin cuts any still open after 10 s), then exit 0. A second signal exits at once.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting for requests in flight.`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: finishing the requests in flight, then exiting.`);
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();

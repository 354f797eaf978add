/**
 * `npm run serve` / `npm start`: serve graph-data/ (or GRAPH_DATA_DIR) on PORT (default 4000),
 * HOST (default 127.0.0.1). Data that does not load, or a port that cannot be opened, is
 * reported in one line, and the process exits 1.
 */
import { GraphDataError } from './data/errors';
import { loadGraphData } from './data/load-graph-data';
import { GRAPHQL_PATH } from './api/app';
import { startServer } from './api/server';

async function main(): Promise<void> {
  let knowledgeGraph;
  try {
    knowledgeGraph = await loadGraphData(process.env.GRAPH_DATA_DIR || undefined);
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
    server = await startServer({ port, host: process.env.HOST, knowledgeGraph, corsOrigins });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EADDRINUSE' ? 'the port is already in use; set PORT to another one' : String(error);
    console.error(`Cannot listen on ${process.env.HOST ?? '127.0.0.1'}:${port}: ${reason}.`);
    process.exit(1);
  }
  console.log(`Knowledge-graph explorer at ${server.url}/ (API at ${server.url}${GRAPHQL_PATH})`);

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

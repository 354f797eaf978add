/**
 * `npm run serve` / `npm start`: serve graph-data/ on PORT (default 4000), HOST (default
 * 127.0.0.1). Data that does not load is reported, and the process exits 1.
 */
import { GraphDataError } from './data/errors';
import { loadGraphData } from './data/load-graph-data';
import { GRAPHQL_PATH } from './api/app';
import { startServer } from './api/server';

async function main(): Promise<void> {
  let knowledgeGraph;
  try {
    knowledgeGraph = await loadGraphData();
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
  const server = await startServer({ port, host: process.env.HOST, knowledgeGraph, corsOrigins });
  console.log(`Knowledge-graph explorer at ${server.url}/ (API at ${server.url}${GRAPHQL_PATH})`);

  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();

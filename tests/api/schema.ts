import { readFile } from 'node:fs/promises';

import { type GraphQLSchema, buildSchema } from 'graphql';

import { SCHEMA_FILE } from '../../server/api/server';

/** schema.graphql as a GraphQLSchema, to cost queries the way the server does. */
export async function buildSchemaFromFile(): Promise<GraphQLSchema> {
  return buildSchema(await readFile(SCHEMA_FILE, 'utf8'));
}

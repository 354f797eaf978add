/**
 * Argument defaults
 * =================
 *
 * schema.graphql gives the defaults (`first: Int = 50`, `depth: Int = 1` …). GraphQL applies a
 * default only to an omitted argument; an explicit `null` would reach the resolvers and the
 * cost limit as null. Here both mean the default, read from the schema, so the cost limit
 * prices what the resolvers serve.
 */
import type { GraphQLField, GraphQLResolveInfo } from 'graphql';

/** `args` with every omitted or null argument that has a default in the schema set to it. */
export function withSchemaDefaults<A extends object>(field: Pick<GraphQLField<unknown, unknown>, 'args'>, args: A): A {
  let result = args;
  for (const argument of field.args) {
    if (argument.defaultValue === undefined || (args as Record<string, unknown>)[argument.name] != null) continue;
    if (result === args) result = { ...args };
    (result as Record<string, unknown>)[argument.name] = argument.defaultValue;
  }
  return result;
}

/** A resolver's arguments with the schema's defaults in place of nulls. */
export function resolverArguments<A extends object>(info: GraphQLResolveInfo, args: A): A {
  return withSchemaDefaults(info.parentType.getFields()[info.fieldName]!, args);
}

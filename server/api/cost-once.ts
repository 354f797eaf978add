/**
 * The cost of an operation, computed once
 * =======================================
 *
 * Counting an operation's cost walks the whole document with the schema; for the same
 * document the count only changes with the variables that can size a list (`first`, or a list
 * argument whose length multiplies). Apollo hands the same DocumentNode object for the same
 * query text (its document store), so costs are kept per document object and per the values
 * of those variables; an entity id or a search text never changes the cost and is left out of
 * the key, so asking about another entity costs nothing to check.
 */
import { type DocumentNode, Kind, type TypeNode } from 'graphql';

/** Different variable values kept per document: bounds the memory a stream of variables can take. */
const MAX_COSTS_PER_DOCUMENT = 100;

const costs = new WeakMap<DocumentNode, Map<string, number>>();

/** Variables of these types, not in a list, cannot size anything. */
const SIZE_FREE_TYPES = new Set(['ID', 'String', 'Boolean']);

function canSize(type: TypeNode): boolean {
  if (type.kind === Kind.NON_NULL_TYPE) return canSize(type.type);
  return type.kind === Kind.LIST_TYPE || !SIZE_FREE_TYPES.has(type.name.value);
}

/** The key of what the cost can depend on: the operation and its sizing variables' values. */
function costKey(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables?: Record<string, unknown>,
) {
  const sizing: unknown[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (canSize(variable.type)) sizing.push(variables?.[variable.variable.name.value] ?? null);
    }
  }
  return JSON.stringify([operationName ?? null, sizing]);
}

/** `compute()`'s answer for this document, operation and sizing variables, computed the first time only. */
export function costOnce(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  compute: () => number,
): number {
  const key = costKey(document, operationName, variables);
  let byKey = costs.get(document);
  const known = byKey?.get(key);
  if (known !== undefined) return known;
  const cost = compute();
  if (!byKey) costs.set(document, (byKey = new Map()));
  if (byKey.size < MAX_COSTS_PER_DOCUMENT) byKey.set(key, cost);
  return cost;
}

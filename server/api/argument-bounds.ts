/**
 * Argument bounds
 * ===============
 *
 * Every argument of the operation about to run, whether written in the document or passed as a
 * variable, checked before any resolver starts: strings no longer than their maximum, lists no
 * longer than MAX_LIST_LENGTH (a list of vocabulary types: as long as the vocabulary, when that
 * is longer), and no null where the schema wants a value. A search over 10 kB
 * of text would take seconds (MiniSearch's cost grows with the square of the text), and an
 * explicit null for a variable with a default would reach a non-null argument and fail inside
 * graphql-js as an INTERNAL_SERVER_ERROR; both are the client's mistakes and are answered as
 * such: BAD_USER_INPUT naming the argument, with HTTP 400.
 *
 * The walk reads only the operation's own fields and the fragments it uses, so it costs as
 * much as the document, which request-bounds.ts keeps under 10 000 characters.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  type ArgumentNode,
  type DirectiveNode,
  type FieldNode,
  type GraphQLField,
  getArgumentValues,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isListType,
  isNonNullType,
  visit,
  visitWithTypeInfo,
} from 'graphql';

import { MAX_FULL_TEXT_LENGTH } from '../graph/full-text-search';
import type { ApiContext } from './context';
import { ERROR_CODES } from './errors';

/** Longest string arguments, in characters (UTF-16 code units). */
export const MAX_STRING_LENGTHS = {
  /**
   * Search text and text filters: arguments named `text`. The graph layer's bound on a
   * full-text query, which the API applies to every `text` before any resolver starts; the
   * longest name or alias in the graph is well under 100 characters.
   */
  text: MAX_FULL_TEXT_LENGTH,
  /** Every other string: ids (entities, relations, sources, vocabulary types) and cursors. */
  other: 300,
} as const;

/** Most values in one list argument (ids, sources …). */
export const MAX_LIST_LENGTH = 100;

/**
 * Arguments and input fields whose values are vocabulary type ids. A client that filters by
 * type names every type it keeps, which in a dataset with more types than MAX_LIST_LENGTH is
 * more than that; such a list may be as long as the vocabulary (every value must still be a
 * known type, graph/known-values.ts). Checking a type list costs a set lookup per value.
 */
const TYPE_LISTS: ReadonlySet<string> = new Set(['types', 'entityTypes', 'neighborTypes']);

/** The most values a list argument or input field of this name may hold, for a vocabulary of `vocabularySize` types. */
export function maxListLength(name: string, vocabularySize: number): number {
  return TYPE_LISTS.has(name) ? Math.max(MAX_LIST_LENGTH, vocabularySize) : MAX_LIST_LENGTH;
}

/** The maximum length of a string argument or input field of this name. */
export function maxStringLength(name: string): number {
  return name === 'text' ? MAX_STRING_LENGTHS.text : MAX_STRING_LENGTHS.other;
}

function outOfBounds(argument: string, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ERROR_CODES.badUserInput, argument, ...extensions, http: { status: 400 } },
  });
}

/** Checks one coerced value against the bounds of its type, naming `path` (`text`, `filter.types`). */
function checkValue(path: string, name: string, type: GraphQLInputType, value: unknown, vocabularySize: number): void {
  if (value == null) return;
  const nullable = getNullableType(type);
  if (typeof value === 'string') {
    const max = maxStringLength(name);
    if (value.length > max) {
      throw outOfBounds(path, `\`${path}\` is ${value.length} characters long, over the maximum of ${max}.`, {
        maxLength: max,
      });
    }
  } else if (isListType(nullable) && Array.isArray(value)) {
    const max = maxListLength(name, vocabularySize);
    if (value.length > max) {
      throw outOfBounds(path, `\`${path}\` has ${value.length} values, over the maximum of ${max}.`, {
        maxItems: max,
      });
    }
    for (const item of value) checkValue(path, name, nullable.ofType, item, vocabularySize);
  } else if (isInputObjectType(nullable) && typeof value === 'object') {
    const fields = nullable.getFields();
    for (const [key, child] of Object.entries(value)) {
      const field = fields[key];
      if (field) checkValue(`${path}.${key}`, key, field.type, child, vocabularySize);
    }
  }
}

/**
 * A non-null argument fed by a variable the client set to null (`query($id: ID = "x")` with
 * `{"id": null}`): GraphQL lets a variable with a default stand where a value is required,
 * and an explicit null then fails only during execution.
 */
function checkNotNull(
  definitions: readonly GraphQLArgument[],
  nodes: readonly ArgumentNode[] | undefined,
  variables: Record<string, unknown>,
  where: string,
): void {
  for (const definition of definitions) {
    if (!isNonNullType(definition.type)) continue;
    const node = nodes?.find((argument) => argument.name.value === definition.name);
    if (node?.value.kind !== Kind.VARIABLE) continue;
    const variable = node.value.name.value;
    if (variables[variable] === null) {
      throw outOfBounds(
        definition.name,
        `\`${definition.name}\` of ${where} must not be null, and the variable \`$${variable}\` that sets it was null: ` +
          `give it a value, or leave it out to use its default.`,
      );
    }
  }
}

/** A field or directive of the operation that takes arguments, found once per parsed operation. */
interface ArgumentSite {
  node: FieldNode | DirectiveNode;
  definitions: readonly GraphQLArgument[];
  /** The field whose argument values are coerced and bounded; directives are checked for nulls only. */
  field?: GraphQLField<unknown, unknown>;
  /** How messages name it: `Type.field` or `@directive`. */
  where: string;
}

/**
 * Where the operation takes arguments, by schema and operation node. Walking a document with
 * its types costs as much as executing a small query; Apollo hands over the same parsed
 * document for every request that sends the same text, so the walk is done once per document
 * and each request only checks its own variables' values at the sites found.
 */
const sitesBySchema = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, ArgumentSite[]>>();

function argumentSites(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): ArgumentSite[] {
  let byOperation = sitesBySchema.get(schema);
  if (!byOperation) sitesBySchema.set(schema, (byOperation = new WeakMap()));
  const known = byOperation.get(operation);
  if (known) return known;

  const sites: ArgumentSite[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const pending: (OperationDefinitionNode | FragmentDefinitionNode)[] = [operation];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const typeInfo = new TypeInfo(schema);
    visit(
      pending.pop()!,
      visitWithTypeInfo(typeInfo, {
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (fragment && !seen.has(spread.name.value)) {
            seen.add(spread.name.value);
            pending.push(fragment);
          }
        },
        Directive(node) {
          const directive = typeInfo.getDirective();
          if (directive) sites.push({ node, definitions: directive.args, where: `@${directive.name}` });
        },
        Field(node) {
          const field = typeInfo.getFieldDef();
          if (!field || field.args.length === 0) return;
          const where = `\`${typeInfo.getParentType()?.name}.${field.name}\``;
          sites.push({ node, definitions: field.args, field, where });
        },
      }),
    );
  }
  byOperation.set(operation, sites);
  return sites;
}

/**
 * Checks every argument the operation will run with; throws BAD_USER_INPUT on the first out of
 * bounds. `vocabularySize`: the graph's entity or relation types, whichever are more (maxListLength).
 */
export function checkArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown>,
  vocabularySize = 0,
): void {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables, { maxErrors: 1 });
  // Variables that do not fit their types: execution refuses them with BAD_USER_INPUT.
  if (coerced.errors) return;
  const variables = coerced.coerced;

  for (const { node, definitions, field, where } of argumentSites(schema, document, operation)) {
    checkNotNull(definitions, node.arguments, variables, where);
    if (!field) continue;
    let values: Record<string, unknown>;
    try {
      values = getArgumentValues(field, node as FieldNode, variables);
    } catch (error) {
      // Validation and the null check above leave nothing known to fail here; should a
      // coercion still fail, it is the client's value, and the message names it.
      const argument = field.args.find((a) => String((error as Error).message).includes(`"${a.name}"`));
      throw outOfBounds(argument?.name ?? field.name, (error as Error).message);
    }
    for (const argument of field.args) {
      checkValue(argument.name, argument.name, argument.type, values[argument.name], vocabularySize);
    }
  }
}

/** Runs checkArguments once the operation is known, before the cost limit and execution. */
export function argumentBoundsPlugin(): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          const { entityTypes, relationTypes } = contextValue.index.knowledgeGraph.vocabulary;
          const vocabularySize = Math.max(entityTypes.size, relationTypes.size);
          if (operation) checkArguments(schema, document, operation, request.variables ?? {}, vocabularySize);
        },
      };
    },
  };
}

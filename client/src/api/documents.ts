/**
 * The generated documents are strings (codegen.ts), and urql takes a string or a parsed
 * document but not the String objects codegen wraps them in: every document passes here on
 * its way to urql, parsed once by urql's own parser, keeping its answer and variable types.
 */
import { gql, type AnyVariables, type TypedDocumentNode } from '@urql/core';

import type { TypedDocumentString } from './generated/graphql';

const parsed = new WeakMap<object, TypedDocumentNode>();

export function parsedDocument<Data, Variables extends AnyVariables>(
  document: TypedDocumentString<Data, Variables>,
): TypedDocumentNode<Data, Variables> {
  let node = parsed.get(document);
  if (!node) parsed.set(document, (node = gql(document.toString())));
  return node as TypedDocumentNode<Data, Variables>;
}

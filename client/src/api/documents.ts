/**
 * The generated documents are strings (codegen.ts) wrapped in String objects, which urql does
 * not take: every document passes here on its way to urql, as the plain string, keeping its
 * answer and variable types. urql parses a string once and keys it by its text; its `gql`
 * would print each fragment and then the whole document again, three prints per document.
 */
import type { AnyVariables, TypedDocumentNode } from '@urql/core';

import type { TypedDocumentString } from './generated/graphql';

export function apiDocument<Data, Variables extends AnyVariables>(
  document: TypedDocumentString<Data, Variables>,
): TypedDocumentNode<Data, Variables> {
  // A string where urql reads a document: its types only carry Data and Variables to the hooks.
  return document.toString() as unknown as TypedDocumentNode<Data, Variables>;
}

/**
 * What a paused query hook gives urql instead of its own document. urql keys (parses and
 * prints) the document of every query hook when it mounts, paused or not, and the explorer
 * mounts several paused ones (focus, paths, search) before its first frame; a paused hook's
 * answer is never read, so one short document serves them all until they run.
 */
const PAUSED = 'query Paused { __typename }';

export function hookDocument<Data, Variables extends AnyVariables>(
  document: TypedDocumentString<Data, Variables>,
  pause: boolean,
): TypedDocumentNode<Data, Variables> {
  return pause ? (PAUSED as unknown as TypedDocumentNode<Data, Variables>) : apiDocument(document);
}

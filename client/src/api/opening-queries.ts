/**
 * The requests the explorer opens with, as GraphQL POST bodies: load-graph.ts asks them
 * first, and the built page names them (client/vite.config.ts), so that the server can send
 * the page with their answers (server/api/opening-answers.ts, embedded-answers.ts).
 */
import { OpeningRelationsDocument, OpeningViewDocument, SourcesPageDocument } from './generated/graphql';

/** A source's short record costs a handful: the API's largest page. */
export const SOURCE_PAGE_SIZE = 500;

/** The body a request is known by, here and in the page. */
export const requestBody = (query: { toString(): string }, variables: unknown): string =>
  JSON.stringify({ query: query.toString(), variables: variables ?? {} });

export const OPENING_REQUESTS: readonly string[] = [
  requestBody(OpeningViewDocument, {}),
  requestBody(OpeningRelationsDocument, {}),
  requestBody(SourcesPageDocument, { first: SOURCE_PAGE_SIZE, after: null }),
];

/**
 * The explorer page, carrying the answers to its opening requests
 * ===============================================================
 *
 * The built page names the requests the explorer opens with (client/vite.config.ts writes
 * them into index.html as `<script type="application/json" id="opening-requests">`, a list of
 * GraphQL POST bodies). When the response cache holds a complete answer to each, the page is
 * sent with them (`id="opening-answers"`, in the same order), and the explorer draws without
 * waiting for a round trip (client/src/api/embedded-answers.ts). When it does not, the page
 * goes out as built, and the answers are made in the background for the next page: the
 * page never waits for the graph (at a million relations the overview's layout may still be
 * under way).
 *
 * The answers are those any client would get for the same bodies, made under the same
 * checks and dropped with the cache when the data changes.
 */
import type { IncomingMessage } from 'node:http';

import { answerIntoCache, ownRequestKey, type GraphQLPostOptions } from './graphql-post';

const REQUESTS = /<script type="application\/json" id="opening-requests">([^<]*)<\/script>/;

/** The POST bodies a built page names, or none when it names none (or not readably). */
export function openingRequestsOf(page: string): string[] {
  const found = REQUESTS.exec(page);
  if (!found) return [];
  try {
    const bodies: unknown = JSON.parse(found[1]!);
    return Array.isArray(bodies) && bodies.every((body) => typeof body === 'string') ? bodies : [];
  } catch {
    return [];
  }
}

/**
 * The element carrying the answers (JSON texts, in the requests' order). `<` only ever appears
 * within JSON strings, where `\u003c` reads the same: no answer can close the element.
 */
export function answersElement(answers: readonly string[]): string {
  const list = `[${answers.join(',')}]`.replaceAll('<', '\\u003c');
  return `<script type="application/json" id="opening-answers">${list}</script>`;
}

/** A function giving the page to send for a request: with the opening answers when the cache has them all. */
export function explorerPage(page: string, post: GraphQLPostOptions): (req: IncomingMessage) => string {
  const requests = openingRequestsOf(page);
  const found = REQUESTS.exec(page);
  if (requests.length === 0 || !found) return () => page;
  const insertAt = found.index + found[0].length;
  return (req) => {
    const answers = requests.map((text) => post.cache.get(ownRequestKey(text)));
    if (answers.every((answer) => answer?.status === 200)) {
      const script = answersElement(answers.map((answer) => answer!.body.toString('utf8')));
      return page.slice(0, insertAt) + script + page.slice(insertAt);
    }
    // A curator's page may be answered with what only a curator sees: nothing is made for it.
    if (post.personal(req)) return page;
    for (const text of requests) {
      answerIntoCache(post, text, req).catch((error: unknown) =>
        console.error('Answering the page’s opening requests failed:', error),
      );
    }
    return page;
  };
}

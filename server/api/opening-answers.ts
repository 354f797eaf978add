/**
 * The explorer page, carrying the answers to its opening requests
 * ===============================================================
 *
 * The built page names the requests the explorer opens with (client/vite.config.ts writes
 * them into index.html as `<script type="application/json" id="opening-requests">`, a list of
 * GraphQL POST bodies). When the response cache holds a complete answer to each, the page is
 * sent with them (`id="opening-answers"`, in the same order), and the explorer draws without
 * waiting for a round trip (client/src/api/embedded-answers.ts). The server makes them once it
 * is up and the overview laid out (`prepare`), so the first visitor after a start gets them too.
 * When the cache does not hold them (the data changed, the build did, or a visitor came first),
 * the page goes out as built, and the answers are made in the background for the next page:
 * the page never waits for the graph (at a million relations the overview's layout may still
 * be under way).
 *
 * The answers are those any client would get for the same bodies, made under the same
 * checks and dropped with the cache when the data changes.
 */
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';

import { answerIntoCache, ownRequestKey, type GraphQLPostOptions } from './graphql-post';

const REQUESTS = /<script type="application\/json" id="opening-requests">([^<]*)<\/script>/;

/** The POST bodies a built page names, or none when it names none (or not readably). */
export function openingRequestsOf(page: string): string[] {
  return requestsIn(REQUESTS.exec(page));
}

function requestsIn(found: RegExpExecArray | null): string[] {
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

/** A built page and what it names, read again when the file changes (a rebuild while the server runs). */
interface BuiltPage {
  modified: number;
  text: string;
  requests: string[];
  /** Where the answers go: right after the requests' element. */
  insertAt: number;
}

function readBuiltPage(file: string, known: BuiltPage | null): BuiltPage | null {
  const modified = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  if (modified === undefined) return null;
  if (known?.modified === modified) return known;
  const text = readFileSync(file, 'utf8');
  const found = REQUESTS.exec(text);
  return { modified, text, requests: requestsIn(found), insertAt: found ? found.index + found[0].length : 0 };
}

/** The page to send for a request; `prepare` makes its answers before anyone asks. */
export interface ExplorerPage {
  (req: IncomingMessage): string;
  /**
   * Answers the built page's opening requests into the cache, as a visitor without a curator
   * session would ask them, so that the first page after a start carries them too. Settles when
   * they are answered (or failed: a failure is logged, and the next page asks again).
   */
  prepare(): Promise<void>;
  /**
   * Begins no more answers, and settles when those under way are made: called as the server
   * closes, since an answer begun then would run into the stopped API.
   */
  close(): Promise<void>;
}

/** A visitor with nothing but a browser: what the page's answers are made for. */
const ANY_VISITOR = { headers: {} };

/**
 * A function giving the page to send for a request: the built page at `file`, with the opening
 * answers when the cache has them all; undefined when there is no built page.
 */
export function explorerPage(file: string, post: GraphQLPostOptions): ExplorerPage | undefined {
  let page = readBuiltPage(file, null);
  if (!page) return undefined;
  // Bodies being answered: pages asked for while an answer is made (a burst of visitors after a
  // start or a data change) do not have the same query run again, an overview at 10^6 relations each.
  const answering = new Map<string, Promise<void>>();
  // The last page sent with answers: the same built page and the same cached answers (the cache
  // hands out the objects it keeps) make the same page, which at 10^5 relations is 1.8 MB of
  // text assembled again for every visit otherwise.
  let sent: { page: BuiltPage; answers: unknown[]; html: string } | null = null;
  // One answer under way per body and data version; whoever asks again waits for that one (an
  // answer for the graph before a swap does not stand in for the new graph's).
  let closed = false;
  const answer = (body: string, req: Pick<IncomingMessage, 'headers'>): Promise<void> => {
    if (closed) return Promise.resolve();
    const key = `${post.cache.version()}\n${body}`;
    const underWay = answering.get(key);
    if (underWay) return underWay;
    const answered = answerIntoCache(post, body, req)
      .catch((error: unknown) => console.error('Answering the page’s opening requests failed:', error))
      .finally(() => answering.delete(key));
    answering.set(key, answered);
    return answered;
  };
  const send = (req: IncomingMessage): string => {
    page = readBuiltPage(file, page) ?? page!;
    const { text, requests, insertAt } = page;
    if (requests.length === 0) return text;
    const answers = requests.map((body) => post.cache.get(ownRequestKey(body)));
    if (answers.every((answer) => answer?.status === 200)) {
      if (sent?.page === page && answers.every((answer, index) => answer === sent!.answers[index])) return sent.html;
      const script = answersElement(answers.map((answer) => answer!.body.toString('utf8')));
      sent = { page, answers, html: text.slice(0, insertAt) + script + text.slice(insertAt) };
      return sent.html;
    }
    // A curator's page may be answered with what only a curator sees: nothing is made for it.
    if (post.personal(req)) return text;
    for (const body of requests) void answer(body, req);
    return text;
  };
  const prepare = async () => {
    page = readBuiltPage(file, page) ?? page!;
    await Promise.all(page.requests.map((body) => answer(body, ANY_VISITOR)));
  };
  const close = async () => {
    closed = true;
    await Promise.all(answering.values());
  };
  return Object.assign(send, { prepare, close });
}

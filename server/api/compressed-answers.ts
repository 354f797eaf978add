/**
 * Compressed answers
 * ==================
 *
 * The API's answers and the explorer's page are JSON and HTML, which compress about tenfold
 * (the page of a graph of 10^5 relations, its opening answers inside: 0.68 MB, 67 kB as gzip).
 * Express's routes go through the `compression` middleware (app.ts). Two answers are sent the
 * same to every visitor and are compressed once here instead, and the result kept: a cached
 * GraphQL answer, written by the fast path (graphql-post.ts) without Express, and the explorer's
 * page, which stays the same until the data changes. Compressing them on every request costs
 * about 5 ms per 0.7 MB.
 */
import type { IncomingMessage } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import accepts from 'accepts';

export type ContentEncoding = 'br' | 'gzip';

/** Bodies smaller than this are sent as they are (the middleware's threshold too): compressing saves less than it costs. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/** The encodings offered, in the server's order of preference when the client likes them equally. */
const OFFERED: ContentEncoding[] = ['br', 'gzip'];

/**
 * The encoding to send `req` an answer in, or null for the body as it is. A request that
 * names no encoding gets none (as the middleware does), not whatever "any" would allow.
 */
export function chosenEncoding(req: IncomingMessage): ContentEncoding | null {
  if (!req.headers['accept-encoding']) return null;
  const chosen = accepts(req).encodings(...OFFERED);
  return chosen === 'br' || chosen === 'gzip' ? chosen : null;
}

/** Brotli at quality 4 and gzip at level 6: the middleware's settings, quick enough for answers made on demand. */
function compress(body: Buffer, encoding: ContentEncoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
    : gzipSync(body, { level: 6 });
}

/**
 * Compressed copies of bodies kept for reuse, by the object they belong to: a copy lives as
 * long as its owner (a cached answer lives as long as the response cache keeps it). They are
 * not counted in the response cache's byte bound; a copy is about a tenth of its body.
 */
export class CompressedCopies<Owner extends object> {
  private readonly copies = new WeakMap<Owner, Partial<Record<ContentEncoding, Buffer>>>();

  /**
   * The body to send, and its Content-Encoding (null: as it is): compressed when the client
   * takes it and the body is worth it. The answer must say `Vary: Accept-Encoding` either way.
   */
  encode(
    owner: Owner,
    body: Buffer,
    encoding: ContentEncoding | null,
  ): { body: Buffer; encoding: ContentEncoding | null } {
    if (encoding === null || body.length < COMPRESSION_THRESHOLD_BYTES) return { body, encoding: null };
    let kept = this.copies.get(owner);
    if (!kept) this.copies.set(owner, (kept = {}));
    return { body: (kept[encoding] ??= compress(body, encoding)), encoding };
  }
}

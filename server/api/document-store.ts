/**
 * Caches bounded by bytes
 * =======================
 *
 * Apollo keeps parsed documents (its `documentStore`) and automatic persisted queries in
 * caches of its own, which count a parsed document by its JSON size. That leaves out what a
 * parsed document really holds on to: its source text and the chain of lexer tokens every
 * node's location points into. A client sending many distinct documents padded with comments
 * filled 30 MB of "counted" size with gigabytes of heap. These caches count what they keep
 * (measured: about 200–300 heap bytes per token, plus the text) and drop the least recently
 * used entries past their budget.
 */
import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/** Budget of the parsed-document cache, in (estimated) heap bytes. */
export const DOCUMENT_STORE_BYTES = 8 * 1024 * 1024;
/** Budget of the persisted-query cache (query texts by hash), in bytes. */
export const PERSISTED_QUERY_BYTES = 4 * 1024 * 1024;

/** Heap bytes of one lexer token with its location, rounded up from measurements. */
const BYTES_PER_TOKEN = 320;

/**
 * The key-value cache interface Apollo Server reads (`KeyValueCache` of
 * @apollo/utils.keyvaluecache), over lru-cache bounded by `maxBytes`.
 */
export class ByteBoundedCache<V extends NonNullable<unknown>> {
  private readonly cache: LRUCache<string, V>;

  constructor(maxBytes: number, sizeOf: (value: V, key: string) => number) {
    // A key is a hash of a few dozen characters; counting it keeps tiny values honest.
    this.cache = new LRUCache<string, V>({
      maxSize: maxBytes,
      sizeCalculation: (value, key) => Math.max(1, Math.ceil(sizeOf(value, key) + key.length * 2)),
    });
  }

  async get(key: string): Promise<V | undefined> {
    return this.cache.get(key);
  }

  async set(key: string, value: V): Promise<void> {
    this.cache.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.cache.delete(key);
  }

  /** Estimated bytes held, for tests and diagnostics. */
  get size(): number {
    return this.cache.calculatedSize;
  }
}

/** Estimated heap bytes of a parsed document: its source text (UTF-16) and its tokens. */
export function documentBytes(document: DocumentNode): number {
  const location = document.loc;
  if (!location) return JSON.stringify(document).length * 2;
  let tokens = 0;
  for (let token = location.startToken; token; token = token.next!) tokens++;
  return location.source.body.length * 2 + tokens * BYTES_PER_TOKEN;
}

export function createDocumentStore(maxBytes = DOCUMENT_STORE_BYTES): ByteBoundedCache<DocumentNode> {
  return new ByteBoundedCache<DocumentNode>(maxBytes, documentBytes);
}

export function createPersistedQueryCache(maxBytes = PERSISTED_QUERY_BYTES): ByteBoundedCache<string> {
  return new ByteBoundedCache<string>(maxBytes, (query) => query.length * 2);
}

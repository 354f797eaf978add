/**
 * The data version: a hash that changes when the served data changes
 * ====================================================================
 *
 * Anything derived from the graph and kept between requests (the response cache, a curator's
 * change log) is keyed by it, and so never outlives a change. Here in the data layer so that
 * the loader can make it from what it reads, and a snapshot (snapshot.ts) can keep it.
 *
 * A graph the loader made is versioned by the files it was read from: the SHA-256 of every
 * YAML file it read, hashed as the bytes come in. The source texts need no hashing of their
 * own: sources.yaml pins each one's SHA-256, and the loader refuses a text that differs. At
 * 10^6 relations this costs about a second, where hashing the loaded records as JSON cost
 * twelve. A graph built in memory (tests, benchmarks) has no files, and is versioned by its
 * content instead.
 */
import { createHash, type Hash } from 'node:crypto';

import type { KnowledgeGraph } from './model';

/**
 * The versions of the graphs the loader made (or a snapshot of one restored), by graph
 * object: beside the graph rather than in it, so that a copy made with a change (`{ ...kg,
 * graph }`) is versioned by its own content, not by files it was never read from.
 */
const versionsOfLoadedGraphs = new WeakMap<KnowledgeGraph, string>();

/** The data version of a graph: of its files when the loader made it, else of its content. */
export function dataVersion(knowledgeGraph: KnowledgeGraph): string {
  return versionsOfLoadedGraphs.get(knowledgeGraph) ?? contentVersion(knowledgeGraph);
}

/** Records the version of a graph read from files: `version` from a FilesDigest, or kept by a snapshot. */
export function setLoadedVersion(knowledgeGraph: KnowledgeGraph, version: string): void {
  versionsOfLoadedGraphs.set(knowledgeGraph, version);
}

/** The digest of the files a load reads, fed in the order it reads them. */
export class FilesDigest {
  readonly #hash: Hash = createHash('sha256');

  add(file: string, bytes: Uint8Array): void {
    this.#hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  }

  digest(): string {
    return this.#hash.digest('hex');
  }
}

/**
 * SHA-256 of every record of the graph (entities, relations with their ends, claims, sources
 * with their text, vocabulary), in the graph's own order: equal graphs have equal versions.
 * Linear in the graph's size, for graphs built in memory.
 */
function contentVersion({ graph, sources, claims, vocabulary }: KnowledgeGraph): string {
  const hash = createHash('sha256');
  const add = (kind: string, value: unknown) => hash.update(kind).update(JSON.stringify(value)).update('\n');
  graph.forEachNode((id, entity) => add('entity', [id, entity]));
  graph.forEachEdge((id, relation, subject, object) => add('relation', [id, subject, object, relation]));
  for (const claim of claims.values()) add('claim', claim);
  // By id: the loader reads the texts in parallel, so the map's order is the order they arrived in.
  for (const source of [...sources.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    add('source', source);
  }
  for (const [kind, records] of Object.entries(vocabulary)) add(kind, [...(records as Map<string, unknown>).entries()]);
  return hash.digest('hex');
}

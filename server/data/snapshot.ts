/**
 * Validated snapshot of a load
 * ============================
 *
 * Loading a million relations means parsing and validating hundreds of MB of YAML and
 * resolving every quote. When nothing changed since the last load, the server reads instead
 * a snapshot of what the loader returned, written by the loader's own result: the loader
 * stays the one validator, and the snapshot is only ever a copy of a load that passed.
 *
 * The snapshot is keyed by the SHA-256 of every file in the graph-data folder (YAML files
 * and source texts, so an added, removed or edited file changes the key) and of the loader's
 * own code (a new loader may read the same files differently). A snapshot whose key differs,
 * or that cannot be read, is ignored and replaced after a full load. It is written to a temp
 * file and renamed into place, so a crash never leaves half a snapshot under the final name.
 *
 * Format: frames of [4-byte length][v8.serialize(value)]: a header with the key, the small
 * tables (vocabulary, dataset, sources without their text, claims), then entities and
 * relations in chunks. Quotes and citation targets are not stored: a quote is the slice of
 * its source text between its offsets, and a target is the record that holds the citation.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { FILE_READ_CONCURRENCY, mapWithConcurrency } from './bounded-concurrency';
import { buildEntityGraph, loadGraphData } from './load-graph-data';
import type { CitationRecord, ClaimRecord, EntityRecord, KnowledgeGraph, RelationRecord, SourceRecord } from './model';

/** Bump when the layout of the frames changes. */
const SNAPSHOT_FORMAT = 'graph-data-snapshot/1';
const RECORDS_PER_FRAME = 50_000;

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Under node_modules/.cache, where build tools keep their caches: never inside graph-data. */
export const DEFAULT_SNAPSHOT_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'graph-data-snapshots');

export type SnapshotUse = 'read' | 'written' | 'not-written';

export interface CachedLoad {
  knowledgeGraph: KnowledgeGraph;
  /** 'read': from a snapshot; 'written': loaded in full and a snapshot written; 'not-written': the write failed. */
  snapshot: SnapshotUse;
}

type StoredCitation = Omit<CitationRecord, 'quote' | 'target'>;
type StoredRelation = Omit<RelationRecord, 'citations'> & { citations: StoredCitation[] };
type StoredClaim = Omit<ClaimRecord, 'citations'> & { citations: StoredCitation[] };

interface Header {
  format: string;
  key: string;
}

interface Tables {
  vocabulary: KnowledgeGraph['vocabulary'];
  dataset: KnowledgeGraph['dataset'];
  sources: Omit<SourceRecord, 'text'>[];
  claims: StoredClaim[];
  entityFrames: number;
  relationFrames: number;
}

/**
 * The knowledge graph in `dir`, from a snapshot in `snapshotDir` when one matches every file,
 * else from a full load (which throws GraphDataError on bad data, and then writes nothing).
 */
export async function loadGraphDataWithSnapshot(dir: string, snapshotDir: string): Promise<CachedLoad> {
  const { key, texts } = await fingerprint(dir);
  const path = join(snapshotDir, `${createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16)}.snapshot`);
  const restored = await readSnapshot(path, key, texts);
  if (restored) return { knowledgeGraph: restored, snapshot: 'read' };

  const knowledgeGraph = await loadGraphData(dir);
  try {
    await writeSnapshot(path, key, knowledgeGraph);
  } catch (error) {
    // The data is valid and loaded: a cache that cannot be written costs the next start its
    // speed, not this one its data.
    console.warn(`Could not write the graph-data snapshot to ${snapshotDir}: ${String(error)}`);
    return { knowledgeGraph, snapshot: 'not-written' };
  }
  return { knowledgeGraph, snapshot: 'written' };
}

/** The key of a folder's content, and the texts it read on the way (source texts are kept). */
async function fingerprint(dir: string): Promise<{ key: string; texts: Map<string, string> }> {
  const files = (await listFiles(dir)).sort();
  const texts = new Map<string, string>();
  const hashes = await mapWithConcurrency(files, FILE_READ_CONCURRENCY, async (file) => {
    const content = await readFile(join(dir, file));
    if (file.endsWith('.txt')) texts.set(file, content.toString('utf8'));
    return createHash('sha256').update(content).digest('hex');
  });
  const key = createHash('sha256')
    .update(SNAPSHOT_FORMAT)
    .update(await loaderCodeHash());
  files.forEach((file, i) => key.update(`\n${file}\t${hashes[i]}`));
  return { key: key.digest('hex'), texts };
}

/** Every file below `dir`, as paths relative to it with "/" separators. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

let codeHash: Promise<string> | undefined;
/** The loader's code (this folder), so that a changed loader never reads an old snapshot. */
function loaderCodeHash(): Promise<string> {
  return (codeHash ??= (async () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const hash = createHash('sha256');
    for (const file of (await readdir(here)).sort()) hash.update(file).update(await readFile(join(here, file)));
    return hash.digest('hex');
  })());
}

async function readSnapshot(path: string, key: string, texts: Map<string, string>): Promise<KnowledgeGraph | null> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch {
    return null;
  }
  try {
    const frames = frameReader(buffer);
    const header = frames.next() as Header;
    if (header.format !== SNAPSHOT_FORMAT || header.key !== key) return null;
    const tables = frames.next() as Tables;

    const sources = new Map<string, SourceRecord>();
    for (const stored of tables.sources) {
      const text = texts.get(stored.file);
      if (text === undefined) return null;
      sources.set(stored.id, { ...stored, text });
    }
    const citations = (stored: StoredCitation[], target: CitationRecord['target']): CitationRecord[] =>
      stored.map((citation) => ({
        ...citation,
        quote: sources.get(citation.sourceId)!.text.slice(citation.start, citation.end),
        target,
      }));

    const entities: EntityRecord[] = [];
    for (let f = 0; f < tables.entityFrames; f++)
      for (const entity of frames.next() as EntityRecord[]) entities.push(entity);
    const relations: RelationRecord[] = [];
    for (let f = 0; f < tables.relationFrames; f++) {
      for (const stored of frames.next() as StoredRelation[]) {
        relations.push({ ...stored, citations: citations(stored.citations, { kind: 'relation', id: stored.id }) });
      }
    }
    const claims = new Map<string, ClaimRecord>();
    for (const stored of tables.claims) {
      claims.set(stored.id, { ...stored, citations: citations(stored.citations, { kind: 'claim', id: stored.id }) });
    }
    return {
      graph: buildEntityGraph(entities, relations),
      sources,
      claims,
      vocabulary: tables.vocabulary,
      ...(tables.dataset ? { dataset: tables.dataset } : {}),
    };
  } catch {
    // A truncated or foreign file: load in full and write a good one.
    return null;
  }
}

function frameReader(buffer: Buffer) {
  let offset = 0;
  return {
    next(): unknown {
      if (offset + 4 > buffer.length) throw new Error('snapshot ends early');
      const length = buffer.readUInt32LE(offset);
      const value: unknown = deserialize(buffer.subarray(offset + 4, offset + 4 + length));
      offset += 4 + length;
      return value;
    },
  };
}

async function writeSnapshot(path: string, key: string, knowledgeGraph: KnowledgeGraph): Promise<void> {
  const { graph, sources, claims, vocabulary, dataset } = knowledgeGraph;
  const stored = (citations: CitationRecord[]): StoredCitation[] =>
    citations.map(({ quote: _quote, target: _target, ...rest }) => rest);

  const entities = graph.mapNodes((_id, entity) => entity);
  const relations = graph.mapEdges((_id, relation): StoredRelation => ({
    ...relation,
    citations: stored(relation.citations),
  }));
  const tables: Tables = {
    vocabulary,
    dataset,
    sources: [...sources.values()].map(({ text: _text, ...rest }) => rest),
    claims: [...claims.values()].map((claim) => ({ ...claim, citations: stored(claim.citations) })),
    entityFrames: Math.ceil(entities.length / RECORDS_PER_FRAME),
    relationFrames: Math.ceil(relations.length / RECORDS_PER_FRAME),
  };

  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const file = await open(temp, 'w');
  try {
    const write = async (value: unknown) => {
      const body = serialize(value);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(body.length);
      await file.write(length);
      await file.write(body);
    };
    await write({ format: SNAPSHOT_FORMAT, key } satisfies Header);
    await write(tables);
    for (let i = 0; i < entities.length; i += RECORDS_PER_FRAME) await write(entities.slice(i, i + RECORDS_PER_FRAME));
    for (let i = 0; i < relations.length; i += RECORDS_PER_FRAME)
      await write(relations.slice(i, i + RECORDS_PER_FRAME));
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temp, { force: true });
    throw error;
  }
  await file.close();
  await rename(temp, path);
}

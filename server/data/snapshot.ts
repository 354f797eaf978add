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
 * or that cannot be read, is ignored and replaced after a full load, when the caller asks
 * (saveSnapshot: the server asks once it answers). It is written to a temp file and renamed
 * into place, so a crash never leaves half a snapshot under the final name.
 *
 * Format: frames of [4-byte length][v8.serialize(value)]: a header with the key, the small
 * tables (vocabulary, dataset, the data version, sources without their text, claims), what the
 * server derived from the load and asked to keep (the graph index's grouped lists: opaque here,
 * as the data comes before the graph queries that read it), then entities in chunks and
 * relations in columns (snapshot-relations.ts, which also makes the relations read back: their
 * citations and dates when first read), read one frame at a time. Quotes and citation targets
 * are not stored: a quote is the slice of its source text between its offsets (a slice shares
 * the text's characters), and a target is the record that holds the citation. The ids a record
 * refers to (a relation's ends, an entity's or relation's type, a citation's source, a claim's
 * entity) are stored as their position in the snapshot's own lists (entities in graph order,
 * sources in map order, the vocabulary's types) and read back as the one string that list
 * holds, as the loader shares them: a million relations would otherwise each carry their own
 * copies, and looking each copy up by its value cost seconds at 10^6 relations.
 *
 * The data version (data-version.ts), the digest of the files the loader read, is kept with
 * the load, and given to the graph read back: a restart does not run the loader that makes it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type FileHandle, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { dataVersion, setLoadedVersion } from './data-version';
import { positionsOf } from './positions';
import { buildEntityGraph, loadGraphData } from './load-graph-data';
import {
  type RelationColumns,
  type RelationLookups,
  type StoredCitation,
  TIME_TEXT_FIELDS,
  type TimeColumns,
  readRelationFrame,
} from './snapshot-relations';
import type {
  CitationRecord,
  CitationTarget,
  ClaimRecord,
  EntityRecord,
  KnowledgeGraph,
  RelationRecord,
  SourceRecord,
  TimeRecord,
} from './model';

/** Bump when the layout of the frames changes. */
const SNAPSHOT_FORMAT = 'graph-data-snapshot/6';
/** Small enough that serializing one frame keeps requests waiting for no more than tens of ms. */
const RECORDS_PER_FRAME = 5_000;

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Under node_modules/.cache, where build tools keep their caches: never inside graph-data. */
export const DEFAULT_SNAPSHOT_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'graph-data-snapshots');

export type SnapshotUse = 'read' | 'written' | 'not-written';

export interface CachedLoad {
  knowledgeGraph: KnowledgeGraph;
  /** dataVersion(knowledgeGraph), kept in the snapshot. */
  dataVersion: string;
  /** 'read': from a snapshot; 'loaded': loaded in full, and saveSnapshot writes its snapshot. */
  snapshot: 'read' | 'loaded';
  /** What the server asked saveSnapshot to keep with the load, read back; undefined after a full load. */
  derived: unknown;
  /**
   * Writes the snapshot of a full load: 'written', or 'not-written' after a warning (the data is
   * loaded: a cache that cannot be written costs the next start its speed, not this one its
   * data); 'read' for a load read from its snapshot, which writes nothing. Apart from the load
   * so that a server can answer first: at 10^6 relations the write is a quarter of a full load.
   * `derived`: what the server derived from the load and wants back on a restart (any value
   * v8.serialize takes), kept as it is.
   */
  saveSnapshot(derived?: unknown): Promise<SnapshotUse>;
}

interface Header {
  format: string;
  key: string;
}

interface Tables {
  vocabulary: KnowledgeGraph['vocabulary'];
  dataset: KnowledgeGraph['dataset'];
  dataVersion: string;
  sources: Omit<SourceRecord, 'text'>[];
  claims: ClaimRecord[];
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
  if (restored) return { ...restored, snapshot: 'read', saveSnapshot: () => Promise.resolve('read') };

  const knowledgeGraph = await loadGraphData(dir);
  const version = dataVersion(knowledgeGraph);
  let saved: Promise<SnapshotUse> | undefined;
  const save = async (derived: unknown): Promise<SnapshotUse> => {
    try {
      await writeSnapshot(path, await key, knowledgeGraph, version, derived);
      return 'written';
    } catch (error) {
      console.warn(`Could not write the graph-data snapshot to ${snapshotDir}: ${String(error)}`);
      return 'not-written';
    }
  };
  return {
    knowledgeGraph,
    dataVersion: version,
    snapshot: 'loaded',
    derived: undefined,
    saveSnapshot: (derived) => (saved ??= save(derived)),
  };
}

/**
 * The key of a folder's content, and its source texts. The texts are read first, as a restart's
 * quotes are slices of them; the key is hashed in a worker thread meanwhile, and is a promise:
 * reading the snapshot goes on while every file is hashed (at 10^6 relations, 450 MB and about
 * 1 s of the main thread's time when it was hashed there first), and what is read is kept only
 * if the key matches.
 */
async function fingerprint(dir: string): Promise<{ key: Promise<string>; texts: Map<string, string> }> {
  const files = (await listFiles(dir)).sort();
  const hashes = hashFiles(files.map((file) => join(dir, file)));
  const key = Promise.all([hashes, loaderCodeHash()]).then(([fileHashes, codeHash]) => {
    const hash = createHash('sha256').update(SNAPSHOT_FORMAT).update(codeHash);
    files.forEach((file, i) => hash.update(`\n${file}\t${fileHashes[i]}`));
    return hash.digest('hex');
  });
  // Handled where it is awaited; this only keeps a failure from counting as unhandled before then.
  key.catch(() => undefined);
  // Read in one go, blocking: nothing else runs at start-up, and at 10^6 relations the 10,000
  // texts took 0.2 s so, against 0.6 s of the main thread's time read asynchronously.
  const texts = new Map<string, string>();
  for (const file of files) if (file.endsWith('.txt')) texts.set(file, readFileSync(join(dir, file), 'utf8'));
  return { key, texts };
}

/**
 * The SHA-256 (hex) of each file, in a worker thread that reads them a megabyte at a time. The
 * worker's code is given as text (CommonJS, as `eval` workers run it): the server runs from one
 * bundle, with no separate file a worker could load.
 */
function hashFiles(paths: string[]): Promise<string[]> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { createHash } = require('node:crypto');
    const { closeSync, openSync, readSync } = require('node:fs');
    const piece = Buffer.allocUnsafe(1 << 20);
    parentPort.postMessage(workerData.map((path) => {
      const hash = createHash('sha256');
      const file = openSync(path, 'r');
      try {
        for (let read; (read = readSync(file, piece, 0, piece.length, null)) > 0; ) hash.update(piece.subarray(0, read));
      } finally {
        closeSync(file);
      }
      return hash.digest('hex');
    }));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: paths });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`hashing the graph-data files stopped (exit code ${code})`)));
  });
}

/** Every file below `dir`, as paths relative to it with "/" separators. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

let codeHash: Promise<string> | undefined;
/**
 * The loader's code (this folder), so that a changed loader never reads an old snapshot. The
 * server runs from one bundle (server/dist), which holds all its code: there, any change of
 * the server's code (the graph index's, whose lists a snapshot keeps, included) is a new key.
 */
function loaderCodeHash(): Promise<string> {
  return (codeHash ??= (async () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const hash = createHash('sha256');
    for (const file of (await readdir(here)).sort()) hash.update(file).update(await readFile(join(here, file)));
    return hash.digest('hex');
  })());
}

async function readSnapshot(
  path: string,
  key: Promise<string>,
  texts: Map<string, string>,
): Promise<{ knowledgeGraph: KnowledgeGraph; dataVersion: string; derived: unknown } | null> {
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    const frames = frameReader(file);
    const header = (await frames.next()) as Header;
    if (header.format !== SNAPSHOT_FORMAT) return null;
    // The key is still being hashed (see fingerprint): a snapshot found stale stops being read then.
    let hashed: string | undefined;
    key.then((value) => (hashed = value)).catch(() => undefined);
    const stale = () => hashed !== undefined && hashed !== header.key;
    const tables = (await frames.next()) as Tables;
    const { vocabulary } = tables;
    const derived = await frames.next();

    const sources = new Map<string, SourceRecord>();
    for (const stored of tables.sources) {
      const text = texts.get(stored.file);
      if (text === undefined) return null;
      sources.set(stored.id, Object.assign(stored, { text }));
    }
    const sourceId = fromPosition([...sources.keys()]);
    const restore = (citations: CitationRecord[], target: CitationTarget) => {
      for (const citation of citations) {
        // A citation shared by a record and its dates is read back once, and met twice here.
        if (citation.target) continue;
        citation.sourceId = sourceId(citation.sourceId);
        citation.quote = sources.get(citation.sourceId)!.text.slice(citation.start, citation.end);
        citation.target = target;
      }
    };
    const restoreTimes = (times: TimeRecord[] | undefined, target: CitationTarget) => {
      for (const time of times ?? []) restore(time.citations, target);
    };
    for (const source of sources.values()) {
      if (source.publishedEvidence) restore(source.publishedEvidence.citations, { kind: 'source', id: source.id });
    }

    const entityType = fromPosition([...vocabulary.entityTypes.keys()]);
    const entities: EntityRecord[] = [];
    for (let f = 0; f < tables.entityFrames; f++) {
      if (stale()) return null;
      for (const entity of (await frames.next()) as EntityRecord[]) {
        entity.type = entityType(entity.type);
        restoreTimes(entity.time, { kind: 'entity', id: entity.id });
        entities.push(entity);
      }
    }
    const entityId = fromPosition(entities.map((entity) => entity.id));
    const relationType = fromPosition([...vocabulary.relationTypes.keys()]);
    const relations: RelationRecord[] = [];
    const lookups: RelationLookups = {
      sourceId,
      source: fromPosition([...sources.values()], (id) => sources.get(id)!),
      relationType,
      entityId,
      restoreOwnCitations: restore,
    };
    for (let f = 0; f < tables.relationFrames; f++) {
      if (stale()) return null;
      readRelationFrame((await frames.next()) as RelationColumns, lookups, relations);
    }
    // Nothing read is kept unless it is the snapshot of these files (a failed hash is no match).
    if ((await key) !== header.key) return null;
    const claims = new Map<string, ClaimRecord>();
    for (const claim of tables.claims) {
      claim.entity = entityId(claim.entity);
      for (let i = 0; i < claim.sourceIds.length; i++) claim.sourceIds[i] = sourceId(claim.sourceIds[i]!);
      restore(claim.citations, { kind: 'claim', id: claim.id });
      claims.set(claim.id, claim);
    }
    const knowledgeGraph: KnowledgeGraph = {
      graph: buildEntityGraph(entities, relations),
      sources,
      claims,
      vocabulary,
      ...(tables.dataset ? { dataset: tables.dataset } : {}),
    };
    setLoadedVersion(knowledgeGraph, tables.dataVersion);
    return { knowledgeGraph, dataVersion: tables.dataVersion, derived };
  } catch {
    // A truncated or foreign file: load in full and write a good one.
    return null;
  } finally {
    await file.close();
  }
}

/**
 * The string a stored reference stands for: the `list`'s own string at a stored position, a
 * string stored as itself (what no list holds) as it is. Typed as strings, the fields they fill.
 * With `byId`, the list's item at a stored position, or the one `byId` finds for a stored id.
 */
function fromPosition(list: readonly string[]): (stored: string) => string;
function fromPosition<T>(list: readonly T[], byId: (id: string) => T): (stored: string) => T;
function fromPosition<T>(list: readonly T[], byId?: (id: string) => T): (stored: string) => T {
  return (stored) => (typeof stored === 'number' ? list[stored]! : byId ? byId(stored) : (stored as unknown as T));
}

/** The position of a string in `list` when it holds it (see fromPosition), else the string. */
function toPosition(list: Iterable<string>): (value: string) => string {
  const positions = positionsOf(list);
  return (value) => (positions.get(value) ?? value) as unknown as string;
}

/**
 * Reads the frames one at a time, so that the file is never held whole in memory. Each read
 * takes a frame and the next frame's length after it, and the next frame is read while this
 * one is deserialized: read one after the other, the main thread waited for every read.
 */
function frameReader(file: FileHandle) {
  let position = 0;
  /** `length` bytes and the 4-byte length after them; null for that length at the end of the file. */
  const read = async (length: number): Promise<{ frame: Buffer; nextLength: number | null }> => {
    const buffer = Buffer.allocUnsafe(length + 4);
    const { bytesRead } = await file.read(buffer, 0, length + 4, position);
    if (bytesRead < length) throw new Error('snapshot ends early');
    position += bytesRead;
    return {
      frame: buffer.subarray(0, length),
      nextLength: bytesRead === length + 4 ? buffer.readUInt32LE(length) : null,
    };
  };
  /** A read begun ahead, which no one may await (a stale snapshot stops being read): never an unhandled failure. */
  const ahead = (length: number) => {
    const reading = read(length);
    reading.catch(() => undefined);
    return reading;
  };
  let pending: Promise<{ frame: Buffer; nextLength: number | null }> | null = read(0).then(({ nextLength }) => {
    if (nextLength === null) throw new Error('snapshot is empty');
    return read(nextLength);
  });
  pending.catch(() => undefined);
  return {
    async next(): Promise<unknown> {
      if (!pending) throw new Error('snapshot ends early');
      const { frame, nextLength } = await pending;
      pending = nextLength === null ? null : ahead(nextLength);
      return deserialize(frame);
    },
  };
}

async function writeSnapshot(
  path: string,
  key: string,
  knowledgeGraph: KnowledgeGraph,
  version: string,
  derived: unknown,
) {
  const { graph, sources, claims, vocabulary, dataset } = knowledgeGraph;
  // References by position in the lists read back first (see fromPosition).
  const sourcePosition = toPosition(sources.keys());
  const entityPosition = toPosition(graph.nodes());
  const entityTypePosition = toPosition(vocabulary.entityTypes.keys());
  const relationTypePosition = toPosition(vocabulary.relationTypes.keys());
  // A citation shared by a record and its dates (load-graph-data.ts) is stored once, and
  // v8.serialize keeps the sharing within a frame. The memo lives for one frame.
  let copies = new Map<CitationRecord, StoredCitation>();
  const stored = (citations: CitationRecord[]): StoredCitation[] =>
    citations.map((citation) => {
      let copy = copies.get(citation);
      if (!copy) {
        copy = { ...citation, sourceId: sourcePosition(citation.sourceId), quote: '', target: undefined };
        copies.set(citation, copy);
      }
      return copy;
    });
  const storedTimes = (times: TimeRecord[] | undefined) =>
    times?.map((time) => ({ ...time, citations: stored(time.citations) }));

  // Copies made a frame at a time: copies of a million relations at once would add their size to the peak.
  const entity = (record: EntityRecord) => ({
    ...record,
    type: entityTypePosition(record.type),
    ...(record.time ? { time: storedTimes(record.time) } : {}),
  });
  const relationColumns = (records: RelationRecord[]): RelationColumns => {
    const columns: RelationColumns = {
      ids: [],
      types: [],
      subjects: [],
      objects: [],
      directed: [],
      notes: [],
      firstCitation: new Uint32Array(records.length + 1),
      citationSources: [],
      citationStarts: new Int32Array(records.reduce((sum, record) => sum + record.citations.length, 0)),
      citationEnds: new Int32Array(records.reduce((sum, record) => sum + record.citations.length, 0)),
      citationVoices: [],
      firstSource: new Uint32Array(records.length + 1),
      sourceIds: [],
      times: timeColumns(records),
    };
    records.forEach((record, i) => {
      columns.ids.push(record.id);
      columns.types.push(relationTypePosition(record.type));
      columns.subjects.push(entityPosition(record.subject));
      columns.objects.push(entityPosition(record.object));
      columns.directed.push(record.directed);
      columns.notes.push(record.note);
      let c = columns.firstCitation[i]!;
      for (const { sourceId, quote: _quote, start, end, target: _target, ...voice } of record.citations) {
        columns.citationSources.push(sourcePosition(sourceId));
        columns.citationStarts[c] = start;
        columns.citationEnds[c] = end;
        columns.citationVoices.push(Object.keys(voice).length > 0 ? voice : undefined);
        c++;
      }
      columns.firstCitation[i + 1] = c;
      columns.sourceIds.push(...record.sourceIds.map(sourcePosition));
      columns.firstSource[i + 1] = columns.sourceIds.length;
    });
    return columns;
  };
  const timeColumns = (records: RelationRecord[]): TimeColumns => {
    const rows = records.reduce((sum, record) => sum + (record.time?.length ?? 0), 0);
    const columns: TimeColumns = {
      hasTime: new Uint8Array(records.length),
      firstTime: new Uint32Array(records.length + 1),
      textsOf: new Int32Array(rows * TIME_TEXT_FIELDS.length),
      texts: [],
      inferred: new Uint8Array(rows),
      firstCitation: new Uint32Array(rows + 1),
      citations: [],
    };
    const positions = new Map<string, number>();
    const position = (text: string | null) => {
      if (text === null) return -1;
      let found = positions.get(text);
      if (found === undefined) positions.set(text, (found = columns.texts.push(text) - 1));
      return found;
    };
    let row = 0;
    records.forEach((record, i) => {
      if (record.time) columns.hasTime[i] = 1;
      for (const time of record.time ?? []) {
        TIME_TEXT_FIELDS.forEach(
          (field, f) => (columns.textsOf[row * TIME_TEXT_FIELDS.length + f] = position(time[field])),
        );
        columns.inferred[row] = time.inferred ? 1 : 0;
        for (const citation of time.citations) {
          const own = record.citations.indexOf(citation);
          columns.citations.push(own >= 0 ? own : stored([citation])[0]!);
        }
        columns.firstCitation[++row] = columns.citations.length;
      }
      columns.firstTime[i + 1] = row;
    });
    return columns;
  };
  const tables = {
    vocabulary,
    dataset,
    dataVersion: version,
    sources: [...sources.values()].map(({ text: _text, ...rest }) => ({
      ...rest,
      publishedEvidence: rest.publishedEvidence && {
        ...rest.publishedEvidence,
        citations: stored(rest.publishedEvidence.citations),
      },
    })),
    claims: [...claims.values()].map((claim) => ({
      ...claim,
      entity: entityPosition(claim.entity),
      sourceIds: claim.sourceIds.map(sourcePosition),
      citations: stored(claim.citations),
    })),
    entityFrames: Math.ceil(graph.order / RECORDS_PER_FRAME),
    relationFrames: Math.ceil(graph.size / RECORDS_PER_FRAME),
  };

  await mkdir(dirname(path), { recursive: true });
  await removeLeftovers(path);
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const file = await open(temp, 'w');
  try {
    const write = async (value: unknown) => {
      const body = serialize(value);
      copies = new Map();
      const length = Buffer.alloc(4);
      length.writeUInt32LE(body.length);
      await file.write(length);
      await file.write(body);
    };
    await write({ format: SNAPSHOT_FORMAT, key } satisfies Header);
    await write(tables);
    await write(derived);
    for (const frame of inFrames(graph.nodeEntries(), ({ attributes }) => entity(attributes))) await write(frame);
    for (const frame of inFrames(graph.edgeEntries(), ({ attributes }) => attributes)) {
      await write(relationColumns(frame));
    }
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temp, { force: true });
    throw error;
  }
  await file.close();
  await rename(temp, path);
}

/**
 * Removes the temp files of writes to `path` that never finished: the write runs while the
 * server answers, and a server stopped meanwhile leaves its temp file behind.
 */
async function removeLeftovers(path: string) {
  const prefix = `${basename(path)}.`;
  for (const name of await readdir(dirname(path))) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) await rm(join(dirname(path), name), { force: true });
  }
}

/** The items, mapped, in arrays of RECORDS_PER_FRAME. */
function* inFrames<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U[]> {
  let frame: U[] = [];
  for (const item of items) {
    frame.push(map(item));
    if (frame.length === RECORDS_PER_FRAME) {
      yield frame;
      frame = [];
    }
  }
  if (frame.length > 0) yield frame;
}

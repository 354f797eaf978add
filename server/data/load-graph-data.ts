/**
 * Loads graph-data/ into a KnowledgeGraph: reads and validates every file, resolves every
 * citation's quote to offsets in its source, and builds the graphology graph.
 *
 * All or nothing: every problem found is collected and reported together in one
 * GraphDataError, and no graph is returned while there is any.
 */
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { MultiGraph } from 'graphology';
import { isMap, type Node } from 'yaml';
import { checkCitationVoice, namesOfEntities, readVoiceVocabulary, type VoiceRules } from './attribution';
import { FILE_READ_CONCURRENCY, mapWithConcurrency } from './bounded-concurrency';
import { FilesDigest, setLoadedVersion } from './data-version';
import { DATASET_FILE, DEFAULT_DATASET, datasetSchema, type DatasetRecord } from './dataset';
import { GraphDataError, type DataProblem } from './errors';
import type {
  CitationRecord,
  CitationTarget,
  ClaimRecord,
  EntityGraph,
  EntityRecord,
  KnowledgeGraph,
  RelationRecord,
  SourceRecord,
} from './model';
import { resolveQuote } from './resolve-quote';
import { useNeighbourTablesWithoutPrototype } from './neighbour-tables';
import { readPublishedEvidence, readTimeStatements } from './time';
import {
  claimAttributeSchema,
  claimSchema,
  entitySchema,
  entityTypeSchema,
  relationSchema,
  relationTypeSchema,
  sourceSchema,
  vocabularySchema,
  type CitationInput,
} from './schemas';
import { StreamedRecordsBroken } from './record-blocks';
import { listRecords, parseRecord, readRecordFile, readYamlFile, type YamlRecord } from './yaml-records';

export const DEFAULT_GRAPH_DATA_DIR = fileURLToPath(new URL('../../graph-data', import.meta.url));

export const GRAPH_DATA_FILES = {
  vocabulary: 'vocabulary.yaml',
  sources: 'sources.yaml',
  entities: 'entities.yaml',
  relations: 'relations.yaml',
  claims: 'claims.yaml',
} as const;

/** A citation the loader made, with the input it was made from, when checking it found no problem. */
interface CheckedCitation {
  input: CitationInput;
  citation: CitationRecord;
}

interface Located<T> {
  value: T;
  record: YamlRecord;
}

export async function loadGraphData(dir: string = DEFAULT_GRAPH_DATA_DIR): Promise<KnowledgeGraph> {
  try {
    return await loadFiles(dir, 'streamed');
  } catch (error) {
    // A list file with a syntax error (or not a plain list after all): read whole, the files
    // report it with every other reading problem, as they always have (record-blocks.ts).
    if (error instanceof StreamedRecordsBroken) return loadFiles(dir, 'whole');
    throw error;
  }
}

/** `mode`: how the list files are parsed (see readRecordBlocks); the verdict is the same. */
async function loadFiles(dir: string, mode: 'whole' | 'streamed'): Promise<KnowledgeGraph> {
  const problems: DataProblem[] = [];
  // The data version: every file read goes into it, in this fixed order (data-version.ts).
  const digest = new FilesDigest();
  // Files are read one after another: at 10^6 relations the text of one file takes hundreds of
  // MB, and reading them together would add the peaks.
  const vocabularyFile = await readYamlFile(dir, GRAPH_DATA_FILES.vocabulary, problems, digest);
  const datasetFile = await readDatasetFile(dir, problems, digest);
  const sourcesFile = await readRecordFile(dir, GRAPH_DATA_FILES.sources, problems, digest, mode);
  const entitiesFile = await readRecordFile(dir, GRAPH_DATA_FILES.entities, problems, digest, mode);
  let relationsFile = await readRecordFile(dir, GRAPH_DATA_FILES.relations, problems, digest, mode);
  const claimsFile = await readRecordFile(dir, GRAPH_DATA_FILES.claims, problems, digest, mode);
  if (!vocabularyFile || !sourcesFile || !entitiesFile || !relationsFile || !claimsFile || !datasetFile) {
    throw new GraphDataError(problems);
  }

  // Vocabulary: a map with two lists.
  const vocabularyShape = vocabularySchema.safeParse(vocabularyFile.document.toJSON());
  if (!vocabularyShape.success) {
    problems.push({
      file: GRAPH_DATA_FILES.vocabulary,
      message: 'must be a map with the lists "entityTypes", "relationTypes" and "claimAttributes"',
    });
    throw new GraphDataError(problems);
  }
  const entityTypes = collect(
    GRAPH_DATA_FILES.vocabulary,
    listRecords(vocabularyFile, problems, 'entityTypes'),
    (record) => parseRecord(entityTypeSchema, record, GRAPH_DATA_FILES.vocabulary, problems),
    problems,
  );
  const relationTypes = collect(
    GRAPH_DATA_FILES.vocabulary,
    listRecords(vocabularyFile, problems, 'relationTypes'),
    (record) => parseRecord(relationTypeSchema, record, GRAPH_DATA_FILES.vocabulary, problems),
    problems,
  );
  const claimAttributes = collect(
    GRAPH_DATA_FILES.vocabulary,
    listRecords(vocabularyFile, problems, 'claimAttributes'),
    (record) => parseRecord(claimAttributeSchema, record, GRAPH_DATA_FILES.vocabulary, problems),
    problems,
  );
  const voiceVocabulary = readVoiceVocabulary(vocabularyFile, GRAPH_DATA_FILES.vocabulary, problems);

  const sourceInputs = collect(
    GRAPH_DATA_FILES.sources,
    sourcesFile,
    (record) => parseRecord(sourceSchema, record, GRAPH_DATA_FILES.sources, problems),
    problems,
  );
  // Texts are read concurrently but kept, and their problems told, in the file's record order,
  // so that every load (and a snapshot of it) lists the sources the same way.
  const sourceReads = await mapWithConcurrency(
    [...sourceInputs.values()],
    FILE_READ_CONCURRENCY,
    async ({ value, record }): Promise<SourceRecord | DataProblem> => {
      try {
        const text = await readFile(`${dir}/${value.file}`, 'utf8');
        const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
        if (sha256 !== value.sha256) {
          return {
            file: GRAPH_DATA_FILES.sources,
            record: record.index,
            recordId: value.id,
            field: 'sha256',
            line: record.lineOf(['sha256']),
            message:
              `the text of "${value.file}" has changed (its SHA-256 is ${sha256}); source texts stay verbatim, ` +
              'so restore the original, or, for a deliberately new text, set sha256 to the new value',
          };
        }
        const { retired: _retired, ...source } = value;
        return { ...source, publishedEvidence: null, text };
      } catch (error) {
        return {
          file: GRAPH_DATA_FILES.sources,
          record: record.index,
          recordId: value.id,
          field: 'file',
          line: record.lineOf(['file']),
          message: `cannot read "${value.file}" (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        };
      }
    },
  );
  // Retired sources, entities and citations are read and checked like the rest (what cites
  // them must still resolve), but stay out of the graph, and nothing live may refer to them.
  const allSources = new Map<string, SourceRecord>();
  for (const read of sourceReads) {
    if ('message' in read) problems.push(read);
    else allSources.set(read.id, read);
  }
  const retiredSources = new Set(
    [...sourceInputs.values()].filter(({ value }) => value.retired).map(({ value }) => value.id),
  );
  const sources = new Map([...allSources].filter(([id]) => !retiredSources.has(id)));

  const entities = collect(
    GRAPH_DATA_FILES.entities,
    entitiesFile,
    (record) => parseRecord(entitySchema, record, GRAPH_DATA_FILES.entities, problems),
    problems,
  );
  for (const { value, record } of entities.values()) {
    if (!entityTypes.has(value.type)) {
      problems.push({
        file: GRAPH_DATA_FILES.entities,
        record: record.index,
        recordId: value.id,
        field: 'type',
        line: record.lineOf(['type']),
        message: `unknown entity type "${value.type}"; known types: ${[...entityTypes.keys()].join(', ')}`,
      });
    }
  }

  const retiredEntities = new Set(
    [...entities.values()].filter(({ value }) => value.retired).map(({ value }) => value.id),
  );
  const voiceRules: VoiceRules = {
    ...voiceVocabulary,
    entityNames: namesOfEntities(
      [...entities.values()].filter(({ value }) => !value.retired).map(({ value }) => value),
    ),
    hasEntity: (id) => entities.has(id),
  };

  const citationsOf = (
    file: string,
    record: YamlRecord,
    recordId: string,
    inputs: CitationInput[],
    target: CitationTarget,
    relation?: { subject: string; object: string },
    // Where the citations list sits in the record: [] for `citations`, ['time', 0] for a date's.
    path: (string | number)[] = [],
    // False in a retired record: it may cite what is retired too.
    live = true,
    // The record's citations checked so far without a problem: an input equal to one of theirs
    // (a date quoting the record's own words, as most do) is that citation, not checked again
    // (at 10^6 relations, a million quotes not searched for twice); one found clean is added.
    checked?: CheckedCitation[],
  ): CitationRecord[] =>
    inputs.flatMap((input, position) => {
      const same = checked?.find((other) => sameInput(other.input, input));
      if (same) return [same.citation];
      const problemsBefore = problems.length;
      const at = (field: string) => ({
        file,
        record: record.index,
        recordId,
        field: [...path, 'citations', position, field].join('.'),
        line: record.lineOf([...path, 'citations', position, field]),
      });
      const source = allSources.get(input.source);
      if (!source) {
        // A source that failed to read was already reported; only name truly unknown ids.
        if (!sourceInputs.has(input.source)) {
          problems.push({ ...at('source'), message: `unknown source "${input.source}"` });
        }
        return [];
      }
      const resolved = resolveQuote(source.text, input.quote, input.occurrence);
      if (!resolved.ok) {
        problems.push({ ...at('quote'), message: quoteProblem(input, resolved.reason, resolved.count) });
        return [];
      }
      const voice = checkCitationVoice(
        voiceRules,
        { input, text: source.text, start: resolved.start, end: resolved.end, relation, at },
        problems,
      );
      if (live && !input.retired) {
        if (retiredSources.has(source.id)) {
          problems.push({
            ...at('source'),
            message: `source "${source.id}" is retired: a live citation cannot cite it`,
          });
        }
        if (typeof input.attributedTo === 'string' && retiredEntities.has(input.attributedTo)) {
          problems.push({
            ...at('attributedTo'),
            message: `entity "${input.attributedTo}" is retired: a live citation cannot be attributed to it`,
          });
        }
      }
      if (input.retired) return [];
      // The quote as a slice of the source text: V8 keeps a slice as a reference into the text,
      // so a million quotes cost no copy of their characters.
      const quote = source.text.slice(resolved.start, resolved.end);
      const citation = { sourceId: source.id, quote, start: resolved.start, end: resolved.end, target, ...voice };
      if (checked && problems.length === problemsBefore) checked.push({ input, citation });
      return [citation];
    });

  // Dates (time.ts): each statement's citations resolve like any other, at their place in the record.
  const timeOf = (
    file: string,
    record: YamlRecord,
    recordId: string,
    inputs: Parameters<typeof readTimeStatements>[0],
    target: CitationTarget,
    relation?: { subject: string; object: string },
    // The record's own citations: a date quoting the same words shares the record's citation
    // (most dates do), instead of holding an equal copy (a million fewer objects at 10^6).
    known: readonly CitationRecord[] = [],
    live = true,
    checked: CheckedCitation[] = [],
  ) =>
    readTimeStatements(inputs, {
      citationsOf: (field, citations) =>
        citationsOf(
          file,
          record,
          recordId,
          citations,
          target,
          relation,
          field.split('.').map(pathPart),
          live,
          checked,
        ).map((citation) => known.find((other) => sameCitation(other, citation)) ?? citation),
      publishedOf: (sourceId) => sources.get(sourceId)?.published ?? null,
      at: (field) => ({
        file,
        record: record.index,
        recordId,
        field,
        line: record.lineOf(field.split('.').map(pathPart)),
      }),
      problems,
    });
  for (const { value, record } of sourceInputs.values()) {
    const source = sources.get(value.id);
    if (!source) continue;
    source.publishedEvidence = readPublishedEvidence(value, {
      citationsOf: (field, citations) =>
        citationsOf(
          GRAPH_DATA_FILES.sources,
          record,
          value.id,
          citations,
          { kind: 'source', id: value.id },
          undefined,
          [field],
          !value.retired,
        ),
      at: (field) => ({
        file: GRAPH_DATA_FILES.sources,
        record: record.index,
        recordId: value.id,
        field,
        line: record.lineOf(field.split('.').map(pathPart)),
      }),
      problems,
    });
  }
  const entityTimes = new Map(
    [...entities.values()].map(({ value, record }) => [
      value.id,
      timeOf(
        GRAPH_DATA_FILES.entities,
        record,
        value.id,
        value.time,
        { kind: 'entity', id: value.id },
        undefined,
        [],
        !value.retired,
      ),
    ]),
  );

  const checkEntity = (file: string, record: YamlRecord, recordId: string, field: string, id: string, live = true) => {
    if (entities.has(id) && !(live && retiredEntities.has(id))) return;
    problems.push({
      file,
      record: record.index,
      recordId,
      field,
      line: record.lineOf([field]),
      message: entities.has(id)
        ? `entity "${id}" is retired: retire this record too, or refer to an entity that is not`
        : `unknown entity "${id}"`,
    });
  };
  /** A live relation or claim keeps at least one citation that is not retired. */
  const checkLiveCitations = (file: string, record: YamlRecord, recordId: string, inputs: CitationInput[]) => {
    if (inputs.some((input) => !input.retired)) return;
    problems.push({
      file,
      record: record.index,
      recordId,
      field: 'citations',
      line: record.lineOf(['citations']),
      message: 'every citation is retired: keep one, or retire the record',
    });
  };

  const relations: RelationRecord[] = [];
  // Each relation is made into its record as soon as it passes its schema, so that the schema's
  // copy of it dies young: a million copies kept until the last relation is read cost seconds
  // of garbage collection at 10^6 relations.
  const file = GRAPH_DATA_FILES.relations;
  forEachValid(
    file,
    relationsFile,
    (record) => parseRecord(relationSchema, record, file, problems),
    problems,
    (value, record) => {
      checkEntity(file, record, value.id, 'subject', value.subject, !value.retired);
      checkEntity(file, record, value.id, 'object', value.object, !value.retired);
      if (value.subject === value.object) {
        problems.push({
          file,
          record: record.index,
          recordId: value.id,
          field: 'object',
          line: record.lineOf(['object']),
          message: `a relation joins two different entities, but subject and object are both "${value.subject}"`,
        });
      }
      const relationType = relationTypes.get(value.type)?.value;
      if (!relationType) {
        problems.push({
          file,
          record: record.index,
          recordId: value.id,
          field: 'type',
          line: record.lineOf(['type']),
          message: `unknown relation type "${value.type}"; see ${GRAPH_DATA_FILES.vocabulary} for the known types`,
        });
      }
      // One target for every citation of the relation, its dates' included.
      const target: CitationTarget = { kind: 'relation', id: value.id };
      const checked: CheckedCitation[] = [];
      const citations = citationsOf(
        file,
        record,
        value.id,
        value.citations,
        target,
        value,
        [],
        !value.retired,
        checked,
      );
      if (value.retired) return; // checked like the rest, but out of the graph
      checkLiveCitations(file, record, value.id, value.citations);
      // Ends and type as the entity's and the vocabulary's own strings: one string per entity
      // instead of one per mention, which at 10^6 relations is millions fewer for memory and GC.
      relations.push({
        id: value.id,
        type: relationType?.id ?? value.type,
        subject: entities.get(value.subject)?.value.id ?? value.subject,
        object: entities.get(value.object)?.value.id ?? value.object,
        directed: relationType?.directed ?? true,
        note: value.note,
        citations,
        time: timeOf(file, record, value.id, value.time, target, value, citations, true, checked),
        sourceIds: distinctSources(citations),
      });
    },
  );
  // The file's text is no longer needed: let it go before the graph is built (at 10^6 relations,
  // hundreds of MB of the start-up's peak). Its stream holds it, and this variable the stream.
  // eslint-disable-next-line no-useless-assignment -- the assignment is what lets the text go
  relationsFile = null;

  const claims = new Map<string, ClaimRecord>();
  const claimInputs = collect(
    GRAPH_DATA_FILES.claims,
    claimsFile,
    (record) => parseRecord(claimSchema, record, GRAPH_DATA_FILES.claims, problems),
    problems,
  );
  for (const { value, record } of claimInputs.values()) {
    checkEntity(GRAPH_DATA_FILES.claims, record, value.id, 'entity', value.entity, !value.retired);
    if (!claimAttributes.has(value.attribute)) {
      problems.push({
        file: GRAPH_DATA_FILES.claims,
        record: record.index,
        recordId: value.id,
        field: 'attribute',
        line: record.lineOf(['attribute']),
        message: `unknown claim attribute "${value.attribute}"; add it to "claimAttributes" in ${GRAPH_DATA_FILES.vocabulary} or use a known one`,
      });
    }
    const citations = citationsOf(
      GRAPH_DATA_FILES.claims,
      record,
      value.id,
      value.citations,
      { kind: 'claim', id: value.id },
      undefined,
      [],
      !value.retired,
    );
    if (value.retired) continue; // checked like the rest, but out of the graph
    checkLiveCitations(GRAPH_DATA_FILES.claims, record, value.id, value.citations);
    const { retired: _retired, ...claim } = value;
    claims.set(value.id, { ...claim, citations, sourceIds: distinctSources(citations) });
  }

  if (problems.length > 0) throw new GraphDataError(problems);

  const knowledgeGraph: KnowledgeGraph = {
    graph: buildEntityGraph(
      [...entities.values()]
        .filter(({ value }) => !value.retired)
        .map(({ value: { retired: _retired, ...entity } }) => ({ ...entity, time: entityTimes.get(entity.id) ?? [] })),
      relations,
    ),
    sources,
    claims,
    dataset: datasetFile,
    vocabulary: {
      entityTypes: new Map([...entityTypes].map(([id, { value }]) => [id, value])),
      relationTypes: new Map([...relationTypes].map(([id, { value }]) => [id, value])),
      claimAttributes: new Map([...claimAttributes].map(([id, { value }]) => [id, value])),
      hedges: voiceVocabulary.hedges,
      reportingCues: voiceVocabulary.reportingCues,
    },
  };
  setLoadedVersion(knowledgeGraph, digest.digest());
  return knowledgeGraph;
}

/** Entities become nodes; relations become edges keyed by their id, undirected where the type is symmetric. */
export function buildEntityGraph(entities: EntityRecord[], relations: RelationRecord[]): EntityGraph {
  const graph: EntityGraph = new MultiGraph<EntityRecord, RelationRecord>({ allowSelfLoops: false });
  for (const entity of entities) graph.addNode(entity.id, entity);
  useNeighbourTablesWithoutPrototype(graph);
  for (const relation of relations) {
    if (relation.directed) graph.addDirectedEdgeWithKey(relation.id, relation.subject, relation.object, relation);
    else graph.addUndirectedEdgeWithKey(relation.id, relation.subject, relation.object, relation);
  }
  return graph;
}

/** Valid records by id; a second record with an id already seen is a problem, and kept out. */
function collect<T extends { id: string }>(
  file: string,
  records: Iterable<YamlRecord> | null,
  parse: (record: YamlRecord) => T | null,
  problems: DataProblem[],
): Map<string, Located<T>> {
  const byId = new Map<string, Located<T>>();
  forEachValid(file, records, parse, problems, (value, record) => byId.set(value.id, { value, record }));
  return byId;
}

/**
 * Calls `use` with each record that passes `parse` and whose id no earlier record has, in the
 * file's order. Problems are told as if the whole file were checked first: every parse and
 * duplicate-id problem of the file, then the problems `use` told.
 */
function forEachValid<T extends { id: string }>(
  file: string,
  records: Iterable<YamlRecord> | null,
  parse: (record: YamlRecord) => T | null,
  problems: DataProblem[],
  use: (value: T, record: YamlRecord) => void,
): void {
  const firstIndexOf = new Map<string, number>();
  const checkProblems: DataProblem[] = [];
  const start = problems.length;
  for (const record of records ?? []) {
    const before = problems.length;
    const value = parse(record);
    // The parsed YAML is no longer needed once validated: letting it go halves the peak memory
    // of a large file. The record keeps what locating a problem needs.
    record.value = undefined;
    if (value) {
      const first = firstIndexOf.get(value.id);
      if (first === undefined) {
        firstIndexOf.set(value.id, record.index);
        use(value, record);
        continue;
      }
      problems.push({
        file,
        record: record.index,
        recordId: value.id,
        field: 'id',
        line: record.lineOf(['id']),
        message: `duplicate id "${value.id}": record ${first} already uses it`,
      });
    }
    for (const problem of problems.splice(before)) checkProblems.push(problem);
  }
  const told = problems.splice(start);
  for (const problem of checkProblems) problems.push(problem);
  for (const problem of told) problems.push(problem);
}

/** A dotted field path's parts, numbers where they index a list (`time.0.at` → ['time', 0, 'at']). */
function pathPart(part: string): string | number {
  return /^\d+$/.test(part) ? Number(part) : part;
}

/** The dataset's title and description; the default when graph-data has no dataset file; null when invalid. */
async function readDatasetFile(
  dir: string,
  problems: DataProblem[],
  digest: FilesDigest,
): Promise<DatasetRecord | null> {
  try {
    await access(`${dir}/${DATASET_FILE}`);
  } catch {
    return DEFAULT_DATASET;
  }
  const yaml = await readYamlFile(dir, DATASET_FILE, problems, digest);
  if (!yaml) return null;
  const record: YamlRecord = {
    index: 1,
    value: yaml.document.toJSON(),
    lineOf: (path) =>
      yaml.lineOf(
        ((path && isMap(yaml.document.contents) ? yaml.document.contents.getIn(path, true) : undefined) as
          Node | undefined) ?? (yaml.document.contents as Node | null),
      ),
  };
  const problemsBefore = problems.length;
  const dataset = parseRecord(datasetSchema, record, DATASET_FILE, problems);
  if (!dataset) {
    for (const problem of problems.slice(problemsBefore)) problem.record = undefined;
    return null;
  }
  return dataset;
}

/**
 * Equal citation inputs: every field the same (checking one tells what checking the other
 * would). Field by field, the nested ones (attributedTo, silence) as JSON: a million dates
 * compared as whole JSON cost seconds.
 */
function sameInput(a: CitationInput, b: CitationInput): boolean {
  if (a.quote !== b.quote || a.source !== b.source) return false;
  const fields = Object.keys(a) as (keyof CitationInput)[];
  if (fields.length !== Object.keys(b).length) return false;
  return fields.every(
    (field) =>
      field in b &&
      (a[field] === b[field] ||
        (typeof a[field] === 'object' && JSON.stringify(a[field]) === JSON.stringify(b[field]))),
  );
}

/** Equal citations: the same words of the same source, for the same record, in the same voice. */
function sameCitation(a: CitationRecord, b: CitationRecord): boolean {
  const speaker = (citation: CitationRecord) => JSON.stringify(citation.attributedTo ?? null);
  return (
    a.sourceId === b.sourceId &&
    a.start === b.start &&
    a.end === b.end &&
    a.target === b.target &&
    a.hedge === b.hedge &&
    speaker(a) === speaker(b)
  );
}

function distinctSources(citations: CitationRecord[]): string[] {
  return [...new Set(citations.map((citation) => citation.sourceId))].sort();
}

function quoteProblem(input: CitationInput, reason: 'not-found' | 'ambiguous' | 'no-such-occurrence', count: number) {
  const quote = input.quote.length > 80 ? `${input.quote.slice(0, 77)}...` : input.quote;
  switch (reason) {
    case 'not-found':
      return `quote not found verbatim in source "${input.source}": "${quote}" (check apostrophes, quotation marks and dashes)`;
    case 'ambiguous':
      return `ambiguous quote: "${quote}" occurs ${count} times in source "${input.source}"; add "occurrence: N" (1 to ${count}) to say which`;
    case 'no-such-occurrence':
      return `occurrence ${input.occurrence} of "${quote}" does not exist: it occurs ${count} time(s) in source "${input.source}"`;
  }
}

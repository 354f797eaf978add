/**
 * The full-text index
 * ===================
 *
 * Built once, after the server is ready (see indexes.ts and deferred-index.ts), so that a search
 * reads an inverted index and never scans the sources' texts. It indexes:
 *   - entities: name, aliases, description (MiniSearch);
 *   - passages: every sentence of every source text, cut by `Intl.Segmenter` (the platform's
 *     Unicode sentence rules), kept as offsets into the text, not as copies (passage-index.ts:
 *     MiniSearch's scoring in typed arrays, as there are millions at 10^6 relations);
 *   - relation types (label and id) and relation notes, for the relations group (MiniSearch).
 * Relations are not indexed one by one: every quote is a stretch of a source text, so the
 * passages index already holds its words, and `passageCitations` leads from a matching
 * passage to the relations quoting it. A million relations then cost a list entry per
 * citation, not a document each.
 *
 * Words are split and folded the same way everywhere (WORD, foldText), so the words a search
 * matched can be found again in a text, with offsets, to mark them.
 */
import MiniSearch from 'minisearch';

import type { CitationRecord, KnowledgeGraph, SourceRecord } from '../data/model';
import { inSlices } from './deferred-index';
import { PassageIndex } from './passage-index';
import { foldText } from './text-folding';

/** A word: a run of characters that are neither space nor punctuation (MiniSearch's own split). */
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/**
 * A sentence longer than this is cut into passages at a space near each multiple of it: a
 * text without full stops (a list, a transcript) still yields passages a reader can open.
 */
export const MAX_PASSAGE_LENGTH = 600;

export interface FullTextIndex {
  readonly entities: MiniSearch<FullTextEntityDocument>;
  /** Relation types by label and id ("leader of", "leader_of"). */
  readonly relationTypes: MiniSearch<LabelDocument>;
  /** The relations that have a curator's note, by their note. */
  readonly relationNotes: MiniSearch<LabelDocument>;
  /** Every sentence of every source (passage-index.ts: MiniSearch's scoring in a fraction of its memory). */
  readonly passages: PassageIndex;
  /**
   * The relation citations whose quote overlaps passage p, by start, are passageCitations from
   * passageCitationStart[p] to passageCitationStart[p + 1].
   */
  readonly passageCitations: readonly CitationRecord[];
  readonly passageCitationStart: Uint32Array;
  /** Passage number → source id, start and end (UTF-16 offsets into the text, end exclusive). */
  readonly passageSource: readonly string[];
  readonly passageStart: Uint32Array;
  readonly passageEnd: Uint32Array;
}

interface FullTextEntityDocument {
  id: string;
  name: string;
  aliases: string;
  description: string;
}

interface LabelDocument {
  id: string;
  text: string;
}

/** A word of a text with its offsets and folded form. */
export interface Word {
  start: number;
  end: number;
  folded: string;
}

/** The words of `text` (from `from` to `to`), folded, with offsets into `text`. */
export function wordsOf(text: string, from = 0, to = text.length): Word[] {
  const words: Word[] = [];
  const slice = text.slice(from, to);
  for (const match of slice.matchAll(WORD)) {
    const folded = foldText(match[0]);
    if (folded) words.push({ start: from + match.index, end: from + match.index + match[0].length, folded });
  }
  return words;
}

/** Split into words, as every full-text index and query does. */
export function tokenizeForSearch(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * English words too common to tell texts apart, left out of the indexes: in prose they are a
 * third of all words, so leaving them out makes the indexes smaller and a query naming them
 * cheaper (a word's cost is the number of texts holding it). A phrase is still marked with
 * them, as marking reads the text itself. Not here, as they name things in this domain: "is"
 * (IS, the Islamic State), "us" (the US), "who" (the WHO).
 */
const STOP_WORDS = new Set(
  'a an and are as at be been but by for from had has have in it its of on or that the these this those to was were which with'.split(
    ' ',
  ),
);

/** A word as the indexes hold it: folded, or null for a stop word. */
export function indexTerm(word: string): string | null {
  const folded = foldText(word);
  return folded && !STOP_WORDS.has(folded) ? folded : null;
}

/** How every full-text index splits and keeps words. */
export const indexOptions = { tokenize: tokenizeForSearch, processTerm: indexTerm };

/** Builds the index in slices (deferred-index.ts), so that requests are answered meanwhile. */
export async function buildFullTextIndex(
  knowledgeGraph: KnowledgeGraph,
  ids: { entityIds: readonly string[]; relationIds: readonly string[]; sourceIds: readonly string[] },
  /** Source id → every citation into it, by start offset (GraphIndex.citationsBySource). */
  citationsBySource: ReadonlyMap<string, readonly CitationRecord[]>,
): Promise<FullTextIndex> {
  const { entityIds, relationIds, sourceIds } = ids;
  const { graph, sources, vocabulary } = knowledgeGraph;

  const entities = new MiniSearch<FullTextEntityDocument>({
    fields: ['name', 'aliases', 'description'],
    ...indexOptions,
  });
  await inSlices(entityIds.length, (i) => {
    const entity = graph.getNodeAttributes(entityIds[i]!);
    entities.add({
      id: entity.id,
      name: entity.name,
      aliases: entity.aliases.join('\n'),
      description: entity.description,
    });
  });

  const relationTypes = new MiniSearch<LabelDocument>({ fields: ['text'], ...indexOptions });
  relationTypes.addAll(
    [...vocabulary.relationTypes.values()].map((type) => ({
      id: type.id,
      text: `${type.label}\n${type.id.replace(/_/g, ' ')}`,
    })),
  );
  const relationNotes = new MiniSearch<LabelDocument>({ fields: ['text'], ...indexOptions });
  await inSlices(relationIds.length, (i) => {
    const note = graph.getEdgeAttribute(relationIds[i]!, 'note');
    if (note) relationNotes.add({ id: relationIds[i]!, text: note });
  });

  const passageSource: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const passages = new PassageIndex(indexOptions);
  // Each passage's citations are a stretch of one flat list: an array per passage cost ~80 bytes
  // for each of the 1.5 million passages at 10^6 relations.
  const passageCitations: CitationRecord[] = [];
  const citationStarts: number[] = [];
  await inSlices(sourceIds.length, (s) => {
    const sourceId = sourceIds[s]!;
    const source = sources.get(sourceId)!;
    const first = passageSource.length;
    for (const [start, end] of sentenceSpans(source)) {
      const id = passageSource.length;
      passageSource.push(sourceId);
      starts.push(start);
      ends.push(end);
      passages.add(id, source.text.slice(start, end));
    }
    const citationsHere: CitationRecord[][] = [];
    for (const citation of citationsBySource.get(sourceId) ?? []) {
      if (citation.target.kind !== 'relation') continue;
      // The passages from the last one starting before the quote's end, back while they reach into it.
      let low = first;
      let high = passageSource.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (starts[middle]! < citation.end) low = middle + 1;
        else high = middle;
      }
      for (let p = low - 1; p >= first && ends[p]! > citation.start; p--)
        (citationsHere[p - first] ??= []).push(citation);
    }
    for (let p = first; p < passageSource.length; p++) {
      citationStarts.push(passageCitations.length);
      for (const citation of citationsHere[p - first] ?? []) passageCitations.push(citation);
    }
  });
  citationStarts.push(passageCitations.length);

  passages.finish();
  return {
    entities,
    relationTypes,
    relationNotes,
    passages,
    passageCitations,
    passageCitationStart: Uint32Array.from(citationStarts),
    passageSource,
    passageStart: Uint32Array.from(starts),
    passageEnd: Uint32Array.from(ends),
  };
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
const LEADING_SPACE = /^\s+/u;
const TRAILING_SPACE = /\s+$/u;

/** The source's sentences as [start, end) offsets, without surrounding white space, long ones cut. */
export function sentenceSpans(source: Pick<SourceRecord, 'text'>): [number, number][] {
  const spans: [number, number][] = [];
  for (const { segment, index } of sentences.segment(source.text)) {
    const start = index + (LEADING_SPACE.exec(segment)?.[0].length ?? 0);
    const end = index + segment.length - (TRAILING_SPACE.exec(segment)?.[0].length ?? 0);
    for (let from = start; from < end;) {
      let to = Math.min(end, from + MAX_PASSAGE_LENGTH);
      if (to < end) {
        const space = source.text.lastIndexOf(' ', to);
        if (space > from) to = space;
      }
      spans.push([from, to]);
      from = to;
      while (from < end && /\s/u.test(source.text[from]!)) from++;
    }
  }
  return spans;
}

/**
 * The full-text index
 * ===================
 *
 * Built once at start-up (see indexes.ts) so that a search reads an inverted index and never
 * scans the sources' texts. Three MiniSearch indexes, one per group of results:
 *   - entities: name, aliases, description;
 *   - relations: the type's label, every quote, the curator's note, and the two ends' names
 *     (so "leader" finds leader_of relations, and a phrase from a quote finds its relation);
 *   - passages: every sentence of every source text, cut by `Intl.Segmenter` (the platform's
 *     Unicode sentence rules), kept as offsets into the text, not as copies.
 *
 * Words are split and folded the same way everywhere (WORD, foldText), so the words a search
 * matched can be found again in a text, with offsets, to mark them.
 */
import MiniSearch from 'minisearch';

import type { EntityGraph, KnowledgeGraph, RelationRecord, SourceRecord } from '../data/model';
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
  readonly relations: MiniSearch<FullTextRelationDocument>;
  readonly passages: MiniSearch<PassageDocument>;
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

interface FullTextRelationDocument {
  id: string;
  label: string;
  quotes: string;
  note: string;
  ends: string;
}

interface PassageDocument {
  id: number;
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

const indexOptions = { tokenize: tokenizeForSearch, processTerm: indexTerm };

export function buildFullTextIndex(
  knowledgeGraph: KnowledgeGraph,
  entityIds: readonly string[],
  relationIds: readonly string[],
  sourceIds: readonly string[],
): FullTextIndex {
  const { graph, sources, vocabulary } = knowledgeGraph;

  const entities = new MiniSearch<FullTextEntityDocument>({
    fields: ['name', 'aliases', 'description'],
    ...indexOptions,
  });
  entities.addAll(
    entityIds.map((id) => {
      const entity = graph.getNodeAttributes(id);
      return { id, name: entity.name, aliases: entity.aliases.join('\n'), description: entity.description };
    }),
  );

  const relations = new MiniSearch<FullTextRelationDocument>({
    fields: ['label', 'quotes', 'note', 'ends'],
    ...indexOptions,
  });
  const labelOf = (type: string) => {
    const label = vocabulary.relationTypes.get(type)?.label ?? '';
    // The id as words too ("leader_of" → "leader of"), should a label word it otherwise.
    return `${label}\n${type.replace(/_/g, ' ')}`;
  };
  relations.addAll(relationIds.map((id) => relationDocument(graph, graph.getEdgeAttributes(id), labelOf)));

  const passageSource: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const passages = new MiniSearch<PassageDocument>({ fields: ['text'], ...indexOptions });
  for (const sourceId of sourceIds) {
    const source = sources.get(sourceId)!;
    for (const [start, end] of sentenceSpans(source)) {
      const id = passageSource.length;
      passageSource.push(sourceId);
      starts.push(start);
      ends.push(end);
      passages.add({ id, text: source.text.slice(start, end) });
    }
  }

  return {
    entities,
    relations,
    passages,
    passageSource,
    passageStart: Uint32Array.from(starts),
    passageEnd: Uint32Array.from(ends),
  };
}

function relationDocument(
  graph: EntityGraph,
  relation: RelationRecord,
  labelOf: (type: string) => string,
): FullTextRelationDocument {
  return {
    id: relation.id,
    label: labelOf(relation.type),
    quotes: relation.citations.map((citation) => citation.quote).join('\n'),
    note: relation.note ?? '',
    ends: [graph.getNodeAttributes(relation.subject), graph.getNodeAttributes(relation.object)]
      .map((entity) => [entity.name, ...entity.aliases].join('\n'))
      .join('\n'),
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

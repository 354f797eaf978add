/**
 * Full-text search
 * ================
 *
 * Which entities, relations and passages of the sources speak of a few words. Each group is
 * ranked on its own (full-text-index.ts holds the three indexes) and paged by rank. One query
 * per group, built like the name search (search.ts) but over more text:
 *   - every word must match (AND); only when nothing meets every word is any word enough
 *     (OR). Asking both every time would double the cost of each query for matches that
 *     rank below every full match anyway;
 *   - short queries (up to FORGIVING_QUERY_WORDS words) also match word prefixes and typos:
 *     one edit from 4 letters, two from 7, so "hakkani" meets "haqqani" (two letters apart,
 *     as transliterations of one name often are). Longer queries are phrases someone pasted:
 *     their words are matched as written, which keeps their cost to a lookup per word;
 *   - the query's words found in a row (a phrase of a quote) multiply the score.
 * Equal scores fall back to ids, so the order, and with it every cursor, is stable.
 */
import type { SearchOptions, SearchResult } from 'minisearch';

import type { CitationRecord, EntityRecord, RelationRecord, SourceRecord } from '../data/model';
import { type Word, indexTerm, tokenizeForSearch, wordsOf } from './full-text-index';
import { type GraphIndex, degreeOf } from './indexes';
import { InvalidArgumentError } from './invalid-argument';
import { type RankedConnection, rankedConnection } from './ranked-cursor';
import { foldText } from './text-folding';

/**
 * The longest `text` a full-text search takes, in characters (UTF-16 code units): a sentence
 * or two. Every word costs a lookup per index, so the bound keeps a query's cost small.
 */
export const MAX_FULL_TEXT_LENGTH = 200;

/** Queries of up to this many words match prefixes and typos; longer ones, words as written. */
const FORGIVING_QUERY_WORDS = 4;

/** A score multiplier for a hit whose text holds the query's words in a row. */
const PHRASE_BOOST = 4;

/** A score multiplier for an entity whose name or an alias is the query. */
const EXACT_NAME_BOOST = 10;

/** The length of a passage's snippet, in characters, and how much of it comes before the first match. */
const SNIPPET_LENGTH = 160;
const SNIPPET_LEAD = 50;

/** A stretch of a source text: UTF-16 offsets into `Source.text`, end exclusive, and the text there. */
export interface TextSpanRecord {
  start: number;
  end: number;
  text: string;
}

export interface EntityMatchRecord {
  entity: EntityRecord;
  /** The fields that matched: name, aliases, description. */
  fields: string[];
}

export interface QuoteMatchRecord {
  citation: CitationRecord;
  /** The matched words (or phrase) in the quote, as offsets into the source text. */
  matches: TextSpanRecord[];
}

export interface RelationMatchRecord {
  relation: RelationRecord;
  /** The fields that matched: label (the type's), quotes, note. */
  fields: string[];
  /** The citations whose quote holds a matched word, in citation order. */
  quotes: QuoteMatchRecord[];
}

export interface PassageRecord {
  source: SourceRecord;
  /** The passage (a sentence) in the source's text: UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
  /** A short stretch of the passage around its first match. */
  snippet: TextSpanRecord;
  /** The matched words (or phrase), as offsets into the source text. */
  matches: TextSpanRecord[];
}

/** A full-text search before any group is searched: each group is searched when asked for. */
export interface FullTextSearchRecord {
  /** Trimmed and checked by fullTextQuery. */
  text: string;
}

export interface PageOptions {
  first: number;
  offset: number;
}

/** The query as it is searched: trimmed, and checked against MAX_FULL_TEXT_LENGTH. */
export function fullTextQuery(text: string): string {
  if (text.length > MAX_FULL_TEXT_LENGTH) {
    throw new InvalidArgumentError(
      'text',
      `\`text\` is ${text.length} characters long; a full-text search takes at most ${MAX_FULL_TEXT_LENGTH}. Search for fewer words.`,
    );
  }
  return text.trim();
}

/** The entities whose name, aliases or description match, best first (once the index is built). */
export async function fullTextEntities(
  index: GraphIndex,
  text: string,
  page: PageOptions,
): Promise<RankedConnection<EntityMatchRecord>> {
  const query = fullTextQuery(text);
  const folded = foldText(query);
  const fullText = await index.fullText.built();
  const results = rank(
    run(
      fullText.entities,
      query,
      { name: 3, aliases: 2, description: 1 },
      (id) =>
        // As in the name search: of two equal matches, the one the graph says more about first.
        1 + Math.log10(1 + degreeOf(index, id)) / 4,
    ),
    (result) => {
      const entity = index.graph.getNodeAttributes(result.id as string);
      return [entity.name, ...entity.aliases].some((name) => foldText(name) === folded) ? EXACT_NAME_BOOST : 1;
    },
    page,
  );
  return rankedConnection(
    results.page.map((result) => ({
      entity: index.graph.getNodeAttributes(result.id as string),
      fields: fieldsOf(result),
    })),
    page.offset,
    results.total,
  );
}

/**
 * A type's label matching counts for this much of a quote matching as well: "leader" should
 * list the relations whose quotes say "leader" before the many of type leader_of that do not.
 */
const TYPE_MATCH_WEIGHT = 0.5;

/**
 * The relations whose type label, quotes or note match, best first. Quotes are found through
 * the passages that hold them (full-text-index.ts): a quote counts when it overlaps a
 * matching passage and holds as many of the matched words as the query has words (all of
 * them, when every word had to match).
 */
export async function fullTextRelations(
  index: GraphIndex,
  text: string,
  page: PageOptions,
): Promise<RankedConnection<RelationMatchRecord>> {
  const query = fullTextQuery(text);
  const queryWords = queryWordsOf(query);
  const { graph } = index;
  const fullText = await index.fullText.built();
  const candidates = new Map<string, { id: string; score: number; fields: Set<string> }>();
  const add = (id: string, score: number, field: string) => {
    const candidate = candidates.get(id);
    if (!candidate) candidates.set(id, { id, score, fields: new Set([field]) });
    else {
      candidate.score += score;
      candidate.fields.add(field);
    }
  };

  for (const type of run(fullText.relationTypes, query, { text: 1 })) {
    for (const id of index.relationsByType.get(type.id as string) ?? [])
      add(id, type.score * TYPE_MATCH_WEIGHT, 'label');
  }
  for (const note of run(fullText.relationNotes, query, { text: 1 })) add(note.id as string, note.score, 'note');

  // Quotes: each relation scores its best matching passage once.
  const terms = new Set<string>();
  const quoteScores = new Map<string, number>();
  const wanted = Math.max(1, new Set(queryWords.filter((word) => indexTerm(word) !== null)).size);
  for (const passage of run(fullText.passages, query, { text: 1 })) {
    const matched = passage.terms;
    for (const term of passage.terms) terms.add(term);
    const { passageCitations, passageCitationStart } = fullText;
    const passageId = passage.id as number;
    for (let c = passageCitationStart[passageId]!; c < passageCitationStart[passageId + 1]!; c++) {
      const citation = passageCitations[c]!;
      const id = (citation.target as { id: string }).id;
      if ((quoteScores.get(id) ?? 0) >= passage.score) continue;
      // A substring test on the folded quote, not a split into words: this runs for every
      // quote of every matching passage, and splitting costs several times more.
      const folded = foldText(citation.quote);
      let inQuote = 0;
      for (const term of matched) if (folded.includes(term)) inQuote++;
      if (inQuote >= Math.min(wanted, matched.length)) quoteScores.set(id, passage.score);
    }
  }
  for (const [id, score] of quoteScores) add(id, score, 'quotes');

  const results = [...candidates.values()].sort((a, b) => b.score - a.score || compareIds(a.id, b.id));
  const ranked = rank(
    results,
    (result) =>
      graph
        .getEdgeAttribute(result.id, 'citations')
        .some((citation) => phraseSpans(wordsOf(citation.quote), queryWords).length > 0)
        ? PHRASE_BOOST
        : 1,
    page,
  );
  return rankedConnection(
    ranked.page.map((result) => {
      const relation = graph.getEdgeAttributes(result.id);
      const quotes: QuoteMatchRecord[] = [];
      for (const citation of relation.citations) {
        const spans = markedSpans(wordsOf(citation.quote), queryWords, terms);
        if (spans.length === 0) continue;
        const matches = spans.map(([start, end]) => ({
          start: citation.start + start,
          end: citation.start + end,
          text: citation.quote.slice(start, end),
        }));
        quotes.push({ citation, matches });
      }
      return { relation, fields: [...result.fields].sort(), quotes };
    }),
    page.offset,
    ranked.total,
  );
}

/** The passages of the sources' texts that match, best first (once the index is built). */
export async function fullTextPassages(
  index: GraphIndex,
  text: string,
  page: PageOptions,
): Promise<RankedConnection<PassageRecord>> {
  const query = fullTextQuery(text);
  const queryWords = queryWordsOf(query);
  const fullText = await index.fullText.built();
  const passageWords = (id: number) => {
    const source = index.knowledgeGraph.sources.get(fullText.passageSource[id]!)!;
    return wordsOf(source.text, fullText.passageStart[id], fullText.passageEnd[id]);
  };
  const results = rank(
    run(fullText.passages, query, { text: 1 }),
    (result) => (phraseSpans(passageWords(result.id as number), queryWords).length > 0 ? PHRASE_BOOST : 1),
    page,
  );
  return rankedConnection(
    results.page.map((result) => {
      const id = result.id as number;
      const source = index.knowledgeGraph.sources.get(fullText.passageSource[id]!)!;
      const start = fullText.passageStart[id]!;
      const end = fullText.passageEnd[id]!;
      const matches = markedSpans(passageWords(id), queryWords, new Set(result.terms)).map(([from, to]) =>
        span(source, from, to),
      );
      return { source, start, end, snippet: snippetOf(source, start, end, matches[0]), matches };
    }),
    page.offset,
    results.total,
  );
}

// Querying and ranking ---------------------------------------------------------------------------

/** A MiniSearch index, or the passages' own (passage-index.ts), which scores as MiniSearch does. */
type Searchable = { search(query: string, options: SearchOptions): SearchResult[] };

/** The words of a query, folded, in order. */
function queryWordsOf(query: string): string[] {
  return tokenizeForSearch(query).map(foldText).filter(Boolean);
}

/** Every match of one index, best first (MiniSearch's order). */
function run(
  searchIndex: Searchable,
  query: string,
  boost: Record<string, number>,
  boostDocument?: (id: string) => number,
): SearchResult[] {
  const words = queryWordsOf(query).filter((word) => indexTerm(word) !== null);
  if (words.length === 0) return [];
  const forgiving = words.length <= FORGIVING_QUERY_WORDS;
  const options: SearchOptions = {
    boost,
    ...(boostDocument && { boostDocument }),
    prefix: forgiving ? (term) => term.length >= 3 : false,
    fuzzy: forgiving ? (term) => (term.length < 4 ? 0 : term.length < 7 ? 1 : 2) : false,
  };
  const every = searchIndex.search(query, { ...options, combineWith: 'AND' });
  return every.length > 0 || words.length === 1 ? every : searchIndex.search(query, { ...options, combineWith: 'OR' });
}

/**
 * Only this many of MiniSearch's best results are re-scored (the boost reads each one's text):
 * a hit holding the whole phrase meets every word, so it is among them; the rest keep
 * MiniSearch's order, and the total counts every match.
 */
const RESCORED_RESULTS = 200;

function rank<T extends { id: string | number; score: number }>(
  results: T[],
  boostOf: (result: T) => number,
  page: PageOptions,
): { page: T[]; total: number } {
  // Always the same head, whatever the page, so that pages agree on one order.
  const rescored = results
    .slice(0, RESCORED_RESULTS)
    .map((result) => ({ result, score: result.score * boostOf(result) }));
  rescored.sort((a, b) => b.score - a.score || compareIds(a.result.id, b.result.id));
  const pageEnd = page.offset + page.first;
  const fromHead = rescored.slice(page.offset, pageEnd).map(({ result }) => result);
  const fromTail = results.slice(Math.max(page.offset, RESCORED_RESULTS), Math.max(pageEnd, RESCORED_RESULTS));
  return { page: [...fromHead, ...fromTail], total: results.length };
}

function compareIds(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fieldsOf(result: SearchResult): string[] {
  return [...new Set(Object.values(result.match).flat())].sort();
}

// Marking matches ----------------------------------------------------------------------------

/**
 * The stretches to mark in a text, as [start, end) offsets: each run of the query's words in
 * a row, and each other word MiniSearch matched (its `terms`, folded like `wordsOf`).
 */
function markedSpans(words: Word[], queryWords: string[], terms: ReadonlySet<string>): [number, number][] {
  const phrases = queryWords.length > 1 ? phraseSpans(words, queryWords) : [];
  const inPhrase = (word: Word) => phrases.some(([start, end]) => word.start >= start && word.end <= end);
  const single = words
    .filter((word) => terms.has(word.folded) && !inPhrase(word))
    .map((word): [number, number] => [word.start, word.end]);
  return [...phrases, ...single].sort((a, b) => a[0] - b[0]);
}

/** Where the query's words occur in a row in `words`, as [start, end) offsets. */
function phraseSpans(words: Word[], queryWords: string[]): [number, number][] {
  const spans: [number, number][] = [];
  if (queryWords.length === 0) return spans;
  for (let i = 0; i + queryWords.length <= words.length; i++) {
    if (queryWords.every((word, k) => words[i + k]!.folded === word)) {
      spans.push([words[i]!.start, words[i + queryWords.length - 1]!.end]);
      i += queryWords.length - 1;
    }
  }
  return spans;
}

function span(source: SourceRecord, start: number, end: number): TextSpanRecord {
  return { start, end, text: source.text.slice(start, end) };
}

/** About SNIPPET_LENGTH characters of the passage, starting a little before the first match, cut at spaces. */
function snippetOf(
  source: SourceRecord,
  start: number,
  end: number,
  first: TextSpanRecord | undefined,
): TextSpanRecord {
  if (end - start <= SNIPPET_LENGTH) return span(source, start, end);
  let from = Math.max(start, Math.min((first?.start ?? start) - SNIPPET_LEAD, end - SNIPPET_LENGTH));
  if (from > start) {
    const space = source.text.indexOf(' ', from);
    if (space !== -1 && space < (first?.start ?? end)) from = space + 1;
  }
  let to = Math.min(end, from + SNIPPET_LENGTH);
  if (to < end) {
    const space = source.text.lastIndexOf(' ', to);
    if (space > (first?.end ?? from)) to = space;
  }
  return span(source, from, to);
}

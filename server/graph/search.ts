/**
 * Which entities a user means by a few words
 * ==========================================
 *
 * MiniSearch over folded names and aliases (see indexes.ts), with prefix matching (from two or
 * three letters) and about one typo per five letters (from four). Up to three sub-queries are added
 * up, so an entity scores more the more of them it meets:
 *   - every word matches (AND): "islamic state khorasan" → ISIS-K, not the Islamic State;
 *   - any word matches (OR): keeps partial matches as candidates;
 *   - the whole query without spaces or punctuation against names likewise compacted:
 *     "iskp" → "IS-KP", "isis k" → "ISIS-K".
 * A name or alias equal to the query outranks everything else; equal scores go to the better
 * connected entity, then to the smaller id, so the order is stable.
 */
import MiniSearch, { type Query, type SearchOptions } from 'minisearch';

import type { EntityRecord } from '../data/model';
import { type GraphIndex, compareStrings, degreeOf } from './indexes';
import { compactText, foldText } from './text-folding';

/** A score multiplier for a name or alias equal to the query. */
const EXACT_MATCH_BOOST = 10;

/**
 * Only this many of MiniSearch's best results are re-ranked: a name equal to the query matches
 * every term exactly, so it is always among them, and a two-letter prefix on a large graph
 * does not cost a pass over thousands of weak matches.
 */
const RERANKED_RESULTS = 200;

/**
 * Prefix matching from two letters, or from three on a graph of more than LARGE_GRAPH
 * entities: there "ka" begins tens of thousands of names (a quarter of a second to score them
 * on 200 000 entities) while "kab" begins a few hundred.
 */
const LARGE_GRAPH = 20_000;

/** No typo allowance below this length: "isk" should not also find "ask" and "irk". */
const MIN_FUZZY_TERM_LENGTH = 4;

const fuzzy: SearchOptions['fuzzy'] = (term) => (term.length < MIN_FUZZY_TERM_LENGTH ? false : 0.2);
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** The best matches for `text`, best first; at most `first` of them (once the name index is built). */
export async function searchEntities(index: GraphIndex, text: string, first: number): Promise<EntityRecord[]> {
  const query = text.trim();
  if (!query || first <= 0) return [];
  const minPrefixLength = index.entityIds.length > LARGE_GRAPH ? 3 : 2;
  const prefix: SearchOptions['prefix'] = (term) => term.length >= minPrefixLength;
  const folded = foldText(query);
  const compact = compactText(query);

  const queries: Query[] = [{ queries: [query], fields: ['name', 'aliases'], combineWith: 'AND', prefix, fuzzy }];
  // With one word, "any word" is "every word": asking again would only double the work.
  if (tokenize(query).filter(Boolean).length > 1) {
    queries.push({ queries: [query], fields: ['name', 'aliases'], combineWith: 'OR', prefix, fuzzy });
  }
  if (compact) queries.push({ queries: [compact], fields: ['compact'], prefix, fuzzy });

  const results = (await index.searchIndex.built()).search({ combineWith: 'OR', queries });
  const ranked = results.slice(0, Math.max(RERANKED_RESULTS, first)).map((result) => {
    const id = result.id as string;
    const names = (index.entityText.get(id) ?? '').split('\n');
    const exact = names.includes(folded) || names.some((name) => compactText(name) === compact);
    return { id, score: exact ? result.score * EXACT_MATCH_BOOST : result.score, degree: degreeOf(index, id) };
  });
  ranked.sort((a, b) => b.score - a.score || b.degree - a.degree || compareStrings(a.id, b.id));
  return ranked.slice(0, first).map(({ id }) => index.graph.getNodeAttributes(id));
}

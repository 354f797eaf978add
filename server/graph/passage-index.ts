/**
 * The passages' word index
 * ========================
 *
 * Every sentence of every source text is a passage (full-text-index.ts): 1.5 million of them at
 * 10^6 relations. MiniSearch keeps, per word, a Map from document to count, and per document a
 * few Map entries more: about 800 bytes a passage, a gigabyte of heap at that size, which is
 * what took the server past 4 GB once its search indexes were built. This index keeps the same
 * words in typed arrays, about 10 bytes a (word, passage) pair:
 *   - MiniSearch's own radix tree (`SearchableMap`) leads from a word, a prefix or a typo to
 *     the words indexed, as in MiniSearch;
 *   - each word's passages and counts are a stretch of two flat typed arrays, in passage order;
 *   - each passage's length (its distinct words) is a Uint16Array entry.
 *
 * Searching scores as MiniSearch does (its BM25+ parameters, its weights for prefix and typo
 * matches, its AND and OR), step by step in the same order, so that a passage's score and the
 * order of equal scores are MiniSearch's: a test holds the two to the same answers. Only what
 * full-text-search.ts asks of MiniSearch is here (one field, `prefix`, `fuzzy`, `combineWith`,
 * the field's `boost`); anything else is refused rather than ignored.
 */
import type { SearchOptions, SearchResult } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';

/** MiniSearch's defaults: BM25+ parameters, weights of prefix and typo matches, the largest typo distance. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;

/** The one field, named as MiniSearch would name it (results' `match` lists it). */
const FIELD = 'text';

/** Postings are gathered in chunks of this many while adding: no copy when they grow. */
const CHUNK = 1 << 20;

interface Matches {
  score: number;
  terms: string[];
  match: Record<string, string[]>;
}

export interface PassageIndexOptions {
  /** Splits a text into words (the same for the texts and the queries). */
  tokenize: (text: string) => string[];
  /** A word as indexed, or null for a word left out (stop words). */
  processTerm: (word: string) => string | null;
}

export class PassageIndex {
  readonly #options: PassageIndexOptions;
  /** Word → its number. */
  readonly #terms = new SearchableMap<number>();
  /** Counted here: the map's `size` walks the whole tree after each addition. */
  #termCount = 0;
  #documentCount = 0;
  #averageLength = 0;
  #lengths: Uint16Array = new Uint16Array(1024);

  // While adding: (word, passage, count) triples in chunks, in passage order.
  #chunks: { terms: Uint32Array; passages: Uint32Array; counts: Uint16Array }[] = [];
  #filled = CHUNK;

  // Once finished: word w's passages and counts are at offsets[w] … offsets[w + 1].
  #offsets: Uint32Array | null = null;
  #passages: Uint32Array = new Uint32Array(0);
  #counts: Uint16Array = new Uint16Array(0);

  constructor(options: PassageIndexOptions) {
    this.#options = options;
  }

  get documentCount(): number {
    return this.#documentCount;
  }

  get termCount(): number {
    return this.#termCount;
  }

  /** Adds passage `id`; passages are numbered 0, 1, 2 … in the order they are added. */
  add(id: number, text: string): void {
    if (this.#offsets) throw new Error('PassageIndex: add after finish');
    if (id !== this.#documentCount)
      throw new Error(`PassageIndex: passage ${id} added as number ${this.#documentCount}`);
    const tokens = this.#options.tokenize(text);
    // MiniSearch's field length: the distinct words as split, before any is left out.
    const length = new Set(tokens).size;
    if (id === this.#lengths.length) {
      const grown = new Uint16Array(this.#lengths.length * 2);
      grown.set(this.#lengths);
      this.#lengths = grown;
    }
    this.#lengths[id] = Math.min(length, 0xffff);
    // The running mean, computed as MiniSearch does, so that scores agree to the last bit.
    this.#averageLength = (this.#averageLength * this.#documentCount + length) / (this.#documentCount + 1);
    this.#documentCount++;

    // Counts per word, in the order the words first occur (MiniSearch's order of new words).
    const counts = new Map<string, number>();
    for (const token of tokens) {
      const term = this.#options.processTerm(token);
      if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    for (const [term, count] of counts) {
      let number = this.#terms.get(term);
      if (number === undefined) this.#terms.set(term, (number = this.#termCount++));
      if (this.#filled === CHUNK) {
        this.#chunks.push({
          terms: new Uint32Array(CHUNK),
          passages: new Uint32Array(CHUNK),
          counts: new Uint16Array(CHUNK),
        });
        this.#filled = 0;
      }
      const chunk = this.#chunks.at(-1)!;
      chunk.terms[this.#filled] = number;
      chunk.passages[this.#filled] = id;
      chunk.counts[this.#filled] = Math.min(count, 0xffff);
      this.#filled++;
    }
  }

  /** Lays the postings out word by word; call once, after the last add and before searching. */
  finish(): void {
    if (this.#offsets) return;
    const total = this.#chunks.length === 0 ? 0 : (this.#chunks.length - 1) * CHUNK + this.#filled;
    const each = (visit: (term: number, passage: number, count: number) => void) => {
      this.#chunks.forEach((chunk, c) => {
        const size = c === this.#chunks.length - 1 ? this.#filled : CHUNK;
        for (let i = 0; i < size; i++) visit(chunk.terms[i]!, chunk.passages[i]!, chunk.counts[i]!);
      });
    };
    // A counting sort by word: the triples are in passage order, so each word's stay in it.
    const offsets = new Uint32Array(this.#termCount + 1);
    each((term) => offsets[term + 1]!++);
    for (let t = 0; t < this.#termCount; t++) offsets[t + 1]! += offsets[t]!;
    const next = offsets.slice(0, this.#termCount);
    const passages = new Uint32Array(total);
    const counts = new Uint16Array(total);
    each((term, passage, count) => {
      const at = next[term]!++;
      passages[at] = passage;
      counts[at] = count;
    });
    this.#offsets = offsets;
    this.#passages = passages;
    this.#counts = counts;
    this.#chunks = [];
    this.#lengths = this.#lengths.slice(0, this.#documentCount);
  }

  /** The passages matching `query`, best first, as MiniSearch's `search` gives them. */
  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const known = new Set(['boost', 'prefix', 'fuzzy', 'combineWith']);
    const unknown = Object.keys(options).filter((key) => !known.has(key));
    if (unknown.length > 0) throw new Error(`PassageIndex: search option(s) not supported: ${unknown.join(', ')}`);
    if (!this.#offsets) throw new Error('PassageIndex: search before finish');
    const fieldBoost = options.boost?.[FIELD] || 1;
    const terms = this.#options
      .tokenize(query)
      .map((word) => this.#options.processTerm(word))
      .filter((term): term is string => !!term);
    const perTerm = terms.map((term, i) => {
      const prefix = typeof options.prefix === 'function' ? options.prefix(term, i, terms) : options.prefix === true;
      const fuzzy = typeof options.fuzzy === 'function' ? options.fuzzy(term, i, terms) : options.fuzzy || false;
      return this.#termMatches(term, prefix, fuzzy, fieldBoost);
    });
    const combine = (options.combineWith ?? 'OR').toLowerCase();
    if (combine !== 'and' && combine !== 'or') throw new Error(`PassageIndex: cannot combine with ${combine}`);
    const combined = perTerm.length === 0 ? new Map<number, Matches>() : perTerm.reduce(combine === 'and' ? and : or);

    const results: SearchResult[] = [];
    for (const [id, { score, terms: queryTerms, match }] of combined) {
      results.push({ id, score: score * (queryTerms.length || 1), terms: Object.keys(match), queryTerms, match });
    }
    return results.sort((a, b) => b.score - a.score);
  }

  /** One query word's matches: the word itself, then longer words it starts, then words a typo away. */
  #termMatches(term: string, prefix: boolean, fuzzy: boolean | number, fieldBoost: number): Map<number, Matches> {
    const results = new Map<number, Matches>();
    const exact = this.#terms.get(term);
    if (exact !== undefined) this.#score(term, term, exact, 1, fieldBoost, results);
    let fuzzyMatches: Map<string, [number, number]> | undefined;
    if (fuzzy) {
      const distance = fuzzy === true ? 0.2 : fuzzy;
      const maxDistance = distance < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * distance)) : distance;
      if (maxDistance) fuzzyMatches = this.#terms.fuzzyGet(term, maxDistance);
    }
    if (prefix) {
      for (const [derived, number] of this.#terms.atPrefix(term)) {
        const distance = derived.length - term.length;
        if (!distance) continue;
        // A word both starts with the query word and is a typo away counts as a prefix match.
        fuzzyMatches?.delete(derived);
        const weight = (PREFIX_WEIGHT * derived.length) / (derived.length + 0.3 * distance);
        this.#score(term, derived, number, weight, fieldBoost, results);
      }
    }
    for (const [derived, [number, distance]] of fuzzyMatches ?? []) {
      if (!distance) continue;
      const weight = (FUZZY_WEIGHT * derived.length) / (derived.length + distance);
      this.#score(term, derived, number, weight, fieldBoost, results);
    }
    return results;
  }

  /** Adds to `results` the score of every passage holding word `number` (`derived`, found from `term`). */
  #score(
    term: string,
    derived: string,
    number: number,
    weight: number,
    fieldBoost: number,
    results: Map<number, Matches>,
  ): void {
    const from = this.#offsets![number]!;
    const to = this.#offsets![number + 1]!;
    const holding = to - from;
    const inverse = Math.log(1 + (this.#documentCount - holding + 0.5) / (holding + 0.5));
    for (let at = from; at < to; at++) {
      const passage = this.#passages[at]!;
      const count = this.#counts[at]!;
      const length = this.#lengths[passage]!;
      const raw =
        inverse *
        (BM25.d + (count * (BM25.k + 1)) / (count + BM25.k * (1 - BM25.b + (BM25.b * length) / this.#averageLength)));
      const score = weight * fieldBoost * raw;
      const result = results.get(passage);
      if (!result) results.set(passage, { score, terms: [term], match: { [derived]: [FIELD] } });
      else {
        result.score += score;
        if (!result.terms.includes(term)) result.terms.push(term);
        const fields = Object.hasOwn(result.match, derived) ? result.match[derived] : undefined;
        if (fields) fields.push(FIELD);
        else result.match[derived] = [FIELD];
      }
    }
  }
}

/** MiniSearch's OR: every passage of either, scores added. */
function or(a: Map<number, Matches>, b: Map<number, Matches>): Map<number, Matches> {
  for (const [id, matches] of b) {
    const existing = a.get(id);
    if (!existing) a.set(id, matches);
    else {
      existing.score += matches.score;
      existing.match = Object.assign(existing.match, matches.match);
      for (const term of matches.terms) if (!existing.terms.includes(term)) existing.terms.push(term);
    }
  }
  return a;
}

/** MiniSearch's AND: the passages of both, in the order of the second, scores added. */
function and(a: Map<number, Matches>, b: Map<number, Matches>): Map<number, Matches> {
  const combined = new Map<number, Matches>();
  for (const [id, matches] of b) {
    const existing = a.get(id);
    if (!existing) continue;
    for (const term of matches.terms) if (!existing.terms.includes(term)) existing.terms.push(term);
    combined.set(id, {
      score: existing.score + matches.score,
      terms: existing.terms,
      match: Object.assign(existing.match, matches.match),
    });
  }
  return combined;
}

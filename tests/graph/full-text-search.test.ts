import { MAX_PASSAGE_LENGTH, sentenceSpans } from '../../server/graph/full-text-index';
import {
  MAX_FULL_TEXT_LENGTH,
  fullTextEntities,
  fullTextPassages,
  fullTextRelations,
} from '../../server/graph/full-text-search';
import { InvalidArgumentError } from '../../server/graph/invalid-argument';
import { type RankedConnection, offsetAfter } from '../../server/graph/ranked-cursor';
import { sourceRecord } from '../support/source-record';
import { shippedGraphIndex } from './shipped-graph';

const page = { first: 10, offset: 0 };

describe('full-text search over the shipped graph', () => {
  it('finds the Haqqani network first from the misspelling "hakkani"', async () => {
    const index = await shippedGraphIndex();
    const entities = await fullTextEntities(index, 'hakkani', page);
    expect(entities.edges[0]?.node.entity.id).toBe('haqqani-network');
    // …and the sentences of the sources that name it.
    const passages = await fullTextPassages(index, 'hakkani', page);
    expect(passages.totalCount).toBeGreaterThan(0);
    for (const { node } of passages.edges) {
      expect(node.matches.map((match) => match.text.toLowerCase())).toContain('haqqani');
    }
  });

  it('finds leader_of relations from "leader", through their type label', async () => {
    const index = await shippedGraphIndex();
    const relations = await fullTextRelations(index, 'leader', { first: 50, offset: 0 });
    const leaderOf = index.relationsByType.get('leader_of') ?? [];
    expect(leaderOf.length).toBeGreaterThan(0);
    const found = relations.edges.map((edge) => edge.node.relation.id);
    for (const id of leaderOf) expect(found).toContain(id);
    const first = relations.edges.find((edge) => edge.node.relation.type === 'leader_of')!.node;
    expect(first.fields).toContain('label');
  });

  it('finds a relation from a phrase of one of its quotes, and marks the phrase in that quote', async () => {
    const index = await shippedGraphIndex();
    const relation = index.graph.getEdgeAttributes('isis-k--affiliate_of--islamic-state');
    const citation = relation.citations[0]!;
    const phrase = citation.quote.split(' ').slice(1, 7).join(' ');
    const relations = await fullTextRelations(index, phrase, page);
    const hit = relations.edges[0]!.node;
    expect(hit.relation.id).toBe(relation.id);
    const quote = hit.quotes.find((match) => match.citation === citation)!;
    expect(quote.matches.map((match) => match.text)).toContain(phrase);
    const source = index.knowledgeGraph.sources.get(citation.sourceId)!;
    for (const match of quote.matches) expect(source.text.slice(match.start, match.end)).toBe(match.text);
  });

  it('finds the passage that holds a quoted phrase, with offsets into the source text', async () => {
    const index = await shippedGraphIndex();
    const citation = index.graph.getEdgeAttributes('isis-k--affiliate_of--islamic-state').citations[0]!;
    const phrase = citation.quote.split(' ').slice(1, 7).join(' ');
    const passages = await fullTextPassages(index, phrase, page);
    const best = passages.edges[0]!.node;
    expect(best.source.id).toBe(citation.sourceId);
    const phraseMatch = best.matches.find((match) => match.text === phrase)!;
    expect(phraseMatch).toBeDefined();
    expect(best.source.text.slice(phraseMatch.start, phraseMatch.end)).toBe(phrase);
    // The phrase lies where the curated citation says its quote does, inside the passage.
    expect(phraseMatch.start).toBeGreaterThanOrEqual(citation.start);
    expect(phraseMatch.end).toBeLessThanOrEqual(citation.end);
    expect(best.start).toBeLessThanOrEqual(phraseMatch.start);
    expect(best.end).toBeGreaterThanOrEqual(phraseMatch.end);
    expect(best.source.text.slice(best.snippet.start, best.snippet.end)).toBe(best.snippet.text);
    expect(best.snippet.start).toBeLessThanOrEqual(phraseMatch.start);
  });

  it('gives every match as offsets whose slice of the source text is the matched text', async () => {
    const index = await shippedGraphIndex();
    for (const text of ['taliban', 'kabul airport', 'khurasan']) {
      for (const { node } of (await fullTextPassages(index, text, { first: 50, offset: 0 })).edges) {
        expect(node.matches.length).toBeGreaterThan(0);
        for (const match of [...node.matches, node.snippet]) {
          expect(node.source.text.slice(match.start, match.end)).toBe(match.text);
          expect(match.start).toBeGreaterThanOrEqual(node.start);
          expect(match.end).toBeLessThanOrEqual(node.end);
        }
      }
    }
  });

  it('pages each group by rank: pages laid end to end are the same as one long page', async () => {
    const index = await shippedGraphIndex();
    for (const group of [fullTextEntities, fullTextRelations, fullTextPassages] as const) {
      const all = await group(index, 'taliban', { first: 60, offset: 0 });
      expect(all.totalCount).toBeGreaterThan(12);
      const ids: unknown[] = [];
      let after: string | null = null;
      for (let i = 0; i < 12; i++) {
        const next: RankedConnection<unknown> = await group(index, 'taliban', { first: 5, offset: offsetAfter(after) });
        expect(next.totalCount).toBe(all.totalCount);
        ids.push(...next.edges.map((edge) => edge.node));
        if (!next.pageInfo.hasNextPage) break;
        after = next.pageInfo.endCursor;
      }
      expect(ids).toEqual(all.edges.slice(0, ids.length).map((edge) => edge.node));
      expect(ids.length).toBe(Math.min(all.totalCount, 60));
    }
  });

  it('refuses a text longer than the bound, naming the argument', async () => {
    const index = await shippedGraphIndex();
    const long = 'a'.repeat(MAX_FULL_TEXT_LENGTH + 1);
    await expect(fullTextPassages(index, long, page)).rejects.toThrow(InvalidArgumentError);
    await expect(fullTextPassages(index, long, page)).rejects.toThrow(expect.objectContaining({ argument: 'text' }));
    expect((await fullTextPassages(index, 'a'.repeat(MAX_FULL_TEXT_LENGTH), page)).totalCount).toBe(0);
  });

  it('finds nothing for blank text', async () => {
    const index = await shippedGraphIndex();
    expect((await fullTextEntities(index, '   ', page)).totalCount).toBe(0);
    expect((await fullTextPassages(index, ' - ', page)).edges).toEqual([]);
  });
});

describe('passages', () => {
  it('are the sentences of a text, without surrounding space', () => {
    const text = 'First one.  Second, with more words!\n\nA heading\nThird?';
    const spans = sentenceSpans(sourceRecord('s', text)).map(([start, end]) => text.slice(start, end));
    expect(spans).toEqual(['First one.', 'Second, with more words!', 'A heading', 'Third?']);
  });

  it('cut a sentence longer than the bound at spaces, covering all of it', () => {
    const text = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const spans = sentenceSpans(sourceRecord('s', text));
    expect(spans.length).toBeGreaterThan(1);
    for (const [start, end] of spans) {
      expect(end - start).toBeLessThanOrEqual(MAX_PASSAGE_LENGTH);
      expect(text.slice(start, end)).toBe(text.slice(start, end).trim());
    }
    expect(spans.map(([start, end]) => text.slice(start, end)).join(' ')).toBe(text);
  });

  it('cover the shipped sources’ texts', async () => {
    const index = await shippedGraphIndex();
    const { passageSource } = await index.fullText.built();
    expect(new Set(passageSource)).toEqual(new Set(index.sourceIds));
  });
});

describe('relations found through their quotes', () => {
  it('are every relation whose quote holds the word, as a walk over all quotes finds them', async () => {
    const index = await shippedGraphIndex();
    for (const word of ['withdrawal', 'military', 'pakistan']) {
      const expected = index.graph
        .mapEdges((_id, relation) => relation)
        .filter((relation) =>
          relation.citations.some((citation) =>
            citation.quote
              .toLowerCase()
              .split(/[^a-z]+/)
              .includes(word),
          ),
        )
        .map((relation) => relation.id);
      expect(expected.length).toBeGreaterThan(0);
      const found = (await fullTextRelations(index, word, { first: 50, offset: 0 })).edges.filter((edge) =>
        edge.node.fields.includes('quotes'),
      );
      expect(found.map((edge) => edge.node.relation.id)).toEqual(expect.arrayContaining(expected));
      for (const { node } of found) {
        expect(node.quotes.length).toBeGreaterThan(0);
        for (const quote of node.quotes) {
          const text = index.knowledgeGraph.sources.get(quote.citation.sourceId)!.text;
          for (const match of quote.matches) expect(text.slice(match.start, match.end)).toBe(match.text);
        }
      }
    }
  });
});

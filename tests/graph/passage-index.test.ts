import MiniSearch, { type SearchOptions } from 'minisearch';

import { indexOptions, sentenceSpans } from '../../server/graph/full-text-index';
import { PassageIndex } from '../../server/graph/passage-index';
import { shippedGraphIndex } from './shipped-graph';

/** Every sentence of the shipped sources, in both indexes. */
async function bothIndexes() {
  const { knowledgeGraph } = await shippedGraphIndex();
  const miniSearch = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], ...indexOptions });
  const passages = new PassageIndex(indexOptions);
  let id = 0;
  for (const source of knowledgeGraph.sources.values()) {
    for (const [start, end] of sentenceSpans(source)) {
      const text = source.text.slice(start, end);
      miniSearch.add({ id, text });
      passages.add(id, text);
      id++;
    }
  }
  passages.finish();
  return { miniSearch, passages, count: id };
}

/** The option sets full-text-search.ts uses, and the plain ones. */
const OPTION_SETS: SearchOptions[] = [
  { combineWith: 'AND' },
  { combineWith: 'OR' },
  {
    boost: { text: 1 },
    combineWith: 'AND',
    prefix: (term) => term.length >= 3,
    fuzzy: (term) => (term.length < 4 ? 0 : term.length < 7 ? 1 : 2),
  },
  {
    boost: { text: 2 },
    combineWith: 'OR',
    prefix: (term) => term.length >= 3,
    fuzzy: (term) => (term.length < 4 ? 0 : term.length < 7 ? 1 : 2),
  },
  { combineWith: 'OR', prefix: true, fuzzy: 0.2 },
  { combineWith: 'AND', fuzzy: true },
];

const QUERIES = [
  'taliban',
  'hakkani',
  'Kabul airport',
  'Islamic State Khorasan',
  'suicide bomber at the gate',
  'taliban taliban',
  'the of and',
  'qwertyuiopasdf',
  'att',
  'haqq netw',
  'officials said the attack was carried out by',
  'US withdrawal August',
];

describe('the passages index answers as MiniSearch does, in typed arrays', () => {
  it('gives the same passages, scores, words and order for every query and option set', async () => {
    const { miniSearch, passages, count } = await bothIndexes();
    expect(passages.documentCount).toBe(count);
    expect(passages.termCount).toBe(miniSearch.termCount);
    let matched = 0;
    for (const query of QUERIES) {
      for (const options of OPTION_SETS) {
        const expected = miniSearch.search(query, options);
        expect({ query, options, results: passages.search(query, options) }).toEqual({
          query,
          options,
          results: expected,
        });
        matched += expected.length;
      }
    }
    // The comparison means something only if the queries find passages.
    expect(matched).toBeGreaterThan(1000);
  });

  it('refuses what it does not do rather than ignoring it', async () => {
    const { passages } = await bothIndexes();
    expect(() => passages.search('taliban', { boostDocument: () => 2 })).toThrow(/boostDocument/);
    expect(() => passages.search('taliban', { combineWith: 'AND_NOT' })).toThrow(/AND_NOT/i);
    expect(() => passages.add(0, 'again')).toThrow(/after finish/);
  });
});

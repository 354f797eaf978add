import { parse } from 'graphql';

import { costOnce } from '../../server/api/cost-once';

describe('costOnce', () => {
  // A document of its own for each test: costs are kept per document object.
  const query = 'query Q($id: ID!, $first: Int, $types: [String!]) { entity(id: $id) { name } }';
  let document: ReturnType<typeof parse>;
  beforeEach(() => {
    document = parse(query);
  });

  it('counts a document once for every entity id, since an id cannot size a list', () => {
    let counted = 0;
    const count = () => ++counted;
    for (const id of ['a', 'b', 'c']) costOnce(document, 'Q', { id, first: 10 }, count);
    expect(counted).toBe(1);
  });

  it('counts again when a variable that can size a list changes (an Int, a list)', () => {
    let counted = 0;
    const count = () => ++counted * 100;
    expect(costOnce(document, 'Q', { id: 'a', first: 10 }, count)).toBe(100);
    expect(costOnce(document, 'Q', { id: 'a', first: 20 }, count)).toBe(200);
    expect(costOnce(document, 'Q', { id: 'a', first: 20, types: ['x', 'y'] }, count)).toBe(300);
    expect(costOnce(document, 'Q', { id: 'b', first: 10 }, count)).toBe(100);
  });

  it('keeps costs apart for another document with the same text', () => {
    let counted = 0;
    const count = () => ++counted;
    costOnce(parse('{ stats { entityCount } }'), undefined, undefined, count);
    costOnce(parse('{ stats { entityCount } }'), undefined, undefined, count);
    expect(counted).toBe(2);
  });
});

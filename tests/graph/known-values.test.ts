import { assertKnownEntityFilter, assertKnownRelationFilter } from '../../server/graph/known-values';
import { InvalidArgumentError } from '../../server/graph/invalid-argument';
import { shippedGraphIndex } from './shipped-graph';

describe('a filter naming something the graph does not have', () => {
  test('an unknown relation type is refused, naming it and listing the known types', async () => {
    const index = await shippedGraphIndex();
    expect(() => assertKnownRelationFilter(index, { types: ['enemy_of', 'foe_of'] })).toThrow(
      expect.objectContaining({
        argument: 'filter.types',
        message: expect.stringMatching(/"foe_of".*Known: .*enemy_of/),
      }),
    );
  });

  test('an unknown entity or source is refused', async () => {
    const index = await shippedGraphIndex();
    expect(() => assertKnownRelationFilter(index, { entity: 'isis-q' })).toThrow(InvalidArgumentError);
    expect(() => assertKnownRelationFilter(index, { sources: ['bbc'] })).toThrow(
      /Unknown source in `filter.sources`: "bbc"/,
    );
    expect(() => assertKnownEntityFilter(index, { types: ['planet'] })).toThrow(/Unknown entity type/);
    expect(() => assertKnownRelationFilter(index, { entityTypes: ['planet'] })).toThrow(
      expect.objectContaining({ argument: 'filter.entityTypes' }),
    );
  });

  test('known values, empty lists and no filter pass', async () => {
    const index = await shippedGraphIndex();
    expect(() =>
      assertKnownRelationFilter(index, { types: ['enemy_of'], entity: 'isis-k', sources: ['bbc-what-is-isis-k'] }),
    ).not.toThrow();
    expect(() => assertKnownRelationFilter(index, { types: [], sources: [] })).not.toThrow();
    expect(() => assertKnownEntityFilter(index, null)).not.toThrow();
  });
});

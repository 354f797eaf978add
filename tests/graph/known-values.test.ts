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

  test('unknown relation ids are refused, naming them without listing every relation', async () => {
    const index = await shippedGraphIndex();
    expect(() => assertKnownRelationFilter(index, { ids: ['isis-k--enemy_of--taliban', 'gone', 'lost'] })).toThrow(
      expect.objectContaining({
        argument: 'filter.ids',
        message: expect.stringMatching(/^No relation has the ids "gone", "lost" in `filter.ids`/),
      }),
    );
    expect(() => assertKnownRelationFilter(index, { ids: ['gone'] })).toThrow(/the data may have changed/);
    expect(() => assertKnownRelationFilter(index, { ids: ['isis-k--enemy_of--taliban'] })).not.toThrow();
    expect(() => assertKnownEntityFilter(index, { ids: ['isis-k', 'isis-q'] })).toThrow(
      expect.objectContaining({
        argument: 'filter.ids',
        message: expect.stringMatching(/^No entity has the id "isis-q"/),
      }),
    );
    expect(() => assertKnownEntityFilter(index, { ids: ['isis-k'] })).not.toThrow();
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

import { buildGraphIndex } from '../../server/graph/indexes';
import { searchEntities } from '../../server/graph/search';
import { shippedGraphIndex } from './shipped-graph';
import { tinyKnowledgeGraph } from './tiny-graph';

async function firstHit(text: string): Promise<string | undefined> {
  return (await searchEntities(await shippedGraphIndex(), text, 10))[0]?.id;
}

describe('search', () => {
  // The shipped graph and its search index (built at the first search), before the first timed test.
  beforeAll(() => firstHit('taliban'), 60_000);

  it.each([
    ['haqani', 'haqqani-network'],
    ['iskp', 'isis-k'],
    ['islamic state khorasan', 'isis-k'],
    ['Islamic State Khorasan Province', 'isis-k'],
    ['ISIS-K', 'isis-k'],
    ['isis k', 'isis-k'],
    ['talban', 'taliban'],
    ['TALIBAN', 'taliban'],
    ['Tālibān', 'taliban'],
    ['daesh', 'islamic-state'],
    ['Pakistani Taliban', 'ttp'],
    ['al qaida', 'al-qaeda'],
    ['alqaeda', 'al-qaeda'],
    ['biden', 'joe-biden'],
  ])('finds %p first as %p', async (text, id) => {
    expect(await firstHit(text)).toBe(id);
  });

  it('matches prefixes: "kab" finds Kabul', async () => {
    const ids = (await searchEntities(await shippedGraphIndex(), 'kab', 10)).map((entity) => entity.id);
    expect(ids).toContain('kabul');
  });

  it('puts ISIS-K before the Islamic State for "islamic state khorasan", and still lists the Islamic State', async () => {
    const ids = (await searchEntities(await shippedGraphIndex(), 'islamic state khorasan', 10)).map(
      (entity) => entity.id,
    );
    expect(ids.indexOf('isis-k')).toBe(0);
    expect(ids).toContain('islamic-state');
  });

  it('gives at most `first` results, and none for blank text', async () => {
    const index = await shippedGraphIndex();
    expect(await searchEntities(index, 'kabul', 3)).toHaveLength(3);
    expect(await searchEntities(index, '   ', 10)).toEqual([]);
    expect(await searchEntities(index, 'isis', 0)).toEqual([]);
  });

  it('finds nothing for words in no name', async () => {
    expect(await searchEntities(await shippedGraphIndex(), 'xylophone quartz', 10)).toEqual([]);
  });

  it('folds accents in names as well as in queries: "zurich" finds Zürich', async () => {
    const index = buildGraphIndex(tinyKnowledgeGraph());
    expect((await searchEntities(index, 'zurich', 5))[0]?.id).toBe('zurich');
    expect((await searchEntities(index, 'acmex', 5))[0]?.id).toBe('acme');
  });

  it('breaks ties by degree: of two entities named "Lone Wolf" the connected one comes first', async () => {
    const index = buildGraphIndex(tinyKnowledgeGraph());
    const ids = (await searchEntities(index, 'lone wolf', 5)).map((entity) => entity.id);
    expect(ids.slice(0, 2)).toEqual(['wolf', 'loner']);
  });
});

import { type TestServer, startTestServer } from './test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

async function search(text: string, first = 10): Promise<string[]> {
  const { data, errors } = await api.query(
    `query($text: String!, $first: Int) { search(text: $text, first: $first) { id } }`,
    {
      text,
      first,
    },
  );
  expect(errors).toBeUndefined();
  return data.search.map((entity: { id: string }) => entity.id);
}

describe('search over HTTP', () => {
  it('finds the Haqqani network from the typo "haqani"', async () => {
    expect((await search('haqani'))[0]).toBe('haqqani-network');
  });

  it('finds ISIS-K from the alias "iskp"', async () => {
    expect((await search('iskp'))[0]).toBe('isis-k');
  });

  it('finds ISIS-K first from "islamic state khorasan"', async () => {
    expect((await search('islamic state khorasan'))[0]).toBe('isis-k');
  });

  it('ignores case and accents', async () => {
    expect((await search('TĀLIBĀN'))[0]).toBe('taliban');
  });

  it('matches a prefix', async () => {
    expect(await search('nangar')).toContain('nangarhar');
  });

  it('returns at most `first` entities', async () => {
    expect(await search('kabul', 3)).toHaveLength(3);
  });
});

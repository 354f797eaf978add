import { loadGraphData } from '../../server/data/load-graph-data';
import { parseIsoDate } from '../../server/data/time';
import { fixtureCopies, problemsOf } from './fixture-copy';

const copies = fixtureCopies('minimal');
afterAll(() => copies.cleanUp());

/** The minimal fixture with a `time:` block added to Alpha Group (the first entity). */
const alphaDatedAs = (block: string) =>
  copies.with('entities.yaml', (text) =>
    text.replace('  description: A small test group.\n', `  description: A small test group.\n${block}`),
  );

/**
 * The minimal fixture with the enemy_of relation dated by its own quote, `extra` (indented
 * YAML fields) added to both the relation's citation and the date's.
 */
const enemyDatedAs = (extra: string) =>
  copies.with('relations.yaml', (text) =>
    text.replace(
      '    - source: gamma-source\n      quote: is an enemy of Delta Front\n',
      `    - source: gamma-source\n      quote: is an enemy of Delta Front\n${extra}` +
        `  time:\n    - at: '2019'\n      citations:\n        - source: gamma-source\n` +
        `          quote: is an enemy of Delta Front\n${extra.replace(/^ {6}/gm, '          ')}`,
    ),
  );

const cited = (source = 'alpha-source', quote = 'Alpha Group is based in Riverland.') =>
  `      citations:\n        - source: ${source}\n          quote: ${quote}\n`;

describe('dates in graph-data are checked and kept with their precision and citation', () => {
  test('an ISO date of year, month or day precision is read with the days it covers', () => {
    expect(parseIsoDate('2016')).toEqual({ date: '2016', precision: 'year', first: '2016-01-01', last: '2016-12-31' });
    expect(parseIsoDate('2016-02')).toMatchObject({ precision: 'month', first: '2016-02-01', last: '2016-02-29' });
    expect(parseIsoDate('2021-08-26')).toMatchObject({ precision: 'day', first: '2021-08-26', last: '2021-08-26' });
    expect(parseIsoDate('2021-02-29')).toMatch(/has no day 29/);
    expect(parseIsoDate('August 2021')).toMatch(/not an ISO date/);
  });

  test('a valid time statement loads with its precision, its range and its resolved citation', async () => {
    const dir = await alphaDatedAs(
      `  time:\n    - start: '2015'\n      end: '2016-07'\n      inferred: true\n      note: ends with a death\n${cited()}`,
    );
    const knowledge = await loadGraphData(dir);
    const [statement] = knowledge.graph.getNodeAttribute('alpha-group', 'time')!;
    expect(statement).toMatchObject({
      start: '2015',
      end: '2016-07',
      at: null,
      precision: 'year',
      first: '2015-01-01',
      last: '2016-07-31',
      inferred: true,
    });
    expect(statement!.citations[0]).toMatchObject({
      sourceId: 'alpha-source',
      target: { kind: 'entity', id: 'alpha-group' },
    });
  });

  test('a month that does not exist is rejected with the file, record and field', async () => {
    const dir = await alphaDatedAs(`  time:\n    - at: '2015-13'\n${cited()}`);
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        file: 'entities.yaml',
        record: 1,
        recordId: 'alpha-group',
        field: 'time.0.at',
        message: expect.stringMatching(/no month 13/),
      }),
    ]);
  });

  test('a range that ends before it starts is rejected', async () => {
    const dir = await alphaDatedAs(`  time:\n    - start: '2016'\n      end: '2015-02'\n${cited()}`);
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        field: 'time.0.end',
        message: expect.stringMatching(/ends \(2015-02\) before it starts/),
      }),
    ]);
  });

  test('a date without a citation is rejected', async () => {
    const dir = await alphaDatedAs(`  time:\n    - at: '2015'\n      citations: []\n`);
    // A record of the wrong shape is left out, so what refers to it is reported too; the first problem is the cause.
    expect((await problemsOf(dir))[0]).toEqual(
      expect.objectContaining({ field: 'time.0.citations', message: expect.stringMatching(/at least one citation/) }),
    );
  });

  test('a statement with neither `at` nor a range is rejected', async () => {
    const dir = await alphaDatedAs(`  time:\n    - note: no date at all\n${cited()}`);
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({ field: 'time.0', message: expect.stringMatching(/needs `at`/) }),
    ]);
  });

  test('a relative date is rejected when its source has no date to resolve it against', async () => {
    // gamma-source has no `published` date; alpha-source has one.
    const undated = await alphaDatedAs(
      `  time:\n    - at: '2020-11'\n      relative: last November\n${cited('gamma-source', 'is an enemy of Delta Front')}`,
    );
    expect(await problemsOf(undated)).toEqual([
      expect.objectContaining({
        field: 'time.0.relative',
        message: expect.stringMatching(/source "gamma-source" has no `published` date/),
      }),
    ]);
    const dated = await alphaDatedAs(`  time:\n    - at: '2020-11'\n      relative: last November\n${cited()}`);
    const knowledge = await loadGraphData(dated);
    expect(knowledge.graph.getNodeAttribute('alpha-group', 'time')![0]).toMatchObject({ relative: 'last November' });
  });

  test('an inferred date without a note saying how is rejected', async () => {
    const dir = await alphaDatedAs(`  time:\n    - at: '2020'\n      inferred: true\n${cited()}`);
    expect(await problemsOf(dir)).toEqual([expect.objectContaining({ field: 'time.0.note' })]);
  });

  test('a source with a publication date but no evidence for it is rejected', async () => {
    const dir = await copies.with('sources.yaml', (text) =>
      text.replace(/ {2}publishedEvidence:\n {4}citations:\n {6}- source: alpha-source\n {8}quote: .*\n/, ''),
    );
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        file: 'sources.yaml',
        recordId: 'alpha-source',
        field: 'published',
        message: expect.stringMatching(/needs `publishedEvidence`/),
      }),
    ]);
  });

  test("a relation's date quoting the relation's own words holds the relation's citation, checked once", async () => {
    const dir = await enemyDatedAs('');
    const relation = (await loadGraphData(dir)).graph.getEdgeAttributes('alpha-group--enemy_of--delta-front');
    expect(relation.time![0]!.citations[0]).toBe(relation.citations[0]);
  });

  test("a date repeating a citation that has a problem is reported at the date's place too", async () => {
    const dir = await enemyDatedAs('      hedge: nonsense\n');
    expect((await problemsOf(dir)).map(({ recordId, field }) => ({ recordId, field }))).toEqual([
      { recordId: 'alpha-group--enemy_of--delta-front', field: 'citations.0.hedge' },
      { recordId: 'alpha-group--enemy_of--delta-front', field: 'time.0.citations.0.hedge' },
    ]);
  });

  test('the shipped data dates the airport attack and marks the "today" article as inferred', async () => {
    const knowledge = await loadGraphData();
    expect(knowledge.graph.getNodeAttribute('kabul-airport-attack-2021', 'time')!.map((t) => t.at)).toEqual([
      '2021-08-26',
      '2021-08-26',
    ]);
    const today = knowledge.sources.get('who-is-isis-k-khorasan-province')!;
    expect(today.published).toBe('2021-08-26');
    expect(today.publishedEvidence).toMatchObject({ inferred: true, note: expect.stringMatching(/today/) });
  });
});

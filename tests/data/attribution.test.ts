import { join } from 'node:path';
import { loadGraphData } from '../../server/data/load-graph-data';
import { FIXTURES, fixtureCopies, problemsOf } from './fixture-copy';

const copies = fixtureCopies('attribution');
afterAll(() => copies.cleanUp());

const relations = (edit: (text: string) => string) => copies.with('relations.yaml', edit);

describe('citations say who speaks and how sure the article is', () => {
  test('the attribution fixture is valid, and its citations keep speaker and hedge', async () => {
    const { graph, claims } = await loadGraphData(join(FIXTURES, 'attribution'));
    expect(graph.getEdgeAttribute('delta-front--based_in--riverland', 'citations')[0]).toMatchObject({
      attributedTo: { entity: 'ann-expert' },
    });
    expect(graph.getEdgeAttribute('delta-front--fought--alpha-group', 'citations')[0]).toMatchObject({
      attributedTo: { described: 'Officials' },
      hedge: 'reportedly',
    });
    // "May 2020" is a month, not the hedge "may": cues are matched case-sensitively.
    expect(claims.get('beta-core--founded--may-2020')!.citations[0]!.hedge).toBeUndefined();
  });

  test('a quote in a sentence that reports someone’s words needs its speaker, even when the quote stops before "said"', async () => {
    const dir = await relations((text) => text.replace('      attributedTo: ann-expert\n', ''));
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        file: 'relations.yaml',
        record: 1,
        recordId: 'delta-front--based_in--riverland',
        field: 'citations.0.quote',
        message: expect.stringMatching(/^unattributed-report: .*\("said"\).*attributedTo/),
      }),
    ]);
  });

  test('a hedge word in the sentence needs a hedge, and names the one to use', async () => {
    const dir = await relations((text) => text.replace('      hedge: may\n', ''));
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        record: 3,
        field: 'citations.0.quote',
        message: expect.stringMatching(/^unmarked-hedge: .*\("may"\): set hedge: may/),
      }),
    ]);
  });

  test('a speaker must be a known entity', async () => {
    const dir = await relations((text) => text.replace('attributedTo: ann-expert\n', 'attributedTo: ann-expret\n'));
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        record: 1,
        field: 'citations.0.attributedTo',
        message: expect.stringMatching(/^unknown entity "ann-expret"; name a known entity, or .*described/),
      }),
    ]);
  });

  test('a described speaker must be described in the article’s own words', async () => {
    const dir = await relations((text) => text.replace('{ described: Officials }', '{ described: Diplomats }'));
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        record: 2,
        field: 'citations.0.attributedTo.described',
        message: expect.stringMatching(/^the described speaker "Diplomats" does not occur in source "delta-source"/),
      }),
    ]);
  });

  test('a hedge must come from the vocabulary', async () => {
    const dir = await relations((text) => text.replace('hedge: may', 'hedge: perhaps'));
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        record: 3,
        field: 'citations.0.hedge',
        message: 'unknown hedge "perhaps"; known hedges (vocabulary.yaml): reportedly, may',
      }),
    ]);
  });

  test('a relation quote that is only the attribution supports nothing', async () => {
    const dir = await relations((text) =>
      text.replace('quote: Delta Front is based in Riverland, said Ann Expert', 'quote: said Ann Expert'),
    );
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        record: 4,
        field: 'citations.0.quote',
        message: expect.stringMatching(/^bare-quote: the quote "said Ann Expert" is only an attribution/),
      }),
    ]);
  });

  test('a relation quote that is only the name of its subject or object supports nothing', async () => {
    const dir = await relations((text) =>
      text.replace('quote: Beta Core may fund Delta Front.', 'quote: Delta Front\n      occurrence: 3'),
    );
    const problems = await problemsOf(dir);
    expect(problems).toEqual([
      expect.objectContaining({
        record: 3,
        message: expect.stringMatching(/^bare-quote: the quote "Delta Front" is only a name/),
      }),
    ]);
  });

  test('a curator silences a check only with a reason in words', async () => {
    const silenced = await relations((text) =>
      text.replace(
        '      attributedTo: ann-expert\n',
        '      silence:\n        unattributed-report: the article states the base in its own voice in this test\n',
      ),
    );
    await expect(loadGraphData(silenced)).resolves.toBeDefined();

    const terse = await relations((text) =>
      text.replace('      attributedTo: ann-expert\n', '      silence:\n        unattributed-report: ok\n'),
    );
    expect(await problemsOf(terse)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'citations.0.silence.unattributed-report',
          message: expect.stringMatching(/^give the reason in words/),
        }),
      ]),
    );
  });

  test('a silence with nothing to silence is reported, so stale reasons do not pile up', async () => {
    const dir = await relations((text) =>
      text.replace(
        '      hedge: may\n',
        '      hedge: may\n      silence:\n        unattributed-report: nobody speaks in this sentence, so nothing fires\n',
      ),
    );
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        record: 3,
        field: 'citations.0.silence.unattributed-report',
        message: expect.stringMatching(/^nothing to silence: the check "unattributed-report" does not flag/),
      }),
    ]);
  });
});

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadGraphData } from '../../server/data/load-graph-data';
import { FIXTURES, fixtureCopies, problemsOf } from './fixture-copy';

const MINIMAL = join(FIXTURES, 'minimal');
const copies = fixtureCopies('minimal');
const fixtureWith = copies.with;

afterAll(() => copies.cleanUp());

describe('the loader rejects bad data with its location, and loads nothing', () => {
  test('the minimal fixture itself is valid, so each bad copy fails for its one edit only', async () => {
    const knowledge = await loadGraphData(MINIMAL);
    expect(knowledge.graph.order).toBe(4);
    expect(knowledge.graph.size).toBe(3);
    expect(knowledge.claims.size).toBe(2);
  });

  test('a malformed YAML file names the file and the line', async () => {
    const dir = await fixtureWith('entities.yaml', (text) =>
      text.replace('aliases: [Alpha, AG]', 'aliases: [Alpha, AG'),
    );
    const problems = await problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'entities.yaml', message: expect.stringMatching(/malformed YAML/) });
    expect(problems[0]!.line).toBeGreaterThanOrEqual(4);
  });

  test('an unknown entity id in a relation names the relation and the field', async () => {
    const dir = await fixtureWith('relations.yaml', (text) =>
      text.replace('object: delta-front', 'object: delta-frnt'),
    );
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        file: 'relations.yaml',
        record: 2,
        recordId: 'alpha-group--enemy_of--delta-front',
        field: 'object',
        line: 14,
        message: 'unknown entity "delta-frnt"',
      }),
    ]);
  });

  test('an unknown entity id in a claim is rejected', async () => {
    const dir = await fixtureWith('claims.yaml', (text) => text.replace('entity: alpha-group\n', 'entity: nobody\n'));
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({ file: 'claims.yaml', record: 1, field: 'entity', message: 'unknown entity "nobody"' }),
    ]);
  });

  test('a duplicate entity id names both records', async () => {
    const dir = await fixtureWith('entities.yaml', (text) => text.replace('id: delta-front', 'id: beta-core'));
    const problems = await problemsOf(dir);
    expect(problems[0]).toMatchObject({
      file: 'entities.yaml',
      record: 3,
      recordId: 'beta-core',
      field: 'id',
      message: 'duplicate id "beta-core": record 2 already uses it',
    });
  });

  test("a relations file's shape and id problems come first, then what its valid relations refer to", async () => {
    const dir = await fixtureWith('relations.yaml', (text) =>
      text
        .replace('object: delta-front', 'object: delta-frnt')
        .replace('id: alpha-group--based_in--riverland', 'id: alpha-group--enemy_of--delta-front')
        .replace('  type: based_in\n', ''),
    );
    expect((await problemsOf(dir)).map(({ record, field }) => ({ record, field }))).toEqual([
      { record: 3, field: 'type' },
      { record: 2, field: 'object' },
    ]);
  });

  test('a duplicate relation id is rejected', async () => {
    const dir = await fixtureWith('relations.yaml', (text) =>
      text.replace('id: alpha-group--based_in--riverland', 'id: alpha-group--enemy_of--delta-front'),
    );
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({ file: 'relations.yaml', record: 3, message: expect.stringMatching(/^duplicate id/) }),
    ]);
  });

  test('an unknown relation type names the relation and lists where the vocabulary is', async () => {
    const dir = await fixtureWith('relations.yaml', (text) => text.replace('type: enemy_of', 'type: foe_of'));
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        file: 'relations.yaml',
        record: 2,
        field: 'type',
        message: expect.stringMatching(/^unknown relation type "foe_of"; see vocabulary.yaml/),
      }),
    ]);
  });

  test('a relation without a citation is rejected', async () => {
    const dir = await fixtureWith('relations.yaml', (text) =>
      text.replace(/citations:\n {4}- source: gamma-source\n {6}quote: is an enemy of Delta Front/, 'citations: []'),
    );
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        file: 'relations.yaml',
        record: 2,
        field: 'citations',
        message: 'a relation needs at least one citation',
      }),
    ]);
  });

  test('a relation with no citations field at all is rejected', async () => {
    const dir = await fixtureWith('relations.yaml', (text) =>
      text.replace(/ {2}citations:\n {4}- source: gamma-source\n {6}quote: is an enemy of Delta Front\n/, ''),
    );
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({ file: 'relations.yaml', record: 2, field: 'citations' }),
    ]);
  });

  test('a quote that is not verbatim in its source names the citation', async () => {
    const dir = await fixtureWith('relations.yaml', (text) =>
      text.replace('quote: is an enemy of Delta Front', 'quote: is the enemy of Delta Front'),
    );
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        file: 'relations.yaml',
        record: 2,
        field: 'citations.0.quote',
        line: 17,
        message: expect.stringMatching(/^quote not found verbatim in source "gamma-source"/),
      }),
    ]);
  });

  test('an ambiguous quote asks for an occurrence', async () => {
    const dir = await fixtureWith('relations.yaml', (text) => text.replace('      occurrence: 2\n', ''));
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        file: 'relations.yaml',
        record: 3,
        field: 'citations.0.quote',
        message: expect.stringMatching(
          /^ambiguous quote: "Alpha Group" occurs 3 times .*add "occurrence: N" \(1 to 3\)/,
        ),
      }),
    ]);
  });

  test('an occurrence past the last one is rejected', async () => {
    const dir = await fixtureWith('relations.yaml', (text) => text.replace('occurrence: 2', 'occurrence: 4'));
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        field: 'citations.0.quote',
        message: expect.stringMatching(/^occurrence 4 .* 3 time/),
      }),
    ]);
  });

  test('an unknown source id in a citation is rejected', async () => {
    const dir = await fixtureWith('claims.yaml', (text) =>
      text.replace('source: gamma-source', 'source: delta-source'),
    );
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        file: 'claims.yaml',
        record: 2,
        recordId: 'alpha-group--fighters--gamma',
        field: 'citations.0.source',
        message: 'unknown source "delta-source"',
      }),
    ]);
  });

  test('a source whose text file is missing is rejected', async () => {
    const dir = await fixtureWith('sources.yaml', (text) => text.replace('sources/gamma.txt', 'sources/missing.txt'));
    const problems = await problemsOf(dir);
    expect(problems[0]).toMatchObject({ file: 'sources.yaml', record: 2, field: 'file' });
  });

  test('a source text changed by one character is rejected: texts stay verbatim', async () => {
    const dir = await fixtureWith('sources/gamma.txt', (text) => text.replace('Gamma Daily', 'Gamma daily'));
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        file: 'sources.yaml',
        record: 2,
        recordId: 'gamma-source',
        field: 'sha256',
        message: expect.stringMatching(/^the text of "sources\/gamma.txt" has changed/),
      }),
    ]);
  });

  test('a claim attribute missing from the vocabulary is rejected', async () => {
    const dir = await fixtureWith('claims.yaml', (text) =>
      text.replace('attribute: fighter_strength\n  value: about 100', 'attribute: fighters\n  value: about 100'),
    );
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        file: 'claims.yaml',
        record: 1,
        field: 'attribute',
        message: expect.stringMatching(/^unknown claim attribute "fighters"/),
      }),
    ]);
  });

  test('an unknown field (a typo) is an error, not silently ignored', async () => {
    const dir = await fixtureWith('entities.yaml', (text) =>
      text.replace('  description: A rival.', '  descripton: A rival.'),
    );
    const messages = (await problemsOf(dir)).map((problem) => problem.message);
    expect(messages).toEqual(expect.arrayContaining(['unknown field(s): descripton']));
  });

  test('an unknown entity type is rejected', async () => {
    const dir = await fixtureWith('entities.yaml', (text) => text.replace('type: place', 'type: planet'));
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        file: 'entities.yaml',
        record: 4,
        field: 'type',
        message: expect.stringMatching(/^unknown entity type "planet"/),
      }),
    ]);
  });

  test('every problem is reported at once, so a curator fixes them in one pass', async () => {
    const dir = await fixtureWith('relations.yaml', (text) =>
      text.replace('type: enemy_of', 'type: foe_of').replace('object: riverland', 'object: nowhere'),
    );
    const problems = await problemsOf(dir);
    expect(problems.map((problem) => problem.record)).toEqual([2, 3]);
  });

  test('the error message names file, record, field and line for each problem', async () => {
    const dir = await fixtureWith('relations.yaml', (text) =>
      text.replace('object: delta-front', 'object: delta-frnt'),
    );
    await expect(loadGraphData(dir)).rejects.toThrow(
      'relations.yaml:14, record 2 (id "alpha-group--enemy_of--delta-front"), field "object": unknown entity "delta-frnt"',
    );
  });
});

describe('npm run data:check', () => {
  const run = promisify(execFile);
  const check = (dir?: string) =>
    run('npx', ['tsx', 'server/scripts/data-check.ts', ...(dir ? [dir] : [])], {
      cwd: join(import.meta.dirname, '..', '..'),
    });

  test('passes on the shipped graph-data and says what it checked', async () => {
    const { stdout } = await check();
    expect(stdout).toMatch(/^graph-data is valid: 5 sources, \d+ entities, \d+ relations/);
  }, 30_000);

  test('fails with the location on bad data', async () => {
    const dir = await fixtureWith('relations.yaml', (text) => text.replace('type: enemy_of', 'type: foe_of'));
    await expect(check(dir)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'relations.yaml:13, record 2 (id "alpha-group--enemy_of--delta-front"), field "type"',
      ),
    });
  }, 30_000);
});

/**
 * The loader parses large files a chunk of records at a time (record-blocks.ts); these tests
 * hold it to naming the same file and line a whole-file parse would, deep into a large file.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { GraphDataError, type DataProblem } from '../../server/data/errors';
import { loadGraphData } from '../../server/data/load-graph-data';
import { splitRecordBlocks } from '../../server/data/record-blocks';
import { writeSyntheticGraphData } from '../../server/scripts/synthetic-graph-data';

let dir: string;
let relationsText: string;
beforeAll(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'record-lines-')), 'graph');
  await writeSyntheticGraphData(dir, { entities: 500, relations: 3000, sources: 10, seed: 3 });
  relationsText = await readFile(join(dir, 'relations.yaml'), 'utf8');
});
afterAll(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true });
});

async function problemsWith(relations: string): Promise<DataProblem[]> {
  await writeFile(join(dir, 'relations.yaml'), relations);
  try {
    await loadGraphData(dir);
  } catch (error) {
    if (error instanceof GraphDataError) return error.problems;
    throw error;
  } finally {
    await writeFile(join(dir, 'relations.yaml'), relationsText);
  }
  throw new Error('the bad data was loaded');
}

/** 1-based line of the first line that is exactly `line`, found by reading the text. */
function lineNumberOf(text: string, line: string): number {
  const lines = text.split('\n');
  const at = lines.indexOf(line);
  if (at === -1) throw new Error(`no line ${line}`);
  return at + 1;
}

describe('problems deep in a large file keep their file, record and line', () => {
  test('an unknown entity in record 2,500 names that record, its field and its line', async () => {
    const record = `- id: r2499`;
    const start = relationsText.indexOf(`${record}\n`);
    const objectLine = relationsText.indexOf('  object: ', start);
    const end = relationsText.indexOf('\n', objectLine);
    const edited = `${relationsText.slice(0, objectLine)}  object: nobody-here${relationsText.slice(end)}`;
    expect(await problemsWith(edited)).toEqual([
      expect.objectContaining({
        file: 'relations.yaml',
        record: 2500,
        recordId: 'r2499',
        field: 'object',
        line: lineNumberOf(edited, '  object: nobody-here'),
        message: 'unknown entity "nobody-here"',
      }),
    ]);
  });

  test('a misspelt field in record 1,700 names the citation that holds it, at its line', async () => {
    const edited = relationsText.replace(/(- id: r1699\n(?:.*\n){4}\s+- source: \S+\n\s+)quote:/, '$1qoute:');
    expect(edited).not.toBe(relationsText);
    const problems = await problemsWith(edited);
    const typo = problems.find((problem) => problem.message.includes('qoute'));
    expect(typo).toMatchObject({ file: 'relations.yaml', record: 1700, recordId: 'r1699' });
    const lines = edited.split('\n');
    expect(lines[typo!.line! - 1]).toMatch(/^ {4}- source: /);
    expect(lines[typo!.line!]).toMatch(/^ {6}qoute: /);
  });

  test('malformed YAML in record 2,200 is reported at its line, in the right file', async () => {
    const record = '- id: r2199';
    const start = relationsText.indexOf(`${record}\n`);
    const quote = relationsText.indexOf("quote: '", start);
    const edited = `${relationsText.slice(0, quote)}quote: [unclosed${relationsText.slice(quote + "quote: '".length)}`;
    const problems = await problemsWith(edited);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.file === 'relations.yaml')).toBe(true);
    expect(problems[0]!.message).toMatch(/malformed YAML/);
    const quoteLine = edited.slice(0, quote).split('\n').length;
    expect(problems[0]!.line).toBeGreaterThanOrEqual(quoteLine);
    expect(problems[0]!.line).toBeLessThanOrEqual(quoteLine + 8);
  });

  test('a syntax error found deep in a streamed file is reported as a whole reading reports it: alone, before any check', async () => {
    // The list files are parsed as the checks reach their records (record-blocks.ts); a syntax
    // error in record 2,200 of the relations is met after the entities were checked. A whole
    // reading stops at reading problems: the entity's unknown type must not be reported.
    const entitiesFile = join(dir, 'entities.yaml');
    const entitiesText = await readFile(entitiesFile, 'utf8');
    const badType = entitiesText.replace(/^( {2}type: )\S+$/m, '$1no-such-type');
    expect(badType).not.toBe(entitiesText);
    const start = relationsText.indexOf('- id: r2199\n');
    const quote = relationsText.indexOf("quote: '", start);
    const malformed = `${relationsText.slice(0, quote)}quote: [unclosed${relationsText.slice(quote + "quote: '".length)}`;
    await writeFile(entitiesFile, badType);
    try {
      const problems = await problemsWith(malformed);
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) {
        expect(problem).toMatchObject({ file: 'relations.yaml', message: expect.stringMatching(/malformed YAML/) });
      }
    } finally {
      await writeFile(entitiesFile, entitiesText);
    }
    // Alone, the unknown type is found: it was left out above, not missed.
    await writeFile(entitiesFile, badType);
    try {
      expect(await problemsWith(relationsText)).toEqual([
        expect.objectContaining({
          file: 'entities.yaml',
          field: 'type',
          message: expect.stringMatching(/unknown entity type/),
        }),
      ]);
    } finally {
      await writeFile(entitiesFile, entitiesText);
    }
  });
});

describe('cutting a list file into record blocks', () => {
  test('blocks start at each top-level "- " line, after comments and a document marker', () => {
    const text = '# comment\n---\n\n- id: a\n  list:\n    - x\n- id: b\n# trailing\n-\n  id: c\n';
    const starts = [text.indexOf('- id: a'), text.indexOf('- id: b'), text.indexOf('-\n  id: c')];
    expect(splitRecordBlocks(text)).toEqual({ starts, lines: [4, 7, 9] });
  });

  test('a file that is not a plain list is left to the whole-file parser', () => {
    expect(splitRecordBlocks('entityTypes:\n  - id: a\n')).toBeNull();
    expect(splitRecordBlocks('[{ id: a }]\n')).toBeNull();
  });
});

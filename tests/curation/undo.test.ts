import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { dataVersion } from '../../server/api/served-graph';
import { loadGraphData } from '../../server/data/load-graph-data';
import type { KnowledgeGraph } from '../../server/data/model';
import { openCuration, type Curation } from '../../server/curation/curation';
import type { Change } from '../../server/curation/changes';
import { ARTICLE, refusal, selectionOf, tempGraphData, WRITE_TEST_TIMEOUT } from './temp-graph-data';

let temp: Awaited<ReturnType<typeof tempGraphData>>;
let curation: Curation;
let served: KnowledgeGraph;

const BY = 'Undo Tester';
const SOURCE = 'harbour-council-approves-new-ferry-route';
const RELATION = 'isis-k--affiliate_of--islamic-state';

const apply = (change: Change) => curation.apply(change, { by: BY, baseVersion: curation.version() });
const undo = (change: number) => apply({ kind: 'revert', change, reason: 'a test takes it back' });
const read = (file: string) => readFile(path.join(temp.dir, file), 'utf8');
const files = async () =>
  Object.fromEntries(
    await Promise.all(
      ['sources.yaml', 'entities.yaml', 'relations.yaml', 'claims.yaml'].map(async (file) => [file, await read(file)]),
    ),
  ) as Record<string, string>;

const addArticle = () =>
  apply({ kind: 'addSource', source: { title: 'Harbour Council Approves New Ferry Route', text: ARTICLE } });
const addCouncil = () =>
  apply({
    kind: 'addEntity',
    entity: { type: 'organization', name: 'Harbour Council', description: 'The council that runs the harbour.' },
  });
const citeArticle = (quote: string) => ({ source: SOURCE, ...selectionOf(ARTICLE, quote) });

beforeEach(async () => {
  temp = await tempGraphData();
  served = await loadGraphData(temp.dir);
  curation = await openCuration(temp.dir, served, dataVersion, ({ graph }) => (served = graph));
});
afterEach(() => temp.cleanUp());

test(
  'undo of an added source retires it (its record and text stay), and undo of that undo restores the files byte for byte',
  async () => {
    await addArticle();
    const added = await files();
    const { entry } = await undo(1);
    expect(entry).toMatchObject({ id: 2, reverts: 1, touched: [`source:${SOURCE}`] });
    expect(served.sources.has(SOURCE)).toBe(false);
    expect(await read('sources.yaml')).toMatch(
      new RegExp(`- id: ${SOURCE}\\n(?:.*\\n)*? {2}retired:\\n {4}at: .+\\n {4}by: ${BY}\\n {4}change: 2\\n`),
    );
    expect(await read(`sources/${SOURCE}.txt`)).toBe(ARTICLE);
    expect((await loadGraphData(temp.dir)).sources.has(SOURCE)).toBe(false);

    const redo = await undo(2);
    expect(redo.entry).toMatchObject({ id: 3, reverts: 2 });
    expect(served.sources.has(SOURCE)).toBe(true);
    expect(await files()).toEqual(added);
    // Undone again after the redo: change 1 counts as in effect once more.
    await undo(1);
    expect(served.sources.has(SOURCE)).toBe(false);
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'undo of a source is refused with CONFLICT while a later change cites it, naming that change; once that is undone it goes',
  async () => {
    await addArticle();
    await apply({
      kind: 'addCitation',
      target: 'relation',
      id: RELATION,
      citation: citeArticle('The Harbour Council approved the budget as well.'),
    });
    const before = await files();
    const error = await refusal(undo(1));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`change 1 cannot be undone`);
    expect(error.message).toContain(`a citation of relation:${RELATION} (change 2) cites it`);
    expect(await files()).toEqual(before);

    await undo(2);
    await undo(1);
    expect(served.sources.has(SOURCE)).toBe(false);
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'undo of an added citation marks it retired in its record, keeps the others, and can itself be undone',
  async () => {
    await addArticle();
    const quote = 'The Harbour Council approved the budget as well.';
    await apply({ kind: 'addCitation', target: 'relation', id: RELATION, citation: citeArticle(quote) });
    const cited = await read('relations.yaml');
    const countBefore = served.graph.getEdgeAttributes(RELATION).citations.length;

    await undo(2);
    const relation = served.graph.getEdgeAttributes(RELATION);
    expect(relation.citations).toHaveLength(countBefore - 1);
    expect(relation.citations.some((citation) => citation.sourceId === SOURCE)).toBe(false);
    expect(await read('relations.yaml')).toContain(
      `    - source: ${SOURCE}\n      quote: ${quote}\n      retired:\n        at: `,
    );

    await undo(3);
    expect(served.graph.getEdgeAttributes(RELATION).citations).toHaveLength(countBefore);
    expect(await read('relations.yaml')).toBe(cited);
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'undo of an added alias takes the name back, leaving the entity as it was; redo adds it again',
  async () => {
    const original = await read('entities.yaml');
    await apply({ kind: 'addAlias', entity: 'afghanistan', alias: 'Harbour Land' });
    await apply({ kind: 'addAlias', entity: 'isis-k', alias: 'Harbour Khorasan' });
    expect(served.graph.getNodeAttribute('afghanistan', 'aliases')).toEqual(['Harbour Land']);

    await undo(1);
    await undo(2);
    expect(await read('entities.yaml')).toBe(original);
    expect(served.graph.getNodeAttribute('isis-k', 'aliases')).not.toContain('Harbour Khorasan');

    await undo(4);
    expect(served.graph.getNodeAttribute('isis-k', 'aliases')).toContain('Harbour Khorasan');
    expect(curation.log().at(-1)).toMatchObject({
      reverts: 4,
      effects: [{ do: 'add', alias: 'Harbour Khorasan', of: 'entity:isis-k' }],
    });
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'undo of an added entity is refused while a later relation uses it, naming the relation and its change',
  async () => {
    await addArticle();
    await addCouncil();
    await apply({
      kind: 'addRelation',
      relation: {
        subject: 'harbour-council',
        type: 'operates_in',
        object: 'afghanistan',
        citations: [
          {
            ...citeArticle(
              'The Harbour Council approved a ferry route to the northern islands on Tuesday, the council said.',
            ),
            attributedToEntity: 'harbour-council',
          },
        ],
      },
    });
    const error = await refusal(undo(2));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('relation:harbour-council--operates_in--afghanistan (change 3) has it as subject');
    expect(error.message).toContain('is attributed to it');

    await undo(3);
    await undo(2);
    expect(served.graph.hasNode('harbour-council')).toBe(false);
    expect(await read('entities.yaml')).toMatch(/- id: harbour-council\n(?:.*\n)*? {2}retired:\n/);
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'undo of a relation made with new entities retires all three in one change, and its undo restores them',
  async () => {
    await addArticle();
    const before = await files();
    await apply({
      kind: 'addRelation',
      newEntities: [
        { type: 'organization', name: 'Harbour Council', description: 'The council that runs the harbour.' },
        { type: 'place', name: 'Northern Islands', description: 'Islands north of the harbour.' },
      ],
      relation: {
        subject: 'harbour-council',
        type: 'operates_in',
        object: 'northern-islands',
        citations: [
          {
            ...citeArticle(
              'The Harbour Council approved a ferry route to the northern islands on Tuesday, the council said.',
            ),
            attributedToEntity: 'harbour-council',
          },
        ],
      },
    });
    const added = await files();
    const { entry } = await undo(2);
    expect(entry.touched.sort()).toEqual(
      [
        'entity:harbour-council',
        'entity:northern-islands',
        'relation:harbour-council--operates_in--northern-islands',
      ].sort(),
    );
    for (const id of ['harbour-council', 'northern-islands']) expect(served.graph.hasNode(id)).toBe(false);
    expect(before['entities.yaml']).not.toEqual(await read('entities.yaml'));

    await undo(3);
    expect(await files()).toEqual(added);
    expect(served.graph.hasEdge('harbour-council--operates_in--northern-islands')).toBe(true);
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'retiring an entity is refused while live relations point at it, naming them; an unused entity is retired, and the retirement undone',
  async () => {
    const error = await refusal(apply({ kind: 'retire', target: 'entity', id: 'isis-k', reason: 'a test of refusal' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/entity "isis-k" cannot be retired while live records refer to it: relation:/);
    expect(error.message).toMatch(/and \d+ more; retire them first/);

    await addCouncil();
    await apply({ kind: 'retire', target: 'entity', id: 'harbour-council', reason: 'added by mistake' });
    expect(served.graph.hasNode('harbour-council')).toBe(false);
    await undo(2);
    expect(served.graph.hasNode('harbour-council')).toBe(true);
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'restoring a relation whose entity was retired since is refused, naming the change that retired it',
  async () => {
    await addArticle();
    await addCouncil();
    const quote = 'The Harbour Council approved a ferry route to the northern islands on Tuesday, the council said.';
    await apply({
      kind: 'addRelation',
      relation: {
        subject: 'harbour-council',
        type: 'operates_in',
        object: 'afghanistan',
        citations: [{ ...citeArticle(quote), attributedToDescribed: 'the council' }],
      },
    });
    await undo(3); // change 4 retires the relation
    await undo(2); // change 5 retires the entity, now unused
    const error = await refusal(undo(4));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('entity:harbour-council, which it refers to, is retired (by change 5)');
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'an undo is refused when there is nothing left to undo, and twice is refused naming the undo',
  async () => {
    await addArticle();
    await undo(1);
    const twice = await refusal(undo(1));
    expect(twice.message).toContain('change 1 was already reverted (by change 2)');
    const missing = await refusal(undo(9));
    expect(missing).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'change' });
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'the loader refuses a live relation on a retired entity, and a live citation of a retired source',
  async () => {
    await addArticle();
    await addCouncil();
    // A hand edit that would bypass the checks above: the loader is still the judge.
    const { writeFile } = await import('node:fs/promises');
    const entities = await read('entities.yaml');
    await writeFile(
      path.join(temp.dir, 'entities.yaml'),
      entities.replace(
        '- id: afghanistan\n  type: place\n',
        "- id: afghanistan\n  type: place\n  retired: { at: '2026-01-01', by: Hand, change: 1, reason: hand edit }\n",
      ),
    );
    await expect(loadGraphData(temp.dir)).rejects.toMatchObject({
      problems: expect.arrayContaining([
        expect.objectContaining({
          file: 'relations.yaml',
          message: 'entity "afghanistan" is retired: retire this record too, or refer to an entity that is not',
        }),
      ]),
    });
    await writeFile(path.join(temp.dir, 'entities.yaml'), entities);
    await apply({
      kind: 'addCitation',
      target: 'relation',
      id: RELATION,
      citation: citeArticle('The Harbour Council approved the budget as well.'),
    });
    const sources = await read('sources.yaml');
    await writeFile(
      path.join(temp.dir, 'sources.yaml'),
      sources.replace(
        `- id: ${SOURCE}\n`,
        `- id: ${SOURCE}\n  retired: { at: '2026-01-01', by: Hand, change: 1, reason: hand edit }\n`,
      ),
    );
    await expect(loadGraphData(temp.dir)).rejects.toMatchObject({
      problems: expect.arrayContaining([
        expect.objectContaining({
          recordId: RELATION,
          message: `source "${SOURCE}" is retired: a live citation cannot cite it`,
        }),
      ]),
    });
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'undo of a relation is refused while a later change’s citation of it stands, naming that change',
  async () => {
    await addArticle();
    const { entry } = await apply({
      kind: 'addRelation',
      relation: {
        subject: 'isis-k',
        type: 'operates_in',
        object: 'afghanistan',
        citations: [citeArticle('The Harbour Council approved the budget as well.')],
      },
    });
    const relation = entry.added[0]!.slice('relation:'.length);
    await apply({
      kind: 'addCitation',
      target: 'relation',
      id: relation,
      citation: citeArticle('Harbour Council Approves New Ferry Route'),
    });
    const error = await refusal(undo(2));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`a citation of relation:${relation} from ${SOURCE} (change 3) stands on it`);
    await undo(3);
    await undo(2);
    expect(served.graph.hasEdge(relation)).toBe(false);
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'a relation is retired with the citations later changes added to it; a record a hand edit removed is a DATA_INVALID refusal',
  async () => {
    await addArticle();
    await apply({
      kind: 'addCitation',
      target: 'relation',
      id: RELATION,
      citation: citeArticle('The Harbour Council approved the budget as well.'),
    });
    await apply({ kind: 'retire', target: 'relation', id: RELATION, reason: 'a test retires it whole' });
    expect(served.graph.hasEdge(RELATION)).toBe(false);

    await addCouncil();
    const { writeFile } = await import('node:fs/promises');
    const entities = await read('entities.yaml');
    const start = entities.indexOf('- id: harbour-council\n');
    await writeFile(path.join(temp.dir, 'entities.yaml'), entities.slice(0, start));
    // Restart on the edited files (a running server refuses a hand edit before it plans anything).
    curation = await openCuration(temp.dir, await loadGraphData(temp.dir), dataVersion, () => {});
    const error = await refusal(undo(4));
    expect(error.code).toBe('DATA_INVALID');
    expect(error.message).toContain('no record with id "harbour-council" in entities.yaml');
  },
  WRITE_TEST_TIMEOUT,
);

import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { dataVersion } from '../../server/api/served-graph';
import { loadGraphData } from '../../server/data/load-graph-data';
import type { KnowledgeGraph } from '../../server/data/model';
import { openCuration, type Curation } from '../../server/curation/curation';
import { CurationError } from '../../server/curation/changes';
import { ARTICLE, refusal, selectionOf, tempGraphData, WRITE_TEST_TIMEOUT } from './temp-graph-data';

let temp: Awaited<ReturnType<typeof tempGraphData>>;
let curation: Curation;
let swapped: KnowledgeGraph | undefined;

const BY = 'Test Curator';

async function addArticle() {
  const { entry } = await curation.apply(
    {
      kind: 'addSource',
      source: { title: 'Harbour Council Approves New Ferry Route', publisher: 'Harbour Times', text: ARTICLE },
    },
    { by: BY, baseVersion: curation.version() },
  );
  return entry;
}

async function addCouncilRelation(baseVersion = curation.version()) {
  const quote = 'The Harbour Council approved a ferry route to the northern islands on Tuesday, the council said.';
  return curation.apply(
    {
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
            source: 'harbour-council-approves-new-ferry-route',
            ...selectionOf(ARTICLE, quote),
            attributedToEntity: 'harbour-council',
          },
        ],
      },
    },
    { by: BY, baseVersion },
  );
}

beforeEach(async () => {
  temp = await tempGraphData();
  swapped = undefined;
  curation = await openCuration(temp.dir, await loadGraphData(temp.dir), dataVersion, ({ graph }) => (swapped = graph));
});
afterEach(() => temp.cleanUp());

test(
  'a new article is stored verbatim with its hash, and a relation citing it appends one block per file, comments kept',
  async () => {
    const before = {
      entities: await readFile(path.join(temp.dir, 'entities.yaml'), 'utf8'),
      relations: await readFile(path.join(temp.dir, 'relations.yaml'), 'utf8'),
    };
    await addArticle();
    expect(await readFile(path.join(temp.dir, 'sources/harbour-council-approves-new-ferry-route.txt'), 'utf8')).toBe(
      ARTICLE,
    );
    const { entry } = await addCouncilRelation();

    const entities = await readFile(path.join(temp.dir, 'entities.yaml'), 'utf8');
    const relations = await readFile(path.join(temp.dir, 'relations.yaml'), 'utf8');
    // Everything that was there is there, byte for byte, and the additions come after it.
    expect(entities.startsWith(before.entities)).toBe(true);
    expect(relations.startsWith(before.relations)).toBe(true);
    expect(relations.slice(before.relations.length)).toBe(
      [
        '',
        '- id: harbour-council--operates_in--northern-islands',
        '  subject: harbour-council',
        '  type: operates_in',
        '  object: northern-islands',
        '  citations:',
        '    - source: harbour-council-approves-new-ferry-route',
        '      quote: The Harbour Council approved a ferry route to the northern islands on Tuesday, the council said.',
        '      attributedTo: harbour-council',
        '',
      ].join('\n'),
    );
    expect(entry).toMatchObject({
      id: 2,
      by: BY,
      touched: expect.arrayContaining(['relation:harbour-council--operates_in--northern-islands']),
    });

    // The swapped-in graph and a fresh load agree: the edge is there, with its offsets.
    const reloaded = await loadGraphData(temp.dir);
    for (const graph of [swapped!, reloaded]) {
      const relation = graph.graph.getEdgeAttributes('harbour-council--operates_in--northern-islands');
      expect(relation.citations[0]).toMatchObject({
        sourceId: 'harbour-council-approves-new-ferry-route',
        ...selectionOf(ARTICLE, 'The Harbour Council approved a ferry route'),
        end: selectionOf(ARTICLE, 'the council said.').end,
      });
    }
    const log = await readFile(path.join(temp.dir, 'changes.yaml'), 'utf8');
    expect(log).toContain('by: Test Curator');
    expect(log).toContain('summary: New relation harbour-council--operates_in--northern-islands');
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'a quote that occurs twice gets its occurrence computed by the server',
  async () => {
    await addArticle();
    const second = selectionOf(ARTICLE, 'The Harbour Council approved', 2);
    await curation.apply(
      {
        kind: 'addEntity',
        entity: { type: 'organization', name: 'Harbour Council', description: 'The council that runs the harbour.' },
      },
      { by: BY, baseVersion: curation.version() },
    );
    await curation.apply(
      {
        kind: 'addClaim',
        claim: {
          entity: 'harbour-council',
          attribute: 'characterisation',
          value: 'approved the budget',
          citations: [{ source: 'harbour-council-approves-new-ferry-route', ...second }],
        },
      },
      { by: BY, baseVersion: curation.version() },
    );
    const claims = await readFile(path.join(temp.dir, 'claims.yaml'), 'utf8');
    expect(claims).toMatch(/quote: The Harbour Council approved\n\s+occurrence: 2\n/);
    expect(
      swapped!.claims.get('harbour-council--characterisation--harbour-council-approves-new-ferry-route')!.citations[0]!
        .start,
    ).toBe(second.start);
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'a selection whose offsets do not match the stored text is refused, naming the source and the offsets',
  async () => {
    await addArticle();
    const versionBefore = curation.version();
    const error = await refusal(
      curation.apply(
        {
          kind: 'addCitation',
          target: 'relation',
          id: 'isis-k--affiliate_of--islamic-state',
          citation: {
            source: 'harbour-council-approves-new-ferry-route',
            start: 10,
            end: 30,
            quote: 'Harbour Council Approves',
          },
        },
        { by: BY, baseVersion: versionBefore },
      ),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('source "harbour-council-approves-new-ferry-route", offsets 10 to 30');
    const outside = await refusal(
      curation.apply(
        {
          kind: 'addCitation',
          target: 'relation',
          id: 'isis-k--affiliate_of--islamic-state',
          citation: { source: 'harbour-council-approves-new-ferry-route', start: 5, end: ARTICLE.length + 1 },
        },
        { by: BY, baseVersion: versionBefore },
      ),
    );
    expect(outside.message).toMatch(/offsets 5 to \d+: not a selection in its text of \d+ characters/);
    expect(curation.version()).toBe(versionBefore);
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'a change the loader rejects is refused with its problem, and nothing is written',
  async () => {
    await addArticle();
    const relationsBefore = await readFile(path.join(temp.dir, 'relations.yaml'), 'utf8');
    const entitiesBefore = await readFile(path.join(temp.dir, 'entities.yaml'), 'utf8');
    const error = await refusal(
      curation.apply(
        {
          kind: 'addRelation',
          newEntities: [{ type: 'organization', name: 'Coastal Transit Company', description: 'A ferry operator.' }],
          relation: {
            subject: 'coastal-transit-company',
            type: 'sails_to',
            object: 'isis-k',
            citations: [
              {
                source: 'harbour-council-approves-new-ferry-route',
                ...selectionOf(ARTICLE, 'the Coastal Transit Company'),
              },
            ],
          },
        },
        { by: BY, baseVersion: curation.version() },
      ),
    );
    expect(error.code).toBe('DATA_INVALID');
    expect(error.message).toContain('unknown relation type "sails_to"');
    expect(await readFile(path.join(temp.dir, 'relations.yaml'), 'utf8')).toBe(relationsBefore);
    expect(await readFile(path.join(temp.dir, 'entities.yaml'), 'utf8')).toBe(entitiesBefore);
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'an unattributed reporting verb is refused by the same attribution rules as the files',
  async () => {
    await addArticle();
    const quote = 'Officials said the Coastal Transit Company will reportedly run the first crossings in spring.';
    const error = await refusal(
      curation.apply(
        {
          kind: 'addRelation',
          newEntities: [{ type: 'organization', name: 'Coastal Transit Company', description: 'A ferry operator.' }],
          relation: {
            subject: 'coastal-transit-company',
            type: 'operates_in',
            object: 'afghanistan',
            citations: [{ source: 'harbour-council-approves-new-ferry-route', ...selectionOf(ARTICLE, quote) }],
          },
        },
        { by: BY, baseVersion: curation.version() },
      ),
    );
    expect(error.code).toBe('DATA_INVALID');
    expect(error.message).toMatch(/relations\.yaml "coastal-transit-company--operates_in--afghanistan" citations\.0/);
    expect(error.message).toContain('unattributed-report');
    expect(error.message).toContain('unmarked-hedge');
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'two concurrent changes to the same relation: one succeeds, the other is a conflict naming what changed, and nothing is lost',
  async () => {
    await addArticle();
    const base = curation.version();
    const cite = (quote: string) =>
      curation.apply(
        {
          kind: 'addCitation',
          target: 'relation',
          id: 'isis-k--affiliate_of--islamic-state',
          citation: { source: 'harbour-council-approves-new-ferry-route', ...selectionOf(ARTICLE, quote) },
        },
        { by: BY, baseVersion: base },
      );
    const results = await Promise.allSettled([
      cite('The Harbour Council approved the budget as well.'),
      cite('Harbour Council Approves New Ferry Route'),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(CurationError);
    expect(rejected.reason.code).toBe('CONFLICT');
    expect(rejected.reason.message).toContain('touched relation:isis-k--affiliate_of--islamic-state');
    // The winner's citation is on disk and in the graph.
    const relation = (await loadGraphData(temp.dir)).graph.getEdgeAttributes('isis-k--affiliate_of--islamic-state');
    expect(
      relation.citations.filter((citation) => citation.sourceId === 'harbour-council-approves-new-ferry-route'),
    ).toHaveLength(1);
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'a change against an older version that touches other records goes ahead',
  async () => {
    await addArticle();
    const base = curation.version();
    await curation.apply(
      { kind: 'addAlias', entity: 'isis-k', alias: 'Harbour Khorasan' },
      { by: BY, baseVersion: base },
    );
    await curation.apply(
      { kind: 'addAlias', entity: 'taliban', alias: 'Harbour Taliban' },
      { by: BY, baseVersion: base },
    );
    const graph = await loadGraphData(temp.dir);
    expect(graph.graph.getNodeAttribute('isis-k', 'aliases')).toContain('Harbour Khorasan');
    expect(graph.graph.getNodeAttribute('taliban', 'aliases')).toContain('Harbour Taliban');
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'retiring a relation keeps it in the file, marked, and takes it out of the graph; undo retires what a change added',
  async () => {
    await addArticle();
    await addCouncilRelation();
    const id = 'harbour-council--operates_in--northern-islands';
    await curation.apply(
      { kind: 'revert', change: 2, reason: 'wrong source' },
      { by: 'Second Curator', baseVersion: curation.version() },
    );
    const relations = await readFile(path.join(temp.dir, 'relations.yaml'), 'utf8');
    expect(relations).toContain(`- id: ${id}`);
    expect(relations).toMatch(
      / {2}retired:\n {4}at: .+\n {4}by: Second Curator\n {4}change: 3\n {4}reason: "?undo of change 2: wrong source"?\n/,
    );
    expect(swapped!.graph.hasEdge(id)).toBe(false);
    expect((await loadGraphData(temp.dir)).graph.hasEdge(id)).toBe(false);
    expect(curation.log().at(-1)).toMatchObject({ id: 3, reverts: 2, by: 'Second Curator' });
    const again = await refusal(
      curation.apply({ kind: 'revert', change: 2, reason: 'twice' }, { by: BY, baseVersion: curation.version() }),
    );
    expect(again.message).toContain('already reverted');
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'an over-long article is refused before anything is written',
  async () => {
    const error = await refusal(
      curation.apply(
        { kind: 'addSource', source: { title: 'Long', text: 'x'.repeat(200_001) } },
        { by: BY, baseVersion: curation.version() },
      ),
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'source.text' });
    expect(error.message).toContain('over the maximum of 200000');
  },
  WRITE_TEST_TIMEOUT,
);

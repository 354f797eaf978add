/**
 * Curating in a real browser, on a temporary copy of graph-data: sign in, paste a new short
 * article, select a sentence in the reader, create an entity and a relation citing it with a
 * speaker, see the edge on the graph and its sentence highlighted in the reader, restart the
 * server and find both still there, and read the YAML diff: one new block per record, every
 * byte before it (comments included) unchanged.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Page } from 'playwright-core';

import { ARTICLE, tempGraphData } from '../curation/temp-graph-data';
import { type Harness, openPage, screenshot, startHarness, TEST_TIMEOUT, waitForGraph } from './harness';

const TOKEN = 'a-curator-token-for-browser-tests';
const TITLE = 'Harbour Council Approves New Ferry Route';
const SOURCE_ID = 'harbour-council-approves-new-ferry-route';
const QUOTE = 'The Harbour Council approved a ferry route to the northern islands on Tuesday, the council said.';
const RELATION_ID = 'harbour-council--operates_in--northern-islands';

/** Selects `text` in the reader's source text as a user would with the mouse, and lets go. */
async function selectInText(page: Page, text: string): Promise<void> {
  // The reader's heading can arrive before its text: wait until the text is drawn.
  await page.locator('.source-text', { hasText: text }).first().waitFor();
  await page.evaluate((wanted) => {
    const container = document.querySelector('.source-text')!;
    const at = container.textContent!.indexOf(wanted);
    if (at === -1) throw new Error(`"${wanted}" is not in the source text`);
    // Marks and underlines split the text into nodes: find where the range starts and ends.
    const range = document.createRange();
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent!.length;
      if (at >= offset && at < offset + length) range.setStart(node, at - offset);
      if (at + wanted.length > offset && at + wanted.length <= offset + length) {
        range.setEnd(node, at + wanted.length - offset);
        break;
      }
      offset += length;
    }
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    container.closest('section')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, text);
}

let temp: Awaited<ReturnType<typeof tempGraphData>>;
let harness: Harness | undefined;

beforeAll(async () => {
  temp = await tempGraphData();
});
afterAll(async () => {
  await harness?.close();
  await temp.cleanUp();
});

const start = () => startHarness({ graphDataDir: temp.dir, curatorToken: TOKEN });

it(
  'a curator adds an article, cites a sentence for a new entity and relation with a speaker, and it is all there after a restart',
  async () => {
    const before = {
      entities: await readFile(path.join(temp.dir, 'entities.yaml'), 'utf8'),
      relations: await readFile(path.join(temp.dir, 'relations.yaml'), 'utf8'),
    };
    harness = await start();
    const { page, context, errors } = await openPage(harness, '/curate');

    const signIn = page.getByRole('form', { name: 'Sign in as a curator' });
    await signIn.getByLabel('Your name').fill('Ada Curator');
    await signIn.getByLabel('Curator token').fill(TOKEN);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as').waitFor();
    // A mark on this document: a reload would lose it.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    const article = page.getByRole('form', { name: 'Add an article' });
    await article.getByLabel('Title').fill(TITLE);
    await article.getByLabel('Publisher').fill('Harbour Times');
    await article.getByLabel('Full text, as published').fill(ARTICLE);
    await article.getByRole('button', { name: 'Add the article' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/sources/${SOURCE_ID}`);

    await selectInText(page, QUOTE);
    const composer = page.getByRole('region', { name: 'Cite the selected passage' });
    expect(await composer.locator('blockquote').textContent()).toBe(QUOTE);
    await composer.getByRole('button', { name: 'New relation' }).click();
    await composer.getByRole('button', { name: 'Create a new entity as subject' }).click();
    await composer.getByLabel('Subject name').fill('Harbour Council');
    await composer.getByLabel('Subject type').selectOption('organization');
    await composer.getByLabel('Subject description').fill('The council that runs the harbour.');
    await composer.getByLabel('Relation type').selectOption('operates_in');
    await composer.getByRole('button', { name: 'Create a new entity as object' }).click();
    await composer.getByLabel('Object name').fill('Northern Islands');
    await composer.getByLabel('Object type').selectOption('place');
    await composer.getByLabel('Object description').fill('Islands north of the harbour.');
    // "said" is a reporting word: the form asks for the speaker.
    await composer.getByText('The passage reports someone’s words (“said”)').waitFor();
    await composer.getByLabel('Speaker in the article’s words (when not an entity)').fill('the council');
    expect(await composer.getByLabel('Preview').textContent()).toBe('Harbour Council — operates in → Northern Islands');
    await composer.getByRole('button', { name: 'Save' }).click();

    // The reader reopens on the cited sentence, with the new relation beside it.
    const highlight = page.locator('mark[aria-current="location"]');
    await highlight.waitFor();
    expect(await highlight.textContent()).toBe(QUOTE);
    expect(new URL(page.url()).searchParams.get('relation')).toBe(RELATION_ID);
    // Now a known entity, its name is underlined as a suggestion wherever the text uses it.
    const suggestions = page.locator('.source-text__suggestion', { hasText: 'Harbour Council' });
    await suggestions.first().waitFor();
    expect(await suggestions.count()).toBe(ARTICLE.match(/Harbour Council/g)!.length);
    // The article and the relation were saved without reloading the page.
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await screenshot(page, 'curation-reader.png');

    // The graph has the new edge; its evidence opens the reader on the selection.
    await page.goto(`${harness.server.url}/?entity=harbour-council`);
    await waitForGraph(page);
    const panel = page.getByRole('region', { name: 'Entity details' });
    await panel.getByRole('heading', { name: 'Harbour Council', level: 2 }).waitFor();
    await panel.getByRole('button', { name: /^Harbour Council operates in Northern Islands/ }).click();
    const evidence = page.getByRole('region', { name: 'Evidence' });
    await evidence.getByRole('link', { name: QUOTE }).first().click();
    await highlight.waitFor();
    expect(await highlight.textContent()).toBe(QUOTE);
    await screenshot(page, 'curation-graph-to-reader.png');
    expect(errors).toEqual([]);
    await context.close();

    // A restart finds both.
    await harness.close();
    harness = await start();
    const again = await openPage(harness, `/sources/${SOURCE_ID}?relation=${RELATION_ID}`);
    await again.page.locator('mark[aria-current="location"]').waitFor();
    expect(await again.page.locator('mark[aria-current="location"]').textContent()).toBe(QUOTE);
    const { relation } = await harness.api<{ relation: { citations: { attributedTo: { name: string } }[] } }>(
      `{ relation(id: "${RELATION_ID}") { citations { attributedTo { name } } } }`,
    );
    expect(relation.citations[0]!.attributedTo.name).toBe('the council');

    // Undo from the history: a new change retires the relation and the two entities it made;
    // the records stay in their files.
    await again.page.goto(`${harness.server.url}/curate`);
    const signInAgain = again.page.getByRole('form', { name: 'Sign in as a curator' });
    await signInAgain.getByLabel('Your name').fill('Ada Curator');
    await signInAgain.getByLabel('Curator token').fill(TOKEN);
    await signInAgain.getByRole('button', { name: 'Sign in' }).click();
    await again.page.getByRole('button', { name: 'Undo change 2' }).click();
    await again.page.getByText(/^Undo of change 2/).waitFor();
    const undone = await harness.api<{ relation: unknown; entity: unknown }>(
      `{ relation(id: "${RELATION_ID}") { id } entity(id: "harbour-council") { id } }`,
    );
    expect(undone).toEqual({ relation: null, entity: null });
    expect(again.errors).toEqual([]);
    await again.context.close();

    // The YAML diff: each file is what it was, then one new block per new record (and the
    // relation's `retired:` field from the undo).
    const entities = await readFile(path.join(temp.dir, 'entities.yaml'), 'utf8');
    const relations = await readFile(path.join(temp.dir, 'relations.yaml'), 'utf8');
    expect(relations).toMatch(/ {2}retired:\n {4}at: .+\n {4}by: Ada Curator\n {4}change: 3\n/);
    expect(entities.startsWith(before.entities)).toBe(true);
    expect(relations.startsWith(before.relations)).toBe(true);
    expect(entities.slice(before.entities.length).match(/^- id: /gm)).toEqual(['- id: ', '- id: ']);
    expect(relations.slice(before.relations.length).replace(/\n {2}retired:\n(?: {4}.*\n)+$/, '\n')).toBe(
      [
        '',
        `- id: ${RELATION_ID}`,
        '  subject: harbour-council',
        '  type: operates_in',
        '  object: northern-islands',
        '  citations:',
        `    - source: ${SOURCE_ID}`,
        `      quote: ${QUOTE}`,
        '      attributedTo:',
        '        described: the council',
        '',
      ].join('\n'),
    );
  },
  TEST_TIMEOUT * 3,
);

it(
  'in the reader a curator cites one sentence as a new claim and another as evidence for it, without the page reloading',
  async () => {
    // Continues on the data of the test above: the article is there, the relation and its
    // entities undone (change 3).
    harness ??= await start();
    const { page, context, errors } = await openPage(harness, '/curate');
    // A mark on this document: a reload would lose it.
    const markDocument = () => page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const sameDocument = () => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument);
    const signIn = page.getByRole('form', { name: 'Sign in as a curator' });
    await signIn.getByLabel('Your name').fill('Ada Curator');
    await signIn.getByLabel('Curator token').fill(TOKEN);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as').waitFor();
    await markDocument();

    // Undo of the undo: the relation and its entities are back, the history says so in place.
    await page.getByRole('button', { name: 'Undo change 3' }).click();
    await page.getByText(/^Undo of change 3/).waitFor();
    await page.getByText('(undone by change 4)').waitFor();
    expect(await page.getByRole('button', { name: 'Undo change 3' }).count()).toBe(0);
    expect(await sameDocument()).toBe(true);
    const redone = await harness.api<{ relation: { id: string } | null }>(`{ relation(id: "${RELATION_ID}") { id } }`);
    expect(redone.relation).toEqual({ id: RELATION_ID });

    await page.goto(`${harness.server.url}/sources/${SOURCE_ID}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await markDocument();
    const composer = page.getByRole('region', { name: 'Cite the selected passage' });
    const highlight = page.locator('mark[aria-current="location"]');
    const claimId = `harbour-council--date--${SOURCE_ID}`;

    await selectInText(page, QUOTE);
    await composer.getByRole('button', { name: 'New claim' }).click();
    await composer.getByRole('combobox', { name: 'Entity' }).fill('Harbour Council');
    await page
      .getByRole('option', { name: /^Harbour Council/ })
      .first()
      .click();
    await composer.getByLabel('Attribute').selectOption('date');
    await composer.getByLabel('Value, as the source words it').fill('Tuesday');
    await composer.getByLabel('Speaker in the article’s words (when not an entity)').fill('the council');
    await composer.getByRole('button', { name: 'Save' }).click();
    await highlight.waitFor();
    expect(await highlight.textContent()).toBe(QUOTE);
    expect(new URL(page.url()).searchParams.get('claim')).toBe(claimId);
    const claimPanel = page.getByRole('region', { name: 'Claim' });
    await claimPanel.getByRole('heading', { name: 'Date: Tuesday' }).waitFor();
    expect(await composer.count()).toBe(0);
    expect(await sameDocument()).toBe(true);

    const evidence = 'The Harbour Council approved the budget as well.';
    await selectInText(page, evidence);
    await composer.getByRole('button', { name: 'Add as evidence to…' }).click();
    await composer.getByRole('combobox', { name: 'Relation or claim of' }).fill('Harbour Council');
    await page
      .getByRole('option', { name: /^Harbour Council/ })
      .first()
      .click();
    // The select's name is its label and its chosen option; the entity picker's is "Relation or claim of".
    const target = composer.getByRole('combobox', { name: /^Relation or claim(?! of)/ });
    await target.locator('option', { hasText: 'Date — Tuesday' }).waitFor({ state: 'attached' });
    await target.selectOption(`claim:${claimId}`);
    await composer.getByRole('button', { name: 'Save' }).click();
    await highlight.filter({ hasText: evidence }).waitFor();
    expect(new URL(page.url()).searchParams.get('claim')).toBe(claimId);
    // The claim panel, refreshed in place, counts both quotes.
    await claimPanel.getByRole('heading', { name: 'Citations 2' }).waitFor();
    expect(await sameDocument()).toBe(true);
    await screenshot(page, 'curation-claim-evidence.png');

    const { entity } = await harness.api<{
      entity: { claims: { edges: { node: { id: string; citations: { quote: string }[] } }[] } };
    }>(`{ entity(id: "harbour-council") { claims { edges { node { id citations { quote } } } } } }`);
    expect(entity.claims.edges.map((edge) => edge.node)).toEqual([
      { id: claimId, citations: [{ quote: QUOTE }, { quote: evidence }] },
    ]);
    expect(errors).toEqual([]);
    await context.close();
  },
  TEST_TIMEOUT * 2,
);

/**
 * Direct manipulation of the canvas in a real browser over the shipped data: dragging an
 * entity (it stays), pinning and moving one by keyboard, choosing several by shift-click and
 * by lasso, "show only these", and the chooser of a bundle of parallel relations. Counts and
 * quotes come from the API, asked in the test.
 */
import type { Page } from 'playwright-core';

import { counts, expectStatus, harnessForThisFile, nodeOnPage, openPage, TEST_TIMEOUT, waitForGraph } from './harness';

const harness = harnessForThisFile();

const position = (page: Page, id: string) => page.evaluate((node) => window.explorerCanvas!.position(node), id);
const camera = (page: Page) => page.locator('.graph-canvas__sigma').getAttribute('data-camera');

describe('direct manipulation', () => {
  it(
    'a dragged entity stays where it is dropped, pinned, while the camera stays put and nothing is selected',
    async () => {
      const { page, context, errors } = await openPage(harness, '/');
      await waitForGraph(page);
      const start = await nodeOnPage(page, 'isis-k');
      const cameraBefore = await camera(page);
      const drop = { x: start.x + 90, y: start.y + 70 };
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      await page.mouse.move(drop.x, drop.y, { steps: 12 });
      await page.mouse.up();

      const dropped = await nodeOnPage(page, 'isis-k');
      expect(Math.abs(dropped.x - drop.x)).toBeLessThan(2);
      expect(Math.abs(dropped.y - drop.y)).toBeLessThan(2);
      expect(await camera(page)).toBe(cameraBefore);
      expect(new URL(page.url()).searchParams.get('entity')).toBeNull();
      await page.locator('[data-pinned="isis-k"]').waitFor();

      // It stays: after a while, and after filters change and the camera refits.
      const placed = await position(page, 'isis-k');
      await page.waitForTimeout(500);
      expect(await position(page, 'isis-k')).toEqual(placed);
      await page.getByRole('slider', { name: 'Minimum supporting sources' }).fill('2');
      await page.waitForURL((url) => url.searchParams.get('min') === '2');
      await waitForGraph(page);
      await page.goBack();
      await page.waitForURL((url) => !url.searchParams.has('min'));
      await waitForGraph(page);
      expect(await position(page, 'isis-k')).toEqual(placed);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'the keyboard moves the selected entity a step, which pins it, and Unpin puts it back',
    async () => {
      const { page, context, errors } = await openPage(harness, '/?entity=taliban');
      await waitForGraph(page);
      const arrange = page.getByRole('group', { name: 'Arrange Taliban' });
      const laidOut = await position(page, 'taliban');
      const before = await nodeOnPage(page, 'taliban');
      await arrange.getByRole('button', { name: 'Move right' }).focus();
      await page.keyboard.press('Enter');
      await page.locator('[data-pinned="taliban"]').waitFor();
      const after = await nodeOnPage(page, 'taliban');
      expect(after.x - before.x).toBeCloseTo(24, 0);
      expect(after.y).toBeCloseTo(before.y, 0);
      const unpin = arrange.getByRole('button', { name: 'Unpin' });
      expect(await unpin.getAttribute('aria-pressed')).toBe('true');
      await unpin.focus();
      await page.keyboard.press('Enter');
      await page.locator('[data-pinned="taliban"]').waitFor({ state: 'detached' });
      expect(await position(page, 'taliban')).toEqual(laidOut);
      expect(await arrange.getByRole('button', { name: 'Pin' }).getAttribute('aria-pressed')).toBe('false');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'shift-click chooses several entities; "show only these" keeps them and what ties them, as the API counts it',
    async () => {
      const { between } = await harness.api<{ between: { relations: { id: string }[] } }>(
        '{ between(a: "isis-k", b: "taliban") { relations { id } } }',
      );
      const { page, context, errors } = await openPage(harness, '/');
      await waitForGraph(page);
      const panel = page.getByRole('region', { name: 'Chosen entities' });
      await page.keyboard.down('Shift');
      const first = await nodeOnPage(page, 'isis-k');
      await page.mouse.click(first.x, first.y);
      await panel.getByText('1 entity chosen: ISIS-K').waitFor();
      // Two clicks within sigma's double-click time would be one double click, as for a user.
      await page.waitForTimeout(400);
      const second = await nodeOnPage(page, 'taliban');
      await page.mouse.click(second.x, second.y);
      await page.keyboard.up('Shift');
      await panel.getByText('2 entities chosen: ISIS-K, Taliban').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('[data-chosen]').length === 2);
      expect(new URL(page.url()).searchParams.get('entity')).toBeNull();

      await panel.getByRole('button', { name: 'Show only these' }).click();
      await page.waitForURL((url) => url.searchParams.get('only') === 'isis-k,taliban');
      await expectStatus(page, counts(2, between.relations.length));
      await page.getByRole('button', { name: 'Show all' }).click();
      await page.waitForURL((url) => !url.searchParams.has('only'));
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'a lasso (shift-drag on the empty canvas) chooses every entity drawn inside it, and Clear empties the choice',
    async () => {
      const { page, context, errors } = await openPage(harness, '/');
      await waitForGraph(page);
      const box = (await page.locator('.graph-canvas__sigma').boundingBox())!;
      const corner = { x: box.x + 16, y: box.y + 16 };
      const far = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const inside = await page.evaluate(
        ({ corner, far, left, top }) => {
          const probe = window.explorerCanvas!;
          return probe.drawnNodes().filter((id) => {
            const node = probe.node(id)!;
            const x = left + node.x;
            const y = top + node.y;
            return x > corner.x && x < far.x && y > corner.y && y < far.y;
          });
        },
        { corner, far, left: box.x, top: box.y },
      );
      expect(inside.length).toBeGreaterThan(0);

      await page.keyboard.down('Shift');
      await page.mouse.move(corner.x, corner.y);
      await page.mouse.down();
      await page.mouse.move(far.x, corner.y, { steps: 10 });
      await page.mouse.move(far.x, far.y, { steps: 10 });
      await page.mouse.move(corner.x, far.y, { steps: 10 });
      await page.mouse.move(corner.x, corner.y + 2, { steps: 10 });
      await page.mouse.up();
      await page.keyboard.up('Shift');

      const panel = page.getByRole('region', { name: 'Chosen entities' });
      const noun = inside.length === 1 ? 'entity' : 'entities';
      await panel.getByText(new RegExp(`^${inside.length} ${noun} chosen: `)).waitFor();
      // The marks are drawn over the canvas after the panel renders: wait for them, then compare.
      await page.waitForFunction((count) => document.querySelectorAll('[data-chosen]').length === count, inside.length);
      expect(
        new Set(
          await page
            .locator('[data-chosen]')
            .evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-chosen'))),
        ),
      ).toEqual(new Set(inside));
      await panel.getByRole('button', { name: 'Clear' }).click();
      await panel.waitFor({ state: 'detached' });
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'a click on a bundle of parallel relations lists them all, and each opens its evidence',
    async () => {
      const { page, context, errors } = await openPage(harness, '/');
      await waitForGraph(page);
      // Points in the middle of each relation of a bundle (a curve's middle is off the chord by half its bend,
      // on one side or the other), clear of entities, biggest bundle first.
      const candidates = await page.evaluate(() => {
        const probe = window.explorerCanvas!;
        const canvas = document.querySelector('.graph-canvas__sigma')!.getBoundingClientRect();
        const pairs = new Map<string, string[]>();
        for (const id of probe.drawnEdges()) {
          const edge = probe.edge(id)!;
          const key = [edge.source, edge.target].sort().join('|');
          pairs.set(key, [...(pairs.get(key) ?? []), id]);
        }
        const nodes = probe.drawnNodes().map((id) => probe.node(id)!);
        const found: { ends: string[]; ids: string[]; x: number; y: number }[] = [];
        for (const [key, ids] of [...pairs].sort((p, q) => q[1].length - p[1].length)) {
          if (ids.length < 2) continue;
          for (const id of ids) {
            const edge = probe.edge(id)!;
            const a = probe.node(edge.source)!;
            const b = probe.node(edge.target)!;
            for (const side of [1, -1]) {
              const x = (a.x + b.x) / 2 - (side * (b.y - a.y) * edge.curvature) / 2;
              const y = (a.y + b.y) / 2 + (side * (b.x - a.x) * edge.curvature) / 2;
              if (nodes.some((node) => Math.hypot(node.x - x, node.y - y) < node.radius + 6)) continue;
              if (x < 20 || y < 20 || x > canvas.width - 20 || y > canvas.height - 20) continue;
              found.push({ ends: key.split('|'), ids, x: canvas.left + x, y: canvas.top + y });
            }
          }
        }
        return found;
      });
      let target: (typeof candidates)[number] | null = null;
      for (const candidate of candidates.slice(0, 40)) {
        await page.mouse.move(candidate.x, candidate.y);
        const hovered = await page
          .waitForFunction(
            (ids) => {
              const hover = document.querySelector('.graph-canvas__sigma')?.getAttribute('data-hover') ?? '';
              return ids.some((id) => hover === `relation:${id}`);
            },
            candidate.ids,
            { timeout: 300 },
          )
          .then(() => true)
          .catch(() => false);
        if (hovered) {
          target = candidate;
          break;
        }
      }
      expect(target).not.toBeNull();
      const [a, b] = target!.ends as [string, string];
      const { between } = await harness.api<{
        between: { a: { name: string }; b: { name: string }; relations: { id: string }[] };
      }>('query ($a: ID!, $b: ID!) { between(a: $a, b: $b) { a { name } b { name } relations { id } } }', { a, b });

      await page.mouse.click(target!.x, target!.y);
      const chooser = page.getByRole('dialog', { name: /^Relations between / });
      await chooser.waitFor();
      const items = chooser.getByRole('listitem');
      // Every relation the API knows between the two, as many as the canvas draws between them.
      expect(await items.count()).toBe(between.relations.length);
      expect(target!.ids.length).toBe(between.relations.length);
      // The keyboard is in the list; Escape closes it.
      expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
      await page.keyboard.press('Escape');
      await chooser.waitFor({ state: 'detached' });

      await page.waitForTimeout(400); // not a double click with the first
      await page.mouse.click(target!.x, target!.y);
      await chooser.waitFor();
      await chooser.getByRole('button').first().click();
      await page.waitForURL((url) => url.searchParams.has('relation'));
      const relationId = new URL(page.url()).searchParams.get('relation')!;
      expect(between.relations.map((relation) => relation.id)).toContain(relationId);
      const { relation } = await harness.api<{ relation: { citations: { quote: string }[] } }>(
        'query ($id: ID!) { relation(id: $id) { citations { quote } } }',
        { id: relationId },
      );
      const evidence = page.getByRole('region', { name: 'Evidence' });
      await evidence.locator('blockquote').first().waitFor();
      expect(await evidence.locator('blockquote').allTextContents()).toEqual(
        relation.citations.map((citation) => citation.quote),
      );
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});

/**
 * A vocabulary of dozens of entity types: the legend lists them in a few rows that scroll
 * (reachable by the keyboard), instead of covering the canvas, and the first view still keeps
 * every entity clear of it; the entity-type filter has a box to find a type by name. The seed
 * graph, its entities spread over added types.
 */
import { addedEntityTypeLabel, seedWithAddedEntityTypes } from '../support/added-entity-types';
import {
  entitiesHiddenByOverlays,
  harnessForThisFile,
  openPage,
  statusCounts,
  TEST_TIMEOUT,
  waitForGraph,
} from './harness';

const TYPES = 60;

const harness = harnessForThisFile({ knowledgeGraph: () => seedWithAddedEntityTypes(TYPES, { used: true }) });

describe('a vocabulary of dozens of entity types', () => {
  it(
    'lists every type in a few rows that scroll, and the graph stays clear of it',
    async () => {
      const { page, context, errors } = await openPage(harness, '/');
      await waitForGraph(page);
      const legend = page.getByRole('region', { name: 'Legend' });
      const types = legend.getByRole('list', { name: 'Entity types' });
      expect(await types.getByRole('listitem').count()).toBe(TYPES);

      // The list holds its rows within a bound and scrolls; the legend stays a strip at the
      // canvas's foot, not a sheet over it.
      const canvas = (await page.locator('.graph-canvas__sigma').boundingBox())!;
      const box = (await legend.boundingBox())!;
      expect(box.height).toBeLessThan(canvas.height / 3);
      const scrolls = await types.evaluate((list) => list.scrollHeight > list.clientHeight);
      expect(scrolls).toBe(true);
      expect(await types.getAttribute('tabindex')).toBe('0');

      // Reached by the keyboard, it scrolls to its last type (End; the scroll may be animated).
      await types.focus();
      await page.keyboard.press('End');
      await page.waitForFunction(
        () => {
          const list = document.querySelector('[aria-label="Entity types"]');
          return list !== null && list.scrollTop + list.clientHeight >= list.scrollHeight - 1;
        },
        null,
        { timeout: 5_000 },
      );
      const lastItem = types.getByRole('listitem').last();
      expect(await lastItem.textContent()).toContain(addedEntityTypeLabel(TYPES - 1));
      const last = (await lastItem.boundingBox())!;
      const shown = (await types.boundingBox())!;
      expect(last.y + last.height).toBeLessThanOrEqual(shown.y + shown.height + 1);

      expect(await entitiesHiddenByOverlays(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'the entity-type filter finds a type by name, and unchecking it hides its entities',
    async () => {
      const { page, context, errors } = await openPage(harness, '/');
      await waitForGraph(page);
      const before = await statusCounts(page);
      const filter = page.getByRole('group', { name: 'Entity types' });
      const boxes = filter.getByRole('checkbox');
      const all = await boxes.count();
      expect(all).toBeGreaterThanOrEqual(TYPES);
      await filter.getByRole('searchbox', { name: 'Find entity types' }).fill('TYPE 5');
      // "Added type 5" and "Added type 50" to "Added type 59".
      await page.waitForFunction(
        (count) => document.querySelectorAll('fieldset input[type="checkbox"]').length <= count,
        all - 1,
      );
      expect(await boxes.count()).toBe(11);
      const five = filter.getByRole('checkbox', { name: new RegExp(`^${addedEntityTypeLabel(5)}\\b`) });
      await five.uncheck();
      await page.waitForFunction(() => new URL(location.href).searchParams.has('types'));
      expect(new URL(page.url()).searchParams.get('types')!.split(',')).toHaveLength(all - 1);
      await waitForGraph(page);
      const after = await statusCounts(page);
      expect(after.entities).toBeLessThan(before.entities);
      await filter.getByRole('searchbox', { name: 'Find entity types' }).fill('no such type');
      await filter.getByText('No entity type matches “no such type”.').waitFor();
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});

/**
 * The exported pictures in a real browser over the shipped data: the PNG decodes at twice
 * the canvas's width, and the SVG names the dataset's title, the active filters, a legend
 * entry for every entity type drawn and the sources the drawn relations cite, with every
 * drawn entity in it. Titles, types and sources come from the API.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { ARTIFACTS, harnessForThisFile, openPage, TEST_TIMEOUT, waitForGraph } from './harness';

const harness = harnessForThisFile();

async function download(page: Page, format: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Export ${format}` }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe('exported pictures', () => {
  it(
    'PNG at 2× the canvas and SVG with the title, filters, legend, sources and every drawn entity',
    async () => {
      const { dataset, stats, vocabulary } = await harness.api<{
        dataset: { title: string };
        stats: { sourceCount: number };
        vocabulary: { entityTypes: { id: string; label: string }[] };
      }>('{ dataset { title } stats { sourceCount } vocabulary { entityTypes { id label } } }');
      const { page, context, errors } = await openPage(harness, '/?min=2');
      await waitForGraph(page);
      const canvas = (await page.locator('.graph-canvas__sigma').boundingBox())!;

      const svg = await download(page, 'SVG');
      expect(svg.name).toMatch(/\.svg$/);
      const picture = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
        const root = doc.documentElement;
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          width: Number(root.getAttribute('width')),
          viewBox: root.getAttribute('viewBox'),
          graphHeight: Number(root.getAttribute('data-graph-height')),
          texts: [...doc.querySelectorAll('text')].map((text) => text.textContent ?? ''),
          entities: [...doc.querySelectorAll('circle[data-entity]')].map((circle) =>
            circle.getAttribute('data-entity')!,
          ),
        };
      }, svg.bytes.toString('utf8'));
      const drawn = await page.evaluate(() => window.explorerCanvas!.drawnNodes());
      expect(picture.error).toBeNull();
      expect(picture.width).toBe(2 * Math.round(canvas.width));
      expect(picture.graphHeight).toBe(Math.round(canvas.height));
      expect(picture.texts[0]).toBe(dataset.title);
      expect(picture.texts).toContain(
        `Filter · Minimum supporting sources: at least 2 of ${stats.sourceCount} sources`,
      );
      expect(new Set(picture.entities)).toEqual(new Set(drawn));
      expect(drawn.length).toBeGreaterThan(0);

      // A legend entry for each entity type drawn, with its count.
      const { relations } = await harness.api<{
        relations: {
          edges: {
            node: {
              subject: { id: string; type: string };
              object: { id: string; type: string };
              sources: { title: string }[];
            };
          }[];
        };
      }>('{ relations(filter: { minSources: 2 }, first: 500) { edges { node { sources { title } } } } }');
      const { entities } = await harness.api<{ entities: { edges: { node: { id: string; type: string } }[] } }>(
        '{ entities(first: 500) { edges { node { id type } } } }',
      );
      const typeOf = new Map(entities.edges.map(({ node }) => [node.id, node.type]));
      const label = new Map(vocabulary.entityTypes.map((type) => [type.id, type.label]));
      const perType = new Map<string, number>();
      for (const id of drawn) {
        const type = typeOf.get(id);
        perType.set(type!, (perType.get(type!) ?? 0) + 1);
      }
      expect(perType.size).toBeGreaterThan(0);
      for (const [type, count] of perType) expect(picture.texts).toContain(`${label.get(type)} ${count}`);

      // Every source the drawn relations cite is named (the shipped data has fewer than the picture lists).
      const cited = new Set(relations.edges.flatMap(({ node }) => node.sources.map((source) => source.title)));
      expect(cited.size).toBeGreaterThan(0);
      for (const title of cited) expect(picture.texts.some((text) => text.endsWith(title))).toBe(true);

      const png = await download(page, 'PNG');
      expect(png.name).toMatch(/\.png$/);
      writeFileSync(join(ARTIFACTS, 'export.png'), png.bytes);
      const decoded = await page.evaluate(async (base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        return { width: bitmap.width, height: bitmap.height };
      }, png.bytes.toString('base64'));
      const [, , , viewHeight] = picture.viewBox!.split(' ').map(Number);
      expect(decoded).toEqual({ width: 2 * Math.round(canvas.width), height: 2 * viewHeight! });
      expect(await page.getByRole('group', { name: 'Export' }).getByRole('alert').count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});

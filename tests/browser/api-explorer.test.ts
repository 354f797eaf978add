/**
 * The API explorer at /graphql in a real browser with no way out to the internet: every
 * request that is not to the test server is refused (and counted), and GraphiQL must still
 * show its editor with the README's examples and run one.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { readmeExamples } from '../../server/api/api-explorer';
import { ROOT, TEST_TIMEOUT, harnessForThisFile, screenshot } from './harness';

// The API explorer is a development aid: production does not serve it.
const harness = harnessForThisFile({ production: false });

test(
  'GraphiQL at /graphql works offline: an editor with the README examples that runs a query',
  async () => {
    const examples = readmeExamples(await readFile(path.join(ROOT, 'README.md'), 'utf8'));
    expect(examples.length).toBeGreaterThan(0);

    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const outside: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${harness.server.url}/graphql`);

      // One tab per README example, the first one open in the query editor.
      await page.locator('.graphiql-query-editor .view-lines').waitFor({ timeout: 30_000 });
      expect(await page.getByRole('tab').count()).toBe(examples.length);
      await page.waitForFunction(
        // Monaco draws spaces as no-break spaces.
        (text) =>
          document
            .querySelector('.graphiql-query-editor .view-lines')
            ?.textContent?.replace(/\u00a0/g, ' ')
            .includes(text),
        examples[0]!.title,
      );

      await page.getByRole('button', { name: /execute query/i }).click();
      const result = page.locator('.result-window .view-lines');
      await page.waitForFunction(
        () => document.querySelector('.result-window .view-lines')?.textContent?.includes('"data"'),
        undefined,
        { timeout: 30_000 },
      );
      expect(await result.textContent()).toContain('"neighborhood"');
      await screenshot(page, 'api-explorer.png');

      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  },
  TEST_TIMEOUT,
);

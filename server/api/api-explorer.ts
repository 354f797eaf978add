/**
 * The API explorer
 * ================
 *
 * Outside production, a browser that opens /graphql gets GraphiQL (client/graphiql.html,
 * bundled by `npm run build`, so it needs no internet) with the README's example queries in
 * its tabs. Served through Apollo's landing-page hook, which decides when a GET wants a page
 * rather than an answer.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { ApolloServerPlugin } from '@apollo/server';

export const README_FILE = fileURLToPath(new URL('../../README.md', import.meta.url));
export const EXPLORER_PAGE = 'graphiql.html';

export interface ExampleQuery {
  /** The sentence that introduces the example, without its colon. */
  title: string;
  query: string;
}

/** The ```graphql blocks of a Markdown text, each with the paragraph line just above it. */
export function readmeExamples(markdown: string): ExampleQuery[] {
  return [...markdown.matchAll(/([^\n]*)\n+```graphql\n([\s\S]*?)```/g)].map((match) => ({
    title: match[1]!.trim().replace(/:$/, ''),
    query: match[2]!,
  }));
}

/** The built page with the examples embedded as JSON (`<` escaped, so no text can close the script). */
export function explorerPage(html: string, examples: readonly ExampleQuery[]): string {
  const json = JSON.stringify(examples).replace(/</g, '\\u003c');
  return html.replace('</head>', `<script id="graphql-examples" type="application/json">${json}</script></head>`);
}

/** Apollo plugin: GraphiQL as the landing page of /graphql, read from the built client in `staticDir`. */
export function apiExplorerPlugin(staticDir: string, readmeFile = README_FILE): ApolloServerPlugin {
  return {
    async serverWillStart() {
      const pageFile = path.join(staticDir, EXPLORER_PAGE);
      const page = await readFile(pageFile, 'utf8').catch(() => undefined);
      const readme = await readFile(readmeFile, 'utf8').catch(() => '');
      const html =
        page === undefined
          ? // Relative: an answer must not show where the server is installed.
            `<!doctype html><html lang="en"><title>API explorer not built</title><p>The API explorer is not built (no ${path.relative(process.cwd(), pageFile)}). ` +
            'Run <code>npm run build</code> and restart the server; <code>npm start</code> does both.</p></html>'
          : explorerPage(page, readmeExamples(readme));
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}

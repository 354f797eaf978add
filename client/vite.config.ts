import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';

import { OPENING_REQUESTS } from './src/api/opening-queries';

// The client is built into client/dist, which the API server serves on its own port: the
// explorer (index.html) and the API explorer (graphiql.html, served at /graphql to browsers).
// In development (`npm run dev`), Vite serves the client and forwards /graphql to the API on PORT (4000).
const root = fileURLToPath(new URL('.', import.meta.url));

/** The chunk that sends the opening requests (codeSplitting below, api/opening-requests.ts). */
const OPENING_CHUNK = 'opening-requests';

/**
 * Names the explorer's opening requests in its page, so that the server can send the page with
 * their answers (server/api/opening-answers.ts). `<` is escaped: the list sits in a script element.
 *
 * In the build, the page also loads the opening-requests chunk as a module script of its own,
 * ahead of the entry: a module script runs once its own imports are in, so the graph's loading
 * (reading the answers the page carries, shaping them) runs while React and the views are still
 * arriving and compiling, in time the main thread would otherwise wait. The entry imports the
 * same chunk, which runs once.
 */
function openingRequestsInPage(): Plugin {
  const list = JSON.stringify(OPENING_REQUESTS).replaceAll('<', '\\u003c');
  return {
    name: 'opening-requests-in-page',
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) => {
        if (!context.filename.endsWith('index.html')) return html;
        const named = html.replace(
          '</head>',
          `<script type="application/json" id="opening-requests">${list}</script></head>`,
        );
        const chunk = Object.values(context.bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.name === OPENING_CHUNK,
        );
        const entry = named.indexOf('<script type="module"');
        if (!chunk || entry < 0) return named;
        const early = `<script type="module" crossorigin src="/${chunk.fileName}"></script>`;
        return `${named.slice(0, entry)}${early}${named.slice(entry)}`;
      },
    },
  };
}

export default defineConfig({
  root,
  plugins: [
    react(),
    openingRequestsInPage(),
    // The built code and styles, compressed once here at the highest settings (brotli and gzip
    // beside each file, for the server to send as browsers ask: server/api/app.ts), not on every
    // request. Not the pages: the server sends them with what they carry (opening-answers.ts).
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|json|svg|ttf|wasm)$/, threshold: 1024 }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // sigma and graphology make one large chunk; splitting it buys nothing for a single view.
    // GraphiQL's editor (Monaco) is larger still; it loads only on the API explorer page.
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      // The compression plugin above takes most of the build, as it should: no timing report.
      checks: { pluginTimings: false },
      input: { explorer: `${root}/index.html`, graphiql: `${root}/graphiql.html` },
      // GraphiQL ships React Compiler's "use no memo" directives, which bundling drops harmlessly.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      output: {
        // The explorer's first requests and what they need, in a chunk that imports no other, and
        // React in its own: otherwise React shares a chunk with Vite's preload helper, which every
        // page imports first, and is evaluated before the requests go out (api/opening-requests.ts).
        codeSplitting: {
          groups: [
            { name: OPENING_CHUNK, test: /client\/src\/api\/opening-requests\.ts$/ },
            { name: 'react', test: /node_modules\/(react|react-dom|scheduler)\// },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
  // GraphiQL starts Monaco's workers through `?worker` imports, which only Vite's own module
  // graph resolves: the dev server's dependency pre-bundling must leave it alone.
  optimizeDeps: { exclude: ['graphiql', '@graphiql/react'] },
  server: {
    // The API's port: the same PORT setting `npm run dev` gives the API.
    proxy: { '/graphql': `http://127.0.0.1:${process.env.PORT ?? 4000}` },
  },
});

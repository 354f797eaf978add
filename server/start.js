/**
 * `npm start`: build when the build is missing or older than its sources, then run the compiled
 * server (server/dist/main.js) in this process.
 *
 * Plain JavaScript, so that it runs where only the runtime dependencies are installed
 * (`npm ci --omit=dev` on a built tree): there it never builds, and it says what to do when the
 * build is missing or stale instead of failing on a missing build tool.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What `npm run build` writes; the server cannot start without any of them. */
const OUTPUTS = ['server/dist/main.js', 'client/dist/index.html', 'client/dist/graphiql.html'];
/** What `npm run build` reads. */
const SOURCES = ['server', 'client', 'schema.graphql', 'codegen.ts', 'package.json', 'package-lock.json'];
/** Build outputs inside the source folders. */
const SKIPPED = new Set(['dist', 'generated', 'node_modules']);

function newestMtime(file) {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  // Files only: a folder's own time changes when the build adds server/dist to it.
  let newest = 0;
  for (const entry of readdirSync(file, { withFileTypes: true })) {
    if (entry.isDirectory() && SKIPPED.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(file, entry.name)));
  }
  return newest;
}

/** Why a build is needed, or undefined when the build is up to date. */
function staleReason() {
  const outputs = OUTPUTS.map((output) => path.join(ROOT, output));
  const missing = outputs.find((output) => !existsSync(output));
  if (missing) return `${path.relative(ROOT, missing)} is missing`;
  const oldestOutput = Math.min(...outputs.map((output) => statSync(output).mtimeMs));
  const newestSource = Math.max(...SOURCES.map((source) => newestMtime(path.join(ROOT, source))));
  return newestSource > oldestOutput ? 'the sources changed since the last build' : undefined;
}

const reason = staleReason();
if (reason) {
  if (!existsSync(path.join(ROOT, 'node_modules', '.bin', 'vite'))) {
    console.error(
      `Cannot start: ${reason}, and the build tools are not installed (was it \`npm ci --omit=dev\`?). ` +
        'Run `npm ci && npm run build`, then `npm start` again.',
    );
    process.exit(1);
  }
  console.log(`Building (${reason}): npm run build…`);
  // Vite bundles React's development build unless NODE_ENV is production.
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The server is production unless NODE_ENV=development (server/api/environment.ts); libraries
// that read NODE_ENV themselves when they load (graphql-js skips its cross-realm checks on every
// type test, Express its development behaviour) are told so before the server imports them.
process.env.NODE_ENV ??= 'production';
await import('./dist/main.js');

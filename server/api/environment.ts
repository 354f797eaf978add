/**
 * Production or development
 * =========================
 *
 * The server runs as in production unless development is asked for: a server started without
 * settings must not answer errors with stack traces and file paths, offer the sandbox, or
 * suggest field names. Development (stack traces, "Did you mean …?", the sandbox landing page)
 * is opted into with NODE_ENV=development.
 */

/** True unless `NODE_ENV` is `development`. */
export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== 'development';
}

/**
 * Curator sessions
 * ================
 *
 * Curation is on only when the server starts with a curator token (CURATOR_TOKEN, or the
 * file named by CURATOR_TOKEN_FILE). A curator signs in with the token and a name; the
 * session is an HttpOnly, SameSite=Strict cookie holding a random id, and every change must
 * also carry the session's CSRF token in the `x-csrf-token` header (which a page of another
 * site can neither read nor send). Sessions live in memory: a restart signs everyone out. A
 * session ends after SESSION_IDLE_MS without a request, and SESSION_LIFETIME_MS after sign-in.
 * Sign-in attempts are counted per client address (the socket's: no proxy header is trusted)
 * and refused with 429 SIGN_IN_RATE_LIMITED past SIGN_IN_LIMIT in a window, so the token
 * cannot be guessed at speed; the counts are held for at most SIGN_IN_ADDRESSES addresses.
 *
 * Routes (JSON, same origin):
 *   GET    /curator/session   whether curation is on, and the session's curator and CSRF token
 *   POST   /curator/session   { token, name } → sign in
 *   DELETE /curator/session   sign out
 *   POST   /curator/sources   a new article (its own body limit: an article is over 100 kB)
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import express, { type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';

import type { Curation } from '../curation/curation';
import { CurationError, MAX_SOURCE_TEXT_LENGTH } from '../curation/changes';
import { ERROR_CODES, httpErrorBody } from './errors';

export const CURATOR_PATH = '/curator';
export const SESSION_COOKIE = 'curator_session';
export const CSRF_HEADER = 'x-csrf-token';
/** Body limit of the article upload: the longest text (in characters, up to 4 bytes each) and its metadata. */
export const ARTICLE_BODY_LIMIT = `${Math.ceil((MAX_SOURCE_TEXT_LENGTH * 4) / 1024) + 16}kb`;
const SIGN_IN_BODY_LIMIT = '4kb';
export const MAX_CURATOR_NAME_LENGTH = 80;
/** A session ends after this long, in use or not. */
const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** A session ends after this long without a request. */
export const SESSION_IDLE_MS = 60 * 60 * 1000;
/** Sign-in attempts allowed from one address per window. */
export const SIGN_IN_LIMIT = { attempts: 10, windowMs: 60 * 1000 };
/** Most client addresses whose attempts are counted at once; the least recent is forgotten first. */
const SIGN_IN_ADDRESSES = 10_000;
/** Most sessions held at once; the oldest goes first. */
const MAX_SESSIONS = 1000;

interface Session {
  curator: string;
  csrfToken: string;
  expires: number;
  lastSeen: number;
}

export interface CuratorSessionOptions {
  /** The clock, in milliseconds (tests pass their own). */
  now?: () => number;
}

/** Who is asking, as a resolver sees it. */
export interface CuratorAccess {
  /** False when the server has no curator token: read-only. */
  enabled: boolean;
  curator: string | null;
  /** True when the request's `x-csrf-token` header matches its session. */
  csrfValid: boolean;
}

export interface CuratorSessions {
  accessOf(req: Pick<IncomingMessage, 'headers'>): CuratorAccess;
  router(curation: () => Curation | null): Router;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function createCuratorSessions(
  token: string | null,
  { now = Date.now }: CuratorSessionOptions = {},
): CuratorSessions {
  const sessions = new Map<string, Session>();
  const tokenDigest = token ? digest(token) : null;
  const signInAttempts = new LRUCache<string, { count: number; windowEnd: number }>({ max: SIGN_IN_ADDRESSES });

  function sessionOf(req: Pick<IncomingMessage, 'headers'>): Session | null {
    const id = cookieValue(req.headers.cookie, SESSION_COOKIE);
    const session = id ? sessions.get(id) : undefined;
    if (!id || !session) return null;
    const at = now();
    if (session.expires < at || at - session.lastSeen > SESSION_IDLE_MS) {
      sessions.delete(id);
      return null;
    }
    session.lastSeen = at;
    return session;
  }

  /** Counts an attempt from `address`; the seconds to wait when it is over the limit, else 0. */
  function signInWait(address: string): number {
    const at = now();
    let attempts = signInAttempts.get(address);
    if (!attempts || attempts.windowEnd <= at) attempts = { count: 0, windowEnd: at + SIGN_IN_LIMIT.windowMs };
    attempts.count += 1;
    signInAttempts.set(address, attempts);
    return attempts.count > SIGN_IN_LIMIT.attempts ? Math.ceil((attempts.windowEnd - at) / 1000) : 0;
  }

  function accessOf(req: Pick<IncomingMessage, 'headers'>): CuratorAccess {
    if (!tokenDigest) return { enabled: false, curator: null, csrfValid: false };
    const session = sessionOf(req);
    const header = req.headers[CSRF_HEADER];
    const csrfValid =
      !!session &&
      typeof header === 'string' &&
      header.length === session.csrfToken.length &&
      timingSafeEqual(Buffer.from(header), Buffer.from(session.csrfToken));
    return { enabled: true, curator: session?.curator ?? null, csrfValid };
  }

  function router(curation: () => Curation | null): Router {
    const routes = express.Router();
    const refuse = (res: Response, status: number, code: string, message: string) =>
      void res.status(status).json(httpErrorBody(message, code));

    routes.get('/session', (req, res) => {
      const session = tokenDigest ? sessionOf(req) : null;
      res.json({ enabled: !!tokenDigest, curator: session?.curator ?? null, csrfToken: session?.csrfToken ?? null });
    });

    routes.post('/session', express.json({ limit: SIGN_IN_BODY_LIMIT }), (req, res) => {
      if (!tokenDigest) return refuse(res, 403, ERROR_CODES.curationDisabled, CURATION_DISABLED_MESSAGE);
      const wait = signInWait(req.socket.remoteAddress ?? 'unknown');
      if (wait > 0) {
        res.setHeader('retry-after', String(wait));
        return refuse(
          res,
          429,
          ERROR_CODES.signInRateLimited,
          `Too many sign-in attempts from this address (more than ${SIGN_IN_LIMIT.attempts} in ${SIGN_IN_LIMIT.windowMs / 1000} seconds): try again in ${wait} seconds.`,
        );
      }
      const { token: given, name } = (req.body ?? {}) as { token?: unknown; name?: unknown };
      if (typeof given !== 'string' || !timingSafeEqual(digest(given), tokenDigest)) {
        return refuse(res, 401, ERROR_CODES.curatorSessionRequired, 'The curator token is wrong.');
      }
      const curator = typeof name === 'string' ? name.trim() : '';
      if (curator.length === 0 || curator.length > MAX_CURATOR_NAME_LENGTH || /[\p{Cc}]/u.test(curator)) {
        return refuse(
          res,
          400,
          ERROR_CODES.badUserInput,
          `Give your name (1 to ${MAX_CURATOR_NAME_LENGTH} characters, one line): every change records who made it.`,
        );
      }
      if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
      const id = randomBytes(32).toString('base64url');
      const session = {
        curator,
        csrfToken: randomBytes(32).toString('base64url'),
        expires: now() + SESSION_LIFETIME_MS,
        lastSeen: now(),
      };
      sessions.set(id, session);
      res.cookie(SESSION_COOKIE, id, {
        httpOnly: true,
        sameSite: 'strict',
        secure: req.secure,
        path: '/',
        maxAge: SESSION_LIFETIME_MS,
      });
      res.json({ enabled: true, curator, csrfToken: session.csrfToken });
    });

    routes.delete('/session', (req, res) => {
      const id = cookieValue(req.headers.cookie, SESSION_COOKIE);
      if (id) sessions.delete(id);
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      res.json({ enabled: !!tokenDigest, curator: null, csrfToken: null });
    });

    routes.post('/sources', async (req, res, next) => {
      try {
        const refusal = refusalOf(accessOf(req));
        if (refusal) return refuse(res, refusal.status, refusal.code, refusal.message);
        const store = curation();
        if (!store) return refuse(res, 403, ERROR_CODES.curationDisabled, CURATION_DISABLED_MESSAGE);
        if (!req.is('application/json')) {
          return refuse(res, 415, ERROR_CODES.badRequest, 'Send the article as JSON (content-type: application/json).');
        }
        await new Promise<void>((resolve, reject) =>
          express.json({ limit: ARTICLE_BODY_LIMIT })(req, res, (error?: unknown) =>
            error ? reject(error) : resolve(),
          ),
        ).catch((error: { type?: string }) => {
          if (error.type === 'entity.too.large') {
            throw new CurationError(
              `The article is over the limit of ${ARTICLE_BODY_LIMIT}.`,
              'BAD_USER_INPUT',
              'source.text',
            );
          }
          throw new CurationError('The body is not valid JSON.', 'BAD_USER_INPUT', 'body');
        });
        const body = (req.body ?? {}) as Record<string, unknown>;
        const text = (key: string, max: number, required = false): string | null => {
          const value = body[key];
          if (value == null || value === '') {
            if (required) throw new CurationError(`\`${key}\` is required.`, 'BAD_USER_INPUT', key);
            return null;
          }
          if (typeof value !== 'string') throw new CurationError(`\`${key}\` must be text.`, 'BAD_USER_INPUT', key);
          if (value.length > max) {
            throw new CurationError(
              `\`${key}\` is ${value.length} characters long, over the maximum of ${max}.`,
              'BAD_USER_INPUT',
              key,
            );
          }
          return value;
        };
        const { entry } = await store.apply(
          {
            kind: 'addSource',
            source: {
              id: text('id', 120),
              title: text('title', 300, true)!,
              publisher: text('publisher', 300),
              author: text('author', 300),
              published: text('published', 10),
              url: text('url', 2000),
              text: text('text', MAX_SOURCE_TEXT_LENGTH, true)!,
            },
          },
          { by: accessOf(req).curator!, baseVersion: text('baseVersion', 100, true)! },
        );
        res.json({ change: entry, dataVersion: entry.version, sourceId: entry.added[0]!.slice('source:'.length) });
      } catch (error) {
        if (error instanceof CurationError) {
          const status = error.code === 'CONFLICT' ? 409 : error.code === 'DATA_INVALID' ? 422 : 400;
          res
            .status(status)
            .json({ errors: [{ message: error.message, extensions: { code: error.code, argument: error.argument } }] });
          return;
        }
        next(error);
      }
    });
    return routes;
  }

  return { accessOf, router };
}

const CURATION_DISABLED_MESSAGE =
  'This server is read-only: curation is enabled only when it starts with a curator token (CURATOR_TOKEN or CURATOR_TOKEN_FILE).';

/** Why a request may not change the graph, or null when it may. */
export function refusalOf(access: CuratorAccess): { status: number; code: string; message: string } | null {
  if (!access.enabled) return { status: 403, code: ERROR_CODES.curationDisabled, message: CURATION_DISABLED_MESSAGE };
  if (!access.curator) {
    return {
      status: 401,
      code: ERROR_CODES.curatorSessionRequired,
      message: 'Sign in as a curator first (POST /curator/session with the curator token and your name).',
    };
  }
  if (!access.csrfValid) {
    return {
      status: 403,
      code: ERROR_CODES.csrfTokenInvalid,
      message: `The ${CSRF_HEADER} header is missing or does not match the curator session.`,
    };
  }
  return null;
}

/** The same refusal as a GraphQL error, for the mutations. */
export function assertMayCurate(access: CuratorAccess | undefined): string {
  const refusal = refusalOf(access ?? { enabled: false, curator: null, csrfValid: false });
  if (refusal)
    throw new GraphQLError(refusal.message, { extensions: { code: refusal.code, http: { status: refusal.status } } });
  return access!.curator!;
}

/**
 * Whether a request carries curator credentials: its answer depends on who asks, so it must
 * not be answered from (or stored in) the response cache.
 */
export function hasCuratorCredentials(req: Pick<IncomingMessage, 'headers'>): boolean {
  return req.headers[CSRF_HEADER] !== undefined || cookieValue(req.headers.cookie, SESSION_COOKIE) !== null;
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header || header.length > 8192) return null;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

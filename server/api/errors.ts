/**
 * User-facing errors
 * ==================
 *
 * Every error a client can cause carries an `extensions.code`; argument errors also name the
 * argument (`extensions.argument`) and say what would be right.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

import { InvalidArgumentError } from '../graph/invalid-argument';

export const ERROR_CODES = {
  badUserInput: 'BAD_USER_INPUT',
  badRequest: 'BAD_REQUEST',
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  queryTooComplex: 'QUERY_TOO_COMPLEX',
  validationFailed: 'GRAPHQL_VALIDATION_FAILED',
  documentTooLarge: 'DOCUMENT_TOO_LARGE',
  persistedQueryInvalid: 'PERSISTED_QUERY_INVALID',
  requestTimeout: 'REQUEST_TIMEOUT',
  conflict: 'CONFLICT',
  dataInvalid: 'DATA_INVALID',
  curationDisabled: 'CURATION_DISABLED',
  curatorSessionRequired: 'CURATOR_SESSION_REQUIRED',
  csrfTokenInvalid: 'CSRF_TOKEN_INVALID',
  signInRateLimited: 'SIGN_IN_RATE_LIMITED',
  internal: 'INTERNAL_SERVER_ERROR',
} as const;

/** A BAD_USER_INPUT error about one argument. */
export function badUserInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ERROR_CODES.badUserInput, argument } });
}

/** An integer argument's allowed range (both ends included). */
export interface ArgumentRange {
  min: number;
  max: number;
}

/** The value if it lies in the range; otherwise a BAD_USER_INPUT error naming the argument and the range. */
export function checkRange(argument: string, value: number, range: ArgumentRange): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw badUserInput(
      argument,
      `\`${argument}\` must be an integer from ${range.min} to ${range.max}; it was ${value}.`,
    );
  }
  return value;
}

/** An at-least bound for arguments without a natural maximum (such as `minSources`). */
export function checkAtLeast(argument: string, value: number | null | undefined, min: number): void {
  if (value != null && value < min) {
    throw badUserInput(argument, `\`${argument}\` must be at least ${min}; it was ${value}.`);
  }
}

/**
 * Runs a graph query, turning the graph layer's InvalidArgumentError (an unknown id, a
 * cursor this API did not make) into a BAD_USER_INPUT error naming the argument.
 */
export function asUserInput<T>(query: () => T): T {
  try {
    const result = query();
    // An async query (one that awaits an index built after start-up) rejects instead of throwing.
    return result instanceof Promise ? (result.catch(asUserInputError) as T) : result;
  } catch (error) {
    return asUserInputError(error);
  }
}

function asUserInputError(error: unknown): never {
  if (error instanceof InvalidArgumentError) throw badUserInput(error.argument, error.message);
  throw error;
}

/** A GraphQL-shaped body for errors raised before GraphQL runs (malformed JSON, oversized body). */
export function httpErrorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/** graphql-js's suggestions ("Did you mean the enum value "ANY"?"), wherever they appear. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Apollo's `formatError`. In production it removes every "Did you mean …?" (Apollo's
 * `hideSchemaDetailsFromClientErrors` misses those of variable coercion, and they would map
 * the schema's fields, arguments, types and enum values for anyone), and tells nothing of a
 * fault of ours but that it happened: the message and its cause go to the log.
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (!production) return formatted;
    if (formatted.extensions?.code === ERROR_CODES.internal) {
      console.error(error);
      return { ...formatted, message: 'Internal server error.', extensions: { code: ERROR_CODES.internal } };
    }
    const message = formatted.message.replace(SUGGESTION, '');
    return message === formatted.message ? formatted : { ...formatted, message };
  };
}

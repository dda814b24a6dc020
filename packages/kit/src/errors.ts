import { GraphQLError } from 'graphql';
import { DEV_TOKEN_COMMAND } from './dev-secret.js';

/** Error codes every subgraph and the gateway use; domain codes are added beside them. */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Unauthenticated: 'UNAUTHENTICATED',
  Internal: 'INTERNAL_SERVER_ERROR',
  /** The HTTP request itself is malformed (no body, not JSON). */
  BadRequest: 'BAD_REQUEST',
  /** The operation nests deeper than QUERY_MAX_DEPTH. */
  QueryTooDeep: 'QUERY_TOO_DEEP',
  /** The operation has more aliases than QUERY_MAX_ALIASES. */
  QueryTooManyAliases: 'QUERY_TOO_MANY_ALIASES',
  /** The document has more tokens than QUERY_MAX_TOKENS. */
  QueryTooLong: 'QUERY_TOO_LONG',
  /** The operation's estimated cost is over QUERY_MAX_COST. */
  QueryTooCostly: 'QUERY_TOO_COSTLY',
  /** The request body is larger than MAX_BODY_BYTES. */
  RequestTooLarge: 'REQUEST_TOO_LARGE',
  /** The database cannot be reached right now; the request changed nothing and may be retried. */
  DatabaseUnavailable: 'DATABASE_UNAVAILABLE',
  /** Another change to the same records ran at the same time (a deadlock, a serialization failure); nothing was changed — send it again. */
  Conflict: 'CONFLICT',
  /** The request ran past REQUEST_TIMEOUT_MS or a statement past STATEMENT_TIMEOUT_MS; what it was writing was rolled back. */
  Timeout: 'TIMEOUT',
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

function codedError(code: string, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badUserInput = (message: string, field?: string) =>
  codedError(ErrorCode.BadUserInput, message, field ? { field } : {});

export const forbidden = (message: string) => codedError(ErrorCode.Forbidden, message);

export const notFound = (message: string) => codedError(ErrorCode.NotFound, message);

export const unauthenticated = (
  message = `Sign in: send "Authorization: Bearer <token>" (in development, \`${DEV_TOKEN_COMMAND} 33 admin\` prints one).`,
) => codedError(ErrorCode.Unauthenticated, message);

/** A domain rule broken by the request, e.g. a feedback step out of order. */
export const domainError = (code: string, message: string, extensions?: Record<string, unknown>) =>
  codedError(code, message, extensions);

/** Whether `error`, or anything in its cause chain (cause, originalError; six deep at most), passes `test`. */
export function inCauseChain(
  error: unknown,
  test: (candidate: { code?: unknown; message?: unknown; name?: unknown }) => boolean,
): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    const candidate = current as {
      code?: unknown;
      message?: unknown;
      name?: unknown;
      cause?: unknown;
      originalError?: unknown;
    };
    if (test(candidate)) return true;
    current = candidate.originalError ?? candidate.cause;
  }
  return false;
}

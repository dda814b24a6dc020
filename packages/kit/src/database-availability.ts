import { GraphQLError } from 'graphql';
import { ErrorCode, inCauseChain } from './errors.js';

/** Network failures reaching the server. */
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);
/** SQLSTATEs of a server that is going away or not there yet: class 08 and the shutdown codes. */
const serverCodes = /^(08...|57P01|57P02|57P03)$/;
/** What `pg` says when the socket died under a query or a connect timed out. */
const driverMessages =
  /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)/i;

/** Whether `error` (or anything in its cause chain) means the database could not be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return inCauseChain(
    error,
    (candidate) =>
      (typeof candidate.code === 'string' && (networkCodes.has(candidate.code) || serverCodes.test(candidate.code))) ||
      (typeof candidate.message === 'string' && driverMessages.test(candidate.message)) ||
      (candidate instanceof AggregateError && candidate.errors.some(isDatabaseUnavailable)),
  );
}

/** The coded error a request gets while the database is down: it changed nothing and may be retried. */
export const databaseUnavailable = (path?: readonly (string | number)[]) =>
  new GraphQLError('The database is unavailable right now; nothing was changed. Try again in a few seconds.', {
    ...(path ? { path } : {}),
    extensions: { code: ErrorCode.DatabaseUnavailable },
  });

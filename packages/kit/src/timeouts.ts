import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { ErrorCode, inCauseChain } from './errors.js';

/**
 * Every request and every statement has a time budget, so that no caller can hold a service, a
 * connection or a lock for long. Over it: TIMEOUT, and the transaction is rolled back.
 */
export const timeoutSettings = {
  /**
   * A subgraph request's budget, from the moment it is admitted: statements it sends later are
   * refused, the one running then is cancelled. Under the gateway's SUBGRAPH_TIMEOUT_MS, so the
   * caller gets TIMEOUT (nothing written) rather than "no answer".
   */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(8_000),
  /** The longest one statement of a request may run (PostgreSQL statement_timeout on the service's connections). */
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** The same for background work (the fact feed, re-deriving at start, import jobs): bounded, but larger. */
  BACKGROUND_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(120_000),
};

/** SQLSTATE query_canceled: statement_timeout, or a cancel request. */
const CANCELED = '57014';
/** What a query cut short by an aborted EntityManager signal (the request budget) says. */
const ABORTED = /^The operation was aborted/;

/** Whether `error` (or its cause chain) is a statement or a request that ran out of time. */
export const isTimeout = (error: unknown): boolean =>
  inCauseChain(
    error,
    (candidate) =>
      candidate.code === CANCELED ||
      candidate.name === 'TimeoutError' ||
      (typeof candidate.message === 'string' && ABORTED.test(candidate.message)),
  );

/** The coded error of a request that ran out of time: what it wrote was rolled back, so it may be sent again. */
export const timedOut = (path?: readonly (string | number)[]) =>
  new GraphQLError(
    'The request ran out of time (REQUEST_TIMEOUT_MS / STATEMENT_TIMEOUT_MS) and was stopped; nothing it was writing was kept. Ask for less at once, or try again.',
    { ...(path ? { path } : {}), extensions: { code: ErrorCode.Timeout } },
  );

/** SQLSTATEs of a transaction the server gave up on because another ran at the same time: deadlock, serialization failure. */
const CONFLICTS = new Set(['40P01', '40001']);

/** Whether `error` (or its cause chain) is a transaction that lost to a concurrent one and may simply be sent again. */
export const isConflict = (error: unknown): boolean =>
  inCauseChain(error, (candidate) => typeof candidate.code === 'string' && CONFLICTS.has(candidate.code));

export const conflicted = (path?: readonly (string | number)[]) =>
  new GraphQLError(
    'Another change to the same records ran at the same time, so this one was rolled back: nothing was changed. Send it again.',
    {
      ...(path ? { path } : {}),
      extensions: { code: ErrorCode.Conflict },
    },
  );

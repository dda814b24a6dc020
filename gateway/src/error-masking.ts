import { GraphQLError } from 'graphql';
import { declaredErrorCodes, ErrorCode, logger, redactedErrorMessage, tokenLimitError } from '@xgz/kit';

/** Codes that describe the plumbing (a subgraph down, a timeout, a crash), never something a user can fix. */
const plumbingCodes = new Set([
  'INTERNAL_SERVER_ERROR',
  'DOWNSTREAM_SERVICE_ERROR',
  'SUBREQUEST_HTTP_ERROR',
  'SUBREQUEST_MALFORMED_RESPONSE',
  'TIMEOUT_ERROR',
  'GATEWAY_TIMEOUT',
]);
/** What graphql-js, Yoga and the federation runtime answer a malformed request with: the caller's to fix. */
const protocolCodes = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
];

/**
 * The codes passed through as they are: the kit's shared codes, the protocol's, and every domain
 * code the subgraphs declare in their schemas (the `…ErrorCode` enums composed into the supergraph).
 * Any other code is masked and logged: an undeclared code is a bug to fix where it is thrown.
 */
export const passThroughCodes = (supergraphSdl: string) =>
  new Set(
    [...Object.values(ErrorCode), ...protocolCodes, ...declaredErrorCodes(supergraphSdl)].filter(
      (code) => !plumbingCodes.has(code),
    ),
  );

/** Extensions that would leak internals: the subrequest, stack traces, exceptions. */
const hiddenExtensions = new Set(['request', 'response', 'stacktrace', 'exception', 'originalError']);

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** graphql-js echoes the refused value; a message stays short whatever was sent. */
const MAX_ECHO = 300;
const bounded = (message: string) => (message.length > MAX_ECHO ? `${message.slice(0, MAX_ECHO)}…` : message);

/**
 * Keeps deliberate, coded errors (BAD_USER_INPUT, FORBIDDEN, domain codes…) without internal
 * extensions; replaces everything else — stack traces, SQL, file paths, "fetch failed" or
 * ECONNREFUSED from an unreachable subgraph — with a short coded message, logging the original.
 */
export function maskGatewayError(error: unknown, passThrough: ReadonlySet<string>): Error {
  const graphqlError = error instanceof GraphQLError ? error : null;
  const extensions = (graphqlError?.extensions ?? {}) as Record<string, unknown>;
  const code = typeof extensions.code === 'string' ? extensions.code : undefined;
  const path = graphqlError?.path;
  const kept = Object.fromEntries(Object.entries(extensions).filter(([name]) => !hiddenExtensions.has(name)));
  const overLong = code === 'GRAPHQL_PARSE_FAILED' ? tokenLimitError(graphqlError!.message) : null;
  if (overLong) return overLong;
  if (code && passThrough.has(code)) {
    return new GraphQLError(graphqlError!.message, { path, extensions: kept });
  }
  // graphql-js refused a variable before anything ran (wrong type, unknown enum value): the caller's to fix.
  if (graphqlError && !code && !path && /^Variable "\$\w+"/.test(graphqlError.message)) {
    return new GraphQLError(bounded(graphqlError.message), {
      extensions: { code: 'BAD_USER_INPUT', field: /^Variable "\$(\w+)"/.exec(graphqlError.message)![1] },
    });
  }
  const text = describe(graphqlError ?? error);
  const unreachable =
    code === 'SUBREQUEST_HTTP_ERROR' ||
    code === 'TIMEOUT_ERROR' ||
    code === 'GATEWAY_TIMEOUT' ||
    /fetch failed|ECONNREFUSED|ECONNRESET|socket hang up|timed? ?out|aborted/i.test(text);
  logger.warn('masked error', {
    code,
    serviceName: extensions.serviceName,
    message: redactedErrorMessage(graphqlError ?? error),
  });
  const serviceName = typeof extensions.serviceName === 'string' ? { serviceName: extensions.serviceName } : {};
  return unreachable
    ? new GraphQLError(
        'A backing service is unavailable or too slow; the other fields are still returned. Try again shortly.',
        {
          path,
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', ...serviceName },
        },
      )
    : new GraphQLError('Internal server error', {
        path,
        extensions: { code: 'INTERNAL_SERVER_ERROR', ...serviceName },
      });
}

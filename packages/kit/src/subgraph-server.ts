import { ApolloServer, HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { TokenVerifier, Viewer } from './auth.js';
import { databaseUnavailable, isDatabaseUnavailable } from './database-availability.js';
import { conflicted, isConflict, isTimeout, timedOut } from './timeouts.js';
import { ErrorCode } from './errors.js';
import { listenHttp } from './http-listen.js';
import { admitRequest, answerProbes, cachedReadiness, sendError, type Readiness } from './http-front.js';
import { documentNestingRefusal, jsonNestingRefusal } from './nesting-depth.js';
import { logger, redactedErrorMessage } from './logger.js';
import { assertAffordable, queryShapeRules, tokenLimitError, type QueryLimits } from './query-limits.js';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const knownCodes = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.Internal),
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

const limitCodes = new Set<string>([
  ErrorCode.QueryTooDeep,
  ErrorCode.QueryTooManyAliases,
  ErrorCode.QueryTooLong,
  ErrorCode.QueryTooCostly,
]);

/**
 * Keeps coded errors as they are; a statement out of time becomes TIMEOUT, a lost race CONFLICT, a
 * database that cannot be reached DATABASE_UNAVAILABLE; everything else (SQL, stack traces, file paths) is hidden and logged, redacted.
 */
export function maskFormattedError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? ErrorCode.Internal);
  // graphql-js refuses an over-long document while parsing; Apollo calls it a parse failure.
  const overLong = code === 'GRAPHQL_PARSE_FAILED' ? tokenLimitError(formatted.message) : null;
  if (overLong) return overLong.toJSON();
  // Apollo re-codes every validation error GRAPHQL_VALIDATION_FAILED; a limit's own code is kept.
  const refused = code === 'GRAPHQL_VALIDATION_FAILED' ? (error as GraphQLError | undefined)?.originalError : undefined;
  if (refused instanceof GraphQLError && limitCodes.has(String(refused.extensions.code)))
    return { message: refused.message, extensions: { code: refused.extensions.code } };
  // Domain codes are upper-snake and raised on purpose by services; internal ones are not.
  const deliberate = knownCodes.has(code) || (code !== ErrorCode.Internal && /^[A-Z][A-Z_]+$/.test(code));
  if (deliberate) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const original = unwrapResolverError(error);
  // Failures the caller may retry, each with its code: nothing was changed.
  for (const [matches, coded] of [
    [isTimeout, timedOut],
    [isConflict, conflicted],
    [isDatabaseUnavailable, databaseUnavailable],
  ] as const) {
    if (!matches(original)) continue;
    if (matches === isDatabaseUnavailable)
      logger.warn('database unavailable', { message: redactedErrorMessage(original) });
    const { message, path, extensions } = coded(formatted.path).toJSON();
    return { message, ...(path ? { path } : {}), extensions: extensions! };
  }
  logger.error('internal error', { message: redactedErrorMessage(original) });
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.Internal } };
}

const toHeaderMap = (request: IncomingMessage) => {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
};

/** The operation's cost is checked once its document and variables are known, before it runs. */
const costLimitPlugin = (limits: QueryLimits): ApolloServerPlugin => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, schema, operationName }) {
        try {
          assertAffordable(schema, document, request.variables, operationName ?? undefined, limits);
        } catch (error) {
          // A refused request is the caller's to fix: 400, not Apollo's default 500.
          if (error instanceof GraphQLError)
            throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
          throw error;
        }
      },
    };
  },
});

export interface SubgraphServerOptions<Context extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  verifyToken: TokenVerifier;
  createContext: (viewer: Viewer) => Context;
  /** Whether the service can do its work now (its database answers): /readyz. */
  ready: () => Promise<Readiness>;
  limits: QueryLimits;
  port: number;
  host?: string;
  /** Internal paths beside /graphql (the fact feed, /metrics), each answering for itself. */
  routes?: Record<string, (request: IncomingMessage, response: ServerResponse) => Promise<void>>;
}

/**
 * Serves a subgraph schema over HTTP at /graphql, with /healthz (alive) and /readyz (database
 * reachable), on 127.0.0.1 by default. The token and the declared size are checked before a body
 * is read; a body is read only up to MAX_BODY_BYTES.
 */
export async function startSubgraphServer<Context extends BaseContext>(
  options: SubgraphServerOptions<Context>,
): Promise<RunningServer> {
  const { limits } = options;
  const ready = cachedReadiness(options.ready);
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    // No Apollo Studio: no inline traces, no landing page that would load from a CDN. No cache
    // hints either (nothing sets them): the cache-control plugin's per-field hook cost ~1 ms a request.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin(limits),
    ],
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: limits.QUERY_MAX_TOKENS },
    validationRules: queryShapeRules(limits),
    formatError: maskFormattedError,
  });
  await apollo.start();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = options.routes?.[url.pathname];
    if (route) return route(request, response);
    if (await answerProbes(url.pathname, response, ready)) return;
    const admitted = await admitRequest(request, response, options.verifyToken, limits.MAX_BODY_BYTES);
    if (!admitted) return;
    // Depth before parsing: the JSON text first, then the document it carries.
    const deepJson =
      isJson(request) && admitted.body ? jsonNestingRefusal(admitted.body, limits.QUERY_MAX_NESTING) : null;
    if (deepJson) return sendError(response, 400, deepJson);
    const body = parseBody(request, admitted.body);
    const deepDocument = documentNestingRefusal({ body, search: url.searchParams }, limits.QUERY_MAX_NESTING);
    if (deepDocument) return sendError(response, 400, deepDocument);
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers: toHeaderMap(request), search: url.search, body },
      context: async () => options.createContext(admitted.viewer),
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of result.headers) headers[name] = value;
    response.writeHead(result.status ?? 200, headers);
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error('request failed', { subgraph: options.name, message: redactedErrorMessage(error) });
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end('{"errors":[{"message":"Internal server error","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}');
    });
  });
  const host = options.host ?? '127.0.0.1';
  const listening = await listenHttp(server, options.port, host);
  return {
    url: `http://${host}:${listening.port}/graphql`,
    port: listening.port,
    stop: async () => {
      await listening.close();
      await apollo.stop();
    },
  };
}

const isJson = (request: IncomingMessage) => (request.headers['content-type'] ?? '').includes('application/json');

/** JSON bodies parsed; Apollo answers 400 itself for one that is not JSON. */
function parseBody(request: IncomingMessage, text: string): unknown {
  if (!text) return undefined;
  if (isJson(request)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

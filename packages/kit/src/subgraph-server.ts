import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { ErrorCode } from './errors.js';
import { listenHttp } from './http-listen.js';
import { logger, redactedErrorMessage } from './logger.js';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const knownCodes = new Set<string>([
  ErrorCode.BadUserInput,
  ErrorCode.Forbidden,
  ErrorCode.NotFound,
  ErrorCode.Unauthenticated,
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Keeps coded errors as they are and hides everything else (SQL, stack traces, file paths). */
export function maskFormattedError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? ErrorCode.Internal);
  // Domain codes are upper-snake and raised on purpose by services; internal ones are not.
  const deliberate = knownCodes.has(code) || (code !== ErrorCode.Internal && /^[A-Z][A-Z_]+$/.test(code));
  if (deliberate) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  logger.error('internal error', { message: redactedErrorMessage(error) });
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.Internal } };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  if ((request.headers['content-type'] ?? '').includes('application/json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text; // Apollo answers a 400 that says the body is not JSON.
    }
  }
  return text;
}

const toHeaderMap = (request: IncomingMessage) => {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
};

export interface SubgraphServerOptions<Context extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  createContext: (authorization: string | undefined) => Promise<Context>;
  port: number;
  host?: string;
}

/** Serves a subgraph schema over HTTP at /graphql with /healthz, on 127.0.0.1 by default. */
export async function startSubgraphServer<Context extends BaseContext>(
  options: SubgraphServerOptions<Context>,
): Promise<RunningServer> {
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    // No Apollo Studio: no inline traces, no landing page that would load from a CDN.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
    includeStacktraceInErrorResponses: false,
    formatError: maskFormattedError,
  });
  await apollo.start();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz' || url.pathname === '/readyz') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (url.pathname !== '/graphql') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: the GraphQL endpoint is /graphql');
      return;
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers: toHeaderMap(request), search: url.search, body: await readBody(request) },
      context: () => options.createContext(request.headers.authorization),
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

import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import {
  admitRequest,
  answerProbes,
  documentNestingRefusal,
  ErrorCode,
  jsonNestingRefusal,
  logger,
  redactedErrorMessage,
  sendError,
  type Readiness,
  type TokenVerifier,
} from '@xgz/kit';
import { graphiqlPage, pickEncoding } from './graphiql-page.js';

export interface GatewayHttpOptions {
  /** QUERY_MAX_NESTING: deeper documents and bodies are refused before anything parses them. */
  maxNesting: number;
  /** The GraphQL runtime (Hive Gateway): handles a WHATWG Request, built with its own Request class. */
  fetch: (request: Request) => Promise<Response> | Response;
  Request: typeof Request;
  verifyToken: TokenVerifier;
  maxBodyBytes: number;
  readiness: () => Promise<Readiness>;
}

/** The IDE page may be kept 10 minutes, then revalidated by its ETag (a 304 costs nothing). */
const PAGE_CACHE_CONTROL = 'public, max-age=600';

/** Headers about this connection and the body as it arrived, not about the request passed on. */
const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade']);

const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.BadRequest } });

async function serveGraphiQL(request: IncomingMessage, response: ServerResponse) {
  const page = await graphiqlPage();
  const headers = {
    etag: page.etag,
    'cache-control': PAGE_CACHE_CONTROL,
    vary: 'accept-encoding',
    'content-type': 'text/html; charset=utf-8',
  };
  if (request.headers['if-none-match'] === page.etag) {
    response.writeHead(304, headers).end();
    return;
  }
  const encoding = pickEncoding(request.headers['accept-encoding']);
  const body = encoding === 'br' ? page.brotli : encoding === 'gzip' ? page.gzip : page.identity;
  response
    .writeHead(200, {
      ...headers,
      ...(encoding ? { 'content-encoding': encoding } : {}),
      'content-length': String(body.length),
    })
    .end(body);
}

const wantsPage = (request: IncomingMessage, url: URL) =>
  request.method === 'GET' && !url.searchParams.has('query') && (request.headers.accept ?? '').includes('text/html');

/**
 * The gateway's HTTP front: /healthz, /readyz (every subgraph's database answers), the GraphiQL
 * page, and /graphql — where the token and the declared size are checked before the body is read,
 * and a body that is not JSON is a 400, before the GraphQL runtime sees anything.
 */
export function gatewayRequestHandler(options: GatewayHttpOptions) {
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (await answerProbes(url.pathname, response, options.readiness)) return;
    if (wantsPage(request, url)) {
      await serveGraphiQL(request, response);
      return;
    }
    // CORS preflights carry no credentials and run nothing.
    let body: string | undefined;
    if (request.method !== 'OPTIONS') {
      const admitted = await admitRequest(request, response, options.verifyToken, options.maxBodyBytes);
      if (!admitted) return;
      if (request.method === 'POST') body = admitted.body;
    }
    const json = (request.headers['content-type'] ?? '').includes('json');
    let parsed: unknown = body;
    if (body !== undefined) {
      if (!body.trim()) {
        sendError(response, 400, badRequest('The POST body is empty: send {"query": "…", "variables": {…}} as JSON.'));
        return;
      }
      if (json) {
        // Depth before parsing: the JSON text first, then (below) the document it carries.
        const deepJson = jsonNestingRefusal(body, options.maxNesting);
        if (deepJson) return sendError(response, 400, deepJson);
        try {
          parsed = JSON.parse(body);
        } catch {
          sendError(response, 400, badRequest('The body is not valid JSON: send {"query": "…", "variables": {…}}.'));
          return;
        }
      }
    }
    if (request.method !== 'OPTIONS') {
      const deepDocument = documentNestingRefusal({ body: parsed, search: url.searchParams }, options.maxNesting);
      if (deepDocument) return sendError(response, 400, deepDocument);
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined && !hopByHop.has(name))
        headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const answer = await options.fetch(
      new options.Request(new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`), {
        method: request.method,
        headers,
        body,
      }),
    );
    const outgoing: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!hopByHop.has(name)) outgoing[name] = value;
    });
    // Answers are complete documents (no @defer/@stream): sent in one piece.
    const bytes = Buffer.from(await answer.arrayBuffer());
    response.writeHead(answer.status, { ...outgoing, 'content-length': String(bytes.length) }).end(bytes);
  };

  return (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      logger.error('gateway request failed', { message: redactedErrorMessage(error) });
      if (!response.headersSent)
        sendError(
          response,
          500,
          new GraphQLError('Internal server error', { extensions: { code: ErrorCode.Internal } }),
        );
      else response.destroy();
    });
  };
}

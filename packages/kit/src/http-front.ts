/**
 * The HTTP front every GraphQL endpoint shares (each subgraph, the gateway): probes, the token and
 * a bounded body before anything is read, and refusals as one coded error.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { TokenVerifier, Viewer } from './auth.js';
import { ErrorCode } from './errors.js';

export class RequestTooLargeError extends Error {
  constructor(limit: number) {
    super(
      `The request body is over ${limit} bytes (MAX_BODY_BYTES): send less at once (e.g. split an import by township).`,
    );
  }
}

/**
 * The body as text, refused as soon as it is known to be over `limit` bytes: by its declared
 * length before anything is read, or while it streams in (chunked bodies declare none).
 */
export async function readBoundedBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new RequestTooLargeError(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new RequestTooLargeError(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Answers a request refused before GraphQL sees it (401, 413, 400…) with one coded error, as JSON. */
export function sendError(
  response: ServerResponse,
  status: number,
  error: GraphQLError,
  headers: Record<string, string> = {},
): void {
  response
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    .end(JSON.stringify({ errors: [error.toJSON()] }));
}

/**
 * What a GraphQL endpoint does first with a request: checks the token, then reads the body up to
 * `maxBodyBytes` — nothing is read for a caller without a valid token. Answers 401 or 413 itself
 * and returns null; otherwise the viewer and the body.
 */
export async function admitRequest(
  request: IncomingMessage,
  response: ServerResponse,
  verifyToken: TokenVerifier,
  maxBodyBytes: number,
): Promise<{ viewer: Viewer; body: string } | null> {
  let viewer: Viewer;
  try {
    viewer = await verifyToken(request.headers.authorization);
  } catch (error) {
    // Closed, not drained: an unauthenticated upload is not read at all.
    sendError(response, 401, error as GraphQLError, { 'www-authenticate': 'Bearer', connection: 'close' });
    return null;
  }
  try {
    return { viewer, body: await readBoundedBody(request, maxBodyBytes) };
  } catch (error) {
    if (!(error instanceof RequestTooLargeError)) throw error;
    sendError(response, 413, new GraphQLError(error.message, { extensions: { code: ErrorCode.RequestTooLarge } }), {
      connection: 'close',
    });
    return null;
  }
}

/** What /readyz reports: whether the service can do its work now, and why not. */
export interface Readiness {
  ready: boolean;
  [detail: string]: unknown;
}

/**
 * Readiness checked at most once per `maxAgeMs`, callers in between sharing the answer: /readyz
 * needs no token, so hammering it must not turn into a database statement (or, at the gateway, one
 * per subgraph) per request.
 */
export function cachedReadiness(check: () => Promise<Readiness>, maxAgeMs = 1_000): () => Promise<Readiness> {
  let last: { at: number; answer: Promise<Readiness> } | null = null;
  return () => {
    if (!last || Date.now() - last.at > maxAgeMs) last = { at: Date.now(), answer: check() };
    return last.answer;
  };
}

/**
 * Answers the paths beside /graphql — /healthz (the process answers), /readyz (200 or 503 with the
 * details), anything else 404 — and says whether it did.
 */
export async function answerProbes(
  pathname: string,
  response: ServerResponse,
  readiness: () => Promise<Readiness>,
): Promise<boolean> {
  if (pathname === '/graphql') return false;
  if (pathname === '/healthz') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  } else if (pathname === '/readyz') {
    const answer = await readiness();
    response.writeHead(answer.ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  } else {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: the GraphQL endpoint is /graphql');
  }
  return true;
}

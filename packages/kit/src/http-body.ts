import type { IncomingMessage } from 'node:http';

export class RequestTooLargeError extends Error {
  constructor(limit: number) {
    super(`The request body is over ${limit} bytes (MAX_BODY_BYTES): send less at once (e.g. split an import by township).`);
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

import type { IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.js';
import { sendError } from '../http-front.js';
import { logger, redactedErrorMessage } from '../logger.js';
import { FEED_START, parseFeedPosition, readFeedPage } from './fact-feed.js';
import { verifyFeedToken } from './feed-token.js';

/** The internal path of the feed: beside /graphql, not part of any graph, refused without a feed token. */
export const FEED_PATH = '/internal/facts';

/** The most records one page may ask for. */
export const FEED_MAX_PAGE = 2_000;

export interface FeedRouteOptions {
  /** Owner-role URL: the feed reads every region's facts. */
  ownerUrl: string;
  feedSecret: string;
  /** Record types this subgraph publishes (e.g. MarketEntity, PartyMember). */
  publishes: readonly string[];
  /** The subgraphs allowed to read them (a feed token's subject): any other is refused, 403. */
  consumers: readonly string[];
}

const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.BadUserInput } });

/**
 * Serves the owner's side of the fact feed: GET FEED_PATH?after=<position>&types=A,B&limit=N with a
 * feed token. Returns a handler and a close function for its small connection pool.
 */
export function createFeedRoute(options: FeedRouteOptions) {
  const pool = new pg.Pool({ connectionString: options.ownerUrl, max: 2, connectionTimeoutMillis: 5_000 });
  pool.on('error', () => {}); // an idle connection dropped by a restarting server is replaced on demand
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const consumer = await verifyFeedToken(options.feedSecret, request.headers.authorization);
    if (!consumer) {
      sendError(
        response,
        401,
        new GraphQLError('A fact-feed token is required (service credentials).', {
          extensions: { code: ErrorCode.Unauthenticated },
        }),
        {
          connection: 'close',
        },
      );
      return;
    }
    if (!options.consumers.includes(consumer)) {
      sendError(
        response,
        403,
        new GraphQLError(`${consumer} is not a consumer of this feed.`, { extensions: { code: ErrorCode.Forbidden } }),
        { connection: 'close' },
      );
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const position = url.searchParams.get('after') ?? FEED_START;
    if (!parseFeedPosition(position))
      return sendError(response, 400, badRequest(`after must be a feed position like ${FEED_START}.`));
    const types = (url.searchParams.get('types') ?? '').split(',').filter(Boolean);
    const unknown = types.filter((type) => !options.publishes.includes(type));
    if (types.length === 0 || unknown.length > 0) {
      return sendError(
        response,
        400,
        badRequest(`types must list record types this subgraph publishes: ${options.publishes.join(', ')}.`),
      );
    }
    const limit = Number(url.searchParams.get('limit') ?? 500);
    if (!Number.isInteger(limit) || limit < 1 || limit > FEED_MAX_PAGE)
      return sendError(response, 400, badRequest(`limit must be 1–${FEED_MAX_PAGE}.`));
    const client = await pool.connect();
    try {
      const page = await readFeedPage(client, position, types, limit);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(page));
    } catch (error) {
      logger.error('fact feed read failed', { consumer, message: redactedErrorMessage(error) });
      sendError(
        response,
        503,
        new GraphQLError('The fact feed cannot be read now; retry.', {
          extensions: { code: ErrorCode.DatabaseUnavailable },
        }),
      );
    } finally {
      client.release();
    }
  };
  return { handle, close: () => pool.end() };
}

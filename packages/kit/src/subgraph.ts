import type { MikroORM } from '@mikro-orm/postgresql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { startFeedConsumer, type FeedSubscription, type RunningFeedConsumer } from './feed/fact-feed-consumer.js';
import type { DerivedFactDefinition } from './history/derived-facts.js';
import { rederiveStaleDefinitions } from './history/stale-derivations.js';
import { metricsRegistry } from './feed/feed-metrics.js';
import { createFeedRoute, FEED_PATH } from './feed/feed-route.js';
import { createTokenVerifier } from './auth.js';
import { parseEnv, portVariable, type SharedEnv } from './env.js';
import { logger, redactedErrorMessage } from './logger.js';
import { rollForwardSnapshots } from './figures/snapshot-roll-forward.js';
import { subgraphRoles } from './provision.js';
import type { SettingsGroup } from './settings.js';
import { calendarSettings } from './dates.js';
import { withConnection } from './sql-connection.js';
import { openAppOrm, openOwnerOrm, prepareSubgraphDatabase, type SubgraphDatabaseDefinition } from './orm.js';
import { createRequestContextFactory, type LoadersFactory } from './request-context.js';
import { buildTypeGraphqlSubgraphSchema, type SubgraphSchemaDefinition } from './subgraph-schema.js';
import type { Readiness } from './http-front.js';
import { startSubgraphServer, type RunningServer } from './subgraph-server.js';

/** Everything the kit needs to know about one subgraph; each service exports one. */
export interface SubgraphDefinition<Loaders> {
  name: string;
  /** Port in development and in the committed supergraph's URLs (http://localhost:<port>/graphql). */
  defaultPort: number;
  database: SubgraphDatabaseDefinition;
  schema: SubgraphSchemaDefinition;
  createLoaders: LoadersFactory<Loaders>;
  /** The subgraph's side of the fact feed: what it publishes to others, what it copies from them. */
  feed?: {
    /** Record types of its fact_version other subgraphs may copy, and the subgraphs that may (by name). */
    publishes?: { types: readonly string[]; consumers: readonly string[] };
    subscriptions?: readonly FeedSubscription[];
  };
  /** Its derived dated facts: each is brought to its current rule (revision) before the subgraph serves. */
  derivedFacts?: readonly DerivedFactDefinition<any, any>[];
  /** Work it runs beside serving requests (import jobs): started once it serves, stopped before it closes. */
  workers?: readonly BackgroundWorker[];
  /** Its modules' settings: bound from the environment it starts with, before anything else. */
  settings?: readonly SettingsGroup<unknown>[];
}

/** What a background worker is given: the app-role ORM (RLS applies per fork), the owner's URL (every region), the settings. */
export interface WorkerContext {
  orm: MikroORM;
  ownerUrl: string;
  env: SharedEnv;
}

export interface BackgroundWorker {
  name: string;
  start(context: WorkerContext): { stop(): Promise<void> };
}

export interface RunningSubgraph extends RunningServer {
  name: string;
  orm: MikroORM;
  /** The fact-feed consumers this subgraph runs (one per subscription). */
  feeds: RunningFeedConsumer[];
}

export interface StartSubgraphOptions {
  env: SharedEnv;
  /** Admin URL of the database holding the subgraph's schema. */
  adminUrl: string;
  port: number;
  host?: string;
  /** Create roles/schema and migrate before serving (default true). */
  prepare?: boolean;
  /** Base URL of each fact-feed source (by subgraph name); a subscription's default otherwise. */
  feedUrls?: Record<string, string>;
  /**
   * The sources whose feeds it follows (default: every subscription's). Tests that start a few
   * subgraphs name those, so a feed whose owner is not running is not polled in vain.
   */
  feedSources?: readonly string[];
  /** The environment its modules' settings are read from (default process.env). */
  source?: NodeJS.ProcessEnv;
}

/** The admin URL for a subgraph: its own `<NAME>_DATABASE_URL` when set (it moved), else DATABASE_URL. */
export function subgraphAdminUrl(name: string, env: SharedEnv, source: NodeJS.ProcessEnv = process.env): string {
  const own = source[`${name.toUpperCase()}_DATABASE_URL`];
  const url = own ?? env.DATABASE_URL;
  if (!url)
    throw new Error(
      `Invalid environment:\n  DATABASE_URL (or ${name.toUpperCase()}_DATABASE_URL): required to start the ${name} subgraph`,
    );
  return url;
}

/** Prepares the database, opens the ORM as the app role and serves the subgraph over HTTP. */
export async function startSubgraph<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph> {
  // The kit's own settings, then its modules': each fails fast naming its variable.
  for (const group of [calendarSettings, ...(definition.settings ?? [])]) group.bind(options.source ?? process.env);
  const settings = { adminUrl: options.adminUrl, rolePassword: options.env.DB_ROLE_PASSWORD };
  if (options.prepare !== false) await prepareSubgraphDatabase(definition.database, settings);
  // The owner role spans every region: re-deriving and copying facts is not one user's request.
  const ownerOrm =
    definition.derivedFacts?.length || definition.feed?.subscriptions?.length
      ? await openOwnerOrm(definition.database, {
          ...settings,
          statementTimeoutMs: options.env.BACKGROUND_STATEMENT_TIMEOUT_MS,
        })
      : null;
  if (ownerOrm && definition.derivedFacts?.length) await rederiveStaleDefinitions(ownerOrm, definition.derivedFacts);
  const orm = await openAppOrm(definition.database, {
    ...settings,
    statementTimeoutMs: options.env.STATEMENT_TIMEOUT_MS,
  });
  const schema = buildTypeGraphqlSubgraphSchema(definition.schema);
  const ownerUrl = subgraphRoles(options.adminUrl, definition.name, options.env.DB_ROLE_PASSWORD).ownerUrl;
  const published = definition.feed?.publishes;
  const feedRoute = published?.types.length
    ? createFeedRoute({
        ownerUrl,
        feedSecret: options.env.FEED_SECRET!,
        publishes: published.types,
        consumers: published.consumers,
      })
    : null;
  const server = await startSubgraphServer({
    name: definition.name,
    schema,
    verifyToken: createTokenVerifier(options.env),
    createContext: createRequestContextFactory(orm, definition.createLoaders, options.env.REQUEST_TIMEOUT_MS),
    ready: () => databaseAnswers(orm),
    limits: options.env,
    port: options.port,
    host: options.host,
    routes: { '/metrics': serveMetrics, ...(feedRoute ? { [FEED_PATH]: feedRoute.handle } : {}) },
  });
  const consumers = startFeedConsumers(definition, options, ownerOrm);
  const workers = (definition.workers ?? []).map((worker) => worker.start({ orm, ownerUrl, env: options.env }));
  // A new report date (June 30, December 31) gets its figures snapshot within hours of passing.
  const rollForward = setInterval(() => {
    withConnection(ownerUrl, (client) => rollForwardSnapshots(client)).catch((error: unknown) =>
      logger.error('figures roll-forward failed', { subgraph: definition.name, message: redactedErrorMessage(error) }),
    );
  }, SNAPSHOT_ROLL_FORWARD_MS).unref();
  return {
    ...server,
    name: definition.name,
    orm,
    feeds: consumers,
    stop: async () => {
      clearInterval(rollForward);
      await Promise.all(workers.map((worker) => worker.stop()));
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await ownerOrm?.close();
      await server.stop();
      await feedRoute?.close();
      await orm.close();
    },
  };
}

/** Prometheus text: the fact-feed delay and throughput (no personal data, no token needed). */
async function serveMetrics(_request: IncomingMessage, response: ServerResponse): Promise<void> {
  response.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(await metricsRegistry.metrics());
}

/** One consumer per subscription, on the owner-role ORM: the copy, derived facts and figures span every region. */
function startFeedConsumers<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  options: StartSubgraphOptions,
  orm: MikroORM | null,
): RunningFeedConsumer[] {
  const subscriptions = (definition.feed?.subscriptions ?? []).filter(
    (subscription) => !options.feedSources || options.feedSources.includes(subscription.source),
  );
  if (subscriptions.length === 0 || !orm) return [];
  return subscriptions.map((subscription) =>
    startFeedConsumer({
      consumer: definition.name,
      orm,
      subscription,
      url: options.feedUrls?.[subscription.source] ?? subscription.defaultUrl,
      secret: options.env.FEED_SECRET!,
      pollMs: options.env.FEED_POLL_MS,
      pageSize: options.env.FEED_PAGE_SIZE,
    }),
  );
}

const SNAPSHOT_ROLL_FORWARD_MS = 6 * 60 * 60 * 1000;
const READY_CHECK_TIMEOUT_MS = 2_000;

/** Ready when the database answers a trivial statement within READY_CHECK_TIMEOUT_MS. */
async function databaseAnswers(orm: MikroORM): Promise<Readiness> {
  const timeout = new Promise<false>((resolve) => setTimeout(resolve, READY_CHECK_TIMEOUT_MS, false).unref());
  const answer = orm.em
    .fork()
    .execute('select 1')
    .then(
      () => true,
      () => false,
    );
  const ready = await Promise.race([answer, timeout]);
  return { ready, database: ready ? 'ready' : 'unavailable' };
}

/**
 * Stops once on SIGINT or SIGTERM, however many arrive (Ctrl-C reaches a whole process group, and
 * launchers relay it): a repeated signal must not cut the stop short.
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping: Promise<void> | null = null;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopping ??= stop().then(() => process.exit(0));
    });
  }
}

/** The variable naming a fact-feed source's base URL, e.g. REGISTRY_FEED_URL. */
export const feedUrlVariable = (source: string) => `${source.toUpperCase()}_FEED_URL`;

/** What every service's main.ts does: read the environment, serve, stop cleanly on a signal. */
export async function serveSubgraphFromEnv<Loaders>(definition: SubgraphDefinition<Loaders>): Promise<void> {
  const feedUrlSettings = Object.fromEntries(
    (definition.feed?.subscriptions ?? []).map((subscription) => [
      feedUrlVariable(subscription.source),
      z.string().url().default(subscription.defaultUrl),
    ]),
  );
  const env = parseEnv({
    ...feedUrlSettings,
    PORT: portVariable(definition.defaultPort),
    // A launcher that already prepared every database (pnpm start) says so, and the work is not repeated.
    PREPARE_DATABASE: z.enum(['true', 'false']).default('true'),
    // The sources whose feeds it follows, comma-separated (default every subscription's): a test or a
    // bench that runs a few services names them, so no feed is polled at a port nobody serves.
    FEED_SOURCES: z.string().optional(),
  });
  const running = await startSubgraph(definition, {
    env,
    adminUrl: subgraphAdminUrl(definition.name, env),
    port: env.PORT,
    prepare: env.PREPARE_DATABASE === 'true',
    ...(env.FEED_SOURCES === undefined
      ? {}
      : {
          feedSources: env.FEED_SOURCES.split(',')
            .map((source) => source.trim())
            .filter(Boolean),
        }),
    feedUrls: Object.fromEntries(
      (definition.feed?.subscriptions ?? []).map((subscription) => [
        subscription.source,
        String((env as Record<string, unknown>)[feedUrlVariable(subscription.source)]),
      ]),
    ),
  });
  logger.info('subgraph listening', { subgraph: definition.name, url: running.url });
  stopOnSignals(running.stop);
}

import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { createTokenVerifier } from './auth.js';
import { parseEnv, portVariable, type SharedEnv } from './env.js';
import { logger, redactedErrorMessage } from './logger.js';
import { rollForwardSnapshots } from './figures/snapshot-roll-forward.js';
import { subgraphRoles } from './provision.js';
import { withConnection } from './sql-connection.js';
import { openAppOrm, prepareSubgraphDatabase, type SubgraphDatabaseDefinition } from './orm.js';
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
}

export interface RunningSubgraph extends RunningServer {
  name: string;
  orm: MikroORM;
}

export interface StartSubgraphOptions {
  env: SharedEnv;
  /** Admin URL of the database holding the subgraph's schema. */
  adminUrl: string;
  port: number;
  host?: string;
  /** Create roles/schema and migrate before serving (default true). */
  prepare?: boolean;
}

/** The admin URL for a subgraph: its own `<NAME>_DATABASE_URL` when set (it moved), else DATABASE_URL. */
export function subgraphAdminUrl(name: string, env: SharedEnv, source: NodeJS.ProcessEnv = process.env): string {
  const own = source[`${name.toUpperCase()}_DATABASE_URL`];
  const url = own ?? env.DATABASE_URL;
  if (!url) throw new Error(`Invalid environment:\n  DATABASE_URL (or ${name.toUpperCase()}_DATABASE_URL): required to start the ${name} subgraph`);
  return url;
}

/** Prepares the database, opens the ORM as the app role and serves the subgraph over HTTP. */
export async function startSubgraph<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph> {
  const settings = { adminUrl: options.adminUrl, rolePassword: options.env.DB_ROLE_PASSWORD };
  if (options.prepare !== false) await prepareSubgraphDatabase(definition.database, settings);
  const orm = await openAppOrm(definition.database, settings);
  const schema = buildTypeGraphqlSubgraphSchema(definition.schema);
  const server = await startSubgraphServer({
    name: definition.name,
    schema,
    verifyToken: createTokenVerifier(options.env),
    createContext: createRequestContextFactory(orm, definition.createLoaders),
    ready: () => databaseAnswers(orm),
    limits: options.env,
    port: options.port,
    host: options.host,
  });
  // A new report date (June 30, December 31) gets its figures snapshot within hours of passing.
  const ownerUrl = subgraphRoles(options.adminUrl, definition.name, options.env.DB_ROLE_PASSWORD).ownerUrl;
  const rollForward = setInterval(() => {
    withConnection(ownerUrl, (client) => rollForwardSnapshots(client)).catch((error: unknown) =>
      logger.error('figures roll-forward failed', { subgraph: definition.name, message: redactedErrorMessage(error) }),
    );
  }, SNAPSHOT_ROLL_FORWARD_MS).unref();
  return {
    ...server,
    name: definition.name,
    orm,
    stop: async () => {
      clearInterval(rollForward);
      await server.stop();
      await orm.close();
    },
  };
}

const SNAPSHOT_ROLL_FORWARD_MS = 6 * 60 * 60 * 1000;
const READY_CHECK_TIMEOUT_MS = 2_000;

/** Ready when the database answers a trivial statement within READY_CHECK_TIMEOUT_MS. */
async function databaseAnswers(orm: MikroORM): Promise<Readiness> {
  const timeout = new Promise<false>((resolve) => setTimeout(resolve, READY_CHECK_TIMEOUT_MS, false).unref());
  const answer = orm.em
    .fork()
    .execute('select 1')
    .then(() => true, () => false);
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

/** What every service's main.ts does: read the environment, serve, stop cleanly on a signal. */
export async function serveSubgraphFromEnv<Loaders>(definition: SubgraphDefinition<Loaders>): Promise<void> {
  const env = parseEnv({
    PORT: portVariable(definition.defaultPort),
    // A launcher that already prepared every database (pnpm start) says so, and the work is not repeated.
    PREPARE_DATABASE: z.enum(['true', 'false']).default('true'),
  });
  const running = await startSubgraph(definition, {
    env,
    adminUrl: subgraphAdminUrl(definition.name, env),
    port: env.PORT,
    prepare: env.PREPARE_DATABASE === 'true',
  });
  logger.info('subgraph listening', { subgraph: definition.name, url: running.url });
  stopOnSignals(running.stop);
}

import path from 'node:path';
import {
  portVariable,
  runningPostgresServer,
  startPostgresServer,
  withConnection,
  withDatabase,
  type PostgresServerEvent,
  type SharedEnv,
} from '@xgz/kit';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

/** The embedded server's port, for every command that opens the local database (parseEnv(localDatabaseSettings)). */
export const localDatabaseSettings = { EMBEDDED_PG_PORT: portVariable(5433) };

export interface LocalDatabase {
  adminUrl: string;
  /** Stops the embedded server this command started; a no-op for DATABASE_URL or a server it reused. */
  stop(): Promise<void>;
}

export interface LocalDatabaseOptions {
  /** Use the server `npm start` is running on the same data, rather than stopping it to start our own. */
  reuseRunning?: boolean;
  /** Keep the server up: restart it when it dies (npm start), telling `onEvent`. */
  supervise?: (event: PostgresServerEvent) => void;
}

/**
 * DATABASE_URL when set; otherwise embedded PostgreSQL with its data under DATA_DIR/postgres (kept
 * across restarts) and a database named `xgz`.
 */
export async function openLocalDatabase(
  env: SharedEnv & { EMBEDDED_PG_PORT: number },
  options: LocalDatabaseOptions = {},
): Promise<LocalDatabase> {
  if (env.DATABASE_URL) return { adminUrl: env.DATABASE_URL, stop: async () => {} };
  const dataDir = path.join(env.DATA_DIR, 'postgres');
  const running = options.reuseRunning ? runningPostgresServer(dataDir) : null;
  if (running) return { adminUrl: withDatabase(running.adminUrl, 'xgz'), stop: async () => {} };
  const server = await startPostgresServer({
    dataDir,
    port: env.EMBEDDED_PG_PORT,
    ...(options.supervise ? { onEvent: options.supervise } : { restart: false }),
  });
  await withConnection(server.adminUrl, async (client) => {
    const { rowCount } = await client.query("select 1 from pg_database where datname = 'xgz'");
    if (!rowCount) await client.query('create database xgz');
  });
  return { adminUrl: withDatabase(server.adminUrl, 'xgz'), stop: () => server.stop() };
}

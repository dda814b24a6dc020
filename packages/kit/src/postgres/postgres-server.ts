import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { serverDataFolder } from './data-folder.js';
import { reachableBinaries, type PostgresBinaries } from './postgres-binaries.js';
import { serverAccount, type ServerAccount } from './server-account.js';

export const ADMIN_USER = 'postgres';
const ADMIN_PASSWORD = 'postgres';

/** The superuser URL of a server on 127.0.0.1 (provisioning only; services use their own roles). */
export const adminUrlFor = (port: number) => `postgres://${ADMIN_USER}:${ADMIN_PASSWORD}@127.0.0.1:${port}/postgres`;

export interface PostgresServerOptions {
  dataDir: string;
  port: number;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
  /**
   * Restart the server when it dies: the first attempt after `initialDelayMs`, each failed one
   * doubling the wait up to `maxDelayMs`. `false`: a dead server stays dead.
   */
  restart?: { initialDelayMs: number; maxDelayMs: number } | false;
  /** Told when the server dies and when it is back (logs, tests). */
  onEvent?: (event: PostgresServerEvent) => void;
}

export type PostgresServerEvent =
  | { kind: 'exited'; code: number | null; signal: string | null; restartInMs: number | null; lastLines: string[] }
  | { kind: 'restarted'; attempts: number }
  | { kind: 'restart-failed'; attempts: number; reason: string };

export interface PostgresServer {
  /** Superuser URL: provisioning only. */
  adminUrl: string;
  /** Where the data really is (may differ from the folder asked for: see serverDataFolder). */
  dataDir: string;
  /** The postmaster's pid while it runs. */
  pid(): number | undefined;
  /** Stops the server (and any restart under way); resolves even when it had already died. */
  stop(): Promise<void>;
}

const DEFAULT_RESTART = { initialDelayMs: 250, maxDelayMs: 8_000 };
/** A server that stayed up this long has recovered: the next crash starts the back-off again. */
const STABLE_AFTER_MS = 30_000;

/** Whether a process with this pid still runs. */
export const isProcessAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The postmaster.pid lines: pid, data dir, start time, port, socket dir, listen address, shmem key, status. */
function pidFile(dataDir: string): { pid: number; port: number; status: string } | null {
  const file = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  try {
    const lines = readFileSync(file, 'utf8').split('\n');
    return { pid: Number(lines[0]), port: Number(lines[3]), status: (lines[7] ?? '').trim() };
  } catch {
    return null;
  }
}

/** The server already running on `dataDir` (its postmaster.pid names a live process), if any. */
export function runningPostgresServer(dataDir: string): { adminUrl: string; pid: number } | null {
  const found = pidFile(dataDir);
  if (!found || !Number.isInteger(found.pid) || found.pid <= 0 || !isProcessAlive(found.pid) || !found.port)
    return null;
  return { adminUrl: adminUrlFor(found.port), pid: found.pid };
}

/** Waits for `pid` to exit, escalating from a fast shutdown to SIGKILL. */
async function shutDown(pid: number, exited: () => boolean): Promise<void> {
  for (const [signal, patienceMs] of [
    ['SIGINT', 10_000],
    ['SIGQUIT', 3_000],
    ['SIGKILL', 3_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return; // already gone
    }
    for (let waited = 0; waited < patienceMs; waited += 50) {
      if (exited()) return;
      await sleep(50);
    }
  }
}

async function initialiseCluster(binaries: PostgresBinaries, dataDir: string, account: ServerAccount): Promise<void> {
  // initdb reads the superuser password from a file the server account can read, removed right after.
  const folder = await mkdtemp(path.join(tmpdir(), 'xgz-initdb-'));
  const passwordFile = path.join(folder, 'password');
  await writeFile(passwordFile, `${ADMIN_PASSWORD}\n`, { mode: 0o600 });
  if (account.uid !== undefined) {
    await chown(folder, account.uid, account.gid!);
    await chown(passwordFile, account.uid, account.gid!);
  }
  try {
    const output: string[] = [];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        binaries.initdb,
        [
          `--pgdata=${dataDir}`,
          '--auth=scram-sha-256',
          `--username=${ADMIN_USER}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          '--locale=C.UTF-8',
        ],
        { ...account, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0)
      throw new Error(`initdb failed for ${dataDir}:\n${output.join('').trim().split('\n').slice(-10).join('\n')}`);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * PostgreSQL from the npm-packaged binaries, listening on 127.0.0.1, initialised on first use, and
 * — unless `restart: false` — supervised: when it dies it is started again with a bounded back-off,
 * so services that lost their connections get them back without anyone restarting anything.
 * Runs as the `postgres` user when we are root.
 */
export async function startPostgresServer(options: PostgresServerOptions): Promise<PostgresServer> {
  const account = serverAccount();
  const binaries = await reachableBinaries(account);
  const dataDir = await serverDataFolder(options.dataDir, account);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initialiseCluster(binaries, dataDir, account);

  // A server left running by a killed run holds the folder: stop it before starting ours.
  const leftover = runningPostgresServer(dataDir);
  if (leftover) await shutDown(leftover.pid, () => !isProcessAlive(leftover.pid));

  const settings = { listen_addresses: '127.0.0.1', max_connections: '300', ...options.settings };
  const args = [
    '-D',
    dataDir,
    '-p',
    String(options.port),
    ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
  ];
  const restart = options.restart === false ? null : (options.restart ?? DEFAULT_RESTART);

  let child: ChildProcess | null = null;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | null = null;
  let delay = restart?.initialDelayMs ?? 0;
  let attempts = 0;

  /** Starts the postmaster and resolves once it accepts connections; rejects if it exits first. */
  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const lastLines: string[] = [];
      // Its own process group: a terminal's Ctrl-C reaches us, and we stop the server in order.
      const server = spawn(binaries.postgres, args, {
        ...account,
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child = server;
      const startedAt = Date.now();
      let ready = false;
      server.stderr!.on('data', (chunk: Buffer) => {
        lastLines.push(...chunk.toString().trimEnd().split('\n'));
        lastLines.splice(0, Math.max(0, lastLines.length - 20));
      });
      server.on('error', reject);
      server.on('exit', (code, signal) => {
        if (child === server) child = null;
        if (!ready) {
          reject(
            new Error(
              `PostgreSQL exited while starting (code ${code}, signal ${signal}):\n${lastLines.slice(-8).join('\n')}`,
            ),
          );
          return;
        }
        if (stopping) return;
        if (Date.now() - startedAt > STABLE_AFTER_MS && restart) delay = restart.initialDelayMs;
        options.onEvent?.({
          kind: 'exited',
          code,
          signal,
          restartInMs: restart ? delay : null,
          lastLines: [...lastLines],
        });
        if (restart) scheduleRestart();
      });
      // The postmaster writes "ready" into postmaster.pid once it accepts connections (any locale).
      const poll = async () => {
        while (!ready && child === server) {
          const status = pidFile(dataDir);
          if (status && status.pid === server.pid && status.status === 'ready') {
            ready = true;
            resolve();
            return;
          }
          await sleep(25);
        }
      };
      void poll();
    });

  const scheduleRestart = () => {
    if (stopping || !restart) return;
    const wait = delay;
    delay = Math.min(delay * 2, restart.maxDelayMs);
    restartTimer = setTimeout(() => {
      restartTimer = null;
      if (stopping) return;
      attempts++;
      launch().then(
        () => {
          options.onEvent?.({ kind: 'restarted', attempts });
          attempts = 0;
        },
        (error: unknown) => {
          options.onEvent?.({
            kind: 'restart-failed',
            attempts,
            reason: error instanceof Error ? error.message : String(error),
          });
          scheduleRestart();
        },
      );
    }, wait);
  };

  try {
    await launch();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start from ${dataDir} on port ${options.port}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }

  return {
    adminUrl: adminUrlFor(options.port),
    dataDir,
    pid: () => child?.pid,
    stop: async () => {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const running = child;
      if (running?.pid) await shutDown(running.pid, () => running.exitCode !== null || running.signalCode !== null);
    },
  };
}

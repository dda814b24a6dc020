/**
 * The kit's own PostgreSQL process: started where the postgres user cannot reach the project,
 * restarted after a crash, and stopped even when it is already dead.
 */
import { lstatSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { freePort } from '../src/free-port.js';
import { isProcessAlive, startPostgresServer, type PostgresServerEvent } from '../src/postgres/postgres-server.js';
import { withConnection } from '../src/sql-connection.js';

/** A folder the postgres user may enter (mkdtemp makes it 0700). */
async function openFolder() {
  const folder = await mkdtemp(path.join(tmpdir(), 'xgz-pg-'));
  await chmod(folder, 0o755);
  return folder;
}

const answers = (adminUrl: string) =>
  withConnection(
    adminUrl,
    async (client) => (await client.query<{ one: number }>('select 1 as one')).rows[0]!.one,
  ).catch(() => 0);

describe('PostgreSQL run by the kit', () => {
  it('starts from a folder only root may enter (a clone under /root or in mktemp -d), keeping the data reachable', async () => {
    // mkdtemp makes the folder 0700: as root, the postgres user cannot enter it.
    const privateFolder = await mkdtemp(path.join(tmpdir(), 'xgz-private-'));
    const requested = path.join(privateFolder, '.data', 'postgres');
    let server = await startPostgresServer({ dataDir: requested, port: await freePort(), restart: false });
    try {
      expect(await answers(server.adminUrl)).toBe(1);
      if (userInfo().uid === 0) {
        // The data lives where the postgres user can reach it; the requested folder points there.
        expect(server.dataDir).not.toBe(requested);
        expect(lstatSync(requested).isSymbolicLink()).toBe(true);
      } else {
        expect(server.dataDir).toBe(requested);
      }
      // The data removed behind the link (or the folder itself): the next start makes a new cluster there.
      await server.stop();
      const dataDir = server.dataDir;
      await rm(dataDir, { recursive: true, force: true });
      server = await startPostgresServer({ dataDir: requested, port: await freePort(), restart: false });
      expect(server.dataDir).toBe(dataDir);
      expect(await answers(server.adminUrl)).toBe(1);
    } finally {
      await server.stop();
      if (server.dataDir !== requested) await rm(server.dataDir, { recursive: true, force: true });
      await rm(privateFolder, { recursive: true, force: true });
    }
  });

  it('stops at once when the server has already died (no hang)', async () => {
    const folder = await openFolder();
    const server = await startPostgresServer({
      dataDir: path.join(folder, 'data'),
      port: await freePort(),
      restart: false,
    });
    const pid = server.pid()!;
    process.kill(pid, 'SIGKILL');
    for (let waited = 0; waited < 5_000 && isProcessAlive(pid); waited += 50) await sleep(50);
    const started = Date.now();
    await server.stop();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.pid()).toBeUndefined();
    await rm(folder, { recursive: true, force: true });
  });

  it('is started again after a crash, with its data, and stopped for good by stop()', async () => {
    const folder = await openFolder();
    const events: PostgresServerEvent[] = [];
    const server = await startPostgresServer({
      dataDir: path.join(folder, 'data'),
      port: await freePort(),
      restart: { initialDelayMs: 100, maxDelayMs: 1_000 },
      onEvent: (event) => events.push(event),
    });
    try {
      await withConnection(server.adminUrl, (client) =>
        client.query('create table kept (id int); insert into kept values (42)'),
      );
      const first = server.pid()!;
      process.kill(first, 'SIGKILL');
      for (let waited = 0; waited < 30_000 && !events.some((event) => event.kind === 'restarted'); waited += 100)
        await sleep(100);
      expect(events[0]).toMatchObject({ kind: 'exited', signal: 'SIGKILL', restartInMs: 100 });
      expect(events.some((event) => event.kind === 'restarted')).toBe(true);
      expect(server.pid()).not.toBe(first);
      expect(
        await withConnection(server.adminUrl, async (client) => (await client.query('select id from kept')).rows),
      ).toEqual([{ id: 42 }]);
    } finally {
      const last = server.pid();
      await server.stop();
      expect(last && isProcessAlive(last)).toBeFalsy();
      // Stopped on purpose: nothing restarts it.
      await sleep(300);
      expect(server.pid()).toBeUndefined();
      await rm(folder, { recursive: true, force: true });
    }
  });
});

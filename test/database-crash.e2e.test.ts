/**
 * The database dies under a write loop (kill -9 of the postmaster): requests get
 * DATABASE_UNAVAILABLE and /readyz says not ready while it is down; the supervisor brings it back,
 * the services reconnect by themselves, and every write that was acknowledged is there.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  parseEnv,
  startPostgresServer,
  startSubgraph,
  subgraphRoles,
  withConnection,
  withDatabase,
  type PostgresServer,
  type PostgresServerEvent,
  type RunningServer,
  type RunningSubgraph,
} from '@xgz/kit';
import { errorCodes, executeGraphQL, tokenFor } from '@xgz/testkit';
import { parseGatewayEnv, startGateway } from '@xgz/gateway';
import { prepareAllDatabases } from '../scripts/src/prepare.js';
import { subgraphs as subgraphDefinitions } from '../scripts/src/subgraphs.js';

const env = parseEnv({}, { NODE_ENV: 'test' });
let folder: string;
let server: PostgresServer;
let adminUrl: string;
let subgraphs: RunningSubgraph[];
let registry: RunningSubgraph;
let gateway: RunningServer;
let token: string;
const events: PostgresServerEvent[] = [];

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'xgz-crash-'));
  await chmod(folder, 0o755);
  // Durable settings (fsync on), as `npm start` runs: an acknowledged write must survive the kill.
  // The first restart waits 1.5 s, so the outage is long enough to be seen.
  server = await startPostgresServer({
    dataDir: path.join(folder, 'data'),
    port: await freePort(),
    restart: { initialDelayMs: 1_500, maxDelayMs: 3_000 },
    onEvent: (event) => events.push(event),
  });
  await withConnection(server.adminUrl, (client) => client.query('create database xgz'));
  adminUrl = withDatabase(server.adminUrl, 'xgz');
  await prepareAllDatabases(adminUrl, env);
  subgraphs = await Promise.all(
    subgraphDefinitions.map((definition) => startSubgraph(definition, { env, adminUrl, port: 0, prepare: false })),
  );
  registry = subgraphs[0]!;
  const subgraphUrls = Object.fromEntries(subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));
  gateway = await startGateway({
    env: parseGatewayEnv({ NODE_ENV: 'test', GATEWAY_PORT: '0', LOG_LEVEL: 'error' }),
    subgraphUrls,
  });
  token = await tokenFor(env, '33', ['official']);
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  await Promise.all((subgraphs ?? []).map((subgraph) => subgraph.stop()));
  await server?.stop();
  await rm(folder, { recursive: true, force: true });
});

const register = (serial: number) =>
  executeGraphQL(
    gateway.url,
    `mutation($name: String!) { registerMarketEntity(input: { kind: INDIVIDUAL_BUSINESS, name: $name, regionCode: "330106002", registeredOn: "2022-05-01" }) { id } }`,
    {
      token,
      variables: { name: `崩溃测试商店${serial}` },
    },
  );
const readiness = async (url: string) => (await fetch(new URL('/readyz', url))).status;

describe('the database is killed during writes', () => {
  it('answers DATABASE_UNAVAILABLE while it is down, comes back by itself, and loses no acknowledged write', async () => {
    const acknowledged: string[] = [];
    const codes = new Map<string, number>();
    const readyDuringOutage = { gateway: new Set<number>(), subgraph: new Set<number>() };
    let serial = 0;
    let killed = false;
    let answersAfterOutage = 0;
    const deadline = Date.now() + 60_000;
    while (answersAfterOutage < 20 && Date.now() < deadline) {
      const response = await register(serial++);
      if (response.data?.registerMarketEntity?.id) {
        acknowledged.push(response.data.registerMarketEntity.id);
        if (killed && (codes.get('DATABASE_UNAVAILABLE') ?? 0) > 0) answersAfterOutage++;
      }
      for (const code of errorCodes(response)) {
        codes.set(String(code), (codes.get(String(code)) ?? 0) + 1);
        if (code === 'DATABASE_UNAVAILABLE' && readyDuringOutage.subgraph.size < 2) {
          readyDuringOutage.subgraph.add(await readiness(registry.url));
          readyDuringOutage.gateway.add(await readiness(gateway.url));
        }
      }
      if (!killed && acknowledged.length === 30) {
        process.kill(server.pid()!, 'SIGKILL');
        killed = true;
      }
      if (killed && !answersAfterOutage) await sleep(20);
    }
    expect(killed).toBe(true);
    expect(answersAfterOutage, JSON.stringify([...codes])).toBe(20);
    // Only the one coded answer while it was down: no internal errors, no masked plumbing.
    expect([...codes.keys()]).toEqual(['DATABASE_UNAVAILABLE']);
    expect(readyDuringOutage.subgraph.has(503)).toBe(true);
    expect(readyDuringOutage.gateway.has(503)).toBe(true);
    expect(events.map((event) => event.kind)).toContain('restarted');
    expect(events[0]).toMatchObject({ kind: 'exited', signal: 'SIGKILL' });
    // Ready again, and every acknowledged write is in the database.
    expect(readyDuringOutage.gateway.size).toBeGreaterThan(0);
    // Readiness is cached for a second (a probe must not cost a statement per request): it follows shortly.
    await expect.poll(() => readiness(registry.url), { timeout: 5_000 }).toBe(200);
    await expect.poll(() => readiness(gateway.url), { timeout: 5_000 }).toBe(200);
    const owner = subgraphRoles(adminUrl, 'registry', env.DB_ROLE_PASSWORD).ownerUrl;
    const stored = await withConnection(owner, async (client) =>
      (
        await client.query<{ id: string }>(`select id from market_entity where id = any($1::uuid[])`, [acknowledged])
      ).rows.map((row) => row.id),
    );
    expect(stored.sort()).toEqual([...acknowledged].sort());
    expect(acknowledged.length).toBeGreaterThanOrEqual(50);
  });
});

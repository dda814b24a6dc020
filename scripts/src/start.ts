/**
 * npm start — the whole system on one machine: PostgreSQL (embedded and supervised, unless
 * DATABASE_URL is set), migrations, the region tree, demo data, the four subgraphs and the gateway.
 * Ctrl-C stops everything, whatever state the database is in.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_SUPERVISION,
  DEV_TOKEN_COMMAND,
  parseEnv,
  portVariable,
  signDevToken,
  superviseService,
  withConnection,
  type PostgresServerEvent,
  type SupervisedService,
  type SupervisorEvent,
} from '@xgz/kit';
import { seedDemoData } from './demo-data.js';
import { seedMarketsDemo } from './demo-markets.js';
import { seedOrganizationsDemo } from './demo-organizations.js';
import { seedRegistryDemo } from './demo-registry.js';
import { localDatabaseSettings, openLocalDatabase, projectRoot, type LocalDatabase } from './local-database.js';
import { prepareAllDatabases } from './prepare.js';
import { subgraphs } from './subgraphs.js';

const env = parseEnv({
  ...localDatabaseSettings,
  GATEWAY_PORT: portVariable(4000),
  REGISTRY_PORT: portVariable(4001),
  ORGANIZATIONS_PORT: portVariable(4002),
  MARKETS_PORT: portVariable(4003),
  ASSESSMENTS_PORT: portVariable(4004),
  /** How often each service's liveness probe (/healthz) is sent, and how many failures in a row restart it. */
  SERVICE_PROBE_MS: z.coerce.number().int().min(100).max(60_000).default(DEFAULT_SUPERVISION.probeIntervalMs),
  SERVICE_PROBE_FAILURES: z.coerce.number().int().min(1).max(100).default(DEFAULT_SUPERVISION.failuresBeforeRestart),
});
const portOf = (name: string) => env[`${name.toUpperCase()}_PORT` as 'REGISTRY_PORT'];

const services: SupervisedService[] = [];
let database: LocalDatabase | null = null;
let stopping = false;

function describePostgresEvent(event: PostgresServerEvent): string {
  switch (event.kind) {
    case 'exited':
      return `[postgres] the database server stopped (${event.signal ?? `exit code ${event.code}`}); restarting in ${event.restartInMs} ms`;
    case 'restarted':
      return `[postgres] the database server is back (attempt ${event.attempts}); services reconnect by themselves`;
    case 'restart-failed':
      return `[postgres] restart attempt ${event.attempts} failed: ${event.reason.split('\n')[0]}`;
  }
}

function describeServiceEvent(name: string, event: SupervisorEvent): string {
  switch (event.kind) {
    case 'started':
      return event.attempt === 0
        ? `[supervisor] ${name} started (pid ${event.pid})`
        : `[supervisor] ${name} started again (pid ${event.pid}, restart ${event.attempt})`;
    case 'answering':
      return event.attempt === 0
        ? `[supervisor] ${name} answers`
        : `[supervisor] ${name} answers again (pid ${event.pid})`;
    case 'unresponsive':
      return `[supervisor] ${name} (pid ${event.pid}) did not answer /healthz ${event.failures} times in ${(event.waitedMs / 1000).toFixed(1)} s: killing it to start it again`;
    case 'exited':
      return `[supervisor] ${name} (pid ${event.pid}) exited (${event.signal ?? `code ${event.code}`}); restarting in ${event.restartInMs} ms`;
  }
}

/** Runs a service under supervision: restarted when it exits or stops answering its liveness probe. */
function supervise(name: string, entry: string, port: number, extraEnv: Record<string, string>) {
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .trimEnd()
      .split('\n')
      .map((line) => `[${name}] ${line}`)
      .join('\n');
  const service = superviseService({
    name,
    spawn: () => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, entry)], {
        cwd: projectRoot,
        env: { ...process.env, ...extraEnv, DATABASE_URL: database!.adminUrl, PREPARE_DATABASE: 'false' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (chunk: Buffer) => console.log(prefix(chunk)));
      child.stderr?.on('data', (chunk: Buffer) => console.error(prefix(chunk)));
      return child;
    },
    livenessUrl: `http://127.0.0.1:${port}/healthz`,
    settings: { probeIntervalMs: env.SERVICE_PROBE_MS, failuresBeforeRestart: env.SERVICE_PROBE_FAILURES },
    onEvent: (event) => {
      // The first start and answer of each service are routine: only restarts are worth a line.
      if (event.kind === 'answering' && event.attempt === 0) return;
      (event.kind === 'started' || event.kind === 'answering' ? console.log : console.error)(
        describeServiceEvent(name, event),
      );
    },
  });
  services.push(service);
}

/** Stops the services, then the database; every step bounded, so a dead database cannot hang it. */
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('stopping…');
  await Promise.all(services.map((service) => service.stop()));
  await database?.stop();
  process.exit(code);
}
// Every signal, not once: a second Ctrl-C (or the launcher relaying the first) must not cut a stop short.
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

async function waitForHealth(url: string, name: string) {
  for (let attempt = 0; attempt < 600 && !stopping; attempt++) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`${name} did not become healthy at ${url}`);
}

try {
  database = await openLocalDatabase(env, { supervise: (event) => console.error(describePostgresEvent(event)) });
  const regions = await prepareAllDatabases(database.adminUrl, env);
  console.log(
    regions.skipped
      ? `region tree already loaded (${regions.rows} regions)`
      : `loaded ${regions.rows} regions in ${(regions.milliseconds / 1000).toFixed(1)} s`,
  );
  const seeded = await seedDemoData(database.adminUrl, env.DB_ROLE_PASSWORD);
  const members = await seedRegistryDemo(database.adminUrl, env);
  console.log(`demo data: ${JSON.stringify({ ...seeded, members })} (0 = already there)`);

  const subgraphUrls: Record<string, string> = {};
  for (const subgraph of subgraphs) {
    // Consumers of the fact feed find registry's port even when REGISTRY_PORT moved it.
    supervise(subgraph.name, `services/${subgraph.name}/src/main.ts`, portOf(subgraph.name), {
      PORT: String(portOf(subgraph.name)),
      REGISTRY_FEED_URL: `http://127.0.0.1:${portOf('registry')}`,
      MARKETS_FEED_URL: `http://127.0.0.1:${portOf('markets')}`,
      ORGANIZATIONS_FEED_URL: `http://127.0.0.1:${portOf('organizations')}`,
    });
    subgraphUrls[`${subgraph.name.toUpperCase()}_URL`] = `http://127.0.0.1:${portOf(subgraph.name)}/graphql`;
  }
  await Promise.all(subgraphs.map((s) => waitForHealth(`http://127.0.0.1:${portOf(s.name)}/readyz`, s.name)));
  supervise('gateway', 'gateway/src/main.ts', env.GATEWAY_PORT, {
    ...subgraphUrls,
    GATEWAY_PORT: String(env.GATEWAY_PORT),
  });
  await waitForHealth(`http://127.0.0.1:${env.GATEWAY_PORT}/readyz`, 'gateway');
  const organizations = await seedOrganizationsDemo(`http://127.0.0.1:${env.GATEWAY_PORT}/graphql`, (regionCode) =>
    signDevToken(env, { subject: 'demo-seed', regionCode, roles: ['admin'] }),
  );
  if (organizations) console.log(`demo data: ${organizations} party organizations formed through the gateway`);
  const markets = await seedMarketsDemo(`http://127.0.0.1:${env.GATEWAY_PORT}/graphql`, (regionCode) =>
    signDevToken(env, { subject: 'demo-seed', regionCode, roles: ['admin'] }),
  );
  if (markets) console.log(`demo data: ${markets} markets registered through the gateway`);
  // The region tree and the demo data came as one bulk load: checkpoint it, so a crash soon after start
  // does not replay all of it before the database answers again. Only a speed-up: a failure stops nothing.
  if (!env.DATABASE_URL)
    await withConnection(database.adminUrl, (client) => client.query('checkpoint')).catch(() => undefined);
} catch (error) {
  if (!stopping) {
    console.error(error instanceof Error ? error.message : String(error));
    await stop(1);
  }
}

const token = await signDevToken(env, { regionCode: '33', roles: ['admin'] });
console.log(`
Ready: http://localhost:${env.GATEWAY_PORT}/graphql (GraphiQL in a browser)
Header for 浙江省 (33), admin, valid 12 h (another: ${DEV_TOKEN_COMMAND} <region> <role>):
  Authorization: Bearer ${token}
First query:
  { region(code: "33") { name level children { code name partyOrganizationCount marketCount
      registryFigures { marketEntities { existing } partyMembers { total identityDisclosure { value } } } } } }
Ctrl-C stops everything.`);

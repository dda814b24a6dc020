/**
 * npm start — the whole system on one machine: PostgreSQL (embedded and supervised, unless
 * DATABASE_URL is set), migrations, the region tree, demo data, the four subgraphs and the gateway.
 * Ctrl-C stops everything, whatever state the database is in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { DEV_TOKEN_COMMAND, parseEnv, portVariable, signDevToken, withConnection, type PostgresServerEvent } from '@xgz/kit';
import { seedDemoData } from './demo-data.js';
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
});
const portOf = (name: string) => env[`${name.toUpperCase()}_PORT` as 'REGISTRY_PORT'];

/** How long a stopping child may take before it is killed. */
const STOP_PATIENCE_MS = 5_000;

const children: ChildProcess[] = [];
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

function run(name: string, entry: string, extraEnv: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, entry)], {
    cwd: projectRoot,
    env: { ...process.env, ...extraEnv, DATABASE_URL: database!.adminUrl, PREPARE_DATABASE: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .trimEnd()
      .split('\n')
      .map((line) => `[${name}] ${line}`)
      .join('\n');
  child.stdout?.on('data', (chunk: Buffer) => console.log(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => console.error(prefix(chunk)));
  child.on('exit', (code, signal) => {
    if (!stopping && (code || signal)) console.error(`[${name}] exited (${signal ?? `code ${code}`})`);
  });
  children.push(child);
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function stopChild(child: ChildProcess) {
  if (exited(child)) return;
  child.kill('SIGTERM');
  for (let waited = 0; waited < STOP_PATIENCE_MS && !exited(child); waited += 50) await sleep(50);
  if (!exited(child)) child.kill('SIGKILL');
}

/** Stops the services, then the database; every step bounded, so a dead database cannot hang it. */
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('stopping…');
  await Promise.all(children.map(stopChild));
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
  console.log(regions.skipped ? `region tree already loaded (${regions.rows} regions)` : `loaded ${regions.rows} regions in ${(regions.milliseconds / 1000).toFixed(1)} s`);
  const seeded = await seedDemoData(database.adminUrl, env.DB_ROLE_PASSWORD);
  const members = await seedRegistryDemo(database.adminUrl, env);
  console.log(`demo data: ${JSON.stringify({ ...seeded, members })} (0 = already there)`);

  const subgraphUrls: Record<string, string> = {};
  for (const subgraph of subgraphs) {
    // Consumers of the fact feed find registry's port even when REGISTRY_PORT moved it.
    run(subgraph.name, `services/${subgraph.name}/src/main.ts`, { PORT: String(portOf(subgraph.name)), REGISTRY_FEED_URL: `http://127.0.0.1:${portOf('registry')}` });
    subgraphUrls[`${subgraph.name.toUpperCase()}_URL`] = `http://127.0.0.1:${portOf(subgraph.name)}/graphql`;
  }
  await Promise.all(subgraphs.map((s) => waitForHealth(`http://127.0.0.1:${portOf(s.name)}/readyz`, s.name)));
  run('gateway', 'gateway/src/main.ts', { ...subgraphUrls, GATEWAY_PORT: String(env.GATEWAY_PORT) });
  await waitForHealth(`http://127.0.0.1:${env.GATEWAY_PORT}/readyz`, 'gateway');
  const organizations = await seedOrganizationsDemo(`http://127.0.0.1:${env.GATEWAY_PORT}/graphql`, (regionCode) =>
    signDevToken(env, { subject: 'demo-seed', regionCode, roles: ['admin'] }),
  );
  if (organizations) console.log(`demo data: ${organizations} party organizations formed through the gateway`);
  // The region tree and the demo data came as one bulk load: checkpoint it, so a crash soon after start
  // does not replay all of it before the database answers again. Only a speed-up: a failure stops nothing.
  if (!env.DATABASE_URL) await withConnection(database.adminUrl, (client) => client.query('checkpoint')).catch(() => undefined);
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

/**
 * pnpm start — the whole system on one machine: PostgreSQL (embedded unless DATABASE_URL is set),
 * migrations, the region tree, demo data, the four subgraphs and the gateway on :4000.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { z } from 'zod';
import { parseEnv, signDevToken } from '@xgz/kit';
import { seedDemoData } from './demo-data.js';
import { seedRegistryDemo } from './demo-registry.js';
import { openLocalDatabase, projectRoot } from './local-database.js';
import { prepareAllDatabases } from './prepare.js';
import { subgraphs } from './subgraphs.js';

const env = parseEnv({
  EMBEDDED_PG_PORT: z.coerce.number().int().default(5433),
  GATEWAY_PORT: z.coerce.number().int().default(4000),
});
const database = await openLocalDatabase(env, env.EMBEDDED_PG_PORT);
const regions = await prepareAllDatabases(database.adminUrl, env);
console.log(regions.skipped ? `region tree already loaded (${regions.rows} regions)` : `loaded ${regions.rows} regions in ${(regions.milliseconds / 1000).toFixed(1)} s`);
const seeded = await seedDemoData(database.adminUrl, env.DB_ROLE_PASSWORD);
const members = await seedRegistryDemo(database.adminUrl, env);
console.log(`demo data: ${JSON.stringify({ ...seeded, members })} (0 = already there)`);

const children: ChildProcess[] = [];
function run(name: string, entry: string, extraEnv: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, entry)], {
    cwd: projectRoot,
    env: { ...process.env, ...extraEnv, DATABASE_URL: database.adminUrl, PREPARE_DATABASE: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (chunk: Buffer) => chunk.toString().trimEnd().split('\n').map((line) => `[${name}] ${line}`).join('\n');
  child.stdout?.on('data', (chunk: Buffer) => console.log(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => console.error(prefix(chunk)));
  child.on('exit', (code) => code && console.error(`[${name}] exited with code ${code}`));
  children.push(child);
}

async function waitForHealth(url: string, name: string) {
  for (let attempt = 0; attempt < 300; attempt++) {
    const ok = await fetch(url).then((response) => response.ok, () => false);
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`${name} did not become healthy at ${url}`);
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await sleep(500);
  await database.stop();
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());

try {
  for (const subgraph of subgraphs) run(subgraph.name, `services/${subgraph.name}/src/main.ts`, { PORT: String(subgraph.defaultPort) });
  await Promise.all(subgraphs.map((s) => waitForHealth(`http://127.0.0.1:${s.defaultPort}/healthz`, s.name)));
  run('gateway', 'gateway/src/main.ts', { GATEWAY_PORT: String(env.GATEWAY_PORT) });
  await waitForHealth(`http://127.0.0.1:${env.GATEWAY_PORT}/readyz`, 'gateway');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop();
}

const token = await signDevToken(env, { regionCode: '33', roles: ['admin'] });
console.log(`
Ready: http://localhost:${env.GATEWAY_PORT}/graphql (GraphiQL in a browser)
Header for 浙江省 (33), admin, valid 12 h:
  Authorization: Bearer ${token}
First query:
  { region(code: "33") { name level children { code name partyOrganizationCount marketCount
      registryFigures { marketEntities { existing } partyMembers { total identityDisclosure { value } } } } } }
Ctrl-C stops everything.`);

/**
 * Gateway comparison: serves the same supergraph with Apollo Gateway, Hive Gateway (JS planner)
 * and Hive Gateway (Rust planner) in turn, against the four real subgraphs on demo data, and prints
 * throughput and latency for one federated query that touches all four subgraphs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, parseEnv, signDevToken, startScratchPostgres } from '@xgz/kit';
import { seedDemoData } from '../demo-data.js';
import { projectRoot } from '../local-database.js';
import { prepareAllDatabases } from '../prepare.js';
import { subgraphs } from '../subgraphs.js';

export const GATEWAY_BENCH_QUERY =
  '{ region(code: "33") { name children { code name partyOrganizationCount marketCount inspectionCount } } }';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

const children: ChildProcess[] = [];
function spawnTs(entry: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, entry)], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

async function waitFor(url: string, init?: RequestInit) {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (
      await fetch(url, init).then(
        (response) => response.status < 500,
        () => false,
      )
    )
      return;
    await sleep(200);
  }
  throw new Error(`no answer from ${url}`);
}

async function measure(url: string, token: string) {
  const send = async () => {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: GATEWAY_BENCH_QUERY }),
    });
    const body = (await response.json()) as { errors?: unknown; data?: { region?: { children?: unknown[] } } };
    if (body.errors || body.data?.region?.children?.length !== 11)
      throw new Error(`bad answer: ${JSON.stringify(body).slice(0, 300)}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 50; i++) await send(); // warm-up: JIT, query plan cache, pools
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) latencies.push(await send());
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  return { rps: (latencies.length / seconds).toFixed(0), p50: at(0.5), p95: at(0.95) };
}

export async function benchGateways() {
  const env = parseEnv({});
  const postgres = await startScratchPostgres();
  try {
    await prepareAllDatabases(postgres.adminUrl, env);
    await seedDemoData(postgres.adminUrl, env.DB_ROLE_PASSWORD);
    const subgraphUrls: Record<string, string> = {};
    for (const subgraph of subgraphs) {
      const port = await freePort();
      spawnTs(`services/${subgraph.name}/src/main.ts`, {
        DATABASE_URL: postgres.adminUrl,
        PORT: String(port),
        PREPARE_DATABASE: 'false',
      });
      subgraphUrls[`${subgraph.name.toUpperCase()}_URL`] = `http://127.0.0.1:${port}/graphql`;
      await waitFor(`http://127.0.0.1:${port}/healthz`);
    }
    const token = await signDevToken(env, { regionCode: '33', roles: ['analyst'] });
    const candidates = [
      {
        name: 'Apollo Gateway 2.14 (@apollo/gateway)',
        entry: 'scripts/src/bench/apollo-gateway.ts',
        env: {} as Record<string, string>,
      },
      { name: 'Hive Gateway 2.12, JS planner', entry: 'gateway/src/main.ts', env: { GATEWAY_PLANNER: 'js' } },
      {
        name: 'Hive Gateway 2.12, Rust planner (ours)',
        entry: 'gateway/src/main.ts',
        env: { GATEWAY_PLANNER: 'rust' },
      },
    ];
    console.log(
      `query touching all four subgraphs; ${REQUESTS} requests, concurrency ${CONCURRENCY}, after 50 warm-up`,
    );
    console.log('| gateway | req/s | p50 ms | p95 ms |\n|---|---|---|---|');
    for (const candidate of candidates) {
      const port = await freePort();
      const child = spawnTs(candidate.entry, { ...subgraphUrls, ...candidate.env, GATEWAY_PORT: String(port) });
      const url = `http://127.0.0.1:${port}/graphql`;
      await waitFor(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{__typename}"}',
      });
      const result = await measure(url, token);
      console.log(`| ${candidate.name} | ${result.rps} | ${result.p50} | ${result.p95} |`);
      child.kill('SIGTERM');
      await sleep(300);
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await sleep(500);
    await postgres.stop();
  }
}

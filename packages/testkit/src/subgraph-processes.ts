import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '@xgz/kit';
import { testEnv } from './subgraphs.js';

const root = path.resolve(import.meta.dirname, '../../..');

export interface SubgraphProcess {
  name: string;
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  child: ChildProcess;
  /** What the process printed so far. */
  output(): string;
}

export interface SubgraphProcesses {
  byName: Record<string, SubgraphProcess>;
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function stopProcess(child: ChildProcess): Promise<void> {
  if (exited(child)) return;
  child.kill('SIGTERM');
  for (let waited = 0; waited < 5_000 && !exited(child); waited += 50) await sleep(50);
  if (!exited(child)) child.kill('SIGKILL');
}

/**
 * Subgraphs in processes of their own, each as `npm start` runs it (tsx, the service's main.ts),
 * serving `adminUrl`'s database on free ports of 127.0.0.1: a test that might block a service's
 * event loop blocks that process, never the test's. Each follows the fact feeds of the others spawned with it.
 */
export async function spawnSubgraphs(
  names: readonly string[],
  options: { adminUrl: string; env?: Record<string, string> },
): Promise<SubgraphProcesses> {
  const byName: Record<string, SubgraphProcess> = {};
  const ports = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await freePort()] as const)));
  const { NODE_ENV: _inherited, ...inherited } = process.env;
  // The test process's secrets, so that tokens from tokenFor(testEnv()) open these services too.
  const secrets = testEnv();
  for (const name of names) {
    let output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, `services/${name}/src/main.ts`)], {
      cwd: root,
      env: {
        ...inherited,
        NODE_ENV: 'test',
        LOG_LEVEL: 'error',
        DATABASE_URL: options.adminUrl,
        PREPARE_DATABASE: 'false',
        PORT: String(ports[name]),
        JWT_SECRET: secrets.JWT_SECRET!,
        FEED_SECRET: secrets.FEED_SECRET!,
        // Each feed at the process serving it; only the feeds of the subgraphs spawned here are followed.
        ...Object.fromEntries(
          names.map((source) => [`${source.toUpperCase()}_FEED_URL`, `http://127.0.0.1:${ports[source]}`]),
        ),
        FEED_SOURCES: names.join(','),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    byName[name] = { name, url: `http://127.0.0.1:${ports[name]}/graphql`, child, output: () => output };
  }
  const stop = () =>
    Promise.all(Object.values(byName).map((subgraph) => stopProcess(subgraph.child))).then(() => undefined);
  try {
    await Promise.all(Object.values(byName).map((subgraph) => waitUntilReady(subgraph)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { byName, stop };
}

/** Polls /readyz until it answers 200 (60 s at most), failing with what the process printed. */
async function waitUntilReady(subgraph: SubgraphProcess): Promise<void> {
  const readyz = subgraph.url.replace(/\/graphql$/, '/readyz');
  for (let waited = 0; waited < 60_000; waited += 100) {
    if (exited(subgraph.child))
      throw new Error(`${subgraph.name} exited while starting:\n${subgraph.output().slice(-2_000)}`);
    const ready = await fetch(readyz, { signal: AbortSignal.timeout(1_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await sleep(100);
  }
  throw new Error(`${subgraph.name} was not ready within 60 s:\n${subgraph.output().slice(-2_000)}`);
}

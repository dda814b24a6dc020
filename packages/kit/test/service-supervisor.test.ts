/**
 * The service supervisor with a real process: a tiny HTTP server answering /healthz, stopped with
 * SIGSTOP (its event loop can no longer answer, as a blocked one cannot), killed with SIGKILL, or
 * exiting at once again and again — each time brought back, with a doubling, bounded back-off.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, superviseService, type SupervisedService, type SupervisorEvent } from '../src/index.js';

let folder: string;
let server: string;
let crashing: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'xgz-supervisor-'));
  server = path.join(folder, 'server.mjs');
  await writeFile(
    server,
    `import { createServer } from 'node:http';\ncreateServer((q, r) => r.end('ok')).listen(Number(process.argv[2]), '127.0.0.1');\n`,
  );
  crashing = path.join(folder, 'crash.mjs');
  await writeFile(crashing, `process.exit(3);\n`);
});

afterAll(() => rm(folder, { recursive: true, force: true }));

const FAST = {
  probeIntervalMs: 100,
  probeTimeoutMs: 200,
  failuresBeforeRestart: 3,
  initialDelayMs: 100,
  maxDelayMs: 800,
  stopPatienceMs: 2_000,
};

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await sleep(50);
  }
}

/** The supervisor has seen the current process answer (until then only the start timeout applies). */
const supervisorSaw = (events: SupervisorEvent[], pid: number | undefined) =>
  events.some((event) => event.kind === 'answering' && event.pid === pid);

const answers = (port: number) =>
  fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(300) }).then(
    (response) => response.ok,
    () => false,
  );

describe('service supervisor', () => {
  let service: SupervisedService;
  const events: SupervisorEvent[] = [];
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    service = superviseService({
      name: 'fixture',
      spawn: () => spawn(process.execPath, [server, String(port)], { stdio: 'ignore' }),
      livenessUrl: `http://127.0.0.1:${port}/healthz`,
      settings: FAST,
      onEvent: (event) => events.push(event),
    });
    await until(() => supervisorSaw(events, service.pid()));
  });

  afterAll(() => service.stop());

  it('kills a process that stops answering its liveness probe and starts it again', async () => {
    const stopped = service.pid()!;
    process.kill(stopped, 'SIGSTOP');
    await until(async () => service.pid() !== undefined && service.pid() !== stopped && (await answers(port)));
    expect(events).toContainEqual(expect.objectContaining({ kind: 'unresponsive', pid: stopped, failures: 3 }));
    expect(events).toContainEqual(expect.objectContaining({ kind: 'exited', pid: stopped, signal: 'SIGKILL' }));
    expect(service.restarts()).toBe(1);
  });

  it('starts a killed process again', async () => {
    await until(() => supervisorSaw(events, service.pid()));
    const killed = service.pid()!;
    process.kill(killed, 'SIGKILL');
    await until(async () => service.pid() !== undefined && service.pid() !== killed && (await answers(port)));
    expect(
      events.filter((event) => event.kind === 'started').map((event) => (event as { attempt: number }).attempt),
    ).toEqual([0, 1, 2]);
  });

  it('stops for good: nothing is started again', async () => {
    const last = service.pid()!;
    await service.stop();
    await sleep(400);
    expect(service.pid()).toBeUndefined();
    expect(await answers(port)).toBe(false);
    expect(() => process.kill(last, 0)).toThrow();
  });
});

describe('a service that keeps exiting', () => {
  it('is started again with a doubling back-off, bounded', async () => {
    const delays: number[] = [];
    const service = superviseService({
      name: 'crashing',
      spawn: () => spawn(process.execPath, [crashing], { stdio: 'ignore' }),
      livenessUrl: 'http://127.0.0.1:9/healthz',
      settings: FAST,
      onEvent: (event) => {
        if (event.kind === 'exited') delays.push(event.restartInMs);
      },
    });
    await until(() => delays.length >= 6, 15_000);
    await service.stop();
    expect(delays.slice(0, 6)).toEqual([100, 200, 400, 800, 800, 800]);
  });
});

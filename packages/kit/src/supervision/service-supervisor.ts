import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** How a supervised service is watched and brought back. */
export interface SupervisionSettings {
  /** How often the liveness probe (GET /healthz) is sent. */
  probeIntervalMs: number;
  /** How long one probe may take before it counts as failed. */
  probeTimeoutMs: number;
  /** Failed probes in a row, once the service has answered, after which it is killed and started again. */
  failuresBeforeRestart: number;
  /** How long a start may take before the first answer (migrations re-derive at start): killed and started again after it. */
  startTimeoutMs: number;
  /** The first restart waits this long; each one that follows quickly doubles it, up to maxDelayMs. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A service that stayed up this long has recovered: the next failure starts the back-off again. */
  stableAfterMs: number;
  /** How long a stopping service may take after SIGTERM before it is killed. */
  stopPatienceMs: number;
}

export const DEFAULT_SUPERVISION: SupervisionSettings = {
  probeIntervalMs: 1_000,
  probeTimeoutMs: 1_000,
  failuresBeforeRestart: 3,
  startTimeoutMs: 10 * 60_000,
  initialDelayMs: 250,
  maxDelayMs: 8_000,
  stableAfterMs: 60_000,
  stopPatienceMs: 5_000,
};

export type SupervisorEvent =
  | { kind: 'started'; pid: number | undefined; attempt: number }
  /** The process answered its liveness probe for the first time: from now on a failing probe counts. */
  | { kind: 'answering'; pid: number | undefined; attempt: number }
  | { kind: 'unresponsive'; pid: number | undefined; failures: number; waitedMs: number }
  | { kind: 'exited'; pid: number | undefined; code: number | null; signal: string | null; restartInMs: number };

export interface SupervisedService {
  /** The running process's pid (undefined between a death and its restart). */
  pid(): number | undefined;
  /** How many times it was started again. */
  restarts(): number;
  /** Stops the service and its supervision; resolves once the process has exited. */
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/**
 * Runs a service and keeps it running: a process that exits, or whose liveness probe fails
 * `failuresBeforeRestart` times in a row (a blocked event loop answers nothing), is killed
 * (SIGKILL — a blocked process cannot handle SIGTERM) and started again after a bounded,
 * doubling back-off. Every death and restart is told to `onEvent`.
 */
export function superviseService(options: {
  name: string;
  /** Spawns the service's process. */
  spawn(): ChildProcess;
  /** Its liveness URL (…/healthz): 200 while the process answers. */
  livenessUrl: string;
  settings?: Partial<SupervisionSettings>;
  onEvent?(event: SupervisorEvent): void;
}): SupervisedService {
  const settings = { ...DEFAULT_SUPERVISION, ...options.settings };
  let child: ChildProcess | null = null;
  let stopping = false;
  let restarts = 0;
  let quickFailures = 0;
  let startedAt = 0;
  const wake = new AbortController();

  const launch = () => {
    const current = options.spawn();
    child = current;
    startedAt = Date.now();
    options.onEvent?.({ kind: 'started', pid: current.pid, attempt: restarts });
    current.once('exit', (code, signal) => {
      if (stopping) return;
      // Up long enough: this failure is a new one, not the next of a series.
      if (Date.now() - startedAt >= settings.stableAfterMs) quickFailures = 0;
      const restartInMs = Math.min(settings.initialDelayMs * 2 ** quickFailures, settings.maxDelayMs);
      quickFailures++;
      child = null;
      options.onEvent?.({ kind: 'exited', pid: current.pid, code, signal, restartInMs });
      setTimeout(() => {
        if (stopping) return;
        restarts++;
        launch();
      }, restartInMs).unref();
    });
    void watch(current);
  };

  /** Probes one process until it exits; kills it when it stops answering. */
  const watch = async (current: ChildProcess) => {
    let answered = false;
    let failures = 0;
    let lastAnswer = Date.now();
    while (!stopping && child === current && !exited(current)) {
      await sleep(settings.probeIntervalMs, undefined, { signal: wake.signal }).catch(() => {});
      if (stopping || child !== current || exited(current)) return;
      const ok = await fetch(options.livenessUrl, { signal: AbortSignal.timeout(settings.probeTimeoutMs) }).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) {
        if (!answered) options.onEvent?.({ kind: 'answering', pid: current.pid, attempt: restarts });
        answered = true;
        failures = 0;
        lastAnswer = Date.now();
        continue;
      }
      failures++;
      const hung = answered
        ? failures >= settings.failuresBeforeRestart
        : Date.now() - startedAt > settings.startTimeoutMs;
      if (hung && child === current && !exited(current)) {
        options.onEvent?.({ kind: 'unresponsive', pid: current.pid, failures, waitedMs: Date.now() - lastAnswer });
        current.kill('SIGKILL');
        return;
      }
    }
  };

  launch();
  return {
    pid: () => (child && !exited(child) ? child.pid : undefined),
    restarts: () => restarts,
    stop: async () => {
      stopping = true;
      wake.abort();
      const current = child;
      if (!current || exited(current)) return;
      current.kill('SIGTERM');
      for (let waited = 0; waited < settings.stopPatienceMs && !exited(current); waited += 50) await sleep(50);
      if (!exited(current)) current.kill('SIGKILL');
    },
  };
}

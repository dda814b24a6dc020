import { parseEnv, startScratchPostgres, type SharedEnv } from '@xgz/kit';
import { prepareAllDatabases } from '../prepare.js';

/** A throwaway PostgreSQL with every schema migrated and the region tree loaded; removed afterwards. */
export async function withScratchDatabase<T>(work: (adminUrl: string, env: SharedEnv) => Promise<T>): Promise<T> {
  const env = parseEnv({});
  const postgres = await startScratchPostgres({ shared_buffers: '1GB', work_mem: '64MB', max_wal_size: '4GB' });
  try {
    await prepareAllDatabases(postgres.adminUrl, env);
    return await work(postgres.adminUrl, env);
  } finally {
    await postgres.stop();
  }
}

/** Runs `call` `times` times in a row (after `warmUp` unmeasured calls) and returns p50/p95 in ms. */
export async function latency(call: () => Promise<unknown>, times: number, warmUp = 5) {
  for (let i = 0; i < warmUp; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await call();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

export const ms = (value: number) => value.toFixed(1);

/** Streams CSV lines into `copySql` (COPY … FROM STDIN WITH (FORMAT csv)) on one connection. */
export async function copyCsv(
  client: import('pg').PoolClient | import('pg').Client,
  copySql: string,
  lines: Iterable<string>,
): Promise<void> {
  const { from } = await import('pg-copy-streams');
  const { Readable } = await import('node:stream');
  const { pipeline } = await import('node:stream/promises');
  async function* chunks() {
    let buffer = '';
    for (const line of lines) {
      buffer += line;
      if (buffer.length > 1 << 20) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer) yield buffer;
  }
  await pipeline(Readable.from(chunks()), client.query(from(copySql)));
}

/** One CSV line for COPY (empty = NULL; quoted when it holds a quote, comma or line break). */
export const csvLine = (...values: (string | number | boolean | null)[]) =>
  `${values.map((v) => (v === null ? '' : typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v))).join(',')}\n`;

/**
 * Loads bulk-generated figure deltas and rebuilds every report-date snapshot from them (the deltas
 * come in by COPY, beside recordFactChange), then refreshes the planner's statistics.
 */
export async function loadFigureDeltas(
  client: import('pg').PoolClient | import('pg').Client,
  deltas: Iterable<{ townshipCode: string; metric: string; day: string; delta: number }>,
): Promise<void> {
  const { rollForwardSnapshots, figureRollUpStatements } = await import('@xgz/kit');
  await copyCsv(
    client,
    'copy figure_delta (region_code, metric, day, delta) from stdin with (format csv)',
    (function* () {
      for (const d of deltas) yield csvLine(d.townshipCode, d.metric, d.day, d.delta);
    })(),
  );
  // Each township's delta is also its county's, city's and province's, as recordFactChange keeps them.
  const [rollUpDeltas] = figureRollUpStatements();
  await client.query(rollUpDeltas!);
  await client.query('delete from figure_snapshot_date');
  await client.query('delete from figure_snapshot');
  await rollForwardSnapshots(client);
}

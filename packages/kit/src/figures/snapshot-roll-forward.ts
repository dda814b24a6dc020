import type pg from 'pg';
import { FIGURES_LOCK } from './figure-ledger.js';
import { reportDatesUntil } from './report-dates.js';
import { today } from '../dates.js';

/**
 * Materialises the snapshot of every report date up to `until` that is not there yet, each from the
 * previous snapshot plus the deltas between. Runs as the table owner (whole country, beneath RLS),
 * at start-up and periodically; idempotent. Returns the dates it added.
 */
export async function rollForwardSnapshots(client: pg.ClientBase, until = today()): Promise<string[]> {
  const { rows: present } = await client.query<{ exists: boolean }>(
    `select to_regclass('figure_snapshot_date') is not null as exists`,
  );
  if (!present[0]?.exists) return [];
  await client.query('begin');
  try {
    await client.query('select pg_advisory_xact_lock($1)', [FIGURES_LOCK]);
    const { rows } = await client.query<{ report_date: string }>(
      `select to_char(report_date, 'YYYY-MM-DD') as report_date from figure_snapshot_date order by 1`,
    );
    const done = new Set(rows.map((row) => row.report_date));
    const added: string[] = [];
    let previous: string | null = null;
    for (const date of reportDatesUntil(until)) {
      if (!done.has(date)) {
        await client.query(
          `insert into figure_snapshot (report_date, region_code, metric, value)
           select $1::date, region_code, metric, sum(value) from (
             select region_code, metric, value from figure_snapshot where report_date = $2::date
             union all
             select region_code, metric, delta from figure_delta where day > coalesce($2::date, '-infinity'::date) and day <= $1::date
           ) x group by region_code, metric having sum(value) <> 0`,
          [date, previous],
        );
        await client.query('insert into figure_snapshot_date (report_date) values ($1)', [date]);
        added.push(date);
      }
      previous = date;
    }
    await client.query('commit');
    return added;
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { figureDeltas, type FactInterval } from './fact-interval.js';

/** Writes hold it shared, rolling snapshots forward holds it exclusively: no delta falls between. */
export const FIGURES_LOCK = 7_201_014;

/**
 * Applies a change of facts to the pre-aggregated figures: the daily deltas and every materialised
 * report-date snapshot on or after each delta's day. Call it inside the transaction that writes the
 * facts, with that transaction's EntityManager: figures commit or roll back with the facts.
 */
export async function recordFactChange(
  em: EntityManager,
  change: { removed?: readonly FactInterval[]; added?: readonly FactInterval[] },
): Promise<void> {
  const deltas = figureDeltas(change);
  if (deltas.length === 0) return;
  await em.execute('select pg_advisory_xact_lock_shared(?)', [FIGURES_LOCK]);
  // One statement whatever the size: the rows travel as one JSON document.
  await em.execute(
    `with input as (
       select r.township_code, r.metric, r.day::date as day, sum(r.delta)::int as delta
         from jsonb_to_recordset(?::jsonb) as r(township_code text, metric text, day text, delta int)
        group by 1, 2, 3
     ), deltas as (
       insert into figure_delta (township_code, metric, day, delta)
       select township_code, metric, day, delta from input
       on conflict (township_code, metric, day) do update set delta = figure_delta.delta + excluded.delta
     )
     insert into figure_snapshot (report_date, township_code, metric, value)
     select s.report_date, i.township_code, i.metric, sum(i.delta)
       from input i join figure_snapshot_date s on s.report_date >= i.day
      group by 1, 2, 3
     on conflict (report_date, township_code, metric) do update set value = figure_snapshot.value + excluded.value`,
    [
      JSON.stringify(
        deltas.map((d) => ({ township_code: d.townshipCode, metric: d.metric, day: d.day, delta: d.delta })),
      ),
    ],
  );
}

/** The exclusive upper bound of a code prefix: '33' → '33:' (':' sorts right after '9' in collation "C"). */
const prefixEnd = (code: string) => `${code}:`;

/** The requested codes not inside another requested code: each township row is read once. */
const covering = (codes: readonly string[]) =>
  codes.filter((code) => !codes.some((other) => other !== code && code.startsWith(other)));

/**
 * Metric values for each region (its whole subtree) as of `asOf` (inclusive), rolled up from the
 * township rows: the last complete report-date snapshot on or before `asOf` plus the daily deltas
 * after it, read once for the covering regions, grouped at the finest level asked, then summed up
 * to each region. Regions must be province, city, county or township codes.
 */
export async function readFigures(
  em: EntityManager,
  regionCodes: readonly string[],
  metrics: readonly string[],
  asOf: string,
): Promise<Map<string, Map<string, number>>> {
  const [base] = await em.execute<{ report_date: string | null }[]>(
    `select to_char(max(report_date), 'YYYY-MM-DD') as report_date from figure_snapshot_date where report_date <= ?::date`,
    [asOf],
  );
  const reportDate = base?.report_date ?? null;
  const cover = JSON.stringify(covering(regionCodes).map((code) => ({ code, upper: prefixEnd(code) })));
  const level = Math.max(...regionCodes.map((code) => code.length));
  const metricList = JSON.stringify(metrics);
  // The snapshot branch is left out when no report date precedes asOf; then every delta counts.
  const snapshots = reportDate
    ? `select left(s.township_code, ${level}) as prefix, s.metric, sum(s.value) as value
         from cover c join figure_snapshot s on s.report_date = ?::date
          and s.township_code >= c.code collate "C" and s.township_code < c.upper collate "C"
        where s.metric in (select metric from m)
        group by 1, 2
       union all`
    : '';
  const rows = await em.execute<{ code: string; metric: string; value: number }[]>(
    `with cover as (select code, upper from jsonb_to_recordset(?::jsonb) as c(code text, upper text)),
          m as (select jsonb_array_elements_text(?::jsonb) as metric),
          t as (
            ${snapshots}
            select left(d.township_code, ${level}) as prefix, d.metric, sum(d.delta) as value
              from cover c join figure_delta d on d.day > ?::date and d.day <= ?::date
               and d.township_code >= c.code collate "C" and d.township_code < c.upper collate "C"
             where d.metric in (select metric from m)
             group by 1, 2
          )
     select r.code, t.metric, sum(t.value)::int as value
       from jsonb_array_elements_text(?::jsonb) as r(code) join t on starts_with(t.prefix, r.code)
      group by 1, 2`,
    [
      cover,
      metricList,
      ...(reportDate ? [reportDate] : []),
      reportDate ?? '-infinity',
      asOf,
      JSON.stringify(regionCodes),
    ],
  );
  const figures = new Map(regionCodes.map((code) => [code, new Map(metrics.map((metric) => [metric, 0]))]));
  for (const row of rows) figures.get(row.code)?.set(row.metric, row.value);
  return figures;
}

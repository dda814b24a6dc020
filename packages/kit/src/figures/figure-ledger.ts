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
  // One statement whatever the size: the rows travel as one JSON document. The function (see
  // figures.migrations.ts) adds each township's delta to its county, city and province too.
  await em.execute('select record_figure_deltas(?::jsonb)', [
    JSON.stringify(
      deltas.map((d) => ({ township_code: d.townshipCode, metric: d.metric, day: d.day, delta: d.delta })),
    ),
  ]);
}

/**
 * Metric values for each region (its whole subtree) as of `asOf` (inclusive): the region's own rows —
 * the last complete report-date snapshot on or before `asOf` plus the daily deltas after it — so a
 * request costs what it asks (regions × metrics), not the townships under them. Regions must be
 * province, city, county or township codes.
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
  // The snapshot branch is left out when no report date precedes asOf; then every delta counts.
  const snapshots = reportDate
    ? `select s.region_code, s.metric, s.value from figure_snapshot s
        where s.report_date = ?::date and s.region_code in (select code from r) and s.metric in (select metric from m)
       union all`
    : '';
  const rows = await em.execute<{ code: string; metric: string; value: number }[]>(
    `with r as (select jsonb_array_elements_text(?::jsonb) collate "C" as code),
          m as (select jsonb_array_elements_text(?::jsonb) collate "C" as metric)
     select t.region_code as code, t.metric, sum(t.value)::int as value from (
       ${snapshots}
       select d.region_code, d.metric, d.delta as value from figure_delta d
        where d.region_code in (select code from r) and d.metric in (select metric from m)
          and d.day > ?::date and d.day <= ?::date
     ) t group by 1, 2`,
    [
      JSON.stringify([...new Set(regionCodes)]),
      JSON.stringify(metrics),
      ...(reportDate ? [reportDate] : []),
      reportDate ?? '-infinity',
      asOf,
    ],
  );
  const figures = new Map(regionCodes.map((code) => [code, new Map(metrics.map((metric) => [metric, 0]))]));
  for (const row of rows) figures.get(row.code)?.set(row.metric, row.value);
  return figures;
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { figureDeltas, type FactInterval } from './fact-interval.js';

/**
 * Applies a change of facts to the pre-aggregated figures. Call it inside the transaction that
 * writes the facts, with that transaction's EntityManager: the figures commit or roll back with them.
 */
export async function recordFactChange(
  em: EntityManager,
  change: { removed?: readonly FactInterval[]; added?: readonly FactInterval[] },
): Promise<void> {
  const deltas = figureDeltas(change);
  if (deltas.length === 0) return;
  // One statement whatever the size: the rows travel as one JSON document.
  await em.execute(
    `insert into figure_delta (township_code, metric, day, delta)
     select r.township_code, r.metric, r.day::date, sum(r.delta)
       from jsonb_to_recordset(?::jsonb) as r(township_code text, metric text, day text, delta int)
      group by 1, 2, 3
     on conflict (township_code, metric, day) do update set delta = figure_delta.delta + excluded.delta`,
    [JSON.stringify(deltas.map((d) => ({ township_code: d.townshipCode, metric: d.metric, day: d.day, delta: d.delta })))],
  );
}

/** The exclusive upper bound of a code prefix: '33' → '33:' (':' sorts right after '9' in collation "C"). */
const prefixEnd = (code: string) => `${code}:`;

/**
 * Metric values for each region (its whole subtree) as of `asOf` (inclusive), rolled up from the
 * township rows in one statement. Regions must be province, city, county or township codes.
 */
export async function readFigures(
  em: EntityManager,
  regionCodes: readonly string[],
  metrics: readonly string[],
  asOf: string,
): Promise<Map<string, Map<string, number>>> {
  const rows = await em.execute<{ code: string; metric: string; value: number }[]>(
    `select r.code, d.metric, sum(d.delta)::int as value
       from jsonb_to_recordset(?::jsonb) as r(code text, upper text)
       join figure_delta d on d.township_code >= r.code collate "C" and d.township_code < r.upper collate "C"
      where d.day <= ?::date and d.metric in (select jsonb_array_elements_text(?::jsonb))
      group by r.code, d.metric`,
    [JSON.stringify(regionCodes.map((code) => ({ code, upper: prefixEnd(code) }))), asOf, JSON.stringify(metrics)],
  );
  const figures = new Map(regionCodes.map((code) => [code, new Map(metrics.map((metric) => [metric, 0]))]));
  for (const row of rows) figures.get(row.code)?.set(row.metric, row.value);
  return figures;
}

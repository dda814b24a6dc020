import { REGION_CODE_LENGTHS } from '../division-tree.js';

/**
 * Adds every figure row kept at a township (or at a record's own level) to its county, city and
 * province rows — what recordFactChange does per write, for rows that came in bulk (the tables
 * found by the connection's search path).
 */
export function figureRollUpStatements(): string[] {
  const levels = `unnest(array[${REGION_CODE_LENGTHS.filter((length) => length < 9).join(', ')}]) as l(length)`;
  return [
    `insert into figure_delta (region_code, metric, day, delta)
       select left(region_code, l.length), metric, day, sum(delta) from figure_delta cross join ${levels}
        where l.length < length(region_code) group by 1, 2, 3
     on conflict (region_code, metric, day) do update set delta = figure_delta.delta + excluded.delta;`,
    `insert into figure_snapshot (report_date, region_code, metric, value)
       select report_date, left(region_code, l.length), metric, sum(value) from figure_snapshot cross join ${levels}
        where l.length < length(region_code) group by 1, 2, 3
     on conflict (report_date, region_code, metric) do update set value = figure_snapshot.value + excluded.value;`,
  ];
}

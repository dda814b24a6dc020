import { REGION_CODE_LENGTHS } from '../division-tree.js';
import { REGION_SETTING } from '../request-context.js';

/**
 * Adds every figure row kept at a township (or at a record's own level) to its county, city and
 * province rows — what recordFactChange does per write, for rows that came in bulk. `schema` names
 * the tables' schema (a migration); without it the connection's search path finds them.
 */
export function figureRollUpStatements(schema?: string): string[] {
  const table = (name: string) => (schema ? `"${schema}"."${name}"` : name);
  const levels = `unnest(array[${REGION_CODE_LENGTHS.filter((length) => length < 9).join(', ')}]) as l(length)`;
  return [
    `insert into ${table('figure_delta')} (region_code, metric, day, delta)
       select left(region_code, l.length), metric, day, sum(delta) from ${table('figure_delta')} cross join ${levels}
        where l.length < length(region_code) group by 1, 2, 3
     on conflict (region_code, metric, day) do update set delta = figure_delta.delta + excluded.delta;`,
    `insert into ${table('figure_snapshot')} (report_date, region_code, metric, value)
       select report_date, left(region_code, l.length), metric, sum(value) from ${table('figure_snapshot')} cross join ${levels}
        where l.length < length(region_code) group by 1, 2, 3
     on conflict (report_date, region_code, metric) do update set value = figure_snapshot.value + excluded.value;`,
  ];
}

/**
 * The statements that move a subgraph's figures from township rows only (summed over the townships
 * under a region at each read) to rows kept per region at every level: the code column is renamed,
 * and every existing row is added to its county, city and province. One definition for every
 * subgraph's migration, so the figures move the same way everywhere.
 */
export function figuresPerLevelStatements(schema: string): string[] {
  return [
    `alter table "${schema}"."figure_delta" rename column "township_code" to "region_code";`,
    `alter table "${schema}"."figure_snapshot" rename column "township_code" to "region_code";`,
    ...figureRollUpStatements(schema),
    recordFigureDeltasFunction(schema),
  ];
}

/**
 * The one way a request adds to the figures: `record_figure_deltas(rows)` adds each township's
 * delta to its own row and to its county's, city's and province's (and to every snapshot on or
 * after its day). It runs as the tables' owner, because an official of a county may not touch the
 * province's rows under RLS — so it refuses, first, any row outside the request's region.
 */
function recordFigureDeltasFunction(schema: string): string {
  const lengths = REGION_CODE_LENGTHS.join(', ');
  return `create function "${schema}".record_figure_deltas(rows jsonb) returns void
  language plpgsql security definer set search_path = "${schema}", pg_temp as $body$
declare
  scope text := nullif(current_setting('${REGION_SETTING}', true), '');
begin
  if scope is not null and exists (
    select 1 from jsonb_to_recordset(rows) as r(township_code text) where not starts_with(r.township_code, scope)
  ) then
    raise exception 'figure rows outside the request''s region %', scope using errcode = '42501';
  end if;
  with input as (
    select left(r.township_code, l.length) as region_code, r.metric, r.day::date as day, sum(r.delta)::int as delta
      from jsonb_to_recordset(rows) as r(township_code text, metric text, day text, delta int)
     cross join unnest(array[${lengths}]) as l(length)
     -- A record placed above township level (a county's organization) counts from its own level up.
     where l.length <= length(r.township_code)
     group by 1, 2, 3
  ), deltas as (
    insert into figure_delta (region_code, metric, day, delta)
    select region_code, metric, day, delta from input
    on conflict (region_code, metric, day) do update set delta = figure_delta.delta + excluded.delta
  )
  insert into figure_snapshot (report_date, region_code, metric, value)
  select s.report_date, i.region_code, i.metric, sum(i.delta)
    from input i join figure_snapshot_date s on s.report_date >= i.day
   group by 1, 2, 3
  on conflict (report_date, region_code, metric) do update set value = figure_snapshot.value + excluded.value;
end
$body$;`;
}

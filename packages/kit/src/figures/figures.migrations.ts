import { REGION_CODE_LENGTHS } from '../division-tree.js';
import { regionScopeStatements, type KitMigration } from '../kit-migration.js';
import { REGION_SETTING } from '../request-context.js';

/**
 * The figures' tables — daily deltas and report-date snapshots, kept per region at every level —
 * and the one function requests add to them through, as of 2026-12-07. A no-op where a
 * subgraph's own migrations made them before the kit owned them.
 */
export const figuresMigrations: readonly KitMigration[] = [
  {
    name: 'Kit20261207200002_figures',
    statements: ({ schema, table, appRole }) => {
      const [deltas, snapshots, reportDates] = [
        table('figure_delta'),
        table('figure_snapshot'),
        table('figure_snapshot_date'),
      ];
      return [
        `create table if not exists ${deltas} ("region_code" varchar(9) collate "C" not null, "metric" varchar(80) collate "C" not null, "day" date not null, "delta" int not null, primary key ("region_code", "metric", "day"));`,
        `create index if not exists "figure_delta_day_index" on ${deltas} ("day", "region_code");`,
        ...regionScopeStatements(deltas),
        `create table if not exists ${snapshots} ("report_date" date not null, "region_code" varchar(9) collate "C" not null, "metric" varchar(80) collate "C" not null, "value" int not null, primary key ("report_date", "region_code", "metric"));`,
        ...regionScopeStatements(snapshots),
        `create table if not exists ${reportDates} ("report_date" date not null, primary key ("report_date"));`,
        // Only the owner role moves report dates (the roll-forward at start).
        `revoke insert, update, delete, truncate on ${reportDates} from "${appRole}";`,
        recordFigureDeltasFunction(schema),
      ];
    },
  },
];

/**
 * The one way a request adds to the figures: `record_figure_deltas(rows)` adds each township's
 * delta to its own row and to its county's, city's and province's (and to every snapshot on or
 * after its day). It runs as the tables' owner, because an official of a county may not touch the
 * province's rows under RLS — so it refuses, first, any row outside the request's region.
 */
function recordFigureDeltasFunction(schema: string): string {
  const lengths = REGION_CODE_LENGTHS.join(', ');
  return `create or replace function "${schema}".record_figure_deltas(rows jsonb) returns void
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

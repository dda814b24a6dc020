import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import type { Viewer } from './auth.js';
import { coversRegion } from './region-scope.js';
import { isUuid } from './ids.js';
import { figureDate } from './dates.js';

/**
 * Loads region-placed rows by id, batched into one query. Rows outside the viewer's region are
 * null — RLS already hides them; the explicit check keeps the rule visible in code too.
 */
export function regionScopedByIdLoader<Row extends { id: string; regionCode: string }>(
  em: EntityManager,
  entity: EntityName<Row>,
  viewer: Viewer,
) {
  return new DataLoader<string, Row | null>(async (ids) => {
    // A malformed id names nothing: null, rather than a database error.
    const rows = (await em.find(entity, { id: { $in: ids.filter(isUuid) } } as never)) as Row[];
    const found = new Map(rows.filter((row) => coversRegion(viewer, row.regionCode)).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

export interface SubtreeCountOptions {
  /** Table name inside the subgraph's schema. */
  table: string;
  regionColumn?: string;
  /** Extra SQL condition on the table's rows, aliased `t`; must not take parameters. */
  condition?: string;
}

/**
 * Counts rows at or under each requested region in one statement per batch. Runs through the
 * request's EntityManager, so the count sees only rows RLS lets the viewer see.
 */
export function regionSubtreeCountLoader(em: EntityManager, options: SubtreeCountOptions) {
  const regionColumn = options.regionColumn ?? 'region_code';
  const condition = options.condition ? `and (${options.condition})` : '';
  const sql = `select r.code, count(t.${regionColumn})::int as count
     from jsonb_array_elements_text(?::jsonb) as r(code)
     left join ${options.table} t on starts_with(t.${regionColumn}, r.code) ${condition}
     group by r.code`;
  return new DataLoader<string, number>(async (codes) => {
    // Codes travel as one JSON array: one parameter whatever the batch size.
    const rows = await em.execute<{ code: string; count: number }[]>(sql, [JSON.stringify(codes)]);
    const counts = new Map(rows.map((row) => [row.code, row.count]));
    return codes.map((code) => counts.get(code) ?? 0);
  });
}

/** A record asked for as of a date (today when omitted). */
export interface DatedKey {
  id: string;
  asOf: string | null | undefined;
}

/**
 * Loads something per record as of a date — a member's branch, an organization's posts or venue
 * check on a day — batched: one call of `load` per distinct date in a tick. Dates are checked like
 * figures' (not in the future). Records `load` leaves out get `missing`.
 */
export function datedLoader<Value>(load: (ids: string[], date: string) => Promise<Map<string, Value>>, missing: Value) {
  return new DataLoader<DatedKey, Value, string>(
    async (keys) => {
      const byDate = new Map<string, string[]>();
      for (const key of keys) {
        const date = figureDate(key.asOf);
        byDate.set(date, [...(byDate.get(date) ?? []), key.id]);
      }
      const found = new Map<string, Value>();
      for (const [date, ids] of byDate)
        for (const [id, value] of await load([...new Set(ids)], date)) found.set(`${id}@${date}`, value);
      return keys.map((key) => found.get(`${key.id}@${figureDate(key.asOf)}`) ?? missing);
    },
    { cacheKeyFn: (key) => `${key.id}@${key.asOf ?? ''}` },
  );
}

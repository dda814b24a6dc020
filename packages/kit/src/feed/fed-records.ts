import type { EntityManager } from '@mikro-orm/postgresql';
import type { Period } from '../period-algebra.js';
import { notFound } from '../errors.js';

export interface FedRecord<State> {
  id: string;
  regionCode: string;
  /** The latest period's state (what the owner says the record is now, or was last). */
  state: State;
  /** The first day the owner knows the record (an entity's or member's registration): nothing may be dated before it. */
  since: string;
}

/**
 * Records of another subgraph as its feed last delivered them, only those the request's region may
 * see (RLS). One statement whatever the number of ids.
 */
export async function latestFedRecords<State>(
  em: EntityManager,
  subjectType: string,
  ids: readonly string[],
): Promise<Map<string, FedRecord<State>>> {
  if (ids.length === 0) return new Map();
  const rows = await em.execute<{ subject_id: string; region_code: string; state: State; since: string }[]>(
    `select distinct on (subject_id) subject_id, region_code, state,
            to_char(min(valid_from) over (partition by subject_id), 'YYYY-MM-DD') as since
       from fed_fact
      where subject_type = ? and subject_id in (select jsonb_array_elements_text(?::jsonb)::uuid)
      order by subject_id, valid_from desc`,
    [subjectType, JSON.stringify(ids)],
  );
  return new Map(
    rows.map((row) => [
      row.subject_id,
      { id: row.subject_id, regionCode: row.region_code, state: row.state, since: row.since },
    ]),
  );
}

/**
 * Like latestFedRecords, but every id must be known and visible: otherwise NOT_FOUND naming the
 * argument (an unknown id and one outside the caller's region read the same, so neither leaks).
 */
export async function requireFedRecords<State>(
  em: EntityManager,
  subjectType: string,
  ids: readonly string[],
  argument: string,
  what: string,
): Promise<Map<string, FedRecord<State>>> {
  const found = await latestFedRecords<State>(em, subjectType, ids);
  const missing = ids.find((id) => !found.has(id));
  if (missing)
    throw notFound(
      `${argument}: no ${what} ${missing} in your region (records reach this subgraph within a second of being written; check the id).`,
    );
  return found;
}

/** Every fed period of each record, oldest first, by subject id. */
export async function fedPeriods<State>(
  em: EntityManager,
  subjectType: string,
  ids: readonly string[],
): Promise<Map<string, Period<State>[]>> {
  const periods = new Map<string, Period<State>[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return periods;
  const rows = await em.execute<{ subject_id: string; valid_from: string; valid_to: string | null; state: State }[]>(
    `select subject_id, to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to, state from fed_fact
      where subject_type = ? and subject_id in (select jsonb_array_elements_text(?::jsonb)::uuid)
      order by subject_id, valid_from`,
    [subjectType, JSON.stringify(ids)],
  );
  for (const row of rows)
    periods.get(row.subject_id)?.push({ from: row.valid_from, to: row.valid_to, state: row.state });
  return periods;
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { RegistryFactType, requireFedRecords } from '@xgz/kit';
import { formalMembersOn, type FedMemberState } from './entity-coverage.derived.js';
import type { Period } from '@xgz/kit';

export interface KnownEntity {
  id: string;
  regionCode: string;
  kind: string;
  status: string;
  /** The day registry registered it: nothing about it may be dated before. */
  since: string;
}

/**
 * Market entities as registry last reported them (the fed copy), only those the request's region
 * may see (RLS). Unknown or out-of-region ids are refused with NOT_FOUND naming the argument.
 */
export async function knownEntities(
  em: EntityManager,
  ids: readonly string[],
  argument: string,
): Promise<Map<string, KnownEntity>> {
  const records = await requireFedRecords<Record<string, string>>(
    em,
    RegistryFactType.MarketEntity,
    ids,
    argument,
    'market entity',
  );
  return new Map(
    [...records.values()].map((record) => [
      record.id,
      {
        id: record.id,
        regionCode: record.regionCode,
        kind: record.state.kind!,
        status: record.state.status!,
        since: record.since,
      },
    ]),
  );
}

/** Formal members working in an entity on a date, from the fed copy. */
export async function formalMembersOf(em: EntityManager, entityId: string, date: string): Promise<number> {
  const rows = await em.execute<{ valid_from: string; valid_to: string | null; state: FedMemberState }[]>(
    `select to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to, state
       from fed_fact where subject_type = '${RegistryFactType.PartyMember}' and about_id = ?`,
    [entityId],
  );
  const periods: Period<FedMemberState>[] = rows.map((row) => ({
    from: row.valid_from,
    to: row.valid_to,
    state: row.state,
  }));
  return formalMembersOn(periods, date);
}

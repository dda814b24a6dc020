import type { EntityManager } from '@mikro-orm/postgresql';
import type { Connection } from '../graphql/connection.js';
import { findSqlPage } from '../paging.js';
import type { FactDefinition } from './fact-history.js';

/**
 * A work list (FactDefinition.listOf) as it stood on `date` in a region subtree — the records to act
 * on beside the figure that counts them — a page at a time in subject-id order, with the total.
 * It reads the partial index fact_version_list_index (listed current periods only), so a
 * province's list costs its matches, not its records.
 */
export async function findListedPage<State extends Record<string, unknown>>(
  em: EntityManager,
  definition: FactDefinition<State>,
  list: string,
  regionCode: string,
  date: string,
  page: { first: number | null | undefined; after: string | null | undefined },
): Promise<Connection<{ id: string; state: State }>> {
  return findSqlPage<{ id: string; state: State }>(
    em,
    {
      select: 'subject_id as id, state',
      from: 'fact_version',
      where: `subject_type = ? and listed_in = ? and superseded_at is null and region_code like ?
         and valid_from <= ?::date and (valid_to is null or valid_to > ?::date)`,
      params: [definition.subjectType, list, `${regionCode}%`, date, date],
      key: 'subject_id',
    },
    page,
  );
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor, figureDate, pageSize, scopedRegion, type Connection, type Viewer } from '@xgz/kit';
import type { CoverageClass } from './coverage-class.js';
import { entityCoverageFacts } from './entity-coverage.facts.js';
import type { StandaloneCapableEntity } from './standalone-capable.type.js';

/**
 * Operating entities of a region able to stand alone without their own organization on a date (the
 * "six 100%" list), read from their derived coverage periods, in entity-id order a page at a time.
 */
export async function listStandaloneCapableWithoutOwn(
  em: EntityManager,
  viewer: Viewer,
  regionCode: string | null | undefined,
  asOf: string | null | undefined,
  page: { first: number | null | undefined; after: string | null | undefined },
): Promise<Connection<StandaloneCapableEntity>> {
  const region = scopedRegion(viewer, regionCode, 'regionCode', 'standalone-capable entities');
  const date = figureDate(asOf);
  const size = pageSize(page.first);
  const where = `subject_type = ? and superseded_at is null and starts_with(region_code, ?)
     and valid_from <= ?::date and (valid_to is null or valid_to > ?::date)
     and (state->>'standaloneCapable')::boolean and state->>'coverage' <> 'OWN'`;
  const params = [entityCoverageFacts.subjectType, region, date, date];
  const after = page.after ? decodeCursor(page.after) : '00000000-0000-0000-0000-000000000000';
  const [rows, [count]] = await Promise.all([
    em.execute<{ subject_id: string; coverage: CoverageClass }[]>(
      `select subject_id, state->>'coverage' as coverage from fact_version where ${where} and subject_id > ? order by subject_id limit ?`,
      [...params, after, size + 1],
    ),
    em.execute<{ total: number }[]>(`select count(*)::int as total from fact_version where ${where}`, params),
  ]);
  const shown = rows.slice(0, size);
  return {
    edges: shown.map((row) => ({ cursor: encodeCursor(row.subject_id), node: { entity: { id: row.subject_id }, coverage: row.coverage } })),
    pageInfo: { hasNextPage: rows.length > size, endCursor: shown.length ? encodeCursor(shown.at(-1)!.subject_id) : null },
    totalCount: count!.total,
  };
}

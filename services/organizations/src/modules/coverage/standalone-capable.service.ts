import type { EntityManager } from '@mikro-orm/postgresql';
import { figureDate, findSqlPage, scopedRegion, type Connection, type Viewer } from '@xgz/kit';
import type { CoverageClass } from './coverage-class.js';
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
  listPage: { first: number | null | undefined; after: string | null | undefined },
): Promise<Connection<StandaloneCapableEntity>> {
  const region = scopedRegion(viewer, regionCode, 'regionCode', 'standalone-capable entities');
  const date = figureDate(asOf);
  const page = await findSqlPage<{ id: string; coverage: CoverageClass }>(
    em,
    {
      select: `subject_id as id, state->>'coverage' as coverage`,
      from: 'fact_version',
      where: `subject_type = 'EntityCoverage' and superseded_at is null and (state->>'standaloneCapable')::boolean and state->>'coverage' <> 'OWN'
         and region_code like ? and valid_from <= ?::date and (valid_to is null or valid_to > ?::date)`,
      params: [`${region}%`, date, date],
      key: 'subject_id',
    },
    listPage,
  );
  return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: { entity: { id: edge.node.id }, coverage: edge.node.coverage } })) };
}

import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { assertUuid, findPage, likeLiteral, type Viewer, scopedRegion } from '@xgz/kit';
import { MarketEntityTable, type MarketEntityRow } from './market-entity.entity.js';
import type { MarketEntityFilter } from './market-entity.inputs.js';

/** One page of entities in the viewer's region (or a subtree of it), filtered. */
export async function listMarketEntities(
  em: EntityManager,
  viewer: Viewer,
  filter: MarketEntityFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const regionCode = scopedRegion(viewer, filter?.regionCode, 'filter.regionCode', 'market entities');
  if (filter?.marketId) assertUuid(filter.marketId, 'filter.marketId');
  const where: FilterQuery<MarketEntityRow> = {
    regionCode: { $like: `${regionCode}%` },
    ...(filter?.kinds?.length ? { kind: { $in: filter.kinds } } : {}),
    ...(filter?.statuses?.length ? { status: { $in: filter.statuses } } : {}),
    ...(filter?.search?.trim() ? { name: { $like: `%${likeLiteral(filter.search.trim())}%` } } : {}),
    ...(filter?.marketId ? { marketId: filter.marketId } : {}),
  };
  return findPage(em, MarketEntityTable, where, { first, after });
}

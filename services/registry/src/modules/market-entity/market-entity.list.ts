import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { assertRegionInScope, assertUuid, findPage, likeLiteral, type Viewer } from '@xgz/kit';
import { assertRegionCode } from '../region/region.service.js';
import { MarketEntityEntity, type MarketEntityRow } from './market-entity.entity.js';
import type { MarketEntityFilter } from './market-entity.inputs.js';

/** One page of entities in the viewer's region (or a subtree of it), filtered. */
export async function listMarketEntities(
  em: EntityManager,
  viewer: Viewer,
  filter: MarketEntityFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const regionCode = filter?.regionCode ?? viewer.regionCode;
  assertRegionCode(regionCode, 'filter.regionCode');
  assertRegionInScope(viewer, regionCode, 'market entities');
  if (filter?.marketId) assertUuid(filter.marketId, 'filter.marketId');
  const where: FilterQuery<MarketEntityRow> = {
    regionCode: { $like: `${regionCode}%` },
    ...(filter?.kinds?.length ? { kind: { $in: filter.kinds } } : {}),
    ...(filter?.statuses?.length ? { status: { $in: filter.statuses } } : {}),
    ...(filter?.search?.trim() ? { name: { $like: `%${likeLiteral(filter.search.trim())}%` } } : {}),
    ...(filter?.marketId ? { marketId: filter.marketId } : {}),
  };
  return findPage(em, MarketEntityEntity, where, { first, after });
}

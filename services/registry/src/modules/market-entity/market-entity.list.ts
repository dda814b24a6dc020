import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { assertRegionInScope, assertUuid, decodeCursor, pageSize, toConnection, type Viewer } from '@xgz/kit';
import { assertRegionCode } from '../region/region.service.js';
import { MarketEntityEntity, type MarketEntityRow } from './market-entity.entity.js';
import type { MarketEntityFilter } from './market-entity.inputs.js';

/** Escapes LIKE wildcards so a search for "50%" finds "50%". */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** One page of entities in the viewer's region (or a subtree of it), newest id order for stable cursors. */
export async function listMarketEntities(
  em: EntityManager,
  viewer: Viewer,
  filter: MarketEntityFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const size = pageSize(first);
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
  const [rows, totalCount] = await Promise.all([
    em.find(MarketEntityEntity, after ? { $and: [where, { id: { $gt: decodeCursor(after) } }] } : where, { orderBy: { id: 'asc' }, limit: size + 1 }),
    em.count(MarketEntityEntity, where),
  ]);
  return toConnection(rows, size, totalCount, (row) => row);
}

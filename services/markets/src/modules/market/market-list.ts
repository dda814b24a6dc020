import type { EntityManager } from '@mikro-orm/postgresql';
import { findPage, scopedRegion, type Viewer, type MarketType } from '@xgz/kit';
import { TradingMarketEntity } from '../market-record/market.entity.js';

/** Markets of a region subtree (the viewer's by default), optionally of one type or category, open only unless asked. */
export function listMarkets(
  em: EntityManager,
  viewer: Viewer,
  filter: { regionCode?: string | null; type?: MarketType | null; category?: string | null; includeClosed: boolean },
  page: { first: number | null | undefined; after: string | null | undefined },
) {
  const region = scopedRegion(viewer, filter.regionCode, 'regionCode', 'markets');
  return findPage(
    em,
    TradingMarketEntity,
    {
      regionCode: { $like: `${region}%` },
      ...(filter.type ? { type: filter.type } : {}),
      ...(filter.category ? { category: filter.category } : {}),
      ...(filter.includeClosed ? {} : { closedOn: null }),
    },
    page,
  );
}

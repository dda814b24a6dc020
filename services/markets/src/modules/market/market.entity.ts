import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { regionScopePolicy } from '@xgz/kit';

/**
 * A commodity trading, professional or farmers' market placed at a region. Named TradingMarketEntity:
 * MarketEntity is registry's market entity (市场主体), a different thing.
 */
export const TradingMarketEntity = defineEntity({
  name: 'Market',
  tableName: 'market',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    name: p.text(),
    category: p.text(),
    regionCode: p.string().length(12).index('market_region_code_index'),
  },
  policies: [regionScopePolicy<{ regionCode: string }>('regionCode')],
});

export type MarketRow = InferEntity<typeof TradingMarketEntity>;

import { extendedRegionReference, type SubgraphSchemaDefinition } from '@xgz/kit';
import { marketReference } from './modules/market/market.reference.js';
import { MarketResolver } from './modules/market/market.resolver.js';
import { RegionMarketsResolver } from './modules/region/region.resolver.js';
import { Region } from './modules/region/region.type.js';

export const marketsSchema: SubgraphSchemaDefinition = {
  resolvers: [MarketResolver, RegionMarketsResolver],
  orphanedTypes: [Region],
  references: { ...marketReference, ...extendedRegionReference },
};

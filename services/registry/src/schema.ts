import type { SubgraphSchemaDefinition } from '@xgz/kit';
import { Market } from './modules/market/market.type.js';
import { marketEntityReference } from './modules/market-entity/market-entity.reference.js';
import { MarketEntityResolver } from './modules/market-entity/market-entity.resolver.js';
import { regionReference } from './modules/region/region.reference.js';
import { RegionResolver } from './modules/region/region.resolver.js';

export const registrySchema: SubgraphSchemaDefinition = {
  resolvers: [RegionResolver, MarketEntityResolver],
  orphanedTypes: [Market],
  references: { ...regionReference, ...marketEntityReference },
};

import { defineModule, extendedRegionReference } from '@xgz/kit';
import { RegionMarketsResolver } from './region.resolver.js';
import { Region } from './region.type.js';

/** Registry's Region, extended with this subgraph's counts. */
export const regionModule = defineModule({
  name: 'region',
  resolvers: [RegionMarketsResolver],
  orphanedTypes: [Region],
  references: extendedRegionReference,
});

import { defineModule, extendedRegionReference, type SubgraphModule } from '@xgz/kit';
import { RegionMarketComparisonResolver } from './region-comparison.resolver.js';
import { RegionMarketsResolver } from './region.resolver.js';
import { Region } from './region.type.js';

/** Registry's Region, extended with its markets' figures, ranked and compared. */
// Typed, not inferred: its comparison resolver is typed by the context, which is made of the modules.
export const regionModule: SubgraphModule = defineModule({
  name: 'region',
  resolvers: [RegionMarketsResolver, RegionMarketComparisonResolver],
  orphanedTypes: [Region],
  references: extendedRegionReference,
});

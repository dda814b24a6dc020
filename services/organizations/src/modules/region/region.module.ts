import { defineModule, extendedRegionReference, type SubgraphModule } from '@xgz/kit';
import { RegionOrganizationComparisonResolver } from './region-comparison.resolver.js';
import { RegionOrganizationsResolver } from './region.resolver.js';
import { Region } from './region.type.js';

/** Registry's Region, extended with its organizations and their figures, ranked and compared. */
// Typed, not inferred: its comparison resolver is typed by the context, which is made of the modules.
export const regionModule: SubgraphModule = defineModule({
  name: 'region',
  resolvers: [RegionOrganizationsResolver, RegionOrganizationComparisonResolver],
  orphanedTypes: [Region],
  references: extendedRegionReference,
});

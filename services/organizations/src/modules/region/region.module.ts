import { defineModule, extendedRegionReference } from '@xgz/kit';
import { RegionOrganizationComparisonResolver } from './region-comparison.resolver.js';
import { RegionOrganizationsResolver } from './region.resolver.js';
import { Region } from './region.type.js';

/** Registry's Region, extended with its organizations and their figures, ranked and compared. */
export const regionModule = defineModule({
  name: 'region',
  resolvers: [RegionOrganizationsResolver, RegionOrganizationComparisonResolver],
  orphanedTypes: [Region],
  references: extendedRegionReference,
});

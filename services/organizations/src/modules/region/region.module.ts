import { defineModule, extendedRegionReference } from '@xgz/kit';
import { RegionOrganizationsResolver } from './region.resolver.js';
import { Region } from './region.type.js';

/** Registry's Region, extended with its organizations and their figures. */
export const regionModule = defineModule({
  name: 'region',
  resolvers: [RegionOrganizationsResolver],
  orphanedTypes: [Region],
  references: extendedRegionReference,
});

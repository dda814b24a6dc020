import { defineModule, extendedRegionReference } from '@xgz/kit';
import { RegionAssessmentsResolver } from './region.resolver.js';
import { Region } from './region.type.js';

/** Registry's Region, extended with this subgraph's counts. */
export const regionModule = defineModule({
  name: 'region',
  resolvers: [RegionAssessmentsResolver],
  orphanedTypes: [Region],
  references: extendedRegionReference,
});

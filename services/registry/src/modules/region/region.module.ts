import { defineModule, type SubgraphModule } from '@xgz/kit';
import { RegionEntity } from './region.entity.js';
import { createRegionLoaders, type RegionLoaders } from './region.loaders.js';
import { regionReference } from './region.reference.js';
import { RegionResolver } from './region.resolver.js';

/** The region tree (行政区划) and each region's registry figures. */
// Typed here, not inferred: the context type is made of the modules' loaders, and resolvers use it.
export const regionModule: SubgraphModule<{ regions: RegionLoaders }> = defineModule({
  name: 'region',
  entities: [RegionEntity],
  resolvers: [RegionResolver],
  references: regionReference,
  loaders: (em) => ({ regions: createRegionLoaders(em) }),
});

import { defineModule } from '@xgz/kit';
import { RegionRegistryComparisonResolver } from './region-comparison.resolver.js';
import { RegionFiguresResolver } from './region-figures.resolver.js';

/** Registry figures (底数) of each region: entities and members counted by their dated facts. */
export const figuresModule = defineModule({
  name: 'figures',
  resolvers: [RegionFiguresResolver, RegionRegistryComparisonResolver],
});

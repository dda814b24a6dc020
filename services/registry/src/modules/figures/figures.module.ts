import { defineModule, type SubgraphModule } from '@xgz/kit';
import { RegionRegistryComparisonResolver } from './region-comparison.resolver.js';
import { RegionFiguresResolver } from './region-figures.resolver.js';

/** Registry figures (底数) of each region: entities and members counted by their dated facts. */
// Typed, not inferred: its comparison resolver is typed by the context, which is made of the modules.
export const figuresModule: SubgraphModule = defineModule({
  name: 'figures',
  resolvers: [RegionFiguresResolver, RegionRegistryComparisonResolver],
});

import { defineModule, type SubgraphModule } from '@xgz/kit';
import { MarketCategoryEntity } from './market-category.entity.js';
import { MarketCategoryResolver } from './market-category.resolver.js';

/** The maintained list of market categories (市场类别), extended without a code change. */
// Typed here, not inferred: the context type is made of the modules' loaders, and resolvers use it.
export const marketCategoryModule: SubgraphModule = defineModule({
  name: 'market-category',
  entities: [MarketCategoryEntity],
  resolvers: [MarketCategoryResolver],
  uses: ['audit'],
});

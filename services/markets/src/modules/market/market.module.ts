import { defineModule, type SubgraphModule } from '@xgz/kit';
import { TradingMarketEntity } from './market.entity.js';
import { createMarketLoaders } from './market.loaders.js';
import { marketReference } from './market.reference.js';
import { MarketResolver } from './market.resolver.js';

type Loaders = { markets: ReturnType<typeof createMarketLoaders> };

/** Markets (市场): professional markets, their grades and standardization scope. */
// Typed here, not inferred: the context type is made of the modules' loaders, and resolvers use it.
export const marketModule: SubgraphModule<Loaders> = defineModule({
  name: 'market',
  entities: [TradingMarketEntity],
  resolvers: [MarketResolver],
  references: marketReference,
  loaders: (em, viewer) => ({ markets: createMarketLoaders(em, viewer) }),
});

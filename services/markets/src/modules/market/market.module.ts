import { defineModule, type SubgraphModule } from '@xgz/kit';
import { marketsSettings } from '../../markets.settings.js';
import { MarketHonourEntity } from './market-honour.entity.js';
import { TradingMarketEntity } from '../market-record/market.entity.js';
import { MarketsErrorCode } from '../market-record/market.errors.js';
import { marketFacts } from '../market-record/market.facts.js';
import { createMarketLoaders } from './market.loaders.js';
import { marketReference } from './market.reference.js';
import { MarketResolver } from './market.resolver.js';

type Loaders = { markets: ReturnType<typeof createMarketLoaders> };

/** Markets (市场): the ledger, their dated grade, stars and flags, honours, opened and closed. */
// Typed here, not inferred: the context type is made of the modules' loaders, and resolvers use it.
export const marketModule: SubgraphModule<Loaders> = defineModule({
  name: 'market',
  settings: [marketsSettings],
  entities: [TradingMarketEntity, MarketHonourEntity],
  resolvers: [MarketResolver],
  references: marketReference,
  loaders: (em, viewer) => ({ markets: createMarketLoaders(em, viewer) }),
  errorCodes: MarketsErrorCode,
  facts: [marketFacts],
  // Registry checks an entity's market against its copy of these.
  publishes: [marketFacts.subjectType],
  textRules: { reason: { maxLength: 500, multiline: true } },
  uses: ['audit'],
});
